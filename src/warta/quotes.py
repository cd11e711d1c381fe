"""Direct quotes and their speakers, first version: “…,” kata X / X mengatakan, “…”.

The speaker is the actor mention in the attribution; a pronoun cue ("ujarnya", "katanya") or a
bare "kata dia" takes the last named speaker of the article.
"""

from __future__ import annotations

import re

from warta.lang import LanguagePack
from warta.records import Actor, Mention, Quote, Sentence

_QUOTE = re.compile(r"[“\"](?P<q>[^”\"]{8,}?)[”\"]")


def find_quotes(
    text: str, sentences: list[Sentence], mentions: list[Mention], pack: LanguagePack
) -> list[Quote]:
    cues = sorted(
        {str(c).lower() for c in pack.yaml("cues.yaml").get("speech_verbs", [])}, key=len, reverse=True
    )
    cue_rx = re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.I) if cues else None
    out: list[Quote] = []
    last_speaker: Mention | None = None
    for s in sentences:
        for m in _QUOTE.finditer(s.text):
            qs, qe = s.start + m.start("q"), s.start + m.end("q")
            after = s.text[m.end() : m.end() + 80]
            before = s.text[max(0, m.start() - 120) : m.start()]
            cue = None
            speaker: Mention | None = None
            ca = cue_rx.search(after) if cue_rx else None
            if ca and ca.start() <= 3:
                cue = ca.group(1).lower()
                lo = s.start + m.end() + ca.end()
                speaker = next(
                    (
                        x
                        for x in mentions
                        if x.sentence == s.index
                        and x.start >= lo
                        and x.code
                        and x.role == "actor"
                        and x.start - lo <= 40
                    ),
                    None,
                )
                if (
                    speaker is None
                    and cue.endswith("nya")
                    or s.text[m.end() + ca.end() :].lstrip()[:3] in {"dia", "ia"}
                ):
                    speaker = last_speaker
            else:
                matches = list(cue_rx.finditer(before)) if cue_rx else []
                cb = matches[-1] if matches else None
                if cb is not None:
                    cue = cb.group(1).lower()
                    hi = s.start + max(0, m.start() - 120) + cb.start()
                    cands = [
                        x
                        for x in mentions
                        if x.sentence == s.index and x.end <= hi and x.code and x.role == "actor"
                    ]
                    speaker = cands[-1] if cands else last_speaker
            if cue is None:
                continue
            if speaker is not None and speaker.name:
                last_speaker = speaker
            out.append(
                Quote(
                    article_id="",
                    sentence=s.index,
                    start=qs,
                    end=qe,
                    text=text[qs:qe],
                    speaker=Actor(speaker.text, speaker.code, speaker.sector, speaker.name)
                    if speaker
                    else None,
                    speaker_text=speaker.text if speaker else None,
                    cue=cue,
                    direct=True,
                )
            )
    return out

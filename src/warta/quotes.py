"""Direct quotes and their speakers, first version: “…,” kata X / X mengatakan, “…”.

The speaker is the actor mention in the attribution; a pronominal cue ("ujarnya", "katanya",
"menurutnya") or "kata dia" takes the last named speaker of the article.
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang import LanguagePack
from warta.records import Actor, Mention, Quote, Sentence

_QUOTE = re.compile(r"[“\"](?P<q>[^”\"]{8,}?)[”\"]")
_WINDOW = 120  # characters around a quotation searched for its cue and speaker


@cache
def _cue_regex(pack: LanguagePack) -> re.Pattern[str] | None:
    cues = sorted(
        {str(c).lower() for c in pack.yaml("cues.yaml").get("speech_verbs", [])}, key=len, reverse=True
    )
    return re.compile(r"\b(" + "|".join(re.escape(c) for c in cues) + r")\b", re.I) if cues else None


def _pronominal(cue: str, rest: str) -> bool:
    return cue.endswith("nya") or rest.lstrip()[:4].rstrip(" .,") in {"dia", "ia", "ia."}


def _actor(m: Mention | None) -> Actor | None:
    return Actor(m.text, m.code, m.sector, m.name) if m else None


def find_quotes(
    text: str, sentences: list[Sentence], mentions: list[Mention], pack: LanguagePack
) -> list[Quote]:
    cue_rx = _cue_regex(pack)
    if cue_rx is None:
        return []
    out: list[Quote] = []
    last_speaker: Mention | None = None
    for s in sentences:
        actors = [x for x in mentions if x.sentence == s.index and x.code and x.role == "actor"]
        for m in _QUOTE.finditer(s.text):
            qs, qe = s.start + m.start("q"), s.start + m.end("q")
            cue, speaker = None, None
            after = cue_rx.search(s.text[m.end() : m.end() + _WINDOW])
            if after and after.start() <= 3:
                # “…,” kata Wang / ujarnya
                cue = after.group(1).lower()
                lo = s.start + m.end() + after.end()
                if _pronominal(cue, text[lo : lo + 6]):
                    speaker = last_speaker
                else:
                    speaker = next((x for x in actors if lo <= x.start <= lo + 40), None)
            else:
                # Wang mengatakan, “…”
                base = max(0, m.start() - _WINDOW)
                before = list(cue_rx.finditer(s.text[base : m.start()]))
                if before:
                    cue = before[-1].group(1).lower()
                    hi = s.start + base + before[-1].start()
                    if _pronominal(cue, ""):
                        speaker = last_speaker
                    else:
                        cands = [x for x in actors if x.end <= hi]
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
                    speaker=_actor(speaker),
                    speaker_text=speaker.text if speaker else None,
                    cue=cue,
                    direct=True,
                )
            )
    return out

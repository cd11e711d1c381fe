"""Quotes and their speakers.

* Direct: “…,” kata X / X mengatakan, “…”. The speaker is the actor mention in the attribution; a
  pronominal cue ("ujarnya", "katanya", "menurutnya") or "kata dia" takes the last named speaker.
* Indirect (``direct=False``): X mengatakan (bahwa) …, Menurut X, … -- the reported clause, up to the end
  of the sentence, with the actor right before the cue (or after "menurut") as speaker. Only the cue
  verbs of ``indirect_speech_verbs`` in cues.yaml count, and only where the sentence has no direct quote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from warta.lang import LanguagePack, lower_for_probe, trie_alternation
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


@cache
def _indirect_regex(pack: LanguagePack) -> re.Pattern[str] | None:
    cues = _indirect_cues(pack)
    if not cues:
        return None
    alt = "|".join(re.escape(c) for c in cues)
    return re.compile(rf"\b(?P<cue>{alt})\b,?\s+", re.I)


def _indirect_cues(pack: LanguagePack) -> list[str]:
    return sorted(
        {str(c).lower() for c in pack.yaml("cues.yaml").get("indirect_speech_verbs", [])},
        key=len,
        reverse=True,
    )


@cache
def _indirect_probe(pack: LanguagePack) -> re.Pattern[str] | None:
    """The indirect cues as a case-sensitive pattern for lower-cased text (None unless they are ASCII):
    a scan of the article for the places where a cue may be, which jumps from one possible first letter to
    the next instead of trying the case-insensitive alternation at every character of every sentence."""
    cues = _indirect_cues(pack)
    if not cues or not all(c and c.isascii() for c in cues):
        return None
    return re.compile(trie_alternation(cues))


def _cue_spans(text: str, probe: re.Pattern[str] | None) -> tuple[list[int], list[int]] | None:
    """Starts and ends of the places in ``text`` where an indirect cue may be: wherever the cue pattern
    matches, one of them overlaps it (the match is an occurrence of a cue in the lower-cased text, and the
    scan finds each occurrence or one overlapping it). None when the lower-cased text cannot tell: not one
    character for one, or a character that matches an ASCII letter without lower-casing to it."""
    low = lower_for_probe(text) if probe is not None else None
    if probe is None or low is None:
        return None
    starts: list[int] = []
    ends: list[int] = []
    for m in probe.finditer(low):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _may_have_cue(text: str, s: Sentence, spans: tuple[list[int], list[int]] | None) -> bool:
    """False only when no indirect cue can be in ``s.text`` (a slice of ``text`` at ``s.start``)."""
    if spans is None or not text.startswith(s.text, s.start):
        return True
    starts, ends = spans
    i = bisect_right(ends, s.start)  # the first place ending after the sentence's start
    return i < len(starts) and starts[i] < s.start + len(s.text)


_BAHWA = re.compile(r"\bbahwa\b,?\s*", re.I)
_BAHWA_REACH = 90  # characters after the cue in which "bahwa" opens the reported clause
# without "bahwa", the reported clause starts with a name or a pronoun ("Qin mengatakan China bersedia ...");
# "menegaskan kembali dukungan ..." or "menyatakan dukungannya" have an object, not a clause
_CLAUSE_START = re.compile(r"[A-Z]|(?:ia|dia|mereka|pihaknya|kedua|para|pemerintah|negara)\b")


_MENURUT = re.compile(r"^\s*menurut(?:nya|\s+(?P<who>[^,]{2,80})),\s*", re.I)


@cache
def _pronouns(pack: LanguagePack) -> frozenset[str]:
    """The singular pronouns of cues.yaml (``pronoun_subjects``: "ia", "dia", "beliau") that "Menurut dia,"
    may use for the person just named (find_quotes)."""
    return frozenset(str(w).lower() for w in pack.yaml("cues.yaml").get("pronoun_subjects", []) or [])


_SPEAKER_GAP = 3  # words allowed between the speaker and the cue ("Wang juga mengatakan")


def _indirect(
    text: str,
    s: Sentence,
    actors: list[Mention],
    pack: LanguagePack,
    *,
    may_have_cue: bool = True,
    last: Mention | None = None,
) -> tuple[Quote, Mention] | None:
    """ "Qin mengatakan China bersedia ...", "Menurut Wang, kedua pihak ..."; ``may_have_cue=False``: the
    sentence has no indirect cue (only "menurut" is looked for); ``last``: whom "Menurut dia," and
    "Menurutnya," stand for."""
    m = _MENURUT.match(s.text)
    if m:
        who = m.group("who")
        if who is None or who.strip().lower() in _pronouns(pack):
            speaker = last
        else:
            lo, hi = s.start + m.start("who"), s.start + m.end("who")
            speaker = next((a for a in actors if lo <= a.start and a.end <= hi), None)
        if speaker:
            return _indirect_quote(text, s, s.start + m.end(), speaker, "menurut"), speaker
        return None
    rx = _indirect_regex(pack) if may_have_cue else None
    if rx is None:
        return None
    for c in rx.finditer(s.text):
        cue_at = s.start + c.start()
        cands = [a for a in actors if a.end <= cue_at and len(text[a.end : cue_at].split()) <= _SPEAKER_GAP]
        if not cands:
            continue
        bahwa = _BAHWA.search(s.text, c.end(), c.end() + _BAHWA_REACH)
        if bahwa:
            start = s.start + bahwa.end()
        elif _CLAUSE_START.match(s.text, c.end()):
            start = s.start + c.end()
        else:
            continue
        if start < s.end - 8:
            return _indirect_quote(text, s, start, cands[-1], c.group("cue").lower()), cands[-1]
    return None


def _indirect_quote(text: str, s: Sentence, start: int, speaker: Mention, cue: str) -> Quote:
    end = s.end
    while end > start and text[end - 1] in ".!? ":
        end -= 1
    return Quote(
        article_id="",
        sentence=s.index,
        start=start,
        end=end,
        text=text[start:end],
        speaker=Actor.of(speaker) if speaker else None,
        speaker_text=speaker.text,
        cue=cue,
        direct=False,
    )


def find_quotes(
    text: str, sentences: list[Sentence], mentions: list[Mention], pack: LanguagePack
) -> list[Quote]:
    cue_rx = _cue_regex(pack)
    if cue_rx is None:
        return []
    out: list[Quote] = []
    last_speaker: Mention | None = None
    by_sentence: dict[int, list[Mention]] = {}  # the coded actors of each sentence, in order
    for x in mentions:
        if x.code and x.role == "actor":
            by_sentence.setdefault(x.sentence, []).append(x)
    spans: tuple[list[int], list[int]] | None = None
    spans_done = False
    for s in sentences:
        actors = by_sentence.get(s.index, [])
        st = s.text
        if not ("“" in st or "”" in st or '"' in st):  # no quotation (_QUOTE needs one of these)
            if not spans_done:
                spans, spans_done = _cue_spans(text, _indirect_probe(pack)), True
            may_have_cue = _may_have_cue(text, s, spans)
            if not (may_have_cue or _MENURUT.match(st)):
                continue  # _indirect finds nothing without a cue or "menurut"
            # "X menolak berspekulasi. Menurut dia, ...": the pronoun is the previous sentence's first named
            # person, else the last named speaker
            named = [x for x in by_sentence.get(s.index - 1, []) if x.name]
            last = named[0] if named else last_speaker
            found = _indirect(text, s, actors, pack, may_have_cue=may_have_cue, last=last)
            if found:
                out.append(found[0])
                if found[1].name:
                    last_speaker = found[1]
            continue
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
                    speaker=Actor.of(speaker) if speaker else None,
                    speaker_text=speaker.text if speaker else None,
                    cue=cue,
                    direct=True,
                )
            )
    return out

"""Sentence splitting for Indonesian news, with character offsets into the article text.

Rules: a sentence ends at . ! ? or … (with any closing quotes or brackets) followed by white space and
an upper-case letter, a digit or an opening quote -- unless the word before the stop is an abbreviation
from the language pack (Jl., Dr., dll.) or a one-letter initial (Rizky C. Septania), or the stop is
inside a quotation that closes later in the paragraph (a quote and its "kata X" stay together).
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang import LanguagePack
from warta.records import Sentence

_PARA = re.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")
# a run of stops is taken whole, from its first character and without backtracking: tried at every dot of
# a long run of dots, the plain pattern took quadratic time ("." * 20000: 5 s)
_STOP = re.compile(r"""(?<![.!?…])[.!?…]++["'”’»)\]]*+(?=\s+["“‘(«]?[A-Z0-9À-Ý])""")
_OPEN, _CLOSE = "“«", "”»"


@cache
def _abbreviations(pack: LanguagePack) -> frozenset[str]:
    return frozenset(w.lower().rstrip(".") for w in pack.words("abbreviations.txt"))


def split(text: str, pack: LanguagePack) -> list[Sentence]:
    abbr = _abbreviations(pack)
    out: list[Sentence] = []
    for p_index, para in enumerate(_PARA.finditer(text)):
        base, body = para.start(), para.group()
        start = 0
        for m in _STOP.finditer(body):
            end = m.end()
            if _is_abbreviation(body, m.start(), abbr) or _inside_quote(body, start, m.start()):
                continue
            _emit(out, text, base + start, base + end, p_index)
            start = _skip_space(body, end)
        if start < len(body):
            _emit(out, text, base + start, base + len(body), p_index)
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(index=len(out), start=start, end=end, text=text[start:end], paragraph=paragraph))


def _skip_space(body: str, i: int) -> int:
    while i < len(body) and body[i].isspace():
        i += 1
    return i


def _is_abbreviation(body: str, stop: int, abbr: frozenset[str]) -> bool:
    if body[stop] != ".":
        return False
    j = stop
    while j > 0 and not body[j - 1].isspace() and body[j - 1] not in "(“\"'":
        j -= 1
    word = body[j:stop].lower()
    if not word:
        return False
    if word in abbr:
        return True
    return len(word) == 1 and word.isalpha() and body[j].isupper()  # an initial: "C." in "Rizky C. Septania"


def _inside_quote(body: str, start: int, stop: int) -> bool:
    """True when a quotation opened in this sentence is still open at ``stop`` and closes later."""
    seg = body[start:stop]
    depth = sum(seg.count(c) for c in _OPEN) - sum(seg.count(c) for c in _CLOSE)
    straight = seg.count('"') % 2 == 1
    if depth > 0:
        return any(c in body[stop:] for c in _CLOSE)
    if straight:
        return '"' in body[stop + 1 :]
    return False

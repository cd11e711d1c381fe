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


_SPACE_RUN = re.compile(r"\s*")
_QUOTE_CHARS = _OPEN + _CLOSE + '"'
# the word before a stop, read backwards from the stop in the reversed paragraph: up to white space or an
# opening bracket or quote (see _abbreviation_before)
_WORD_BACK = re.compile(r"""[^\s(“"']*""")


def split(text: str, pack: LanguagePack) -> list[Sentence]:
    abbr = _abbreviations(pack)
    out: list[Sentence] = []
    for p_index, para in enumerate(_PARA.finditer(text)):
        base, body = para.start(), para.group()
        start = 0
        quoted = any(c in body for c in _QUOTE_CHARS)  # else no stop is inside a quotation
        back = None  # the paragraph reversed, made at its first full stop
        for m in _STOP.finditer(body):
            end, stop = m.end(), m.start()
            if body[stop] == ".":
                if back is None:
                    back = body[::-1]
                if _abbreviation_before(body, back, stop, abbr):
                    continue
            if quoted and _inside_quote(body, start, stop):
                continue
            _emit(out, text, base + start, base + end, p_index)
            start = _SPACE_RUN.match(body, end).end()  # type: ignore[union-attr]  # \s* always matches
        if start < len(body):
            _emit(out, text, base + start, base + len(body), p_index)
    return out


def _emit(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    seg = text[start:end]
    stripped = seg.strip()  # str.strip and str.isspace agree on what white space is
    if stripped:
        start += len(seg) - len(seg.lstrip())
        end = start + len(stripped)
        out.append(Sentence(index=len(out), start=start, end=end, text=stripped, paragraph=paragraph))


def _abbreviation_before(body: str, back: str, stop: int, abbr: frozenset[str]) -> bool:
    """The word before the full stop at ``stop`` is an abbreviation or an initial; ``back`` is
    ``body[::-1]``, where one regex match reads the word (back to white space or an opening bracket or
    quote) instead of a loop over its characters."""
    # back[k] is body[len(body) - 1 - k]; the pattern (a * run) always matches
    j = len(body) - _WORD_BACK.match(back, len(body) - stop).end()  # type: ignore[union-attr]
    word = body[j:stop].lower()
    if not word:
        return False
    if word in abbr:
        return True
    return len(word) == 1 and word.isalpha() and body[j].isupper()  # an initial: "C." in "Rizky C. Septania"


def _inside_quote(body: str, start: int, stop: int) -> bool:
    """True when a quotation opened in this sentence is still open at ``stop`` and closes later."""
    depth = sum(body.count(c, start, stop) for c in _OPEN) - sum(body.count(c, start, stop) for c in _CLOSE)
    if depth > 0:
        return any(body.find(c, stop) >= 0 for c in _CLOSE)
    if body.count('"', start, stop) % 2 == 1:
        return body.find('"', stop + 1) >= 0
    return False

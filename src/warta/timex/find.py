"""find_timexes: the four passes over a text (propose, select, merge, resolve)."""

from __future__ import annotations

from datetime import date
from functools import partial

from warta.records import Timex
from warta.timex.dates import _as_date
from warta.timex.lexicon import _lexicon
from warta.timex.normalise import _Direction, _resolve
from warta.timex.recognise import _candidates


def find_timexes(text: str, dct: date | None, *, direction: str | None = None) -> list[Timex]:
    """All temporal expressions in `text`, normalised against `dct` (sorted, non-overlapping).

    `direction` ("past" or "future") forces how underspecified expressions are resolved;
    by default it is read from future cues in each expression's clause (news: past).
    """
    if not isinstance(text, str) or not text:
        return []
    lex = _lexicon()
    dct = _as_date(dct)
    forced = direction.lower() if isinstance(direction, str) else None
    dirs = _Direction(text, lex, forced if forced in ("past", "future") else None)
    out: list[Timex] = []
    for c in _candidates(text, lex):
        try:
            r = _resolve(c, dct, partial(dirs.at, c.start))
        except (ValueError, OverflowError, KeyError, TypeError):
            r = None
        if r is None:
            continue
        typ, value, precision, first = r
        if first is None:
            precision = None
        out.append(Timex(c.start, c.end, text[c.start : c.end], typ, value, precision, first))
    return out

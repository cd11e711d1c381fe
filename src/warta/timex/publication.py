"""Dates of a page: its publication date line, and the year of an undated article."""

from __future__ import annotations

from datetime import date

from warta.timex.dates import _as_date, _mkdate
from warta.timex.lexicon import _lexicon
from warta.timex.model import _key
from warta.timex.recognise import _candidates


def parse_publication_date(s: str) -> date | None:
    """The date in a page's date line ("Rabu 20 Sep 2023 14:35 WIB", "2024-04-09T10:00:00+07:00",
    "Selasa (19/9/2023)", "09/04/2024" = 9 April); None when there is no full, valid date."""
    try:
        if not isinstance(s, str):
            return None
        s = s[:500]
        lex = _lexicon()
        m = lex.iso_re.match(s)
        if m:
            d = _mkdate(int(m["y"]), int(m["m"]), int(m["d"]))
            return d if d and 1900 <= d.year <= 2100 else None
        for c in _candidates(s, lex):
            if c.kind == "time" and c.f["date"] is not None:
                c = c.f["date"]
            if c.kind == "ymd" and c.f.get("y") is not None:
                d = _mkdate(c.f["y"], c.f["m"], c.f["d"])
                if d and 1900 <= d.year <= 2100:
                    return d
        m = lex.en_date_re.search(s)
        if m:
            mo = lex.month.get(_key(m["m"]))
            d = _mkdate(int(m["y"]), mo, int(m["d"])) if mo else None
            if d and 1900 <= d.year <= 2100:
                return d
    except Exception:  # noqa: BLE001 -- a boundary parser for scraped strings: never raise
        return None
    return None


def infer_year(text: str, today: date) -> int | None:
    """The latest year (<= today's, within 30 years) in which every weekday + day-month pair
    without a year ("Selasa (9 April)", "Senin (18/9)", "Kamis, 4 Mei") falls on its weekday."""
    try:
        day = _as_date(today)
        if day is None or not isinstance(text, str):
            return None
        pairs = {
            (c.f["wd"], c.f["m"], c.f["d"])
            for c in _candidates(text, _lexicon())
            for c in ([c.f["date"]] if c.kind == "time" and c.f["date"] is not None else [c])
            if c.kind == "ymd" and c.f.get("wd") and c.f.get("y") is None and c.f.get("yrel") is None
        }
        if not pairs:
            return None
        for y in range(day.year, day.year - 31, -1):
            if all((d := _mkdate(y, m, dd)) is not None and d.isoweekday() == wd for wd, m, dd in pairs):
                return y
    except Exception:  # noqa: BLE001 -- never raise on scraped text
        return None
    return None

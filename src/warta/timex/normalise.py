"""Normalisation: a candidate resolved to a TimeML value against the dct, and the past/future
direction of each clause.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from warta.timex.builders import _PARTS_PER_YEAR
from warta.timex.dates import _add_months, _mkdate, _monday, _week
from warta.timex.holidays import _res_holiday
from warta.timex.lexicon import _lexicon
from warta.timex.model import _Cand, _day, _Lex, _Res

_WD_SLACK = 7  # days a weekday + date may lie on the other side of the dct than the inferred direction
_REF = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def _resolve(c: _Cand, dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    f, k = c.f, c.kind
    if f.get("dp"):  # part of the day: the day's value + "TNI" (TimeML), a TIME of precision day
        r = _resolve(_Cand(c.start, c.end, k, dict(f, dp=None)), dct, dirn)
        if r is None or r[1].endswith("_REF"):
            return r
        return "TIME", f"{r[1]}T{f['dp']}", r[2], r[3]
    if k == "ymd":
        return _res_ymd(f, dct, dirn)
    if k == "ym":
        return _res_ym(f, dct, dirn)
    if k == "y":
        return "DATE", f"{f['y']:04d}", "year", date(f["y"], 1, 1)
    if k == "decade":
        if f["v"] is None:  # "dekade lalu", "abad ini"
            if dct is None:
                return "DATE", _REF[f["off"]], None, None
            return "DATE", str(dct.year // f["scale"] + f["off"]), None, None
        return "DATE", f["v"], None, None
    if k == "wd":
        return _res_wd(f, dct, dirn)
    if k == "day":
        if dct is None:
            return "DATE", _REF[(f["off"] > 0) - (f["off"] < 0)], None, None
        return _day(dct + timedelta(days=f["off"]))
    if k == "unit":
        return _res_unit(f, dct)
    if k == "weekend":
        return _res_weekend(f, dct, dirn)
    if k == "season":
        y = f["y"]
        if y is None:
            if dct is None:
                return "DATE", f"XXXX-{f['s']}", None, None
            y = dct.year + f["off"]
        return "DATE", f"{y:04d}-{f['s']}", "year", date(y, 1, 1)
    if k == "dom":
        return _res_dom(f, dct, dirn)
    if k == "hol":
        return _res_holiday(_lexicon().holidays[f["key"]], f, dct, dirn)
    if k == "yp":
        return _res_year_part(f, dct, dirn)
    if k == "ref":
        return "DATE", f["v"], None, None
    if k == "duration":
        return "DURATION", f["v"], None, None
    if k == "set":
        return "SET", f["v"], None, None
    if k == "time":
        hm = f"T{f['h']:02d}:{f['mi']:02d}"
        inner = _resolve(f["date"], dct, dirn) if f["date"] is not None else None
        if inner is not None and inner[2] == "day" and inner[3] is not None:
            return "TIME", inner[3].isoformat() + hm, "day", inner[3]
        if inner is not None and re.fullmatch(r"XXXX-\d\d-\d\d", inner[1]):
            return "TIME", inner[1] + hm, None, None
        if f["date"] is None and dct is not None:
            return "TIME", dct.isoformat() + hm, "day", dct
        return "TIME", "XXXX-XX-XX" + hm, None, None
    return None


def _res_ymd(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    y, m, d = f.get("y"), f["m"], f["d"]
    if y is None and f.get("yrel") is not None and dct is not None:
        y = dct.year + f["yrel"]
    if y is not None:
        return _day(_mkdate(y, m, d))
    if dct is None:
        return "DATE", f"XXXX-{m:02d}-{d:02d}", None, None
    rel = f.get("rel")
    way = "past" if rel == "past" else "future" if rel == "future" else dirn()
    sign = 1 if way == "future" else -1
    # the direction-consistent nearest date: the latest on or before the dct (past) ...
    near = None
    for k in range(9):
        dd = _mkdate(dct.year + sign * k, m, d)
        if dd and (dd >= dct if sign > 0 else dd <= dct):
            near = dd
            break
    wd = f.get("wd")
    if wd and (near is None or near.isoweekday() != wd):
        # ... unless the weekday names another date inside the window: a year on that side of
        # the dct, plus a week's slack the other way when the direction is only inferred
        slack = 0 if rel in ("past", "future") else _WD_SLACK
        lo, hi = (
            (dct - timedelta(days=slack), dct + timedelta(days=366))
            if sign > 0
            else (dct - timedelta(days=366), dct + timedelta(days=slack))
        )
        hits = [
            dd
            for yy in (dct.year - 1, dct.year, dct.year + 1)
            if (dd := _mkdate(yy, m, d)) and dd.isoweekday() == wd and lo <= dd <= hi
        ]
        if hits:
            return _day(min(hits, key=lambda dd: abs((dd - dct).days)))
    return _day(near)


def _res_ym(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    y, m = f.get("y"), f["m"]
    if y is None and f.get("yrel") is not None and dct is not None:
        y = dct.year + f["yrel"]
    if y is None:
        if dct is None:
            return "DATE", f"XXXX-{m:02d}", None, None
        rel = f.get("rel")
        way = "past" if rel == "past" else "future" if rel == "future" else dirn()
        if rel == "this":
            y = dct.year
        elif way == "future":
            y = dct.year if m >= dct.month else dct.year + 1
        else:
            y = dct.year if m <= dct.month else dct.year - 1
    return "DATE", f"{y:04d}-{m:02d}", "month", date(y, m, 1)


def _res_dom(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    """ "tanggal 5 bulan ini" (that month); "pada tanggal 5": the nearest 5th on the direction's side."""
    d = f["d"]
    if dct is None:
        return "DATE", f"XXXX-XX-{d:02d}", None, None
    if f["moff"] is not None:
        return _day(_mkdate(*_add_months(dct.year, dct.month, f["moff"]), d))
    sign = 1 if dirn() == "future" else -1
    for k in range(13):
        dd = _mkdate(*_add_months(dct.year, dct.month, sign * k), d)
        if dd and (dd >= dct if sign > 0 else dd <= dct):
            return _day(dd)
    return None


def _res_year_part(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    code, n, y = f["code"], f["n"], f["y"]
    size = _PARTS_PER_YEAR[code]
    months = 12 // size
    if n is None:  # "kuartal lalu", "semester ini"
        if dct is None:
            return "DATE", _REF[f["off"]], None, None
        t = dct.year * size + (dct.month - 1) // months + f["off"]
        y, n = t // size, t % size + 1
    if y is None and f["yrel"] is not None and dct is not None:
        y = dct.year + f["yrel"]
    if y is None:
        if dct is None:
            return "DATE", f"XXXX-{code}{n}", None, None
        y = dct.year
        rel = f["rel"]
        way = "past" if rel == "past" else "future" if rel == "future" else dirn()
        if rel != "this":
            if way == "future" and (n * months < dct.month):  # the period is over this year
                y += 1
            elif way != "future" and (n - 1) * months + 1 > dct.month:  # not begun yet
                y -= 1
    return "DATE", f"{y:04d}-{code}{n}", "year", date(y, 1, 1)


def _res_wd(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    wd = f["wd"]
    if dct is None:
        return "DATE", f"XXXX-WXX-{wd}", None, None
    if f["week"] is not None:
        return _day(_monday(dct) + timedelta(days=7 * f["week"] + wd - 1))
    rel = f["rel"]
    if rel == "this":
        return _day(_monday(dct) + timedelta(days=wd - 1))
    if rel == "past":
        return _day(dct - timedelta(days=(dct.isoweekday() - wd) % 7 or 7))
    if rel == "future":
        return _day(dct + timedelta(days=(wd - dct.isoweekday()) % 7 or 7))
    if dirn() == "future":
        # "akan bertemu pada hari Jumat" written on a Friday is that day, as a past "pada Jumat" is
        return _day(dct + timedelta(days=(wd - dct.isoweekday()) % 7))
    return _day(dct - timedelta(days=(dct.isoweekday() - wd) % 7))


def _res_unit(f: dict[str, Any], dct: date | None) -> _Res | None:
    (code, factor, clock), n, sign = f["u"], f["n"], f["sign"]
    if n == "X" or clock or dct is None:
        return "DATE", _REF[sign], None, None
    if isinstance(n, float):
        if not n.is_integer():
            return "DATE", _REF[sign], None, None
        n = int(n)
    k = sign * n * factor
    if code == "D":
        return _day(dct + timedelta(days=k))
    if code == "W":
        if f.get("part") == "akhir":
            return _res_weekend({"off": k}, dct, lambda: "past")
        return ("DATE", *_week(dct + timedelta(weeks=k)))
    if code == "M":
        y, m = _add_months(dct.year, dct.month, k)
        return "DATE", f"{y:04d}-{m:02d}", "month", date(y, m, 1)
    if code == "Y":
        y = dct.year + k
        return "DATE", f"{y:04d}", "year", date(y, 1, 1)
    return None


def _res_weekend(f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    if dct is None:
        return "DATE", "XXXX-WXX-WE", None, None
    off = f["off"]
    if off is None:
        if dirn() == "future":
            off = 0 if dct.isoweekday() < 6 else 1
        else:
            off = 0 if dct.isoweekday() >= 6 else -1
    v, p, first = _week(dct + timedelta(weeks=off))
    return "DATE", v + "-WE", p, first


class _Direction:
    """Past/future per clause, computed lazily and cached for one text."""

    def __init__(self, text: str, lex: _Lex, forced: str | None) -> None:
        self.text, self.lex, self.forced = text, lex, forced
        self._starts: list[int] | None = None
        self._seg: dict[int, str] = {}

    def at(self, pos: int) -> str:
        if self.forced:
            return self.forced
        if self._starts is None:
            self._starts = [0] + [m.end() for m in self.lex.segment_re.finditer(self.text)]
        i = bisect.bisect_right(self._starts, pos) - 1
        if i not in self._seg:
            end = self._starts[i + 1] if i + 1 < len(self._starts) else len(self.text)
            seg = self.lex.cue_exc_re.sub(" ", self.text[self._starts[i] : end])
            self._seg[i] = "future" if self.lex.cue_re.search(seg) else "past"
        return self._seg[i]

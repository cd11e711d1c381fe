"""Holidays: the movable dates of ``holidays.tsv``, the holiday builder, and their resolution."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from warta.timex.builders import _rel_class, _yrel
from warta.timex.dates import _mkdate
from warta.timex.model import _Cand, _day, _Holiday, _key, _Lex, _Res

_HOLIDAYS_TSV = Path(__file__).parent.parent / "lang" / "id" / "holidays.tsv"


def _holidays(spec: dict[str, Any]) -> dict[str, _Holiday]:
    """time.yaml's holidays, with the movable dates of holidays.tsv."""
    dates: dict[str, list[tuple[date, int | None]]] = {}
    with open(_HOLIDAYS_TSV, encoding="utf-8") as fh:
        for line in fh:
            row = line.rstrip("\n").split("\t")
            if len(row) < 2 or line.startswith("#") or row[0] == "holiday":
                continue
            hy = row[2] if len(row) > 2 else ""
            dates.setdefault(row[0], []).append((date.fromisoformat(row[1]), int(hy) if hy else None))
    out = {}
    for k, h in spec.items():
        fixed = tuple(int(x) for x in str(h["date"]).split("-")) if h.get("date") else None
        if fixed is None and k not in dates:
            raise ValueError(f"time.yaml: holiday {k!r} has no date and no rows in holidays.tsv")
        out[k] = _Holiday(
            fixed=fixed,  # type: ignore[arg-type]
            dates=tuple(sorted(dates.get(k, []))),
            month=bool(h.get("month")),
            anniversary=int(h["anniversary"]) if h.get("anniversary") else None,
            only_before=frozenset(_key(w) for w in h.get("only_before", [])),
        )
    return out


def _b_holiday(m: re.Match[str], text: str, lex: _Lex, anniversary_key: str | None) -> _Cand | None:
    if m["hut"]:
        key, guarded, nth = anniversary_key, False, m["nth0"]
    else:
        key, guarded = lex.holiday_names[_key(m["h"])]
        nth = m["nth"]
    if key is None:
        return None
    h = lex.holidays[key]
    ctx = lex.holiday_ctx_re.search(text, max(0, m.start() - 40), m.start())
    # "tahun baru ini" is "this new year", so "ini" alone does not make a guarded name a holiday
    dated = (
        m["y"]
        or m["yrel"]
        or _rel_class(m["rel"], lex) in ("past", "future")
        or m["hy"]
        or (nth and h.anniversary)
    )
    if guarded and not (ctx or dated):  # "di Natal, Brasil"
        return None
    name_end = m.end("h") if m["h"] else m.end("hut")
    if h.only_before:  # "Hari Kemerdekaan AS" is not Indonesia's
        nxt = re.match(r"\s+([\w-]+)", text[name_end : name_end + 30])
        if nxt and nxt[1][0].isupper() and _key(nxt[1]).split("-")[0] not in h.only_before:
            return None
    end = m.end()
    y = int(m["y"]) if m["y"] else None
    if nth:
        if h.anniversary is None:
            end = name_end  # "Lebaran ke-2": not a year
        else:
            y = h.anniversary + int(nth)
    w = _key(ctx["w"]) if ctx and ctx["w"] else None
    eve = w == "malam" and not h.month
    f = {
        "key": key,
        "y": y,
        "hy": int(m["hy"]) if m["hy"] and end > name_end else None,
        "yrel": _yrel(m["yrel"], lex),
        "rel": _rel_class(m["rel"], lex) if end > name_end else None,
        "near": w in lex.holiday_nearest,
        "eve": eve,
    }
    return _Cand(ctx.start() if eve and ctx else m.start(), end, "hol", f)


def _res_holiday(h: _Holiday, f: dict[str, Any], dct: date | None, dirn: Callable[[], str]) -> _Res | None:
    """The date of holiday `h` for candidate fields `f` (its real first day, or the eve)."""

    def within(years: range) -> list[date]:
        if h.fixed:
            return [d for yy in years if (d := _mkdate(yy, *h.fixed))]
        return [d for d, _ in h.dates if d.year in years]

    y = f["y"]
    if y is None and f["yrel"] is not None and dct is not None:
        y = dct.year + f["yrel"]
    if f["hy"] is not None:
        ds = [d for d, hy in h.dates if hy == f["hy"]]
    elif y is not None:
        ds = within(range(y, y + 1))
    elif dct is None:
        if h.fixed and not f["eve"]:
            return "DATE", f"XXXX-{h.fixed[0]:02d}-{h.fixed[1]:02d}", None, None
        return None
    else:
        around = within(range(dct.year - 1, dct.year + 2))
        rel = f["rel"]
        if f["near"] and rel is None:
            ds = sorted(around, key=lambda d: abs((d - dct).days))
        elif rel == "future" or (rel is None and dirn() == "future"):
            ds = [d for d in around if d >= dct]
        else:
            ds = [d for d in around if d <= dct][::-1]
    if not ds:
        return None
    d = ds[0]
    if f["eve"]:  # "malam Natal": the evening before
        d -= timedelta(days=1)
        return "TIME", f"{d.isoformat()}TNI", "day", d
    if h.month:
        return "DATE", d.isoformat(), "month", d
    return _day(d)

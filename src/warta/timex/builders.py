"""Candidate builders: each turns one regex match into a candidate (or None to reject it).

The holiday builder lives in :mod:`warta.timex.holidays`.
"""

from __future__ import annotations

import re
from typing import Any

from warta.timex.dates import _mkdate
from warta.timex.model import _Cand, _key, _Lex
from warta.timex.quantity import _duration_value, _num, _unit


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] in ".!?\n\"“”'(:–—-|"


def _b_iso(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if m["sep"] == "/" and m["h"]:
        return None
    if _mkdate(y, mo, d) is None:
        return None
    ymd = _Cand(m.start(), m.end(), "ymd", {"y": y, "m": mo, "d": d})
    if m["h"]:
        h, mi = int(m["h"]), int(m["mi"])
        if h > 24 or mi > 59:
            return None
        return _Cand(m.start(), m.end(), "time", {"h": h, "mi": mi, "date": ymd})
    return ymd


def _year2(y: str) -> int:
    v = int(y)
    return v + 2000 if len(y) == 2 else v


def _b_numdate(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    if m["sep"] == "." and len(m["y"]) != 4:
        return None
    y, mo, d = _year2(m["y"]), int(m["m"]), int(m["d"])
    if _mkdate(y, mo, d) is None:
        return None
    return _Cand(m.start(), m.end(), "ymd", {"y": y, "m": mo, "d": d})


def _b_dm_num(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    mo, d = int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and 1 <= d <= 31) or _mkdate(2000, mo, d) is None:
        return None
    if m["d2"] is not None and not d < int(m["d2"]) <= 31:
        return None
    if not lex.dm_ctx_re.search(text, max(0, m.start() - 30), m.start()):
        return None
    return _Cand(m.start(), m.end(), "ymd", {"y": None, "m": mo, "d": d})


def _rel_class(word: str | None, lex: _Lex) -> str | None:
    return lex.rel.get(_key(word)) if word else None


def _yrel(word: str | None, lex: _Lex) -> int | None:
    """'tahun lalu' -> -1, 'tahun ini' -> 0, 'tahun depan' -> +1."""
    if not word:
        return None
    cls = _rel_class(_key(word).split(" ", 1)[1], lex)
    return {"past": -1, "this": 0, "future": 1}.get(cls or "")


def _b_dmy(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    d, mo = int(m["d"]), lex.month.get(_key(m["m"]))
    if mo is None or not 1 <= d <= 31:
        return None
    y = int(m["y"]) if m["y"] else None
    if y is not None and _mkdate(y, mo, d) is None:
        return None
    if y is None and _mkdate(2000, mo, d) is None:
        return None
    if m["d2"] is not None and not d <= int(m["d2"]) <= 31:
        return None
    f = {"y": y, "m": mo, "d": d, "yrel": _yrel(m["yrel"], lex), "rel": _rel_class(m["rel"], lex)}
    return _Cand(m.start(), m.end(), "ymd", f)


def _b_my(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    mo = lex.month.get(_key(m["m"]))
    if mo is None:
        return None
    return _Cand(m.start(), m.end(), "ym", {"y": int(m["y"]), "m": mo})


def _b_month(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    ctx = lex.ctx_month_re.search(text, max(0, m.start() - 20), m.start())
    if m["ma"]:  # an abbreviation alone: "bulan Feb", "pada Feb lalu"
        if not (m["bl"] or ctx and (m["rel"] or m["yrel"])):
            return None
    elif not (m["bl"] or m["rel"] or m["yrel"] or m["rng"] is not None or ctx):
        return None
    mo = lex.month.get(_key(m["m"] or m["ma"]))
    if mo is None:
        return None
    start = m.start("bl") if m["bl"] else m.start("m" if m["m"] else "ma")
    f = {"y": None, "m": mo, "yrel": _yrel(m["yrel"], lex), "rel": _rel_class(m["rel"], lex)}
    return _Cand(start, m.end(), "ym", f)


def _next_word(rest: str) -> str | None:
    """The first word of `rest` (None when punctuation or the end comes first)."""
    mm = re.match(r"\s+([\w/]+)", rest)
    if not mm:
        return None
    return mm.group(1).lower()


def _b_year(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    ctx = None if m["th"] else lex.ctx_year_re.search(text, max(0, m.start() - 20), m.start())
    if not (ctx or m["th"]):
        return None
    nxt = _next_word(m["rest"])
    if nxt is not None:
        if nxt in lex.count_nouns:
            return None
        if ctx and _key(ctx["ctx"]) in lex.weak_ctx and nxt not in lex.year_followers:
            return None
    start = m.start("th") if m["th"] else m.start("y")
    return _Cand(start, m.end("y"), "y", {"y": int(m["y"])})


def _b_year_range(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    y1, raw2 = int(m["y1"]), m["y2"]
    if len(raw2) == 2:
        if m["conn"] not in ("-", "–", "—", "/"):
            return None
        y2 = y1 // 100 * 100 + int(raw2)
    else:
        y2 = int(raw2)
    if not y1 < y2 <= y1 + 100:
        return None
    start = m.start("th") if m["th"] else m.start("y1")
    return _Cand(start, m.end(), "y", {"y": y1})


def _b_decade(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    dd = m["dd"]
    if len(dd) == 1:
        if not m["th"]:
            return None
        dd = "19" + dd
    return _Cand(m.start(), m.end(), "decade", {"v": dd})


_ROMAN = {"i": 1, "v": 5, "x": 10}


def _roman(s: str) -> int | None:
    vals = [_ROMAN[c] for c in s.lower()]
    n = sum(-v if i + 1 < len(vals) and v < vals[i + 1] else v for i, v in enumerate(vals))
    return n if n > 0 else None


def _b_era(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    """'abad ke-21' -> "20" (TimeML centuries count from 0); 'dekade lalu' -> the decade before the dct's."""
    if m["n"]:
        raw = m["n"]
        if not raw.isdigit() and not raw.isupper():
            return None  # "abad ini" is caught below; lower-case "abad xx" is not a numeral
        n = int(raw) if raw.isdigit() else _roman(raw)
        if n is None or not 1 <= n <= 30:
            return None
        return _Cand(m.start(), m.end(), "decade", {"v": f"{n - 1:02d}"})
    off = {"past": -1, "this": 0, "future": 1}.get(_rel_class(m["rel"], lex) or "")
    if off is None:
        return None
    scale = 100 if _key(m["u"]) == "abad" else 10
    return _Cand(m.start(), m.end(), "decade", {"v": None, "scale": scale, "off": off})


def _b_weekday(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    word = m["wd"]
    wd = lex.weekday.get(_key(word))
    if wd is None:
        return None
    rel = m["rel"]
    if _key(word) == "minggu" and not m["hr"]:
        # "minggu" is also "week": read it as Sunday only when capitalised, and not as a
        # sentence-initial "Minggu lalu / ini / depan" (= last / this / next week).
        if not word[0].isupper():
            return None
        if rel and _sentence_start(text, m.start()):
            return None
    f: dict[str, Any] = {"wd": wd, "rel": None, "week": None}
    if rel:
        k = _key(rel)
        if k.split(" ", 1)[0] in ("pekan", "minggu"):
            f["week"] = {"past": -1, "this": 0, "future": 1}.get(_rel_class(k.split(" ", 1)[1], lex) or "")
        else:
            f["rel"] = _rel_class(k, lex)
    return _Cand(m.start(), m.end(), "wd", f)


def _b_deictic(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    k = _key(m["w"])
    off = lex.deictic.get(k)
    if off is None:
        return None
    if k == "semalam":  # "menginap semalam", "semalam suntuk": one night, not last night
        around = re.findall(r"\w+", text[max(0, m.start() - 12) : m.start()].lower())[-1:]
        around += re.findall(r"\w+", text[m.end() : m.end() + 10].lower())[:1]
        if lex.night_duration_cues.intersection(around):
            return None
    return _Cand(m.start(), m.end(), "day", {"off": off, "dp": lex.deictic_part.get(k)})


def _b_unit_rel(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    cls = _rel_class(m["rel"], lex)
    if m["bu"]:
        sign = {"past": -1, "this": 0, "future": 1}.get(cls or "")
        if sign is None:
            return None
        u = _unit(m["bu"], lex)
        return _Cand(m.start(), m.end(), "unit", {"u": u, "n": 1, "sign": sign}) if u else None
    if m["su"]:
        n: float | int | str | None = 1
        u = _unit(m["su"], lex)
    else:
        n = _num(m["n"], lex)
        u = _unit(m["u"], lex)
    if u is None or n is None:
        return None
    if cls == "past":
        return _Cand(m.start(), m.end(), "unit", {"u": u, "n": n, "sign": -1})
    if cls == "later":
        return _Cand(m.start(), m.end(), "unit", {"u": u, "n": n, "sign": 1})
    if cls in ("future", "recent_span", "coming_span", "anaphoric"):
        v = _duration_value([(n, u)])
        return _Cand(m.start(), m.end(), "duration", {"v": v}) if v else None
    return None  # "dua hari ini": left to the duration rule


def _b_duration(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    if m["ru"]:
        u = _unit(m["ru"], lex)
        if u is None:
            return None
        return _Cand(m.start(), m.end(), "duration", {"v": f"PTX{u[0]}" if u[2] else f"PX{u[0]}"})
    if m["su"]:
        n: float | int | str | None = 1
        u = _unit(m["su"], lex)
        if text.startswith("-", m.end("su")):  # "sehari-hari" = everyday
            return None
    else:
        n = _num(m["n"], lex)
        u = _unit(m["u"], lex)
    if u is None or n is None:
        return None
    # "UU Nomor 1 Tahun 2023": "Tahun 2023" is a year, not a one-year duration
    if u[0] == "Y" and re.match(r"\s+\d{4}\b", text[m.end() : m.end() + 6]):
        return None
    parts = [(n, u)]
    end = m.end("nya") if m["nya"] else (m.end("u") if m["u"] else m.end("su"))
    if m["n2"]:
        n2, u2 = _num(m["n2"], lex), _unit(m["u2"], lex)
        if n2 is not None and u2 is not None and _duration_value(parts + [(n2, u2)]):
            parts.append((n2, u2))
            end = m.end()
    v = _duration_value(parts)
    if v is None:
        return None
    return _Cand(m.start(), end, "duration", {"v": v})


def _b_set(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    wd_word = m["wd"] or m["wd2"]
    if wd_word:
        wd = lex.weekday.get(_key(wd_word))
        if m["wd2"] and _key(wd_word) == "minggu" and not wd_word[0].isupper():
            wd = None  # "setiap minggu" = weekly
        if wd is not None and not m["n"]:
            return _Cand(m.start(), m.end(), "set", {"v": f"XXXX-WXX-{wd}"})
        u = _unit("minggu", lex) if _key(wd_word) == "minggu" else None
        n = _num(m["n"], lex) if m["n"] else 1
    elif m["u"]:
        u = _unit(m["u"], lex)
        n = _num(m["n"], lex) if m["n"] else 1
    else:
        u = _unit(m["su"] or m["pu"] or m["su2"], lex)
        n = 1
    if u is None or n is None:
        return None
    v = _duration_value([(n, u)])
    return _Cand(m.start(), m.end(), "set", {"v": v}) if v else None


def _b_time(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    h = int(m["h"])
    mi = int(m["mi"]) if m["mi"] else 0
    if h > 24 or mi > 59:
        return None
    pk, sep, tz = m["pk"], m["sep"], m["tz"]
    if not (pk or (sep == ":" and m["mi"]) or (sep and tz)):
        return None
    if pk and _key(pk) == "jam" and not (sep or tz or m["dp"]):
        return None  # "jam 10" alone is too often "10 hours" in a list
    dp = _key(m["dp"]) if m["dp"] else None
    if dp:
        if dp in lex.pm and 1 <= h < 12:
            h += 12
        elif dp in lex.noon and 1 <= h < 6:
            h += 12
    return _Cand(m.start(), m.end(), "time", {"h": h % 24 if h == 24 else h, "mi": mi, "date": None})


def _b_ref(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    v = lex.refs.get(_key(m["w"]))
    return _Cand(m.start(), m.end(), "ref", {"v": v}) if v else None


def _b_season(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    s = lex.seasons.get(_key(m["s"]))
    if s is None:
        return None
    rel = _rel_class(m["rel"], lex)
    off = {"past": -1, "this": 0, "future": 1, None: 0}.get(rel, 0)
    return _Cand(m.start(), m.end(), "season", {"s": s, "y": int(m["y"]) if m["y"] else None, "off": off})


def _b_dom(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    d = int(m["d"])
    if not 1 <= d <= 31:
        return None
    off = {"past": -1, "this": 0, "future": 1}.get(_rel_class(m["rel"], lex) or "") if m["rel"] else None
    return _Cand(m.start(), m.end(), "dom", {"d": d, "moff": off})


_PARTS_PER_YEAR = {"Q": 4, "H": 2, "T": 3}


def _b_year_part(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    n: int | None
    if m["q"]:  # "Q3 2023", "H1 2024"; "Q3" alone only after a temporal preposition ("pada Q3")
        code, n = m["q"].upper(), int(m["qn"])
        if not m["q"].isupper():
            return None
        if not (m["y"] or code == "Q" and lex.ctx_year_re.search(text, max(0, m.start() - 20), m.start())):
            return None
    else:
        code = lex.year_parts[_key(m["u"])]
        n = int(m["n"]) if m["n"] else lex.ordinals.get(_key(m["o"])) if m["o"] else None
    if n is not None and not 1 <= n <= _PARTS_PER_YEAR[code]:
        return None
    f = {
        "code": code,
        "n": n,
        "y": int(m["y"]) if m["y"] else None,
        "yrel": _yrel(m["yrel"], lex),
        "rel": _rel_class(m["rel"], lex),
        "off": {"past": -1, "this": 0, "future": 1}.get(_rel_class(m["r0"], lex) or "", 0),
    }
    return _Cand(m.start(), m.end(), "yp", f)


def _b_part_bare(m: re.Match[str], text: str, lex: _Lex) -> _Cand | None:
    p, u = _key(m["p"]), _key(m["u"])
    if u in ("pekan", "minggu"):
        if p != "akhir":
            return None
        return _Cand(m.start(), m.end(), "weekend", {"off": None})
    code = "M" if u == "bulan" else "Y"
    return _Cand(m.start(), m.end(), "unit", {"u": (code, 1, False), "n": 1, "sign": 0, "part": p})

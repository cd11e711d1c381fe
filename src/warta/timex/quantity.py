"""Number phrases ("dua puluh", "1,5", "beberapa") and TimeML duration values built from them."""

from __future__ import annotations

from warta.timex.model import _key, _Lex


def _num(s: str | None, lex: _Lex) -> float | int | str | None:
    """The value of a number phrase; "X" for vague quantities ("beberapa")."""
    if not s:
        return None
    k = _key(s)
    if k in lex.vague:
        return "X"
    if k[0].isdigit():
        if "," in k:
            try:
                return float(k.replace(".", "").replace(",", "."))
            except ValueError:
                return None
        if "." in k:
            a, _, b = k.partition(".")
            if len(b) == 3 and "." not in b:
                return int(a + b)
            try:
                return float(k)
            except ValueError:
                return None
        return int(k)
    if k in lex.numwords:
        return lex.numwords[k]
    if k in lex.digits:
        return lex.digits[k]
    p = k.split()
    if len(p) >= 2 and p[0] in lex.digits:
        base = lex.digits[p[0]]
        if p[1] == "belas":
            return 10 + base
        if p[1] == "ratus":
            return 100 * base
        if p[1] == "puluh":
            return 10 * base + (lex.digits.get(p[2], 0) if len(p) > 2 else 0)
    return None


def _fmt_num(n: float | int | str) -> str:
    if isinstance(n, float):
        return str(int(n)) if n.is_integer() else f"{n:g}"
    return str(n)


def _unit(word: str | None, lex: _Lex) -> tuple[str, int, bool] | None:
    return lex.units.get(_key(word)) if word else None


def _duration_value(parts: list[tuple[float | int | str, tuple[str, int, bool]]]) -> str | None:
    """TimeML duration value from (number, unit) pairs: P2Y6M, PT24H, PXD ..."""
    date_part: dict[str, str] = {}
    time_part: dict[str, str] = {}
    for n, (code, factor, clock) in parts:
        if n == "X":
            v = "X"
        elif isinstance(n, str):
            return None
        else:
            v = _fmt_num(n * factor)
        tgt = time_part if clock else date_part
        if code in tgt:
            return None
        tgt[code] = v
    out = "P" + "".join(date_part[c] + c for c in "YMWD" if c in date_part)
    if time_part:
        out += "T" + "".join(time_part[c] + c for c in "HMS" if c in time_part)
    return out if out != "P" else None

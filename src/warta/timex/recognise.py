"""Recognition: candidates from every rule, the longest leftmost kept, neighbours merged."""

from __future__ import annotations

import re

from warta.lang import word_char
from warta.timex.builders import _rel_class
from warta.timex.model import _Cand, _key, _Lex

_RECENT: dict[tuple[int, str], tuple[_Cand, ...]] = {}  # the last few texts: a document asks twice


def _candidates(text: str, lex: _Lex) -> tuple[_Cand, ...]:
    """The expressions of ``text`` before normalisation. The pipeline asks for the same text more than once
    (publication-year inference, then the article's timexes), so the last few answers are kept."""
    key = (id(lex), text)
    hit = _RECENT.get(key)
    if hit is None:
        hit = tuple(_propose(text, lex))
        if len(_RECENT) >= 4:
            _RECENT.pop(next(iter(_RECENT)))
        _RECENT[key] = hit
    return hit


def _rule_starts(text: str, lex: _Lex) -> list[tuple[int, tuple[int, ...]]]:
    r"""The words (``\w+``) of ``text`` that can start a rule, with the rules: a word starting with a digit
    takes the digit rules, another word the rules it triggers (``lex.trigger_index``); in text order."""
    low = text.lower()
    if lex.trigger_automaton is None or len(low) != len(text):  # offsets would not carry over
        out = []
        for tm in lex.token_re.finditer(text):
            tok = tm.group().lower()
            ids = lex.digit_rules if tok[0].isdigit() else lex.trigger_index.get(tok)
            if ids:
                out.append((tm.start(), ids))
        return out
    n = len(text)
    out = []
    for last, (word, ids) in lex.trigger_automaton.iter(low):
        start, end = last + 1 - len(word), last + 1
        if (start and word_char(text[start - 1])) or (end < n and word_char(text[end])):
            continue  # inside a longer word
        out.append((start, ids))
    if lex.digit_rules:
        out += [(m.start(), lex.digit_rules) for m in lex.digit_start_re.finditer(text)]
    out.sort()
    return out


def _propose(text: str, lex: _Lex) -> list[_Cand]:
    # Rules are only tried where a word that can start them begins (much faster than
    # scanning every rule over every character); per rule, matches do not overlap.
    out: list[_Cand] = []
    rules = lex.rules
    last_end = [0] * len(rules)
    for pos, ids in _rule_starts(text, lex):
        for i in ids:
            if pos < last_end[i]:
                continue
            m = rules[i].regex.match(text, pos)
            if m is None:
                continue
            try:
                c = rules[i].build(m, text, lex)
            except (ValueError, KeyError, IndexError, TypeError, OverflowError):
                c = None
            if c is not None and c.end > c.start:
                c.prio = rules[i].prio
                out.append(c)
                last_end[i] = m.end()
    out.sort(key=lambda c: (c.start, -(c.end - c.start), c.prio))
    chosen: list[_Cand] = []
    last = 0
    for c in out:
        if c.start >= last:
            chosen.append(c)
            last = c.end
    return _merge(chosen, text, lex)


_DATEISH = ("ymd", "ym", "y", "wd")
_PART_KINDS = ("ym", "y", "unit", "season", "yp", "hol")  # may take "awal", "akhir", ...


def _merge(cs: list[_Cand], text: str, lex: _Lex) -> list[_Cand]:
    # (a) weekday + date: "Selasa (9 April)", "Kamis, 4 Mei 2023", "Senin 18/9"; a deictic
    #     day + date ("Kemarin (19/9)") is one expression too, valued by the stated date
    out: list[_Cand] = []
    i = 0
    while i < len(cs):
        a = cs[i]
        b = cs[i + 1] if i + 1 < len(cs) else None
        plain_wd = a.kind == "wd" and not a.f["rel"] and a.f["week"] is None
        if (plain_wd or a.kind == "day") and b is not None and b.kind == "ymd":
            g = lex.wd_date_gap_re.fullmatch(text, a.end, b.start)
            if g:
                end = b.end
                ok = True
                if g["lp"]:
                    close = re.match(r"\s*\)", text[b.end : b.end + 4])
                    ok = close is not None
                    end = b.end + (close.end() if close else 0)
                rm = lex.after_rel_re.match(text, end) if ok and not b.f.get("rel") else None
                if ok:
                    f = dict(b.f)
                    if rm:  # "Senin (30/12) lalu": the relative word is part of the expression
                        f["rel"], end = _rel_class(rm["rel"], lex), rm.end()
                    if plain_wd:
                        f["wd"] = a.f["wd"]
                    out.append(_Cand(a.start, end, "ymd", f, a.prio))
                    i += 2
                    while i < len(cs) and cs[i].start < end:  # "Senin (30/12) kemarin": its own, inside
                        i += 1
                    continue
        out.append(a)
        i += 1
    cs = out

    # (b) ranges: "18 September hingga 2 Oktober 2023", "Januari-Maret 2023"
    out = []
    i = 0
    while i < len(cs):
        a = cs[i]
        b = cs[i + 1] if i + 1 < len(cs) else None
        if (
            b is not None
            and a.kind == "wd"
            and b.kind == "ymd"
            and not a.f["rel"]
            and a.f["week"] is None
            and lex.range_gap_re.fullmatch(text, a.end, b.start)
        ):
            # "Rabu-Kamis (20-21/9)": the first weekday goes with the first day
            out.append(_Cand(a.start, b.end, "ymd", dict(b.f, wd=a.f["wd"]), a.prio))
            i += 2
            continue
        if (
            b is not None
            and a.kind in _DATEISH
            and b.kind == a.kind
            and lex.range_gap_re.fullmatch(text, a.end, b.start)
        ):
            f = dict(a.f)
            if a.kind in ("ymd", "ym") and f.get("y") is None and b.f.get("y") is not None:
                f["y"] = b.f["y"] - (1 if f["m"] > b.f["m"] else 0)
            out.append(_Cand(a.start, b.end, a.kind, f, a.prio))
            i += 2
            continue
        out.append(a)
        i += 1
    cs = out

    # (c) part of period: "awal Mei", "akhir tahun lalu", "pertengahan 2022"
    prev_end = 0
    for c in cs:
        if c.kind in _PART_KINDS and (c.kind != "unit" or c.f["u"][0] in "WMY"):
            pm = lex.part_before_re.search(text, max(prev_end, c.start - 20), c.start)
            if pm:
                c.start = pm.start()
                c.f = dict(c.f, part=_key(pm["p"]))
        prev_end = c.end

    # (d) date + clock time: "20 Sep 2023 14:35 WIB", "Senin (18/9) pukul 10.00 WIB"
    out = []
    i = 0
    while i < len(cs):
        a = cs[i]
        b = cs[i + 1] if i + 1 < len(cs) else None
        if b is not None and lex.time_gap_re.fullmatch(text, a.end, b.start):
            day, tm = (a, b) if b.kind == "time" else (b, a)
            if tm.kind == "time" and tm.f["date"] is None and _dayish(day):
                out.append(_Cand(a.start, b.end, "time", dict(tm.f, date=day), a.prio))
                i += 2
                continue
        out.append(a)
        i += 1

    # (e) part of the day: "Sabtu malam", "Kamis (4/5) pagi", "kemarin sore"
    for i, c in enumerate(out):
        if c.kind in ("ymd", "wd", "day", "dom") and not c.f.get("dp"):
            pm = lex.day_part_after_re.match(text, c.end)
            if pm and (i + 1 == len(out) or out[i + 1].start >= pm.end()):
                f = dict(c.f, dp=lex.day_part_codes[_key(pm["dp"])])
                c.end = pm.end("hari") if pm["hari"] else pm.end("dp")
                if pm["rel"] and c.kind == "wd" and not f["rel"] and f["week"] is None:
                    f["rel"], c.end = _rel_class(pm["rel"], lex), pm.end()  # "Sabtu malam lalu"
                c.f = f
    return out


def _dayish(c: _Cand) -> bool:
    return c.kind in ("ymd", "wd", "day", "dom") or (c.kind == "unit" and c.f["u"][0] == "D")

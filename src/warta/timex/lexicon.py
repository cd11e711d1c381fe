"""The lexicon: ``lang/id/time.yaml`` loaded once and compiled into rules, tries and regexes."""

from __future__ import annotations

import functools
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from warta.lang import trie_alternation
from warta.timex.builders import (
    _b_decade,
    _b_deictic,
    _b_dm_num,
    _b_dmy,
    _b_dom,
    _b_duration,
    _b_era,
    _b_iso,
    _b_month,
    _b_my,
    _b_numdate,
    _b_part_bare,
    _b_ref,
    _b_season,
    _b_set,
    _b_time,
    _b_unit_rel,
    _b_weekday,
    _b_year,
    _b_year_part,
    _b_year_range,
)
from warta.timex.holidays import _b_holiday, _holidays
from warta.timex.model import _key, _Lex, _Rule

_YAML = Path(__file__).parent.parent / "lang" / "id" / "time.yaml"
_FLAGS = re.IGNORECASE


# characters str.isdigit() takes for digits and \d does not ("²", "①"): a word starting with one is tried
# with the digit rules, as _propose has always done
def _non_decimal_digits() -> str:
    return "".join(re.escape(c) for c in map(chr, range(0x110000)) if c.isdigit() and not c.isdecimal())


def _trigger_automaton(index: dict[str, tuple[int, ...]]) -> Any:
    """The trigger words of ``index`` (not those starting with a digit: such a word takes the digit rules)
    in an Aho-Corasick automaton; None when there is none."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for word, ids in index.items():
        if word and not word[0].isdigit():
            auto.add_word(word, (word, ids))
    if not len(auto):
        return None
    auto.make_automaton()
    return auto


@cache
def _lexicon() -> _Lex:
    with open(_YAML, encoding="utf-8") as fh:
        y = yaml.safe_load(fh)

    month: dict[str, int] = {}
    full: list[str] = []
    for num, forms in y["months"].items():
        for w in forms["full"]:
            month[_key(w)] = int(num)
            full.append(w)
        for w in forms["short"]:
            month[_key(w)] = int(num)
    weekday = {_key(w): int(n) for n, ws in y["weekdays"].items() for w in ws}
    units = {
        _key(w): (str(u["code"]), int(u.get("factor", 1)), bool(u.get("time", False)))
        for w, u in y["units"].items()
    }
    digits = {_key(k): int(v) for k, v in y["numbers"]["digits"].items()}
    numwords = {_key(k): int(v) for k, v in y["numbers"]["words"].items()}
    rel = {_key(w): cls for cls, ws in y["relative"].items() for w in ws}
    deictic = {_key(k): int(v) for k, v in y["deictic_days"].items()}
    deictic_part = {_key(k): str(v[1]) for k, v in y["deictic_day_parts"].items()}
    deictic.update({_key(k): int(v[0]) for k, v in y["deictic_day_parts"].items()})
    day_part_codes = {_key(k): str(v) for k, v in y["day_part_codes"].items()}
    refs = {_key(k): str(v) for k, v in y["references"].items()}
    parts = y["parts"]
    ctx_strong = list(y["context"]["strong"]) + list(parts)
    ctx_weak = list(y["context"]["weak"])

    MON = trie_alternation(month)
    MONF = trie_alternation(full)
    # abbreviations of the Indonesian names ("Feb", "Okt"), alone only as "pada Feb lalu"
    abbr = [w for fs in y["months"].values() for w in fs["short"] if any(f.startswith(w) for f in fs["full"])]
    WD = trie_alternation(weekday)
    UNIT = trie_alternation(units)
    CAL = trie_alternation(y["calendar_units"])
    D = trie_alternation(digits)
    NUM = (
        rf"(?:\d{{1,3}}(?:[.,]\d+)?|(?:{D})\s+puluh(?:\s+(?:{D}))?|(?:{D})\s+(?:belas|ratus)"
        rf"|{trie_alternation(numwords)}|{D})"
    )
    VAGUE = trie_alternation(y["vague_numbers"])
    REL_D = trie_alternation([w for w, c in rel.items() if c in ("past", "future", "this")])
    REL_U = trie_alternation(rel)
    CTXY = trie_alternation(ctx_strong + ctx_weak)
    CTXM = trie_alternation([w for w in ctx_strong + ctx_weak if w not in ("anggaran", "periode")])
    CONN = trie_alternation(y["range_connectors"])  # "4 dan 5 Mei" is one expression ...
    CONN_R = trie_alternation(w for w in y["range_connectors"] if w != "dan")  # ... "Mei dan Juni" two
    PART = trie_alternation(parts)
    SETW = trie_alternation(y["set_words"])
    TZ = trie_alternation(y["timezones"])
    DAYPART = trie_alternation(sum(y["day_parts"].values(), []))
    YEAR = r"(?:1[89]|20)\d{2}"
    YP = trie_alternation(y["year_parts"])
    holidays = _holidays(y["holidays"])
    hol_names = {_key(n): (k, False) for k, h in y["holidays"].items() for n in h.get("names", [])}
    hol_names.update({_key(n): (k, True) for k, h in y["holidays"].items() for n in h.get("guarded", [])})
    HOL = trie_alternation(hol_names)
    anniversary_key = next((k for k, h in holidays.items() if h.anniversary), None)

    def rx(p: str) -> re.Pattern[str]:
        return re.compile(p, _FLAGS)

    def first(ws: Any) -> set[str]:
        return {t[0] for w in ws if (t := re.findall(r"\w+", str(w).lower()))}

    numt = first(digits) | first(numwords) | first(y["vague_numbers"])
    se_u = {"se" + u for u in units}
    # rule name -> (words a match can start with, whether a digit can start it)
    triggers: dict[str, tuple[set[str], bool]] = {
        "iso": (set(), True),
        "numdate": (set(), True),
        "dm_num": (set(), True),
        "dmy": ({"tanggal", "tgl"}, True),
        "my": ({"bulan"} | first(month), False),
        "month": ({"bulan"} | first(full) | first(abbr), False),
        "year": ({"tahun"}, True),
        "year_range": ({"tahun"}, True),
        "decade": ({"tahun"}, True),
        "era": ({"abad", "dekade", "dasawarsa"}, False),
        "weekday": ({"hari"} | first(weekday), False),
        "deictic": (first(deictic), False),
        "unit_rel": (numt | se_u | first(y["calendar_units"]), True),
        "duration": (numt | se_u | {"ber" + u for u in units}, True),
        "set": (first(y["set_words"]) | numt | se_u, True),
        "time": ({"pukul", "pkl", "jam"}, True),
        "ref": (first(refs), False),
        "season": ({"musim"}, False),
        "part_bare": (first(parts), False),
        "dom": ({"tanggal", "tgl"}, False),
        "holiday": (first(hol_names) | {"hut"}, False),
        "year_part": (first(y["year_parts"]) | {f"{c}{i}" for c in "qh" for i in range(1, 5)}, False),
    }

    def R(name: str, regex: re.Pattern[str], build: Any, prio: int) -> _Rule:
        words, dig = triggers[name]
        return _Rule(name, regex, build, prio, frozenset(words), dig)

    rules = [
        R(
            "iso",
            rx(
                r"(?<![\d\-/])(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
                r"(?:[T\s](?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d])"
            ),
            _b_iso,
            0,
        ),
        R(
            "numdate",
            rx(
                r"(?<![\d/.\-,])(?P<d>\d{1,2})(?P<sep>[/\-.])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
                r"(?![\d/]|[.\-]\d)"
            ),
            _b_numdate,
            0,
        ),
        R(
            "dm_num",
            rx(r"(?<![\d/.\-,])(?P<d>\d{1,2})(?:-(?P<d2>\d{1,2}))?/(?P<m>\d{1,2})(?![\d/])"),
            _b_dm_num,
            3,
        ),
        R(
            "dmy",
            rx(
                rf"(?:\b(?P<tg>tanggal|tgl\.?)\s+)?(?<![\d.,/])\b(?P<d>\d{{1,2}})"
                rf"(?:\s*(?:{CONN})\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{MON})\b"
                rf"(?:\.?,?\s*(?P<y>\d{{4}})(?![\d]|[.,]\d))?"
                rf"(?:\s+(?P<yrel>tahun\s+(?:{REL_D}))\b|\s+(?P<rel>{REL_D})\b)?"
            ),
            _b_dmy,
            1,
        ),
        R(
            "my",
            rx(rf"(?:\b(?P<bl>bulan)\s+)?\b(?P<m>{MON})\b\.?,?\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\d]|[.,]\d)"),
            _b_my,
            1,
        ),
        R(
            "month",
            rx(
                rf"(?P<bl>\bbulan\s+)?\b(?:(?P<m>{MONF})\b|(?P<ma>{trie_alternation(abbr)})\b\.?)"
                rf"(?:\s+(?P<yrel>tahun\s+(?:{REL_D}))\b|\s+(?P<rel>{REL_D})\b)?"
                rf"(?P<rng>(?=\s*(?:{CONN_R})\s*(?:{MON})\b))?"
            ),
            _b_month,
            2,
        ),
        R(
            "year",
            rx(
                rf"(?P<th>\btahun\s+)?\b(?P<y>{YEAR})\b"
                rf"(?!-an|[.,]\d|\s*(?:-|–|—|/)\s*\d)(?=(?P<rest>.{{0,20}}))"
            ),
            _b_year,
            2,
        ),
        R(
            "year_range",
            rx(
                rf"(?P<th>\btahun\s+)?\b(?P<y1>{YEAR})\s*"
                rf"(?P<conn>-|–|—|/|hingga|sampai\s+dengan|sampai|s/d)\s*(?P<y2>\d{{4}}|\d{{2}})(?![\d])"
            ),
            _b_year_range,
            1,
        ),
        R("decade", rx(r"(?:\b(?P<th>tahun)\s+)?\b(?P<dd>(?:1[89]|20)?\d)0-?an\b"), _b_decade, 1),
        R(
            "era",
            rx(
                rf"\b(?:abad\s+(?:ke-?\s*)?(?P<n>\d{{1,2}}|[ivx]+)\b(?!-|\s*(?:tahun|hari|bulan|[.,]\d))"
                rf"|(?P<u>abad|dekade|dasawarsa)\s+(?P<rel>{REL_D})\b)"
            ),
            _b_era,
            1,
        ),
        R(
            "weekday",
            rx(
                rf"(?P<hr>\bhari\s+)?\b(?P<wd>{WD})\b(?:\s+(?P<rel>(?:pekan|minggu)\s+(?:{REL_D})"
                rf"|{REL_D}))?\b"
            ),
            _b_weekday,
            1,
        ),
        R("deictic", rx(rf"\b(?P<w>{trie_alternation(deictic)})\b(?!\s*harinya)"), _b_deictic, 2),
        R(
            "unit_rel",
            rx(
                rf"\b(?:(?P<n>{NUM}|{VAGUE})\s+(?P<u>{UNIT})|se(?P<su>{UNIT})|(?P<bu>{CAL}))"
                rf"\s+(?P<rel>{REL_U})\b"
            ),
            _b_unit_rel,
            2,
        ),
        R(
            "duration",
            rx(
                rf"\b(?:(?P<n>{NUM}|{VAGUE})\s+(?P<u>{UNIT})|se(?P<su>{UNIT})|ber(?P<ru>{UNIT})-(?P=ru))"
                rf"(?P<nya>nya)?\b(?!-)(?:\s+(?:dan\s+)?(?P<n2>{NUM})\s+(?P<u2>{UNIT})\b)?"
            ),
            _b_duration,
            3,
        ),
        R(
            "set",
            rx(
                rf"\b(?:(?P<kw>{SETW})\s+(?:(?P<n>{NUM})\s+)?(?:hari\s+(?P<wd>{WD})|(?P<wd2>{WD})"
                rf"|(?P<u>{UNIT}))(?:nya)?\b"
                rf"|(?P<k>{NUM})\s+kali\s+(?:dalam\s+)?(?:se(?P<su>{UNIT})|(?:{SETW})\s+(?P<pu>{UNIT}))\b"
                rf"|se(?P<su2>{UNIT})\s+sekali\b)"
            ),
            _b_set,
            1,
        ),
        R(
            "time",
            rx(
                rf"(?:\b(?P<pk>pukul|pkl\.?|jam)\s*)?(?<![\d.,:/])(?P<h>\d{{1,2}})"
                rf"(?:(?P<sep>[:.])(?P<mi>\d{{2}}))?(?::\d{{2}})?(?![\d])"
                rf"(?:\s*(?:-|–|s/d|hingga|sampai)\s*\d{{1,2}}(?:[:.]\d{{2}})?(?![\d]))?"
                rf"(?:\s*(?P<tz>{TZ})\b)?(?:\s+(?P<dp>{DAYPART})\b)?"
            ),
            _b_time,
            1,
        ),
        R("ref", rx(rf"(?<![\w-])(?P<w>{trie_alternation(refs)})(?![\w-])"), _b_ref, 4),
        R(
            "season",
            rx(
                rf"\bmusim\s+(?P<s>{trie_alternation(y['seasons'])})\b(?:\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\d])"
                rf"|\s+(?P<rel>{REL_D})\b)?"
            ),
            _b_season,
            1,
        ),
        R(
            "part_bare",
            rx(
                rf"\b(?P<p>{PART})\s+(?P<u>tahun|bulan|pekan|minggu)\b"
                rf"(?!\s+(?:{REL_U}|\d|tahun|bulan|{MONF})\b)(?!-)"
            ),
            _b_part_bare,
            2,
        ),
        R(
            "holiday",
            rx(
                rf"(?<![\w-])(?:(?P<hut>hut\s+ke-?\s*(?P<nth0>\d{{1,3}})\s+(?:kemerdekaan\s+)?(?:ri|republik\s+indonesia))"
                rf"|(?P<h>{HOL}))(?![\w-])"
                rf"(?:\s+ke-?\s*(?P<nth>\d{{1,3}})\b|\s+(?P<hy>1[34]\d\d)\s*(?:h|hijriah|hijriyah)\b"
                rf"|\s+(?:tahun\s+)?(?P<y>{YEAR})\b(?![.,]\d)|\s+(?P<yrel>tahun\s+(?:{REL_D}))\b"
                rf"|\s+(?P<rel>{REL_D})\b)?"
            ),
            functools.partial(_b_holiday, anniversary_key=anniversary_key),
            1,
        ),
        R(
            "dom",
            rx(
                rf"\b(?:tanggal|tgl\.?)\s+(?P<d>\d{{1,2}})\b(?!\s*(?:[/.\-]\d|(?:{MON})\b))"
                rf"(?:\s+bulan\s+(?P<rel>{REL_D})\b)?"
            ),
            _b_dom,
            2,
        ),
        R(
            "year_part",
            rx(
                rf"\b(?:(?P<u>{YP})\s+(?:(?:ke-?\s*)?(?P<n>\d)\b(?!\s*(?:/|[.,:]\d))|(?P<o>{trie_alternation(y['ordinals'])})\b"
                rf"|(?P<r0>{REL_D})\b)|(?P<q>[QH])(?P<qn>\d)\b)"
                rf"(?:[\s\-/]*(?:tahun\s+)?(?P<y>{YEAR})\b(?![.,]\d)|\s+(?P<yrel>tahun\s+(?:{REL_D}))\b"
                rf"|\s+(?P<rel>{REL_D})\b)?"
            ),
            _b_year_part,
            1,
        ),
    ]

    index: dict[str, list[int]] = {}
    for i, r in enumerate(rules):
        for w in r.triggers:
            index.setdefault(w, []).append(i)
    cues = trie_alternation(y["future_cues"])
    return _Lex(
        month=month,
        weekday=weekday,
        units=units,
        digits=digits,
        numwords=numwords,
        vague=frozenset(_key(w) for w in y["vague_numbers"]),
        rel=rel,
        deictic=deictic,
        deictic_part=deictic_part,
        day_part_codes=day_part_codes,
        night_duration_cues=frozenset(_key(w) for w in y["night_duration_cues"]),
        refs=refs,
        seasons={_key(k): str(v) for k, v in y["seasons"].items()},
        year_parts={_key(k): str(v) for k, v in y["year_parts"].items()},
        holidays=holidays,
        holiday_names=hol_names,
        holiday_nearest=frozenset(_key(w) for w in y["holiday_nearest"]),
        holiday_ctx_re=rx(
            rf"(?:\b(?P<w>{trie_alternation(y['holiday_context'])})|\b(?:{HOL})\s+(?:dan|&|serta))\s+$"
        ),
        ordinals={_key(k): int(v) for k, v in y["ordinals"].items()},
        pm=frozenset(_key(w) for w in y["day_parts"]["pm"]),
        noon=frozenset(_key(w) for w in y["day_parts"]["noon"]),
        weak_ctx=frozenset(_key(w) for w in ctx_weak),
        year_followers=frozenset(_key(w) for w in y["year_followers"]),
        count_nouns=frozenset(_key(w) for w in y["count_nouns"]),
        rules=tuple(rules),
        trigger_index={w: tuple(ix) for w, ix in index.items()},
        digit_rules=tuple(i for i, r in enumerate(rules) if r.digits),
        token_re=re.compile(r"\w+"),
        trigger_automaton=_trigger_automaton({w: tuple(ix) for w, ix in index.items()}),
        digit_start_re=re.compile(rf"(?<!\w)[\d{_non_decimal_digits()}]"),
        ctx_year_re=rx(rf"\b(?P<ctx>{CTXY})\s+$"),
        ctx_month_re=rx(rf"\b(?P<ctx>{CTXM})\s+$"),
        # a clause ends at a sentence stop, a line break, "bahwa", or where a quotation opens after a colon
        segment_re=rx(r"[.!?]+[\"'”’)]*\s+|\n+|\bbahwa\b|:\s*[“\"]|[;]"),
        cue_re=rx(rf"\b(?:{cues})\b"),
        cue_exc_re=rx(rf"\b(?:{trie_alternation(y['future_cue_exceptions'])})\b"),
        part_before_re=rx(rf"\b(?P<p>{PART})\s+$"),
        dm_ctx_re=rx(rf"(?:\(\s*|\b(?:{CTXY}|{WD}|hari)\s*,?\s+)$"),
        wd_date_gap_re=rx(r"\s*,?\s*(?P<lp>\(\s*)?"),
        after_rel_re=rx(rf"\s+(?P<rel>{REL_D})\b"),
        day_part_after_re=rx(
            rf"\s*,?\s*(?P<dp>{trie_alternation(day_part_codes)})(?P<hari>\s+hari)?\b(?:\s+(?P<rel>{REL_D})\b)?(?![\w-])"
        ),
        range_gap_re=rx(rf"\s*(?:{CONN_R})\s*"),
        time_gap_re=rx(rf"\s*(?:[,|/\-–]\s*)?(?:(?:{DAYPART})\s*,?\s+)?"),
        iso_re=rx(r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
        en_date_re=rx(rf"\b(?P<m>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    )

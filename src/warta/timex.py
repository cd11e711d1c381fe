"""Indonesian temporal expressions: recognition and normalisation to TimeML values.

Three pure functions:

* :func:`find_timexes` -- every temporal expression in a text, normalised against a
  document creation date (``dct``);
* :func:`parse_publication_date` -- a publication date as a news page states it;
* :func:`infer_year` -- the year of an undated article, from its "Selasa (9 April)" pairs.

The recogniser is a set of regular expressions compiled once (``functools.cache``) from
the vocabulary in ``lang/id/time.yaml``; normalisation is hand-written (no dateparser).
It runs in four passes: (1) every rule proposes candidates, (2) the longest leftmost
candidates are kept, (3) neighbours are merged -- weekday + date ("Selasa (9 April)"),
range ends ("18 September hingga 2 Oktober"), part-of-period words ("akhir" + "tahun
lalu") and date + clock time ("20 Sep 2023 14:35 WIB") -- and (4) each is resolved.

Conventions a caller must know:

* Spans follow TimeML: leading prepositions are left out ("pada", "sejak", "selama",
  "dalam"), so "sejak 2020" gives the span "2020"; "hari", "bulan", "tahun", "tanggal"
  and the relative words ("lalu", "mendatang") are inside the span.
* ``precision`` and ``first_day`` are both set exactly when the value is a fully
  resolved calendar period (day, ISO week, month, year); underspecified values
  ("XXXX-04-09", "XXXX-WXX-4"), ``*_REF``, durations and sets have neither.
* A TIME whose date is known has precision "day" and ``first_day`` = that date; its
  value is local clock time as written ("2023-09-20T14:35"); WIB/WITA/WIT are not
  converted.
* Parts of the day ("Sabtu malam", "Kamis (4/5) pagi", "kemarin sore", "tadi malam",
  "semalam", "dini hari tadi") are a TIME valued with the TimeML part code,
  "2024-04-06TNI" (MO, MI, AF, EV, NI; ``day_part_codes`` in time.yaml), with precision
  "day" and ``first_day`` that date; a clock time next to them wins ("Senin pagi pukul
  06.15" is "...T06:15").
* Ranges ("18-21 September 2023", "2019-2024") are one DATE spanning the whole range,
  valued as the first day / first period.
* Part-of-period ("awal Mei", "akhir tahun lalu") takes the value and precision of the
  whole period; "akhir pekan" (weekend) is "2023-W17-WE" with precision week.
* Seasons are TimeML "2022-SP" / "-SU" / "-FA" / "-WI" with precision "year" and
  ``first_day`` 1 January of that year (coarse but never wrong about the month);
  winter 2022 is the one starting in December 2022.
* A day of the month alone needs "tanggal"/"tgl": "tanggal 5 bulan ini" (lalu, depan)
  is that day of the dct's month (or the one before/after); "pada tanggal 5" is the
  nearest 5th on the direction's side of the dct.
* Quarters, halves and four-month periods ("kuartal III 2023", "Q3 2023", "semester kedua
  tahun lalu", "paruh pertama 2024", "caturwulan II") are "2023-Q3", "2023-H1", "2023-T2"
  (T is not TimeML, which has no four-month code) with precision "year" and ``first_day``
  1 January, as for seasons: downstream precisions are day|week|month|year, and "month"
  with the quarter's first day would date a September event to July. Without a year the
  direction decides ("kuartal keempat" in April 2024, past: 2023-Q4); "kuartal lalu" is
  the quarter before the dct's; "Q3" alone needs a temporal preposition ("pada Q3").
* Decades ("tahun 1990-an") are "199" without precision.
* Direction: an explicit relative word in the expression ("lalu", "depan") wins; else
  the ``direction`` argument; else future cues in the expression's own clause
  (sentence, cut at "bahwa" so that "mengatakan pada Senin bahwa ia akan ..." stays
  past); else past. A relative word after a parenthesised date belongs to it ("Senin
  (30/12) lalu").
* Weekday + date without a year ("Senin (30/12)"): the direction-consistent nearest date
  (the latest on or before the dct for past), unless the weekday does not fit it and does
  fit the same day-month in another year within a year on that side of the dct (plus
  seven days' slack on the other side when the direction is only inferred, for a
  publication date a few days off). The weekday never moves a past date into the future.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from warta.records import Timex

_YAML = Path(__file__).parent / "lang" / "id" / "time.yaml"
_FLAGS = re.IGNORECASE

# ---------------------------------------------------------------------------- lexicon


def _alt(words: Any) -> str:
    """A regex matching any of the literal `words` (longest first), as a prefix trie.

    Python's ``re`` tries alternatives one by one at every position; factoring the
    common prefixes makes the recogniser several times faster. A space inside a word
    matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for w in {str(x).lower() for x in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie)


def _trie_rx(node: dict[str, Any]) -> str:
    end = "" in node
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_rx(sub) for ch, sub in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


def _key(s: str) -> str:
    """Normalise a matched phrase for dictionary look-up."""
    return " ".join(s.lower().replace("’", "'").split())


@dataclass(frozen=True)
class _Rule:
    name: str
    regex: re.Pattern[str]
    build: Callable[[re.Match[str], str, _Lex], _Cand | None]
    prio: int
    triggers: frozenset[str]  # lower-case words a match can start with
    digits: bool = False  # ... or any token starting with a digit


@dataclass(frozen=True)
class _Lex:
    month: dict[str, int]
    weekday: dict[str, int]
    units: dict[str, tuple[str, int, bool]]  # word -> (code, factor, is_clock_unit)
    digits: dict[str, int]
    numwords: dict[str, int]
    vague: frozenset[str]
    rel: dict[str, str]  # relative word -> class
    deictic: dict[str, int]
    deictic_part: dict[str, str]  # "tadi malam" -> "NI"
    day_part_codes: dict[str, str]  # "malam" -> "NI"
    night_duration_cues: frozenset[str]
    refs: dict[str, str]
    seasons: dict[str, str]
    year_parts: dict[str, str]  # "kuartal" -> "Q"
    ordinals: dict[str, int]
    pm: frozenset[str]
    noon: frozenset[str]
    weak_ctx: frozenset[str]
    year_followers: frozenset[str]
    count_nouns: frozenset[str]
    rules: tuple[_Rule, ...]
    trigger_index: dict[str, tuple[int, ...]]  # token -> indices of rules it can start
    digit_rules: tuple[int, ...]
    token_re: re.Pattern[str]
    ctx_year_re: re.Pattern[str]
    ctx_month_re: re.Pattern[str]
    segment_re: re.Pattern[str]
    cue_re: re.Pattern[str]
    cue_exc_re: re.Pattern[str]
    part_before_re: re.Pattern[str]
    dm_ctx_re: re.Pattern[str]
    wd_date_gap_re: re.Pattern[str]
    after_rel_re: re.Pattern[str]
    day_part_after_re: re.Pattern[str]
    range_gap_re: re.Pattern[str]
    time_gap_re: re.Pattern[str]
    iso_re: re.Pattern[str]
    en_date_re: re.Pattern[str]


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    f: dict[str, Any] = field(default_factory=dict)
    prio: int = 0


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

    MON = _alt(month)
    MONF = _alt(full)
    WD = _alt(weekday)
    UNIT = _alt(units)
    CAL = _alt(y["calendar_units"])
    D = _alt(digits)
    NUM = (
        rf"(?:\d{{1,3}}(?:[.,]\d+)?|(?:{D})\s+puluh(?:\s+(?:{D}))?|(?:{D})\s+(?:belas|ratus)"
        rf"|{_alt(numwords)}|{D})"
    )
    VAGUE = _alt(y["vague_numbers"])
    REL_D = _alt([w for w, c in rel.items() if c in ("past", "future", "this")])
    REL_U = _alt(rel)
    CTXY = _alt(ctx_strong + ctx_weak)
    CTXM = _alt([w for w in ctx_strong + ctx_weak if w not in ("anggaran", "periode")])
    CONN = _alt(y["range_connectors"])  # "4 dan 5 Mei" is one expression ...
    CONN_R = _alt(w for w in y["range_connectors"] if w != "dan")  # ... "Mei dan Juni" two
    PART = _alt(parts)
    SETW = _alt(y["set_words"])
    TZ = _alt(y["timezones"])
    DAYPART = _alt(sum(y["day_parts"].values(), []))
    YEAR = r"(?:1[89]|20)\d{2}"
    YP = _alt(y["year_parts"])

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
        "month": ({"bulan"} | first(full), False),
        "year": ({"tahun"}, True),
        "year_range": ({"tahun"}, True),
        "decade": ({"tahun"}, True),
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
                rf"(?P<bl>\bbulan\s+)?\b(?P<m>{MONF})\b"
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
            "weekday",
            rx(
                rf"(?P<hr>\bhari\s+)?\b(?P<wd>{WD})\b(?:\s+(?P<rel>(?:pekan|minggu)\s+(?:{REL_D})"
                rf"|{REL_D}))?\b"
            ),
            _b_weekday,
            1,
        ),
        R("deictic", rx(rf"\b(?P<w>{_alt(deictic)})\b(?!\s*harinya)"), _b_deictic, 2),
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
        R("ref", rx(rf"(?<![\w-])(?P<w>{_alt(refs)})(?![\w-])"), _b_ref, 4),
        R(
            "season",
            rx(
                rf"\bmusim\s+(?P<s>{_alt(y['seasons'])})\b(?:\s+(?:tahun\s+)?(?P<y>\d{{4}})(?![\d])"
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
                rf"\b(?:(?P<u>{YP})\s+(?:(?:ke-?\s*)?(?P<n>\d)\b(?!\s*(?:/|[.,:]\d))|(?P<o>{_alt(y['ordinals'])})\b"
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
    cues = _alt(y["future_cues"])
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
        ctx_year_re=rx(rf"\b(?P<ctx>{CTXY})\s+$"),
        ctx_month_re=rx(rf"\b(?P<ctx>{CTXM})\s+$"),
        # a clause ends at a sentence stop, a line break, "bahwa", or where a quotation opens after a colon
        segment_re=rx(r"[.!?]+[\"'”’)]*\s+|\n+|\bbahwa\b|:\s*[“\"]|[;]"),
        cue_re=rx(rf"\b(?:{cues})\b"),
        cue_exc_re=rx(rf"\b(?:{_alt(y['future_cue_exceptions'])})\b"),
        part_before_re=rx(rf"\b(?P<p>{PART})\s+$"),
        dm_ctx_re=rx(rf"(?:\(\s*|\b(?:{CTXY}|{WD}|hari)\s*,?\s+)$"),
        wd_date_gap_re=rx(r"\s*,?\s*(?P<lp>\(\s*)?"),
        after_rel_re=rx(rf"\s+(?P<rel>{REL_D})\b"),
        day_part_after_re=rx(
            rf"\s*,?\s*(?P<dp>{_alt(day_part_codes)})(?P<hari>\s+hari)?\b(?:\s+(?P<rel>{REL_D})\b)?(?![\w-])"
        ),
        range_gap_re=rx(rf"\s*(?:{CONN_R})\s*"),
        time_gap_re=rx(rf"\s*(?:[,|/\-–]\s*)?(?:(?:{DAYPART})\s*,?\s+)?"),
        iso_re=rx(r"\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])"),
        en_date_re=rx(rf"\b(?P<m>{MON})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    )


# ---------------------------------------------------------------------------- helpers


def _mkdate(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except (ValueError, OverflowError, TypeError):
        return None


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


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _week(d: date) -> tuple[str, str, date]:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}", "week", _monday(d)


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] in ".!?\n\"“”'(:–—-|"


# ---------------------------------------------------------------------------- builders
# Each builder turns one regex match into a candidate (or None to reject it).


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
    if not (
        m["bl"]
        or m["rel"]
        or m["yrel"]
        or m["rng"] is not None
        or lex.ctx_month_re.search(text, max(0, m.start() - 20), m.start())
    ):
        return None
    mo = lex.month.get(_key(m["m"]))
    if mo is None:
        return None
    start = m.start("bl") if m["bl"] else m.start("m")
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


# ---------------------------------------------------------------------------- passes


def _candidates(text: str, lex: _Lex) -> list[_Cand]:
    # Rules are only tried where a word that can start them begins (much faster than
    # scanning every rule over every character); per rule, matches do not overlap.
    out: list[_Cand] = []
    rules = lex.rules
    last_end = [0] * len(rules)
    index, digit_rules = lex.trigger_index, lex.digit_rules
    for tm in lex.token_re.finditer(text):
        tok = tm.group().lower()
        ids = digit_rules if tok[0].isdigit() else index.get(tok)
        if not ids:
            continue
        pos = tm.start()
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
        if c.kind in ("ym", "y", "unit", "season", "yp") and (c.kind != "unit" or c.f["u"][0] in "WMY"):
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


# ---------------------------------------------------------------------------- resolution

_Res = tuple[str, str, str | None, date | None]  # type, value, precision, first_day
_WD_SLACK = 7  # days a weekday + date may lie on the other side of the dct than the inferred direction
_REF = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


def _day(d: date | None) -> _Res | None:
    return ("DATE", d.isoformat(), "day", d) if d else None


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
        lo, hi = (dct - timedelta(days=slack), dct + timedelta(days=366)) if sign > 0 else (
            dct - timedelta(days=366), dct + timedelta(days=slack))
        hits = [
            dd for yy in (dct.year - 1, dct.year, dct.year + 1)
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
    """"tanggal 5 bulan ini" (that month); "pada tanggal 5": the nearest 5th on the direction's side."""
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
        return _day(dct + timedelta(days=(wd - dct.isoweekday()) % 7 or 7))
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


# ---------------------------------------------------------------------------- direction


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


# ---------------------------------------------------------------------------- public API


def _as_date(d: Any) -> date | None:
    if isinstance(d, datetime):
        return d.date()
    return d if isinstance(d, date) else None


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
            r = _resolve(c, dct, lambda c=c: dirs.at(c.start))
        except (ValueError, OverflowError, KeyError, TypeError):
            r = None
        if r is None:
            continue
        typ, value, precision, first = r
        if first is None:
            precision = None
        out.append(Timex(c.start, c.end, text[c.start : c.end], typ, value, precision, first))
    return out


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
        today = _as_date(today)
        if today is None or not isinstance(text, str):
            return None
        pairs = {
            (c.f["wd"], c.f["m"], c.f["d"])
            for c in _candidates(text, _lexicon())
            for c in ([c.f["date"]] if c.kind == "time" and c.f["date"] is not None else [c])
            if c.kind == "ymd" and c.f.get("wd") and c.f.get("y") is None and c.f.get("yrel") is None
        }
        if not pairs:
            return None
        for y in range(today.year, today.year - 31, -1):
            if all((d := _mkdate(y, m, dd)) is not None and d.isoweekday() == wd for wd, m, dd in pairs):
                return y
    except Exception:  # noqa: BLE001 -- never raise on scraped text
        return None
    return None


__all__ = ["find_timexes", "infer_year", "parse_publication_date"]

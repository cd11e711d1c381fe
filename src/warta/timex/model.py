"""The records the timex passes share: rules, the lexicon, candidates and resolved values."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any


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
class _Holiday:
    fixed: tuple[int, int] | None  # (month, day) of a fixed-date holiday
    dates: tuple[tuple[date, int | None], ...]  # movable: (first day, Hijri year) from holidays.tsv
    month: bool  # a month-long period (Ramadan)
    anniversary: int | None  # "HUT RI ke-79" -> 1945 + 79
    only_before: frozenset[str]


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
    holidays: dict[str, _Holiday]
    holiday_names: dict[str, tuple[str, bool]]  # name -> (key, guarded)
    holiday_nearest: frozenset[str]
    holiday_ctx_re: re.Pattern[str]
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
    # where _propose tries rules, found in one pass: the trigger words (an Aho-Corasick automaton over the
    # lower-cased text, values (word, rule indices)) and the words that start with a digit
    trigger_automaton: Any
    digit_start_re: re.Pattern[str]
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


_Res = tuple[str, str, str | None, date | None]  # type, value, precision, first_day


def _day(d: date | None) -> _Res | None:
    return ("DATE", d.isoformat(), "day", d) if d else None

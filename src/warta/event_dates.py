"""The date of a coded event, and how warta knows it.

In order, an event takes:

1. ``timex`` -- the temporal expression governing its clause ("pada Selasa (9 April)", "bulan lalu",
   "sejak 2020"), else the first one of its sentence that stands before the verb or adverbially after
   it. A date inside the object ("kesepakatan Februari 2021") and the date of a relayed report
   ("seperti dikutip dari Russia Today, Sabtu (6/5/2023)") do not date the event.
2. ``episode`` -- the sentence points back to an occasion already told ("dalam pertemuan kali ini",
   "pada kesempatan itu", "pembicaraan tersebut"): the date of the latest event dated before it in the
   article.
3. ``paragraph`` -- the nearest day or week named earlier in the same paragraph, unless the sentence
   opens an episode of its own ("sebelumnya", "sejak", "pernah", ...).
4. ``report`` -- only the relayed report is dated: the event happened on that day or before.
5. ``publication`` -- nothing in the text dates it: the event happened on the publication day or
   before it.

Cases 4 and 5 have precision ``on_or_before`` -- or ``on_or_after`` for an intended event ("akan
bertemu"), which is to happen on the day it was announced or later: warta does not pretend to know the
day. The corpus merge (:mod:`warta.merge`) gives such an event the day another report of it states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from warta.lang import LanguagePack, phrase_alternation
from warta.records import Article, Event, Sentence, Timex
from warta.stemmer import stem

_DATE_PREPS = frozenset(
    {"pada", "tanggal", "sejak", "hingga", "sampai", "mulai", "sebelum", "setelah", "selama"}
)
_DAY_WORDS = frozenset(
    {"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "kemarin", "besok", "hari", "pekan"}
)


@dataclass(frozen=True)
class DateCues:
    relay: re.Pattern[str]  # a relay phrase ending right before a date: "dikutip dari Reuters, "
    anaphora: re.Pattern[str]
    new_episode: frozenset[str]
    # "mengunjungi Kyiv untuk pertama kalinya sejak 2022": what "sejak" measures from, not the event's date
    baseline: re.Pattern[str] | None = None


@cache
def cues(pack: LanguagePack) -> DateCues:
    y = pack.yaml("cues.yaml")
    relay = [str(w).lower() for w in y.get("relay_cues", []) if not str(w).endswith(":")]
    return DateCues(
        # the relay cue, a short source name (no clause, quotation or other date in it), then the date
        relay=re.compile(rf"\b(?:{phrase_alternation(relay)})\s+[^.,;:\"“”\d]{{1,50}}?,?\s*$", re.I),
        anaphora=re.compile(rf"\b(?:{phrase_alternation(y.get('episode_anaphora', []))})\b", re.I),
        new_episode=frozenset(str(w).lower() for w in y.get("new_episode", [])),
        baseline=re.compile(
            rf"\b(?:{phrase_alternation(y['since_baselines'])})\b(?:\W+\w+){{0,3}}?\W+(?:sejak|semenjak)\s*$",
            re.I,
        )
        if y.get("since_baselines")
        else None,
    )


def _baseline(t: Timex, text: str, sentence_start: int, dc: DateCues) -> bool:
    """ "untuk pertama kalinya sejak 2022", "terburuk sejak 1998": the date a comparison runs from."""
    return dc.baseline is not None and bool(
        dc.baseline.search(text, max(sentence_start, t.start - 60), t.start)
    )


def is_report_date(t: Timex, text: str, sentence_start: int, dc: DateCues) -> bool:
    """ "seperti dikutip dari Russia Today, Sabtu (6/5/2023)": the day of the relayed report."""
    return _relayed(dc.relay, text[max(sentence_start, t.start - 90) : t.start])


@lru_cache(maxsize=1024)
def _anaphor(anaphora: re.Pattern[str], sentence: str) -> str | None:
    """The first episode anaphor of the sentence ("pertemuan itu"), if any; cached as :func:`_relayed`."""
    m = anaphora.search(sentence)
    return m.group() if m else None


@lru_cache(maxsize=4096)
def _relayed(relay: re.Pattern[str], before: str) -> bool:
    """Whether ``relay`` ends ``before``; cached: each event of a sentence asks of each date in it (news:
    34 searches of 10 us an article for 5 dates)."""
    return bool(relay.search(before))


_SUBORDINATE = re.compile(
    r",\s*(?:setelah|sebelum|sesudah|sejak|ketika|saat|usai|seusai|menyusul|sehari)\b"
    # "mempercepat ratifikasi perjanjian yang telah ditandatangani pada 2022": an earlier act's date
    r"|\byang\s+(?:telah|sudah|pernah)\b",
    re.I,
)
_ANCHORS = frozenset({"sejak", "selama", "hingga", "sampai", "mulai"})


def _subordinate(between: str) -> bool:
    """ "X bertemu Y, setelah Z tiba pada hari Rabu", "... perjanjian yang telah ditandatangani pada 2022":
    the date belongs to the subordinate or relative clause."""
    return bool(_SUBORDINATE.search(between))


def _anchor(t: Timex, text: str) -> bool:
    """ "berlangsung tiga hari, sejak Rabu (4/6)": the start or end of a period, not the day of an episode."""
    before = text[max(0, t.start - 10) : t.start].lower().split()
    return bool(before) and before[-1] in _ANCHORS


def adverbial(t: Timex, text: str) -> bool:
    """A date after the verb dates the event when it is adverbial ("pada Maret", "Selasa (5/3)", "kemarin"),
    not when it sits inside the object ("kesepakatan gencatan senjata Februari 2021")."""
    before = text[max(0, t.start - 12) : t.start].lower().split()
    if before and before[-1].strip(",") in _DATE_PREPS:
        return True
    first = t.text.split()[0].lower() if t.text.split() else ""
    return (not any(c.isdigit() for c in t.text[:2]) and not t.text[:1].isupper()) or first in _DAY_WORDS


def _event_nouns(phrase: str) -> set[str]:
    """Stems of the event nouns of an anaphoric phrase: "pertemuan itu" -> {"temu"}."""
    return {stem(w) for w in re.findall(r"\w+", phrase.lower()) if len(w) > 5 and w.endswith("an")}


def _told(phrase: str, earlier: list[Event]) -> Event | None:
    """The latest dated event an anaphoric phrase can point back to: "pertemuan itu" needs a meeting
    ("bertemu", stem "temu"), "kunjungan tersebut" a visit; "pada kesempatan itu" any event."""
    nouns = _event_nouns(phrase)
    for e in reversed(earlier):
        if not e.date or e.date_source not in {"timex", "paragraph", "episode"}:
            continue
        if e.date_precision not in {"day", "week"}:
            continue
        if nouns and not nouns & {stem(w) for w in re.findall(r"\w+", e.verb_text)}:
            continue
        return e
    return None


def _earlier(timexes: list[Timex], text: str, start: int, end: int, dc: DateCues) -> list[Timex]:
    """The calendar dates between ``start`` and ``end`` (the paragraph before a sentence), relayed reports'
    dates left out."""
    return [
        t
        for t in timexes
        if start <= t.start < end and t.first_day and t.precision and not is_report_date(t, text, start, dc)
    ]


def event_date(
    s: Sentence,
    timexes: list[Timex],
    art: Article,
    pack: LanguagePack,
    *,
    clause: tuple[int, int],
    verb_start: int,
    para_start: int | None = None,
    earlier: list[Event] | None = None,
    done: bool = False,
) -> tuple[date | None, str, str]:
    """(date, precision, date_source) of an event whose verb starts at ``verb_start`` in sentence ``s``;
    ``done`` when the event is told as having happened (asserted or alleged), not intended."""
    dc = cues(pack)
    left, right = clause
    in_sentence = [
        t
        for t in timexes
        if s.start <= t.start < s.end
        and t.first_day
        and t.precision
        and not _baseline(t, art.text, s.start, dc)
    ]
    reports = [t for t in in_sentence if is_report_date(t, art.text, s.start, dc)]
    dated = [
        t
        for t in in_sentence
        if t not in reports
        and (
            t.start < verb_start
            or (adverbial(t, art.text) and not _subordinate(art.text[verb_start : t.start]))
        )
        # "sepakat menggelar latihan bulan depan": a later date after a verb told as done dates its object
        and not (
            done
            and t.start > verb_start
            and art.published is not None
            and t.first_day is not None
            and t.first_day > art.published
        )
    ]
    in_clause = [t for t in dated if left <= t.start < right]
    for t in sorted(in_clause, key=lambda t: abs(t.start - verb_start)) or dated[:1]:
        return t.first_day, t.precision or "day", "timex"
    opening = art.text[s.start : verb_start]
    opening_words = set(re.findall(r"\w+", opening.lower()))
    anaphor = _anaphor(dc.anaphora, art.text[s.start : s.end])
    if anaphor and not dc.new_episode & opening_words:
        told = _told(anaphor, earlier or [])
        if not _event_nouns(anaphor):
            # "Ini terjadi ketika ...": the occasion may be an expression of the sentences before
            back = _earlier(timexes, art.text, s.start if para_start is None else para_start, s.start, dc)
            if back and (told is None or back[-1].start > told.verb_start):
                return back[-1].first_day, back[-1].precision or "day", "episode"
        if told:
            return told.date, told.date_precision, "episode"
    if para_start is not None and not dc.new_episode & opening_words:
        before = [
            t
            for t in _earlier(timexes, art.text, para_start, s.start, dc)
            if t.precision in {"day", "week"} and not _anchor(t, art.text)
        ]
        if before:
            return before[-1].first_day, before[-1].precision or "day", "paragraph"
    # undated: a done event happened on the report's day or before it; an intended one ("akan", "siap")
    # was announced then and is to happen on that day or after it
    bound = "on_or_before" if done else "on_or_after"
    if reports and reports[0].precision == "day":
        return reports[0].first_day, bound, "report"
    if art.published:
        return art.published, bound, "publication"
    return None, bound, "none"

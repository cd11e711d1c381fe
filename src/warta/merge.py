"""One real-world event, one row: the corpus-level merge of coded events.

Two reports are the same real-world event when they share a *block* -- PLOVER type, source and target
codes (either order for meetings, agreements and cooperation) and modality -- and their dates are
compatible. Each event's date is read as an interval of days:

* ``day`` -- that day; ``week`` -- Monday to Sunday; ``month`` and ``year`` -- the whole period (a
  month-long holiday, Ramadan, is dated at its first day: the 30 days from then);
* ``on_or_before`` -- the sentence gives no date, only the report does (publication day, or the date of
  the relayed agency report): the event happened on that day or in the ``WINDOW`` days before it;
* ``on_or_after`` -- the same for an intended event, announced that day: it is to happen then or in the
  ``WINDOW`` days after it (a later date only another report can give).

Within a block the events are taken narrowest first; each joins the group whose common interval it
overlaps (the one whose date is nearest, when several do) or starts a group of its own. Day, week and
on-or-before dates mix this way ("Kamis (4/5)" in one outlet and an undated report published on 6 May
in another are one meeting, dated 4 May); month and year dates only merge with the same month or year,
so that "bertemu pada Maret" does not swallow every March meeting. The group takes the date of its most
precise member. Events of an undated article stay within that article.

Everything here is a pure function of the events of one block, so the result does not depend on the
order in which documents arrived. Within a block, only events whose periods overlap ever share a group, and a
month or year only with the same period, so the block falls apart into *runs*: each chain of overlapping
day, week and on-or-before/after periods, each month or year period, each undated article. A run is grouped
the same whether the block's other runs are there or not. When new events come, the store re-runs the merge
over every event of the runs they fall in (:func:`runs_sql`; ``Store.merge_pending``: every few
minutes of a run and at its end; ``Store.write`` by default), not over the whole block.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from warta.sources import content_id

WINDOW = 7  # days before a report in which an event it does not date may have happened
FINE = frozenset({"day", "week", "on_or_before", "on_or_after"})
MUTUAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
DIRECTED_MODES = frozenset({"visit", "host", "third-party"})


def is_mutual(event: str, mode: str | None) -> bool:
    """Meetings, agreements and cooperation hold between both sides; visits and mediation have a direction."""
    return event in MUTUAL_TYPES and (mode or "") not in DIRECTED_MODES


def block_key(
    event: str, mode: str | None, source: Iterable[str], target: Iterable[str], modality: str
) -> str:
    """The part of the merge that needs no dates: type, the two sides and modality."""
    sides = [",".join(sorted(set(source))), ",".join(sorted(set(target)))]
    if is_mutual(event, mode):
        sides.sort()  # "A bertemu B" and "B bertemu A" are one meeting
    return content_id("|".join([event, *sides, modality]))


class Dated(NamedTuple):
    """What the merge needs to know of one stored event (a tuple: the merge makes one for every event of
    the blocks it re-reads, hundreds of thousands at a time)."""

    id: str
    block: str
    date: date | None
    precision: str
    article_id: str


LUNAR_MONTH = 30  # days: a month of the Hijri calendar has 29 or 30, and the merge takes the longer


def interval(d: date | None, precision: str) -> tuple[date, date] | None:
    """The days an event dated ``d`` with ``precision`` may fall on."""
    if d is None:
        return None
    if precision == "week":
        start = d - timedelta(days=d.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        if d.day != 1:  # a month-long holiday valued at its first day (Ramadan): a lunar month from then on
            # (one that begins on a 1st reads as that calendar month, a day longer at most)
            return d, d + timedelta(days=LUNAR_MONTH - 1)
        return d, d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "on_or_before":
        return d - timedelta(days=WINDOW), d
    if precision == "on_or_after":
        return d, d + timedelta(days=WINDOW)
    return d, d


# narrowest first: the order the merge takes events in, and which report gives a group its date
RANK = {"day": 0, "week": 1, "on_or_before": 2, "on_or_after": 2, "month": 3, "year": 4}


@dataclass
class _Group:
    lo: date
    hi: date
    rep: Dated  # the most precise member: its date is the group's
    members: list[str]


def _compatible(g: _Group, e: Dated, lo: date, hi: date) -> bool:
    if lo > g.hi or hi < g.lo:
        return False
    if e.precision in FINE and g.rep.precision in FINE:
        return True
    return e.precision == g.rep.precision and (lo, hi) == (g.lo, g.hi)


def cluster(events: Iterable[Dated]) -> dict[str, str]:
    """Event id -> group id, for the events of one or several blocks."""
    by_block: dict[str, list[Dated]] = {}
    for e in events:
        by_block.setdefault(e.block, []).append(e)
    out: dict[str, str] = {}
    for block, items in by_block.items():
        for g in _cluster_block(items):
            gid = group_id(block, g.rep)
            for eid in g.members:
                out[eid] = gid
    return out


@lru_cache(maxsize=1 << 16)
def _span(d: date, precision: str) -> tuple[date, date, int, int]:
    """:func:`interval` of a dated event, with the ordinals of its ends (a block repeats its dates)."""
    lo, hi = interval(d, precision)  # type: ignore[misc]  # d is a date: never None
    return lo, hi, lo.toordinal(), hi.toordinal()


def _order(e: Dated) -> tuple[int, date, str]:
    return RANK.get(e.precision, 9), e.date or date.min, e.id


def _cluster_block(items: list[Dated]) -> list[_Group]:
    groups: list[_Group] = []
    undated: dict[str, _Group] = {}
    # the groups a new event may join, found without scanning them all (a busy block has thousands):
    # fine groups under each day of their first interval (at most eight days; a group's interval only
    # narrows), coarse ones under their exact interval, which is the only one they take
    by_day: dict[int, list[int]] = {}
    by_span: dict[tuple[str, date, date], list[int]] = {}

    for e in sorted(items, key=_order):
        if e.date is None:
            g = undated.setdefault(e.article_id, _Group(date.min, date.min, e, []))
            g.members.append(e.id)
            continue
        lo, hi, first, last = _span(e.date, e.precision)
        fine = e.precision in FINE
        if not fine:
            near: Iterable[int] = by_span.get((e.precision, lo, hi), ())  # in the order they were made
        elif first == last:
            near = by_day.get(first, ())  # one day: its groups, each once, in the order they were made
        else:
            near = sorted({k for d in range(first, last + 1) for k in by_day.get(d, ())})
        fits = [groups[k] for k in near if _compatible(groups[k], e, lo, hi)]
        if not fits:
            k = len(groups)
            groups.append(_Group(lo, hi, e, [e.id]))
            if fine:
                for d in range(first, last + 1):
                    by_day.setdefault(d, []).append(k)
            else:
                by_span.setdefault((e.precision, lo, hi), []).append(k)
            continue
        if len(fits) == 1:
            best = fits[0]
        else:
            best = min(fits, key=lambda g: abs(((g.rep.date or lo) - e.date).days))  # type: ignore[operator]
        best.lo, best.hi = max(best.lo, lo), min(best.hi, hi)
        best.members.append(e.id)
    return groups + list(undated.values())


def interval_sql(d: str, precision: str) -> tuple[str, str]:
    """:func:`interval` as two DuckDB expressions (first day, last day) over the columns ``d`` and
    ``precision``; ``tests/test_merge.py`` holds them to :func:`interval` day for day."""
    lo = (
        f"CASE {precision} WHEN 'week' THEN {d} - (isodow({d}) - 1)::INTEGER "
        f"WHEN 'year' THEN make_date(year({d}), 1, 1) WHEN 'on_or_before' THEN {d} - {WINDOW} ELSE {d} END"
    )
    hi = (
        f"CASE {precision} WHEN 'week' THEN {d} - (isodow({d}) - 1)::INTEGER + 6 "
        f"WHEN 'month' THEN CASE WHEN day({d}) = 1 THEN last_day({d}) ELSE {d} + {LUNAR_MONTH - 1} END "
        f"WHEN 'year' THEN make_date(year({d}), 12, 31) WHEN 'on_or_after' THEN {d} + {WINDOW} ELSE {d} END"
    )
    return lo, hi


def runs_sql(source: str) -> str:
    """A DuckDB query over ``source`` (a table or subquery of stored events: id, block_key, date,
    date_precision, article_id, merge_key, whole blocks; a new event has no merge key) that gives the events
    the merge must re-read: every event of each run (see the module's docstring) that holds a new event, and
    the undated events of each article with a new undated one.

    Why a run can be re-merged alone: :func:`_cluster_block` lets an event join only a group whose common
    interval its own overlaps (a group's interval only narrows), a fine one only a fine group and a coarse one
    only a group of its own precision and period. So no group ever holds events of two runs, the groups of one
    run are never candidates for an event of another, and the pass takes a run's events in the same order
    (narrowest first, by date and id) whatever else the block holds: a run's groups, and their ids, do not
    depend on the other runs. The runs are found from the blocks' distinct dates, in DuckDB: a busy block of
    a big corpus holds years of events, and a batch falls in a few of its weeks."""
    lo, hi = interval_sql("date", "date_precision")
    fine = ", ".join(f"'{p}'" for p in sorted(FINE))
    return f"""
WITH src AS (
    SELECT id, block_key, date, date_precision, article_id, merge_key FROM {source}
), spans AS (
    SELECT block_key, date, date_precision, bool_or(merge_key IS NULL) AS new, {lo} AS lo, {hi} AS hi
    FROM src WHERE date IS NOT NULL GROUP BY ALL
), chained AS (  -- a fine period begins a run when it begins after the last day of every one before it
    SELECT *, coalesce(lo > max(hi) OVER (PARTITION BY block_key ORDER BY lo, hi
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), true) AS starts
    FROM spans WHERE date_precision IN ({fine})
), fine_runs AS (
    SELECT *, sum(starts::INTEGER) OVER (PARTITION BY block_key ORDER BY lo, hi
                                         ROWS UNBOUNDED PRECEDING) AS run
    FROM chained
), chosen AS (
    SELECT block_key, date, date_precision FROM fine_runs
    QUALIFY bool_or(new) OVER (PARTITION BY block_key, run)
    UNION ALL  -- a month or year: its run is its period
    SELECT block_key, date, date_precision FROM spans
    WHERE date_precision IS NULL OR date_precision NOT IN ({fine})
    QUALIFY bool_or(new) OVER (PARTITION BY block_key, date_precision, lo, hi)
)
SELECT e.* FROM src e JOIN chosen c ON e.block_key = c.block_key AND e.date = c.date
    AND e.date_precision IS NOT DISTINCT FROM c.date_precision
UNION ALL
SELECT * FROM src WHERE date IS NULL AND (block_key, article_id) IN (
    SELECT DISTINCT block_key, article_id FROM src WHERE date IS NULL AND merge_key IS NULL)
"""


def group_id(block: str, rep: Dated) -> str:
    when = rep.date.isoformat() if rep.date else f"undated:{rep.article_id}"
    return content_id(f"{block}|{when}|{rep.precision}")

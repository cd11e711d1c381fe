"""Dyad aggregates computed by the database: the numbers :mod:`warta.dyads` computes over merged records,
without making the records.

:func:`warta.dyads.aggregate` needs every merged record of the corpus in memory (a Python dict with its
documents and evidence each), which at 100,000 articles takes 15 s and grows with the corpus. Here DuckDB
groups the stored events into their real-world events, pairs their actors and counts per dyad and period,
and Python receives one row per dyad and period. The meaning is :mod:`warta.dyads`'s, row for row (the tests
hold the two to each other):

- a group's type, Goldstein score and sides are its first report's (the export's order: published, article,
  sentence, verb), its date and precision those of its most precise report (ties: the first report);
- its pairs are every source code with every target code, an empty code and a code with itself left out,
  states only unless ``include_nonstate``; unordered pairs are the two codes sorted;
- a group enters a period when its date is at least as precise as the period, and ``left_out`` counts the
  groups with a pair that do not, by precision.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import duckdb

from warta.dyads import (
    PERIODS,
    QUAD,
    DyadStats,
    Timeline,
    dyad_key,
    most_active,
    network_of,
    series,
    state_codes,
)
from warta.export import EventFilter, _rank_sql

_ROW_ORDER = "published NULLS LAST, article_id, sentence, verb_start"  # the export's order in a group
_NO_DATE = "DATE '9999-12-31'"
_ALL_TIME = "DATE '0001-01-01'"  # the one "period" of totals over all time (by=None)

# which precisions a period admits (dyads._ADMITS)
_ADMITS = {
    "day": ("day", "on_or_before", "on_or_after"),
    "week": ("day", "on_or_before", "on_or_after", "week"),
    "month": ("day", "on_or_before", "on_or_after", "week", "month"),
}


def _period_sql(by: str | None) -> str:
    if by is None:
        return _ALL_TIME
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (day, week or month)")
    admits = ", ".join(f"'{p}'" for p in _ADMITS[by])
    start = "date" if by == "day" else f"CAST(date_trunc('{by}', date) AS DATE)"
    return f"CASE WHEN date IS NOT NULL AND precision IN ({admits}) THEN {start} END"


def _base(
    flt: EventFilter,
    *,
    by: str | None,
    ordered: bool,
    include_nonstate: bool,
    dyads: Iterable[tuple[str, str]] | None,
) -> tuple[str, list[Any]]:
    """The CTEs ``ev`` (the filtered reports), ``grp`` (one row per real-world event), ``pr`` (its ordered
    pairs) and ``rec`` (one row per event and dyad, with its period: NULL when left out), and their
    parameters."""
    where, params = flt.sql()
    rank = _rank_sql("date_precision")
    keep = "TRUE" if include_nonstate else "list_contains(?, s) AND list_contains(?, t)"
    extra: list[Any] = [] if include_nonstate else [sorted(state_codes())] * 2
    a, b = ("least(s, t)", "greatest(s, t)") if not ordered else ("s", "t")
    only = ""
    if dyads is not None:
        only = "WHERE list_contains(?, [a, b])"
        extra.append([list(d) if ordered else sorted(d) for d in dyads])
    sql = f"""
WITH ev AS MATERIALIZED (
    SELECT coalesce(e.merge_key, e.id) AS gid, e.event, e.goldstein, e.date, e.date_precision,
           e.source_codes, e.target_codes, e.article_id, e.sentence, e.verb_start, a.outlet, a.published
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE {where}
),
grp AS MATERIALIZED (
    SELECT gid,
           first(event ORDER BY {_ROW_ORDER}) AS event,
           first(goldstein ORDER BY {_ROW_ORDER}) AS goldstein,
           first(source_codes ORDER BY {_ROW_ORDER}) AS src,
           first(target_codes ORDER BY {_ROW_ORDER}) AS tgt,
           first(date ORDER BY {rank}, coalesce(date, {_NO_DATE}), {_ROW_ORDER}) AS date,
           first(date_precision ORDER BY {rank}, coalesce(date, {_NO_DATE}), {_ROW_ORDER}) AS precision
    FROM ev GROUP BY gid
),
sides AS (SELECT gid, unnest(src) AS s, tgt FROM grp),
pr AS MATERIALIZED (
    SELECT DISTINCT gid, s, t FROM (SELECT gid, s, unnest(tgt) AS t FROM sides)
    WHERE s IS NOT NULL AND s <> '' AND t IS NOT NULL AND t <> '' AND s <> t AND {keep}
),
rec AS MATERIALIZED (
    SELECT * FROM (
        SELECT DISTINCT p.gid, {a} AS a, {b} AS b, {_period_sql(by)} AS period,
               coalesce(nullif(g.precision, ''), 'none') AS precision
        FROM pr p JOIN grp g ON g.gid = p.gid
    ) {only}
)"""
    return sql, params + extra


_LEFT_OUT = "SELECT precision, count(DISTINCT gid) AS n FROM rec WHERE period IS NULL GROUP BY precision"


def left_out(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    by: str,
    ordered: bool = False,
    include_nonstate: bool = False,
) -> Counter[str]:
    """The ``left_out`` of :func:`aggregate` alone: the records with a dyad whose date is too coarse for
    ``by``, by precision."""
    base, params = _base(
        flt or EventFilter(), by=by, ordered=ordered, include_nonstate=include_nonstate, dyads=None
    )
    return Counter(dict(con.execute(base + " " + _LEFT_OUT, params).fetchall()))


def _cells_sql(base: str, ordered: bool) -> str:
    """One row per dyad and period (``kind`` 'cell'), and one per precision of the groups left out of the
    periods (``kind`` 'left_out', the precision in ``a``)."""
    return (
        base
        + f""",
cells AS (
    SELECT r.a, r.b, r.period, count(*) AS events, histogram(g.event) AS by_type,
           sum(CAST(g.goldstein AS DECIMAL(18, 6))) AS goldstein_sum, count(g.goldstein) AS goldstein_n
    FROM rec r JOIN grp g USING (gid) WHERE r.period IS NOT NULL GROUP BY ALL
),
docs AS (
    SELECT r.a, r.b, r.period, count(DISTINCT ev.article_id) AS documents,
           list(DISTINCT ev.outlet) FILTER (WHERE ev.outlet IS NOT NULL AND ev.outlet <> '') AS outlets
    FROM rec r JOIN ev USING (gid) WHERE r.period IS NOT NULL GROUP BY ALL
),
dirs AS (
    SELECT r.a, r.b, r.period, p.s, p.t, count(*) AS n
    FROM rec r JOIN pr p USING (gid)
    WHERE r.period IS NOT NULL AND NOT {str(ordered).upper()}
      AND ((p.s = r.a AND p.t = r.b) OR (p.s = r.b AND p.t = r.a))
    GROUP BY ALL
),
dir_lists AS (SELECT a, b, period, list({{'s': s, 't': t, 'n': n}}) AS directions FROM dirs GROUP BY ALL)
SELECT 'cell' AS kind, c.a, c.b, c.period, c.events, c.by_type, c.goldstein_sum, c.goldstein_n,
       d.documents, d.outlets, l.directions
FROM cells c JOIN docs d USING (a, b, period) LEFT JOIN dir_lists l USING (a, b, period)
UNION ALL
SELECT 'left_out', precision, NULL, NULL, n, NULL, NULL, NULL, NULL, NULL, NULL FROM ({_LEFT_OUT})
"""
    )


def aggregate(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    by: str | None = None,
    ordered: bool = False,
    include_nonstate: bool = False,
    dyads: Iterable[tuple[str, str]] | None = None,
) -> tuple[list[DyadStats], Counter[str]]:
    """:func:`warta.dyads.aggregate` of the merged records under ``flt`` (with ``pair``: only the records
    of that dyad, as :func:`warta.dyads.timeline` takes them). DyadStats here carry their documents as a
    count (``document_count``) and no event ids."""
    base, params = _base(
        flt or EventFilter(), by=by, ordered=ordered, include_nonstate=include_nonstate, dyads=dyads
    )
    rows: list[DyadStats] = []
    left_out: Counter[str] = Counter()
    for kind, a, b, period, events, by_type, gsum, gn, documents, outlets, directions in con.execute(
        _cells_sql(base, ordered), params
    ).fetchall():
        if kind == "left_out":
            left_out[a] += events
            continue
        st = DyadStats(a, b, ordered, None if by is None else period)
        st.events = events
        st.by_type = Counter(by_type)
        for t, n in by_type.items():
            if t in QUAD:
                st.by_quad[QUAD[t]] += n
        st.goldstein_total, st.goldstein_n = Decimal(gsum or 0), gn
        st.outlets = set(outlets or [])
        st.document_count = documents
        for d in directions or []:
            st.directions[f"{d['s']}>{d['t']}"] = d["n"]
        rows.append(st)
    rows.sort(key=lambda s: (s.period or date.min, -s.events, s.a, s.b))
    return rows, left_out


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    n: int = 20,
    *,
    ordered: bool = False,
    include_nonstate: bool = False,
) -> list[DyadStats]:
    """:func:`warta.dyads.top_dyads` of the merged records under ``flt``."""
    rows, _ = aggregate(con, flt, ordered=ordered, include_nonstate=include_nonstate)
    return most_active(rows, n)


def timeline(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None,
    a: str,
    b: str,
    *,
    by: str = "month",
    ordered: bool = False,
    fill: bool = True,
) -> Timeline:
    """:func:`warta.dyads.timeline` of the merged records under ``flt``."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (day, week or month)")
    key = dyad_key(a, b, ordered=ordered)
    rows, left_out = aggregate(con, flt, by=by, ordered=ordered, include_nonstate=True, dyads=[key])
    return series(key, by, ordered, rows, left_out, fill=fill)


def network(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, include_nonstate: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """:func:`warta.dyads.network` of the merged records under ``flt``."""
    rows, _ = aggregate(con, flt, include_nonstate=include_nonstate)
    base, params = _base(
        flt or EventFilter(), by=None, ordered=False, include_nonstate=include_nonstate, dyads=None
    )
    node_events = dict(
        con.execute(
            base + " SELECT code, count(DISTINCT gid) FROM "
            "(SELECT gid, a AS code FROM rec UNION ALL SELECT gid, b FROM rec) GROUP BY code",
            params,
        ).fetchall()
    )
    return network_of(rows, node_events)

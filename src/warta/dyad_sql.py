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

import itertools
from collections import Counter
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

import duckdb

from warta.dyads import (
    ADMITS,
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
from warta.export import NO_DATE, EventFilter, rank_sql

# A report's place in its group in the export's order (published NULLS LAST, article, sentence, verb), as one
# number: the article's place in (published, id) order, its sentence and verb, 32 bits each (NULL last).
# Grouping 5.75 million reports took 1.1 s with it, 2.7 s with ORDER BY aggregates, 5.9 s with struct keys.
_ROW_KEY = (
    f"place::HUGEINT * {2**64} + coalesce(sentence, {2**31 - 1})::HUGEINT * {2**32} "
    f"+ coalesce(verb_start, {2**31 - 1})"
)
_ALL_TIME = "DATE '0001-01-01'"  # the one "period" of totals over all time (by=None)

# the precisions each period admits
_ADMITS = {by: sorted(p for p, periods in ADMITS.items() if by in periods) for by in PERIODS}


def _period_sql(by: str | None) -> str:
    """The period of a group (its ``date`` and ``precision``), NULL when its date is too coarse."""
    if by is None:
        return _ALL_TIME
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (day, week or month)")
    admits = ", ".join(f"'{p}'" for p in _ADMITS[by])
    start = "date" if by == "day" else f"CAST(date_trunc('{by}', date) AS DATE)"
    return f"CASE WHEN date IS NOT NULL AND precision IN ({admits}) THEN {start} END"


def _events_sql(where: str) -> str:
    """The stored reports under a filter (``where`` over events e and articles a), with their group."""
    return f"""SELECT coalesce(e.merge_key, e.id) AS gid, e.rowid AS row, e.date, e.date_precision,
       e.article_id, e.sentence, e.verb_start, a.outlet, a.place
FROM events e JOIN (
    SELECT *, row_number() OVER (ORDER BY published NULLS LAST, id) AS place FROM articles
) a ON a.id = e.article_id
WHERE {where}"""


# One row per real-world event: its first report's type, Goldstein score and sides, its most precise
# report's date and precision.
_GROUPS_SQL = """
CREATE TEMP TABLE {grp} AS
WITH firsts AS (
    SELECT gid, arg_min(row, key) AS first_row,
           arg_min({{'date': date, 'precision': date_precision}}, {date_key}) AS d
    FROM (SELECT *, {row_key} AS key FROM ({events})) GROUP BY gid
)
SELECT f.gid, e.event, e.goldstein, e.source_codes AS src, e.target_codes AS tgt, f.d.date AS date,
       coalesce(nullif(f.d.precision, ''), 'none') AS precision
FROM firsts f JOIN events e ON e.rowid = f.first_row
"""
# Its pairs (source code, target code), each once, and the dyad (a, b) each makes.
_PAIRS_SQL = """
CREATE TEMP TABLE {pr} AS
SELECT *, {a} AS a, {b} AS b FROM (
    SELECT DISTINCT gid, s, t
    FROM (SELECT gid, s, unnest(tgt) AS t FROM (SELECT gid, unnest(src) AS s, tgt FROM {grp}))
    WHERE s IS NOT NULL AND s <> '' AND t IS NOT NULL AND t <> '' AND s <> t AND {keep}
)
"""
_COUNTER = itertools.count()


class Dyads:
    """The merged records under a filter, as the database holds them for the aggregates: one row per
    real-world event and one per pair of its actors, in two temporary tables made once, so that a request
    that asks for several aggregates (top dyads, their periods, what was left out) groups the reports once.
    Use as a context manager; the tables go when it closes."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        flt: EventFilter | None = None,
        *,
        ordered: bool = False,
        include_nonstate: bool = False,
    ) -> None:
        self.con, self.ordered, self.flt = con, ordered, flt or EventFilter()
        self.include_nonstate = include_nonstate
        n = next(_COUNTER)
        self._grp, self._pr = f"warta_groups_{n}", f"warta_pairs_{n}"
        where, self._params = self.flt.sql()
        self._events = _events_sql(where)
        rank = rank_sql("date_precision")
        days = f"date_diff('day', DATE '0001-01-01', coalesce(date, {NO_DATE}))"
        con.execute(
            _GROUPS_SQL.format(
                grp=self._grp,
                events=self._events,
                row_key=_ROW_KEY,
                date_key=f"({rank})::HUGEINT * {2**118} + {days}::HUGEINT * {2**96} + key",
            ),
            self._params,
        )
        keep = "TRUE" if include_nonstate else "list_contains(?, s) AND list_contains(?, t)"
        a, b = ("s", "t") if ordered else ("least(s, t)", "greatest(s, t)")
        try:
            con.execute(
                _PAIRS_SQL.format(pr=self._pr, grp=self._grp, keep=keep, a=a, b=b),
                [] if include_nonstate else [sorted(state_codes())] * 2,
            )
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        for table in (self._pr, self._grp):
            try:
                self.con.execute(f"DROP TABLE IF EXISTS {table}")
            except duckdb.Error:  # the connection is closing, or was interrupted: its temp tables go with it
                pass

    def __enter__(self) -> Dyads:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _records(self, by: str | None, dyads: Iterable[tuple[str, str]] | None) -> tuple[str, list[Any]]:
        """CTEs ``g`` (the groups with their period), ``p`` (their pairs, of ``dyads`` only if given) and
        ``r`` (one row per group and dyad, with the group's fields)."""
        only, params = "TRUE", []
        if dyads is not None:
            only = "list_contains(?, [a, b])"
            params.append([list(d) if self.ordered else sorted(d) for d in dyads])
        sql = f"""
WITH g AS (SELECT gid, event, goldstein, {_period_sql(by)} AS period, precision FROM {self._grp}),
p AS MATERIALIZED (SELECT * FROM {self._pr} WHERE {only}),
r AS MATERIALIZED (
    SELECT x.gid, x.a, x.b, g.period, g.precision, g.event, g.goldstein
    FROM (SELECT DISTINCT gid, a, b FROM p) x JOIN g USING (gid)
)"""
        return sql, params

    def left_out(self, by: str) -> Counter[str]:
        """The records with a dyad whose date is too coarse for ``by``, by precision."""
        sql, params = self._records(by, None)
        return Counter(dict(self.con.execute(sql + " " + _LEFT_OUT, params).fetchall()))

    def aggregate(
        self, by: str | None = None, dyads: Iterable[tuple[str, str]] | None = None
    ) -> tuple[list[DyadStats], Counter[str]]:
        """:func:`warta.dyads.aggregate`; with ``dyads``, only the rows of those dyads (and ``left_out``
        only of the records with one of them, as :func:`warta.dyads.timeline` counts it for its dyad).
        DyadStats here carry their documents as a count (``document_count``) and no event ids."""
        sql, params = self._records(by, dyads)
        sql += f""",
cells AS (
    SELECT a, b, period, count(*) AS events, histogram(event) AS by_type,
           sum(CAST(goldstein AS DECIMAL(18, 6))) AS goldstein_sum, count(goldstein) AS goldstein_n
    FROM r WHERE period IS NOT NULL GROUP BY ALL
),
ev AS ({self._events}),
docs AS (
    SELECT r.a, r.b, r.period, count(DISTINCT ev.article_id) AS documents,
           list(DISTINCT ev.outlet) FILTER (WHERE ev.outlet IS NOT NULL AND ev.outlet <> '') AS outlets
    FROM r JOIN ev USING (gid) WHERE r.period IS NOT NULL GROUP BY ALL
),
dirs AS (
    SELECT a, b, period, list({{'s': s, 't': t, 'n': n}}) AS directions
    FROM (SELECT p.a, p.b, g.period, p.s, p.t, count(*) AS n FROM p JOIN g USING (gid)
          WHERE g.period IS NOT NULL AND NOT {str(self.ordered).upper()} GROUP BY ALL)
    GROUP BY ALL
)
SELECT 'cell' AS kind, c.a, c.b, c.period, c.events, c.by_type, c.goldstein_sum, c.goldstein_n,
       d.documents, d.outlets, l.directions
FROM cells c JOIN docs d USING (a, b, period) LEFT JOIN dirs l USING (a, b, period)
UNION ALL
SELECT 'left_out', precision, NULL, NULL, n, NULL, NULL, NULL, NULL, NULL, NULL FROM ({_LEFT_OUT})
"""
        rows: list[DyadStats] = []
        left: Counter[str] = Counter()
        for kind, a, b, period, events, by_type, gsum, gn, documents, outlets, directions in self.con.execute(
            sql, params + self._params
        ).fetchall():
            if kind == "left_out":
                left[a] += events
                continue
            st = DyadStats(a, b, self.ordered, None if by is None else period)
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
        return rows, left

    def top(self, n: int) -> list[DyadStats]:
        """:func:`warta.dyads.top_dyads`."""
        return most_active(self.aggregate()[0], n)

    def timeline(self, a: str, b: str, *, by: str = "month", fill: bool = True) -> Timeline:
        """:func:`warta.dyads.timeline` of dyad a–b (a→b when ordered); needs ``include_nonstate`` (naming
        two codes is asking for them, states or not)."""
        if not self.include_nonstate:
            raise ValueError("a timeline is made from Dyads(..., include_nonstate=True)")
        key = dyad_key(a, b, ordered=self.ordered)
        rows, left = self.aggregate(by, [key])
        return series(key, by, self.ordered, rows, left, fill=fill)

    def network(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """:func:`warta.dyads.network` (unordered Dyads only)."""
        if self.ordered:
            raise ValueError("a network is made from unordered Dyads")
        return network_of(self.aggregate()[0], self.node_events())

    def node_events(self) -> dict[str, int]:
        """Per code, the distinct events in its dyads."""
        rows = self.con.execute(
            f"SELECT code, count(DISTINCT gid) FROM (SELECT gid, a AS code FROM {self._pr} "
            f"UNION ALL SELECT gid, b FROM {self._pr}) GROUP BY code"
        ).fetchall()
        return dict(rows)


_LEFT_OUT = "SELECT precision, count(DISTINCT gid) AS n FROM r WHERE period IS NULL GROUP BY precision"


def aggregate(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    by: str | None = None,
    ordered: bool = False,
    include_nonstate: bool = False,
    dyads: Iterable[tuple[str, str]] | None = None,
) -> tuple[list[DyadStats], Counter[str]]:
    """:meth:`Dyads.aggregate` of the merged records under ``flt``."""
    with Dyads(con, flt, ordered=ordered, include_nonstate=include_nonstate) as d:
        return d.aggregate(by, dyads)


def left_out(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    by: str,
    ordered: bool = False,
    include_nonstate: bool = False,
) -> Counter[str]:
    """:meth:`Dyads.left_out` of the merged records under ``flt``."""
    with Dyads(con, flt, ordered=ordered, include_nonstate=include_nonstate) as d:
        return d.left_out(by)


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    n: int = 20,
    *,
    ordered: bool = False,
    include_nonstate: bool = False,
) -> list[DyadStats]:
    """:func:`warta.dyads.top_dyads` of the merged records under ``flt``."""
    with Dyads(con, flt, ordered=ordered, include_nonstate=include_nonstate) as d:
        return d.top(n)


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
    with Dyads(con, flt, ordered=ordered, include_nonstate=True) as d:
        return d.timeline(a, b, by=by, fill=fill)


def network(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, include_nonstate: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """:func:`warta.dyads.network` of the merged records under ``flt``."""
    with Dyads(con, flt, include_nonstate=include_nonstate) as d:
        return d.network()

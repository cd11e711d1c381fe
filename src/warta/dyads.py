"""Dyads: who does what to whom, per pair of actors and per period.

Pure functions over merged event records (the export contract, :func:`warta.export.merged_events`), so
that one real-world event counts once however many outlets reported it.

Pairs
    Every source code is paired with every target code of a record (a record with sources CHN and RUS and
    target USA gives CHN→USA and RUS→USA); a code paired with itself, and an empty code, give no pair. An
    *ordered* dyad is (source, target); an *unordered* dyad is the two codes sorted, so CHN→RUS and RUS→CHN
    are one CHN–RUS dyad and a meeting coded in either direction counts once. Two codes on the same side are
    co-actors, not a dyad.

Which actors
    By default only states (the ISO 3166 alpha-3 codes of the language pack's ``states.tsv``) make dyads:
    "country pairs". ``include_nonstate=True`` admits every code: IGOs and blocs (UN, NATO, ASEAN, SCO,
    BRICS, EU, …) and ``WST`` ("the West").

Cooperation and conflict
    By PLOVER's four quad classes of the event type (not the Goldstein sign): verbal cooperation AGREE,
    CONSULT, SUPPORT, CONCEDE; material cooperation COOPERATE, AID, RETREAT; verbal conflict REQUEST,
    ACCUSE, REJECT, THREATEN; material conflict PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT. Note that
    REQUEST is conflict here although an appeal (CAMEO 02x) carries a positive Goldstein weight; the
    Goldstein sum and mean are reported beside the shares so either reading is at hand.

Periods
    ``by`` is ``day``, ``week`` (ISO weeks, labelled by their Monday) or ``month`` (labelled by its first
    day). A record enters a period series only when its date is at least as precise as the period:

    - ``day`` and ``on_or_before`` records go to the period holding their date (for ``on_or_before`` that
      is the report's day, the last day the event can have happened: a timeline of reports, not of a day
      warta does not know); ``on_or_after`` (an intended event, undated) goes to the day it was announced;
    - ``week`` records (dated to their week's first day) go to week and month series (the month of the
      week's first day), never to a day;
    - ``month`` records go to month series only;
    - ``year`` records go to no series.

    Nothing is spread over days it may not have happened on. Records left out of a series are counted by
    precision (``left_out``), and every record counts in the dyad's totals (``by=None``), whatever its
    precision.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any, Literal

Period = Literal["day", "week", "month"]
PERIODS: tuple[str, ...] = ("day", "week", "month")

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
QUAD: dict[str, str] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal_cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material_cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
QUADS: tuple[str, ...] = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)

# which periods a record of each date precision may enter
ADMITS: dict[str, frozenset[str]] = {
    "day": frozenset(PERIODS),
    "on_or_before": frozenset(PERIODS),
    "on_or_after": frozenset(PERIODS),
    "week": frozenset({"week", "month"}),
    "month": frozenset({"month"}),
    "year": frozenset(),
}


GOLDSTEIN_PLACES = 6  # decimals a Goldstein score is summed with (CAMEO's scale has one)


def goldstein_decimal(score: float) -> Decimal:
    """A score as the exact decimal the sums add (the database casts to DECIMAL(18, 6) alike): floats added
    in another order give another last bit, and a mean such as -2.1 / 16 = -0.13125 would round either way."""
    return Decimal(repr(float(score))).quantize(_PLACES, rounding=ROUND_HALF_UP)


_PLACES = Decimal(1).scaleb(-GOLDSTEIN_PLACES)


@lru_cache(maxsize=1)
def state_codes() -> frozenset[str]:
    """The state codes of the language pack (ISO 3166 alpha-3)."""
    from warta.lang import load_pack

    return frozenset(r["code"] for r in load_pack().tsv("states.tsv") if r.get("code"))


def is_state(code: str) -> bool:
    return code in state_codes()


def cooperative(event_type: str) -> bool | None:
    """True for PLOVER's cooperation quads, False for conflict, None for an unknown type."""
    quad = QUAD.get(event_type)
    return None if quad is None else quad.endswith("cooperation")


def period_start(day: date, by: str) -> date:
    """The first day of the period holding ``day``: itself, its ISO week's Monday, or its month's 1st."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise ValueError(f"unknown period {by!r} (day, week or month)")


def next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    return (start.replace(day=28) + timedelta(days=4)).replace(day=1)


def bucket(record: dict[str, Any], by: str) -> date | None:
    """The period a record is counted in (see the module's doc), or None when its date is too coarse."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (day, week or month)")
    if not record.get("date") or by not in ADMITS.get(record.get("date_precision") or "", frozenset()):
        return None
    return period_start(date.fromisoformat(record["date"]), by)


def codes(actors: Iterable[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(a["code"] for a in actors if a.get("code")))


def pairs(
    record: dict[str, Any], *, ordered: bool = True, include_nonstate: bool = False
) -> list[tuple[str, str]]:
    """The dyads of one record, each once: (source, target), or the two codes sorted when unordered."""
    keep = (lambda c: True) if include_nonstate else is_state  # noqa: E731
    out: dict[tuple[str, str], None] = {}
    for s in codes(record.get("source") or []):
        for t in codes(record.get("target") or []):
            if s == t or not (keep(s) and keep(t)):
                continue
            out[(s, t) if ordered else tuple(sorted((s, t)))] = None  # type: ignore[index]
    return list(out)


@dataclass
class DyadStats:
    """Aggregates of the events of one dyad in one period (``period`` None: all of them)."""

    a: str
    b: str
    ordered: bool
    period: date | None = None
    events: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    by_quad: Counter[str] = field(default_factory=Counter)
    directions: Counter[str] = field(default_factory=Counter)  # "A>B" -> events, for unordered dyads
    goldstein_total: Decimal = Decimal(0)  # exact (to GOLDSTEIN_PLACES), so that no order of adding shows
    goldstein_n: int = 0
    outlets: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    event_ids: list[str] = field(default_factory=list)
    document_count: int | None = None  # the documents as a count (from the database), not a set

    def add(self, rec: dict[str, Any]) -> None:
        self.events += 1
        self.event_ids.append(rec["id"])
        self.by_type[rec["event"]] += 1
        if rec["event"] in QUAD:
            self.by_quad[QUAD[rec["event"]]] += 1
        if rec.get("goldstein") is not None:
            self.goldstein_total += goldstein_decimal(rec["goldstein"])
            self.goldstein_n += 1
        for d in rec.get("documents") or []:
            self.documents.add(d["id"])
            if d.get("outlet"):
                self.outlets.add(d["outlet"])

    @property
    def cooperative(self) -> int:
        return self.by_quad["verbal_cooperation"] + self.by_quad["material_cooperation"]

    @property
    def conflictual(self) -> int:
        return self.by_quad["verbal_conflict"] + self.by_quad["material_conflict"]

    @property
    def cooperative_share(self) -> float | None:
        n = self.cooperative + self.conflictual
        return round(self.cooperative / n, 4) if n else None

    @property
    def conflictual_share(self) -> float | None:
        n = self.cooperative + self.conflictual
        return round(self.conflictual / n, 4) if n else None

    @property
    def goldstein_sum(self) -> float:
        return float(self.goldstein_total)

    @property
    def goldstein_mean(self) -> float | None:
        return float(round(self.goldstein_total / self.goldstein_n, 4)) if self.goldstein_n else None

    @property
    def n_documents(self) -> int:
        return len(self.documents) if self.document_count is None else self.document_count

    @property
    def label(self) -> str:
        return f"{self.a}→{self.b}" if self.ordered else f"{self.a}–{self.b}"

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "ordered": self.ordered,
            "dyad": self.label,
            "period": self.period.isoformat() if self.period else None,
            "events": self.events,
            "by_type": {t: self.by_type[t] for t in PLOVER_TYPES if self.by_type[t]},
            "by_quad": {q: self.by_quad[q] for q in QUADS},
            "cooperative": self.cooperative,
            "conflictual": self.conflictual,
            "cooperative_share": self.cooperative_share,
            "conflictual_share": self.conflictual_share,
            "goldstein_sum": float(round(self.goldstein_total, 4)),
            "goldstein_mean": self.goldstein_mean,
            "outlets": len(self.outlets),
            "documents": self.n_documents,
            **({} if self.ordered else {"directions": dict(sorted(self.directions.items()))}),
        }


def aggregate(
    records: Iterable[dict[str, Any]],
    *,
    by: str | None = None,
    ordered: bool = False,
    include_nonstate: bool = False,
) -> tuple[list[DyadStats], Counter[str]]:
    """Dyad aggregates, per period when ``by`` is given, and the records left out of the series by their
    date precision (empty when ``by`` is None). Sorted by period, then events (most first), then dyad."""
    table: dict[tuple[str, str, date | None], DyadStats] = {}
    left_out: Counter[str] = Counter()
    for rec in records:
        dyads = pairs(rec, ordered=ordered, include_nonstate=include_nonstate)
        if not dyads:
            continue
        period = None
        if by is not None:
            period = bucket(rec, by)
            if period is None:
                left_out[rec.get("date_precision") or "none"] += 1
                continue
        for a, b in dyads:
            st = table.get((a, b, period))
            if st is None:
                st = table[(a, b, period)] = DyadStats(a, b, ordered, period)
            st.add(rec)
            if not ordered:
                for s, t in pairs(rec, ordered=True, include_nonstate=include_nonstate):
                    if {s, t} == {a, b}:
                        st.directions[f"{s}>{t}"] += 1
    rows = sorted(table.values(), key=lambda s: (s.period or date.min, -s.events, s.a, s.b))
    return rows, left_out


def top_dyads(
    records: Iterable[dict[str, Any]], n: int = 20, *, ordered: bool = False, include_nonstate: bool = False
) -> list[DyadStats]:
    """The ``n`` most active dyads over all periods (ties: more outlets first, then by name)."""
    rows, _ = aggregate(records, ordered=ordered, include_nonstate=include_nonstate)
    return most_active(rows, n)


def most_active(rows: list[DyadStats], n: int) -> list[DyadStats]:
    """The ``n`` dyads of most events (ties: more outlets first, then by name)."""
    return sorted(rows, key=lambda s: (-s.events, -len(s.outlets), s.a, s.b))[:n]


@dataclass
class Timeline:
    a: str
    b: str
    by: str
    ordered: bool
    rows: list[DyadStats]  # one per period from the first to the last, empty periods included
    left_out: Counter[str]  # records of the dyad too coarse for the periods, by precision

    def as_json(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "by": self.by,
            "ordered": self.ordered,
            "dyad": f"{self.a}→{self.b}" if self.ordered else f"{self.a}–{self.b}",
            "series": [r.as_json() for r in self.rows],
            "events_in_series": sum(r.events for r in self.rows),
            "left_out": dict(sorted(self.left_out.items())),
        }


def timeline(
    records: Iterable[dict[str, Any]],
    a: str,
    b: str,
    *,
    by: str = "month",
    ordered: bool = False,
    fill: bool = True,
) -> Timeline:
    """The series of one dyad (A–B, or A→B when ``ordered``), one row per period; with ``fill`` the periods
    between the first and the last with no event are there with zero counts. Non-state codes are allowed
    here: naming them is asking for them."""
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r} (day, week or month)")
    key = dyad_key(a, b, ordered=ordered)
    mine = [r for r in records if key in pairs(r, ordered=ordered, include_nonstate=True)]
    rows, left_out = aggregate(mine, by=by, ordered=ordered, include_nonstate=True)
    return series(key, by, ordered, [r for r in rows if (r.a, r.b) == key], left_out, fill=fill)


def dyad_key(a: str, b: str, *, ordered: bool) -> tuple[str, str]:
    """The dyad of two codes as the aggregates name it: (a, b), or the two sorted when unordered."""
    a, b = a.upper(), b.upper()
    return (a, b) if ordered else (min(a, b), max(a, b))


def series(
    key: tuple[str, str],
    by: str,
    ordered: bool,
    rows: list[DyadStats],
    left_out: Counter[str],
    *,
    fill: bool = True,
) -> Timeline:
    """The Timeline of one dyad's rows (sorted by period); with ``fill``, the periods between the first and
    the last with no event are there with zero counts."""
    if fill and rows:
        have = {r.period: r for r in rows}
        filled, p = [], rows[0].period
        assert p is not None
        while p <= rows[-1].period:  # type: ignore[operator]
            filled.append(have.get(p) or DyadStats(key[0], key[1], ordered, p))
            p = next_period(p, by)
        rows = filled
    return Timeline(key[0], key[1], by, ordered, rows, left_out)


def network(
    records: Iterable[dict[str, Any]], *, include_nonstate: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Who interacts with whom: nodes (code, distinct events in its dyads, partners) and undirected edges
    weighted by events, with their cooperative share and Goldstein mean. Edges are sorted heaviest first."""
    rows, _ = aggregate(records, ordered=False, include_nonstate=include_nonstate)
    events: dict[str, set[str]] = defaultdict(set)
    for s in rows:
        events[s.a].update(s.event_ids)
        events[s.b].update(s.event_ids)
    return network_of(rows, {c: len(ids) for c, ids in events.items()})


def network_of(
    rows: list[DyadStats], node_events: dict[str, int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """:func:`network`'s nodes and edges from the unordered dyads over all time and, per code, the number of
    distinct events in its dyads."""
    partners: dict[str, set[str]] = defaultdict(set)
    edges = []
    for s in sorted(rows, key=lambda s: (-s.events, -len(s.outlets), s.a, s.b)):  # as top_dyads ranks them
        edges.append(
            {
                "a": s.a,
                "b": s.b,
                "weight": s.events,
                "cooperative": s.cooperative,
                "conflictual": s.conflictual,
                "cooperative_share": s.cooperative_share,
                "goldstein_mean": s.goldstein_mean,
                "outlets": len(s.outlets),
            }
        )
        partners[s.a].add(s.b)
        partners[s.b].add(s.a)
    nodes = [
        {"code": c, "events": node_events[c], "partners": len(partners[c]), "state": is_state(c)}
        for c in sorted(partners, key=lambda c: (-node_events[c], c))
    ]
    return nodes, edges

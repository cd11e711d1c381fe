"""Reading events back out: one row per real-world event, in PLOVER's record style.

Stored events that share a merge key are one real-world event (the corpus-level merge of
:mod:`warta.merge` sets the keys: same type, actors and modality, compatible dates); the row lists every
document that reported it and takes the date of its most precise report. Negated events are never exported.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from warta import merge
from warta.store import iter_rows


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None  # a code on either side
    source: str | None = None
    target: str | None = None
    event: str | None = None  # PLOVER type
    since: date | None = None
    until: date | None = None
    outlet: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        where: list[str] = ["NOT e.negated"]
        params: list[Any] = []
        if self.actor:
            where.append("(list_contains(e.source_codes, ?) OR list_contains(e.target_codes, ?))")
            params += [self.actor.upper(), self.actor.upper()]
        if self.source:
            where.append("list_contains(e.source_codes, ?)")
            params.append(self.source.upper())
        if self.target:
            where.append("list_contains(e.target_codes, ?)")
            params.append(self.target.upper())
        if self.event:
            where.append("e.event = ?")
            params.append(self.event.upper())
        if self.since:
            where.append("e.date >= ?")
            params.append(self.since)
        if self.until:
            where.append("e.date <= ?")
            params.append(self.until)
        if self.outlet:
            where.append("lower(a.outlet) = lower(?)")
            params.append(self.outlet)
        return " AND ".join(where), params


def rank_sql(column: str) -> str:
    """merge.RANK (narrowest date first) as SQL over ``column``."""
    cases = " ".join(f"WHEN '{name}' THEN {rank}" for name, rank in merge.RANK.items())
    return f"CASE {column} {cases} ELSE 9 END"


NO_DATE = "DATE '9999-12-31'"  # date.max: where an undated report sorts among a group's dates

# A group's key for the records' order: its most precise report's date (as _record takes it)
_GROUP_KEY = (
    "min({'rank': " + rank_sql("e.date_precision") + f", 'day': coalesce(e.date, {NO_DATE})}}) AS group_key"
)


def _group_order(g: str, event: str) -> str:
    """The groups in the records' order (undated first, then by type and id); ``g``: their table's prefix."""
    return f"nullif({g}group_key.day, {NO_DATE}) NULLS FIRST, {event}, {g}gid"


# a group's reports in order (the first gives its type, sides and text)
_FIRST_REPORT = "a.published NULLS LAST, e.article_id, e.sentence, e.verb_start"

# Every stored event under the filter, with its article, in the order of the records it makes: by the group's
# date, type and key, then the group's reports in order. The database sorts (spilling to disk beyond its
# memory limit), so the records stream out one group at a time and the export's memory does not grow with
# the corpus.
_SQL = f"""
WITH g AS (
    SELECT coalesce(e.merge_key, e.id) AS gid, {_GROUP_KEY}
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE {{where}}
    GROUP BY 1
)
SELECT g.gid AS merge_key, e.id AS event_id, e.article_id, e.sentence, e.event, e.mode, e.context, e.cameo,
       e.goldstein, e.modality, e.source, e.target, e.date, e.date_precision, e.date_source, e.location,
       e.text, e.verb_start, e.verb_end, a.outlet, a.published, a.origin, a.url, a.duplicate_of, a.relays
FROM events e JOIN articles a ON a.id = e.article_id JOIN g ON g.gid = coalesce(e.merge_key, e.id)
WHERE {{where}}
ORDER BY {_group_order("g.", "e.event")}, {_FIRST_REPORT}
"""


def merged_events(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, groups: list[str] | None = None
) -> Iterator[dict[str, Any]]:
    """Merged event records (the export contract), ordered by date, then type and id; one at a time. With
    ``groups``, only the events of those ids."""
    where, params = (flt or EventFilter()).sql()
    if groups is not None:
        where += " AND coalesce(e.merge_key, e.id) IN (SELECT unnest(?))"
        params = [*params, groups]
    for rows in _group(iter_rows(con, _SQL.replace("{where}", where), params + params)):
        yield _record(rows)


# One page of merged events: the ids of the groups in the records' order, and how many there are in all.
_PAGE_SQL = f"""
WITH g AS (
    SELECT coalesce(e.merge_key, e.id) AS gid, first(e.event) AS event, {_GROUP_KEY},
           first(e.source_codes ORDER BY {_FIRST_REPORT}) AS src,
           first(e.target_codes ORDER BY {_FIRST_REPORT}) AS tgt
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE {{where}}
    GROUP BY 1
),
p AS (SELECT * FROM g WHERE {{pair}})
SELECT (SELECT count(*) FROM p),
       (SELECT list(gid) FROM (SELECT gid FROM p ORDER BY {_group_order("", "event")} LIMIT ? OFFSET ?))
"""
_PAIR_SQL = (
    "((list_contains(src, ?) AND list_contains(tgt, ?)) OR (list_contains(src, ?) AND list_contains(tgt, ?)))"
)


def merged_event_count(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> int:
    """How many records :func:`merged_events` gives under ``flt``."""
    where, params = (flt or EventFilter()).sql()
    sql = (
        "SELECT count(DISTINCT coalesce(e.merge_key, e.id)) "
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {where}"
    )
    row = con.execute(sql, params).fetchone()
    return row[0] if row else 0


def merged_event_page(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    *,
    limit: int,
    offset: int = 0,
    pair: tuple[str, str] | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """How many merged events there are under ``flt`` (with ``pair``: between those two codes, either way
    round), and the records ``offset`` to ``offset + limit`` of :func:`merged_events`'s order. The database
    picks the page's groups, so only those records are made."""
    where, params = (flt or EventFilter()).sql()
    cond, extra = "TRUE", []
    if pair is not None:
        a, b = pair
        cond, extra = _PAIR_SQL, [a, b, b, a]
    sql = _PAGE_SQL.replace("{where}", where).replace("{pair}", cond)
    row = con.execute(sql, [*params, *extra, limit, offset]).fetchone()
    total, ids = row or (0, None)
    if not ids:
        return total, []
    return total, list(merged_events(con, flt, groups=ids))


def _group(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    current: list[dict[str, Any]] = []
    for row in rows:
        if current and row["merge_key"] != current[0]["merge_key"]:
            yield current
            current = []
        current.append(row)
    if current:
        yield current


def _independent(rows: list[dict[str, Any]]) -> int:
    """Reports that are not copies of one another: a syndicated copy counts with its original, and two
    articles relaying the same agency ("Mengutip Reuters") count once."""
    if len(rows) == 1:  # most groups: one report
        return 1
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    docs = {r["article_id"]: r for r in rows}
    first_with: dict[str, str] = {}  # agency (lower case) -> the first document relaying it
    for aid, r in docs.items():
        if r["duplicate_of"]:
            parent[root(aid)] = root(r["duplicate_of"])
        for agency in r["relays"] or []:
            other = first_with.setdefault(agency.lower(), aid)
            parent[root(aid)] = root(other)
    return len({root(a) for a in docs})


def _record(rows: list[dict[str, Any]]) -> dict[str, Any]:
    first = rows[0]
    # the group's date is its most precise report's: "Kamis (4/5)" beats an undated report of 6 May
    dated = min(rows, key=lambda r: (merge.RANK.get(r["date_precision"], 9), r["date"] or date.max))
    docs: dict[str, dict[str, Any]] = {}
    for r in rows:
        if r["article_id"] in docs:
            continue
        doc: dict[str, Any] = {"id": r["article_id"]}
        if r["url"]:
            doc["url"] = r["url"]
        else:
            doc["path"] = r["origin"]
        doc["outlet"] = r["outlet"]
        doc["published"] = r["published"].isoformat() if r["published"] else None
        docs[r["article_id"]] = doc
    independent = _independent(rows)
    location = next((json.loads(r["location"]) for r in rows if r["location"]), None)
    return {
        "id": first["merge_key"],
        "date": dated["date"].isoformat() if dated["date"] else None,
        "date_precision": dated["date_precision"],
        "date_source": dated["date_source"],
        "event": first["event"],
        "mode": first["mode"],
        "context": first["context"],
        "cameo": first["cameo"],
        "goldstein": first["goldstein"],
        "modality": first["modality"],
        "source": json.loads(first["source"]),
        "target": json.loads(first["target"]),
        "location": location,
        "text": first["text"],
        "documents": list(docs.values()),
        "num_documents": len(docs),
        "num_outlets": len({d["outlet"] for d in docs.values() if d["outlet"]}),
        "sources_independent": independent,
        "evidence": [
            {
                "document": r["article_id"],
                "sentence": r["sentence"],
                "verb": [r["verb_start"], r["verb_end"]],
                "date_source": r["date_source"],
            }
            for r in rows
        ],
    }


_SCALARS = (
    "id",
    "date",
    "date_precision",
    "date_source",
    "event",
    "mode",
    "context",
    "cameo",
    "goldstein",
    "modality",
)
_COUNTS = ("num_documents", "num_outlets", "sources_independent")
_ACTOR_FIELDS = ("code", "sector", "name", "text")
CSV_COLUMNS = [
    *_SCALARS,
    *(f"{side}_{f}" for side in ("source", "target") for f in _ACTOR_FIELDS),
    "location_name",
    "location_code",
    "location_lat",
    "location_lon",
    *_COUNTS,
    "outlets",
    "document_ids",
    "text",
]


def flatten(rec: dict[str, Any]) -> dict[str, Any]:
    def side(prefix: str, actors: list[dict[str, Any]]) -> dict[str, Any]:
        return {
            f"{prefix}_code": ";".join(a["code"] or "" for a in actors),
            f"{prefix}_sector": ";".join(a["sector"] or "" for a in actors),
            f"{prefix}_name": ";".join(a["name"] or "" for a in actors),
            f"{prefix}_text": ";".join(a["actorText"] or "" for a in actors),
        }

    loc = rec["location"] or {}
    return {
        **{k: rec[k] for k in (*_SCALARS, *_COUNTS, "text")},
        **side("source", rec["source"]),
        **side("target", rec["target"]),
        "location_name": loc.get("name"),
        "location_code": loc.get("code"),
        "location_lat": loc.get("lat"),
        "location_lon": loc.get("lon"),
        "outlets": ";".join(sorted({d["outlet"] for d in rec["documents"] if d["outlet"]})),
        "document_ids": ";".join(d["id"] for d in rec["documents"]),
    }


def to_jsonl(records: Iterable[dict[str, Any]], out: io.TextIOBase) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def to_csv(records: Iterable[dict[str, Any]], out: io.TextIOBase, columns: list[str] | None = None) -> int:
    columns = columns or CSV_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(flatten(rec) if "source" in rec and isinstance(rec["source"], list) else rec)
        n += 1
    return n


_PARQUET_BATCH = 50_000  # records a row group: the export holds one batch at a time, not the whole corpus


def to_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for rec in records:
            batch.append(flatten(rec))
            if len(batch) >= _PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch:  # (an export of nothing is still a file with the schema and no rows)
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n


def _parquet_schema() -> Any:
    import pyarrow as pa

    floats = {"goldstein", "location_lat", "location_lon"}
    ints = {"num_documents", "num_outlets", "sources_independent"}
    return pa.schema(
        [(c, pa.float64() if c in floats else pa.int64() if c in ints else pa.string()) for c in CSV_COLUMNS]
    )

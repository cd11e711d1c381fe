"""The export streams: records come out one group at a time, in the order of the contract (date, type, id),
parquet is written in row groups, and a query the database cannot run is one line."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from warta import export
from warta.cli import app
from warta.export import EventFilter, merged_events


@pytest.fixture(scope="module")
def db(samples_db: Path) -> Path:
    return samples_db


def _records(db: Path, flt: EventFilter | None = None) -> list[dict]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return list(merged_events(con, flt))
    finally:
        con.close()


def test_records_come_in_the_contracts_order_one_per_merge_key(db: Path) -> None:
    recs = _records(db)
    assert len(recs) > 20
    assert recs == sorted(recs, key=lambda r: (r["date"] or "", r["event"], r["id"]))
    assert len({r["id"] for r in recs}) == len(recs)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.execute(
            "SELECT count(*), count(DISTINCT coalesce(merge_key, id)) FROM events WHERE NOT negated"
        ).fetchone()
    finally:
        con.close()
    assert sum(len(r["evidence"]) for r in recs) == stored[0] and len(recs) == stored[1]
    for r in recs:  # a group's date is its most precise report's, and its reports are in order
        assert r["num_documents"] == len(r["documents"]) >= 1
        assert [e["document"] for e in r["evidence"]][0] == r["documents"][0]["id"]


def test_a_filter_keeps_the_order_and_takes_a_subset(db: Path) -> None:
    everything = _records(db)
    code = everything[0]["source"][0]["code"]
    some = _records(db, EventFilter(actor=code))
    assert some and len(some) < len(everything)
    assert some == sorted(some, key=lambda r: (r["date"] or "", r["event"], r["id"]))


def test_merged_events_is_lazy(db: Path) -> None:
    con = duckdb.connect(str(db), read_only=True)
    try:
        it = merged_events(con)
        assert iter(it) is it  # a generator: the caller takes records as they come
        assert next(it)["id"]
    finally:
        con.close()


def _parquet(db: Path, out: Path, *args: str) -> Path:
    res = CliRunner().invoke(
        app, ["export", "--db", str(db), "--format", "parquet", "--out", str(out), *args]
    )
    assert res.exit_code == 0, res.output
    return out


def test_parquet_in_row_groups_holds_the_same_rows(db: Path, tmp_path: Path, monkeypatch) -> None:
    one = _parquet(db, tmp_path / "one.parquet")
    none = _parquet(db, tmp_path / "none.parquet", "--since", "2999-01-01")
    assert pq.read_table(none).num_rows == 0 and pq.read_table(none).schema == pq.read_table(one).schema
    monkeypatch.setattr(export, "_PARQUET_BATCH", 7)
    many = _parquet(db, tmp_path / "many.parquet")
    assert pq.ParquetFile(many).num_row_groups > 1
    assert pq.read_table(many).equals(pq.read_table(one))
    jsonl = CliRunner().invoke(app, ["export", "--db", str(db)])
    assert pq.read_table(one).num_rows == len(jsonl.stdout.splitlines())
    assert all(json.loads(line)["id"] for line in jsonl.stdout.splitlines())


def test_out_of_memory_is_one_line_and_leaves_no_partial_file(db: Path, tmp_path: Path, monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise duckdb.OutOfMemoryException(
            "Out of Memory Error: failed to pin block\n\nPossible solutions: ..."
        )
        yield  # a generator, as merged_events is

    monkeypatch.setattr(export, "merged_events", fail)
    out = tmp_path / "x.jsonl"
    for args in (["export", "--out", str(out)], ["events"]):
        res = CliRunner().invoke(app, [*args, "--db", str(db)])
        assert res.exit_code == 2, res.output
        lines = [line for line in res.output.splitlines() if line.strip()]
        assert len(lines) == 1 and "WARTA_DB_MEMORY" in lines[0] and "Traceback" not in res.output
    assert not out.exists()

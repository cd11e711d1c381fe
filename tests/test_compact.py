"""warta compact: the database rewritten into a fresh file, the same rows, refused when it is not safe."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES, dump_tables
from typer.testing import CliRunner

from warta.cli import app
from warta.store import StoreError, compact, writer_lock

TABLES = (
    "meta",
    "documents",
    "articles",
    "sentence_spans",
    "sentences",
    "mentions",
    "timexes",
    "events",
    "quotes",
)


def _dump(db: Path) -> dict[str, list]:
    """Every row and every table's key constraints."""
    out = dump_tables(db, TABLES)
    con = duckdb.connect(str(db), read_only=True)
    try:
        out["keys"] = con.execute(
            "SELECT table_name, constraint_type FROM information_schema.table_constraints ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()
    return out


@pytest.fixture(scope="module")
def analysed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus stored in small batches (many transactions, as a long run makes)."""
    db = tmp_path_factory.mktemp("db") / "w.duckdb"
    res = CliRunner().invoke(
        app, ["analyze", str(SAMPLES), "--db", str(db), "--workers", "1", "--batch-size", "2"]
    )
    assert res.exit_code == 0, res.output
    return db


def test_compact_keeps_every_row_and_key_and_the_file_does_not_grow(analysed: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    shutil.copy(analysed, db)
    before = _dump(db)
    assert before["events"] and ("articles", "PRIMARY KEY") in before["keys"]
    res = CliRunner().invoke(app, ["compact", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "MB ->" in res.output
    assert _dump(db) == before
    assert db.stat().st_size <= analysed.stat().st_size
    assert not Path(f"{db}.compact").exists() and not Path(f"{db}.wal").exists()
    # the compacted database goes on as before: the same corpus again adds nothing, a new article is stored
    again = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(db), "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert _dump(db) == before
    new = tmp_path / "in"
    new.mkdir()
    (new / "baru.txt").write_text(
        "JAKARTA - Menteri Luar Negeri Indonesia bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin "
        "(3/6/2024). Kedua menteri sepakat memperkuat kerja sama ekonomi kedua negara.\n",
        encoding="utf-8",
    )
    added = CliRunner().invoke(app, ["analyze", str(new), "--db", str(db), "--workers", "1"])
    assert added.exit_code == 0, added.output
    assert len(_dump(db)["articles"]) == len(before["articles"]) + 1


def test_compact_is_refused_while_a_writer_holds_the_database(analysed: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    shutil.copy(analysed, db)
    raw = db.read_bytes()
    with writer_lock(db), pytest.raises(StoreError, match="another warta analyze"):
        compact(db)
    assert db.read_bytes() == raw


def test_a_killed_compactions_leftover_is_replaced(analysed: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    shutil.copy(analysed, db)
    Path(f"{db}.compact").write_bytes(b"half a copy")
    before = _dump(db)
    compact(db)
    assert _dump(db) == before and not Path(f"{db}.compact").exists()


def test_compact_refuses_what_is_not_a_warta_database_and_leaves_it_alone(tmp_path: Path) -> None:
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE t (x INTEGER)")
    con.close()
    raw = other.read_bytes()
    with pytest.raises(StoreError, match="not a warta database"):
        compact(other)
    assert other.read_bytes() == raw
    res = CliRunner().invoke(app, ["compact", "--db", str(tmp_path / "missing.duckdb")])
    assert res.exit_code == 2 and "no such database" in res.output
    (tmp_path / "text.duckdb").write_text("not a database", encoding="utf-8")
    res = CliRunner().invoke(app, ["compact", "--db", str(tmp_path / "text.duckdb")])
    assert res.exit_code == 2 and "not a warta database" in res.output
    assert len(res.output.strip().splitlines()) == 1


def test_an_error_without_a_message_still_gives_one_line() -> None:
    from warta.store import first_line

    assert first_line(duckdb.IOException("")) == "IOException"
    assert first_line(ValueError("first\nsecond")) == "first"

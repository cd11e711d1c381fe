from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples" / "corpus"


@pytest.fixture(scope="session")
def pack():
    from warta.lang import load_pack

    return load_pack()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds is not present")
    return SEEDS


@pytest.fixture(scope="session")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus analysed once into a database (one worker, default batches). Tests read
    it; a test that writes copies it first."""
    from typer.testing import CliRunner

    from warta.cli import app

    db = tmp_path_factory.mktemp("samples_db") / "samples.duckdb"
    res = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(db), "--workers", "1"])
    assert res.exit_code == 0, res.output
    return db


def dump_tables(db: Path, tables: Iterable[str], skip: frozenset[str] = frozenset()) -> dict[str, list]:
    """Every row of ``tables`` in a DuckDB file (sorted; the columns in ``skip`` left out), to compare two
    databases."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in tables:
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] not in skip]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()  # noqa: S608
        return out
    finally:
        con.close()

"""Two processes, one database: a second `warta analyze` is refused with one clear line while the first
runs, and a reader gets in between the writer's batches (what `warta serve` does per request)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from warta.synthetic import write

N = 400


def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta.cli", *args]


def test_second_writer_refused_and_reader_gets_in(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, N, seed=8)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    db = tmp_path / "c.duckdb"
    wal = Path(f"{db}.wal")
    first = subprocess.Popen(
        _warta("analyze", str(corpus), "--db", str(db), "--workers", "1", "--batch-size", "20", "-q"), env=env
    )
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and first.poll() is None:
            if wal.exists() and wal.stat().st_size > 200_000:
                break
            time.sleep(0.05)
        assert first.poll() is None, "the first run ended too early for this test"

        second = subprocess.run(
            _warta("analyze", str(corpus), "--db", str(db), "-q"),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 2
        assert "another warta analyze (pid" in second.stderr and len(second.stderr.strip().splitlines()) == 1

        seen = None
        while seen is None and first.poll() is None and time.monotonic() < deadline:
            try:
                con = duckdb.connect(str(db), read_only=True)
            except duckdb.IOException:
                time.sleep(0.02)  # the writer is in a batch: try again, as the dashboard does
                continue
            seen = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        assert seen is not None and 0 < seen <= N
    finally:
        first.wait(timeout=600)
    assert first.returncode == 0
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == N
    assert con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0] == 0
    con.close()

"""Crash safety: a real `warta analyze` killed with SIGKILL mid-run and started again ends with the same
database as an uninterrupted run -- no article missing, none twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from warta.export import merged_events
from warta.store import Store
from warta.synthetic import write

N = 400


def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta.cli", *args]


def _state(db: Path) -> tuple[dict[str, int], list[dict]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "articles", "sentences", "mentions", "events", "quotes")
        }
        dup = con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[0]
    finally:
        con.close()
    assert dup == 0
    with Store(db, read_only=True) as st:
        return counts, list(merged_events(st.con))


def test_kill_and_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus, N, seed=5)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    args = [str(corpus), "--workers", "1", "--batch-size", "20", "-q"]

    whole = tmp_path / "whole.duckdb"
    subprocess.run(_warta("analyze", *args, "--db", str(whole)), check=True, env=env, timeout=600)

    db = tmp_path / "killed.duckdb"
    wal = Path(str(db) + ".wal")
    proc = subprocess.Popen(_warta("analyze", *args, "--db", str(db)), env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 200_000:  # batches are coming in (the tables alone are less)
            time.sleep(0.3)
            break
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the run finished before it could be killed")
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL

    counts, _ = _state(db)
    assert 0 < counts["documents"] < N, counts  # killed mid-run, with whole batches in

    again = subprocess.run(_warta("analyze", *args, "--db", str(db)), env=env, timeout=600)
    assert again.returncode == 0
    assert _state(db) == _state(whole)

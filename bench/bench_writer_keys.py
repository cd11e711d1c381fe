"""The writer on a database that already holds many documents and articles (their key indexes).

    python bench/bench_writer_keys.py --keys 1000000 --n 2000 [--workers 2]

Builds a database with ``--keys`` placeholder documents and articles (ids only, no events; random hex like
warta's own, so that new keys go down the same branches of the index), then runs
``warta analyze`` on ``--n`` synthetic articles into it, at the writer's default memory (or
WARTA_DB_MEMORY), and prints the time, the peak RSS of the run and its last line. DuckDB reads the primary
keys' indexes on every insert: with a fixed 64 MB the first batch into a million articles ran out of
memory. Run by hand; the figures go into the issue notes.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from warta.store import Store
from warta.synthetic import write


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keys", type=int, default=1_000_000)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db, corpus = Path(tmp) / "keys.duckdb", Path(tmp) / "corpus"
        with Store(db):
            pass
        con = duckdb.connect(str(db))
        t = time.perf_counter()
        con.execute(
            "INSERT INTO documents (id, status) SELECT md5(i::VARCHAR)[:16], 'stored' FROM range(?) t(i)",
            [args.keys],
        )
        con.execute(
            "INSERT INTO articles (id, document_id, text) "
            "SELECT md5(i::VARCHAR)[:16], md5(i::VARCHAR)[:16], '' FROM range(?) t(i)",
            [args.keys],
        )
        con.execute("CHECKPOINT")
        con.close()
        print(f"{args.keys:,} documents and articles in {time.perf_counter() - t:.1f} s")
        corpus.mkdir()
        write(corpus, args.n, seed=5)
        cmd = ["/usr/bin/time", "-f", "%e s %M KB"]
        cmd += [sys.executable, "-m", "warta.cli", "analyze", str(corpus), "--db", str(db)]
        cmd += ["--workers", str(args.workers), "--quiet"]
        res = subprocess.run(cmd, capture_output=True, text=True, check=False)
        lines = [line for line in res.stderr.splitlines() if line.strip()]
        print(f"warta analyze of {args.n:,} articles into it: exit {res.returncode}")
        for line in lines[-3:]:
            print("  " + line)


if __name__ == "__main__":
    main()

"""Crash safety, many times over (issue 8): kill a real `warta analyze` with SIGKILL at random moments,
start it again each time, and compare the final database with that of one uninterrupted run.

Run by hand, e.g.  python bench/kill_resume.py --n 600 --kills 12
Each round starts the same command on the same database and kills it after a random delay (between
``--min-delay`` and ``--max-delay`` seconds, so that kills land in start-up, in analysis and in the middle
of a batch's transaction); then a last run is allowed to finish. It prints how many kills hit a running
process, what the database held after each, and whether the final tables and merged events equal those
of the uninterrupted run: documents, articles, sentences, mentions, events and quotes, by count and by
content. Not a test (tests/test_crash_resume.py is the one-kill version in the default run).
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from warta.export import merged_events
from warta.store import Store
from warta.synthetic import write

TABLES = ("documents", "articles", "sentences", "mentions", "timexes", "events", "quotes")


def _warta(*args: str) -> list[str]:
    return [sys.executable, "-m", "warta.cli", *args]


def state(db: Path) -> tuple[dict[str, int], list[tuple], list[dict]]:
    """Row counts, a content fingerprint of every table (order-free) and the merged events."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
        prints = []
        for t in TABLES:
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY 1", [t]
                ).fetchall()
                if r[0] not in {"ingested_at"}  # the wall-clock time of the run that stored the row
            ]
            expr = " || '|' || ".join(f"coalesce(CAST(\"{c}\" AS VARCHAR), '~')" for c in cols)
            prints.append(
                (t, con.execute(f"SELECT sum(hash({expr})) FROM {t}").fetchone()[0])  # noqa: S608
            )
    finally:
        con.close()
    with Store(db, read_only=True) as store:
        events = sorted(merged_events(store.con), key=lambda e: e["id"])
    return counts, prints, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=600, help="synthetic articles")
    ap.add_argument("--kills", type=int, default=12)
    ap.add_argument("--min-delay", type=float, default=0.5)
    ap.add_argument("--max-delay", type=float, default=6.0)
    ap.add_argument("--workers", default="1")
    ap.add_argument("--batch-size", default="25")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus"
        write(corpus, args.n, seed=args.seed)
        common = [str(corpus), "--workers", args.workers, "--batch-size", args.batch_size, "-q"]

        whole = tmp / "whole.duckdb"
        t0 = time.perf_counter()
        subprocess.run(_warta("analyze", *common, "--db", str(whole)), check=True, env=env)
        print(f"uninterrupted run: {time.perf_counter() - t0:.1f} s")
        want = state(whole)

        db = tmp / "killed.duckdb"
        hit = 0
        for k in range(args.kills):
            proc = subprocess.Popen(_warta("analyze", *common, "--db", str(db)), env=env)
            delay = rng.uniform(args.min_delay, args.max_delay)
            time.sleep(delay)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                hit += 1
                docs = state(db)[0]["documents"] if db.exists() else 0
                print(f"kill {k + 1}: after {delay:.1f} s, the database holds {docs} documents")
            else:
                print(f"kill {k + 1}: the run had finished after {delay:.1f} s (exit {proc.returncode})")
                break
        final = subprocess.run(_warta("analyze", *common, "--db", str(db)), env=env)
        got = state(db)
        same = got == want
        print(f"kills that hit a running warta: {hit}; final run exit {final.returncode}")
        print(f"final counts: {got[0]}")
        print(f"same as the uninterrupted run (counts, table contents, merged events): {same}")
        if not same:
            for (t, a), (_, b) in zip(got[1], want[1], strict=True):
                if a != b:
                    print(f"  differs: {t}")
            sys.exit(1)


if __name__ == "__main__":
    main()

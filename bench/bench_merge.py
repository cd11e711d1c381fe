"""Time the corpus-level merge (``Store.merge_pending``) on a copy of a database.

    python bench/bench_merge.py DB [--fraction 0.01] [--out /tmp/merge.duckdb]

The copy's events of about ``fraction`` of its articles lose their merge key (as if just stored by a run),
then the writer merges every block they fall in, at its default memory (or WARTA_DB_MEMORY). Prints the
blocks and events re-read, the time and the peak RSS. The original is not touched. Run by hand; the figures
go into the issue notes.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import time
from pathlib import Path

import duckdb

from warta.store import Store


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--fraction", type=float, default=0.01, help="share of the articles made new (0-1]")
    ap.add_argument("--out", type=Path, default=Path("/tmp/warta_bench_merge.duckdb"))
    args = ap.parse_args()
    if not 0 < args.fraction <= 1:
        ap.error("--fraction lies in (0, 1]")
    shutil.copy(args.db, args.out)
    con = duckdb.connect(str(args.out))
    every = max(1, round(1 / args.fraction))
    con.execute(f"UPDATE events SET merge_key = NULL WHERE hash(article_id) % {every} = 0")
    events, blocks, touched = con.execute(
        "SELECT (SELECT count(*) FROM events), count(*), sum(n) FROM (SELECT block_key, count(*) AS n "
        "FROM events WHERE block_key IN (SELECT block_key FROM events WHERE merge_key IS NULL) GROUP BY 1)"
    ).fetchone()
    con.execute("CHECKPOINT")
    con.close()
    print(f"{args.db}: {events:,} events; {blocks:,} blocks to merge, holding {touched or 0:,} events")
    with Store(args.out) as st:
        t = time.perf_counter()
        merged = st.merge_pending()
        took = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"merge_pending: {merged:,} blocks in {took:.1f} s, peak RSS {rss:,.0f} MB")


if __name__ == "__main__":
    main()

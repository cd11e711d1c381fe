"""Time the corpus-level merge (``Store.merge_pending``) on a copy of a database.

    python bench/bench_merge.py DB [--fraction 0.01] [--out /tmp/merge.duckdb]

The copy's events of about ``fraction`` of its articles lose their merge key (as if just stored by a run),
then the writer merges every block they fall in, at its default memory (or WARTA_DB_MEMORY). The articles
are drawn at random over the whole corpus (the worst case: their events fall in every period), or, with
``--recent``, they are the most recently published ones, as when a crawl adds the last days' news. Prints the
blocks and the events they hold, the events the merge re-reads (the runs the new ones fall in), the time and
the peak RSS. The original is not touched. Run by hand; the figures
go into the issue notes.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import duckdb

from warta import merge
from warta.store import Store


def prepare(db: Path, fraction: float, recent: bool) -> str:
    """Make the events of ``fraction`` of the articles new (no merge key); describe what the merge faces."""
    con = duckdb.connect(str(db))
    if recent:
        con.execute(
            "UPDATE events SET merge_key = NULL WHERE article_id IN (SELECT id FROM articles "
            "WHERE published >= (SELECT quantile_disc(published, 1 - ?) FROM articles))",
            [fraction],
        )
    else:
        every = max(1, round(1 / fraction))
        con.execute(f"UPDATE events SET merge_key = NULL WHERE hash(article_id) % {every} = 0")
    events, blocks, touched = con.execute(
        "SELECT (SELECT count(*) FROM events), count(*), sum(n) FROM (SELECT block_key, count(*) AS n "
        "FROM events WHERE block_key IN (SELECT block_key FROM events WHERE merge_key IS NULL) GROUP BY 1)"
    ).fetchone()
    pending = [
        r[0] for r in con.execute("SELECT DISTINCT block_key FROM events WHERE merge_key IS NULL").fetchall()
    ]
    (reread,) = con.execute(
        f"SELECT count(*) FROM ({merge.runs_sql('events WHERE block_key IN (SELECT unnest($1))')})", [pending]
    ).fetchone()  # noqa: S608
    con.execute("CHECKPOINT")
    con.close()
    return (
        f"{events:,} events; {blocks:,} blocks to merge, holding {touched or 0:,} events, of which the merge "
        f"re-reads {reread:,} (the runs the new events fall in)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--fraction", type=float, default=0.01, help="share of the articles made new (0-1]")
    ap.add_argument("--recent", action="store_true", help="the newest articles are the new ones")
    ap.add_argument("--out", type=Path, default=Path("/tmp/warta_bench_merge.duckdb"))
    args = ap.parse_args()
    if not 0 < args.fraction <= 1:
        ap.error("--fraction lies in (0, 1]")
    shutil.copy(args.db, args.out)
    # in a process of its own: its DuckDB runs at the default memory, which must not count in the peak below
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        print(f"{args.db}: " + pool.submit(prepare, args.out, args.fraction, args.recent).result())
    with Store(args.out) as st:
        t = time.perf_counter()
        merged = st.merge_pending()
        took = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"merge_pending: {merged:,} blocks in {took:.1f} s, peak RSS {rss:,.0f} MB")


if __name__ == "__main__":
    main()

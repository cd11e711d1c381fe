"""The writer's side of an incremental run: new articles into a copy of a database that holds a corpus.

    python bench/bench_incremental.py DB [--n 3000] [--seed 4242]

Writes ``--n`` new synthetic articles (a seed other than the corpus's), analyses them beforehand, then
replays their rows to ``warta.runner.run`` on a copy of DB, as fast as any number of workers could send
them. Prints the writer's wall and CPU time per article, and the parts that depend on what is stored: the
near-duplicate index read from the database (once per run), the batches' writes, and the merge at the
end (which re-reads every block the new events fall in). The original is not touched. Run by hand; the
figures go into the issue notes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from bench_scale import Replay

from warta import runner
from warta.store import Store
from warta.synthetic import write


def _timed(cls: type, name: str, spent: dict[str, float]) -> None:
    """Add the seconds each call of ``cls.name`` takes to ``spent[name]``."""
    original = getattr(cls, name)

    def wrapper(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

    setattr(cls, name, wrapper)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=4242)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus, db = Path(tmp) / "new", Path(tmp) / "copy.duckdb"
        write(corpus, args.n, seed=args.seed)
        replay = Replay(sorted(corpus.iterdir()))
        shutil.copyfile(args.db, db)
        spent: dict[str, float] = {}
        for name in ("_near_index", "write", "merge_pending"):
            _timed(Store, name, spent)
        runner.batch_gc()
        t, cpu = time.perf_counter(), time.process_time()
        with Store(db, share=True) as st:
            before = st.counts()["articles"]
            report = runner.run([str(corpus)], st, replay)
        wall, cpu = time.perf_counter() - t, time.process_time() - cpu
    n = report.analysed
    print(f"{args.db}: {before:,} articles stored; {n:,} new ones written by the writer alone")
    print(f"  {wall:.2f} s wall, {cpu / max(n, 1) * 1000:.2f} ms CPU an article, {n / wall:,.0f} articles/s")
    index = spent.get("_near_index", 0.0)  # the first call reads the index; the others return it
    print(f"  near-duplicate index read: {index:.2f} s")
    print(f"  writes (index read excluded): {spent.get('write', 0.0) - index:.2f} s")
    print(f"  merges: {spent.get('merge_pending', 0.0):.2f} s")


if __name__ == "__main__":
    main()

"""Scale benchmark (issue 7): a synthetic corpus of N Indonesian articles through `warta analyze`.

Run by hand, e.g.  python bench/bench_scale.py --n 2000 --workers 1 2  (add --new-words 10 for a corpus whose
vocabulary keeps growing, as a real one does: every article brings names and figures not seen before;
or --corpus DIR to measure on your own files, text, HTML or JSON-lines, instead of a synthetic corpus)
It reports, for each worker count: wall time, articles per second, articles per second per core, peak
RSS of the whole process tree (sampled), the database's size (and after `warta compact`), and the
warta / baseline ratio, where the baseline reads the same files and splits them into tokens with one
regular expression. It also prints the time per
pipeline stage (in-process, on a sample), and the rate of the one writer on its own (--writer K: the
first K articles analysed beforehand, their rows replayed to `warta.runner.run` as instantly as a cluster
of any size could send them), which bounds what more workers can give. Not a test: the figures go into
the issue notes.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

import psutil

from warta.runner import batch_gc
from warta.sources import read
from warta.synthetic import write

_TOKEN = re.compile(r"\w+", re.UNICODE)


def baseline(files: list[Path]) -> float:
    """Seconds to read every file and split it into tokens: the floor any text pipeline pays."""
    t0 = time.perf_counter()
    n = 0
    for p in files:
        n += len(_TOKEN.findall(p.read_text(encoding="utf-8", errors="replace")))
    return time.perf_counter() - t0


def _sample(proc: psutil.Process) -> tuple[list[int], int]:
    """(RSS of each process of the tree, their summed PSS). RSS counts a page shared by the writer and
    its forked workers once in every process; PSS divides it among them, so the PSS sum is the memory
    the tree really takes."""
    rss, pss = [], 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        rss.append(info.rss)
        pss += getattr(info, "pss", info.rss)
    return rss or [0], pss


def run_analyze(inputs: Path, db: Path, workers: int, extra: list[str]) -> tuple[float, float, float, float]:
    """(wall seconds, peak summed RSS in MB of warta and its workers, peak RSS of the largest one, peak
    summed PSS)."""
    cmd = [
        sys.executable,
        "-m",
        "warta.cli",
        "analyze",
        str(inputs),
        "--db",
        str(db),
        "-q",
        "--workers",
        str(workers),
        *extra,
    ]
    t0 = time.perf_counter()
    proc = psutil.Popen(cmd)
    peak = largest = shared = 0
    while proc.poll() is None:
        each, pss = _sample(proc)
        peak, largest, shared = max(peak, sum(each)), max(largest, max(each)), max(shared, pss)
        time.sleep(0.1)
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"warta analyze failed with {proc.returncode}")
    return wall, peak / 1e6, largest / 1e6, shared / 1e6


def _size_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in (db, Path(f"{db}.wal")) if p.exists()) / 1e6


def _compacted_mb(db: Path) -> float:
    """The database's size once `warta compact` has given back DuckDB's free blocks (it compacts it)."""
    from warta.store import compact

    return compact(db)[1] / 1e6


class Replay:
    """An executor for ``warta.runner.run`` that hands the writer rows analysed beforehand, pickled as a
    worker sends them: the documents of ``files`` (the first ``k``, in the files read whole, when given)."""

    def __init__(self, files: list[Path], k: int | None = None) -> None:
        from dataclasses import replace

        from warta import rows
        from warta.pipeline import analyse

        self.files: list[Path] = []
        self.sent: dict[str, bytes] = {}
        for p in files:
            if k is not None and len(self.sent) >= k:
                break
            self.files.append(p)
            for d in read(p):
                if hasattr(d, "text"):
                    an = rows.of(analyse(d), replace(d, text=""))
                    self.sent[d.id] = pickle.dumps(an, pickle.HIGHEST_PROTOCOL)

    def map(self, docs):  # type: ignore[no-untyped-def]
        return (pickle.loads(self.sent[d.id])._replace(document=d) for d in docs)

    def close(self) -> None:
        pass


def writer_alone(files: list[Path], k: int, root: Path) -> tuple[int, float, float]:
    """The writer's own rate: documents, wall seconds and CPU seconds of `run` over the files holding the
    first ``k`` documents, with an executor that replays their rows (pickled, as a worker sends them).
    The files are linked into a folder of their own under ``root``, which the run is given, as a user
    gives a corpus (files named one by one would each be resolved, to read a file reached twice once)."""
    import os
    import shutil

    from warta import runner
    from warta.store import Store

    replay = Replay(files, k)
    picked = replay.files
    folder, db = root / "writer-corpus", root / "writer.duckdb"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i, p in enumerate(picked):  # numbered: the order of `files`, whatever their names
        dest = folder / f"{i:09d}_{p.name}"
        try:
            os.link(p, dest)
        except OSError:  # another file system
            shutil.copyfile(p, dest)
    db.unlink(missing_ok=True)
    t, cpu = time.perf_counter(), time.process_time()
    with Store(db, share=True) as st:
        runner.run([str(folder)], st, replay)
    return len(replay.sent), time.perf_counter() - t, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000, help="articles in the corpus")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--jsonl", action="store_true", help="write the corpus as JSON-lines crawls")
    ap.add_argument("--dask", default=None, help="also run with --dask ADDRESS|local")
    ap.add_argument("--stages", type=int, default=300, help="articles timed per stage (0: skip)")
    ap.add_argument("--keep", default=None, help="folder to keep the corpus and databases in")
    ap.add_argument("--writer", type=int, default=2000, help="articles replayed to the lone writer (0: skip)")
    ap.add_argument(
        "--new-words",
        type=int,
        default=0,
        help="add about so many unseen word forms (names, figures) to each article, as real news brings",
    )
    ap.add_argument(
        "--corpus",
        default=None,
        help="a folder of your own articles to measure on (--n, --jsonl and --new-words are then not used)",
    )
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.keep or tmp)
        t0 = time.perf_counter()
        if args.corpus:
            corpus = Path(args.corpus)
            files = sorted(p for p in corpus.rglob("*") if p.is_file())
            args.n = sum(1 for p in files for d in read(p) if hasattr(d, "text"))  # documents, not files
            if not args.n:
                sys.exit(f"{corpus}: no readable articles")
            built = f"{len(files)} files read in {time.perf_counter() - t0:.1f} s"
        else:
            corpus = root / "corpus"
            files = (
                write(corpus, args.n, jsonl=args.jsonl, new_words=args.new_words)
                if not corpus.exists()
                else sorted(corpus.iterdir())
            )
            built = f"{time.perf_counter() - t0:.1f} s to build"
        size = sum(p.stat().st_size for p in files)
        print(f"corpus: {args.n} articles, {size / args.n / 1000:.1f} KB on average ({built})")
        base = baseline(files)
        print(f"baseline (read + regex tokens): {base:.2f} s, {args.n / base:,.0f} articles/s")
        runs = [(w, []) for w in args.workers] + (
            [(max(args.workers), ["--dask", args.dask])] if args.dask else []
        )
        for workers, extra in runs:
            db = root / f"w{workers}{'-dask' if extra else ''}.duckdb"
            db.unlink(missing_ok=True)
            wall, peak, largest, pss = run_analyze(corpus, db, workers, extra)
            rate = args.n / wall
            label = f"{workers} worker(s){' on dask' if extra else ''}"
            print(
                f"{label:>20}: {wall:7.1f} s  {rate:6.1f} articles/s  {rate / workers:6.1f} /s per core  "
                f"peak RSS {peak:6.0f} MB (largest process {largest:4.0f}, PSS {pss:4.0f})  "
                f"ratio to baseline x{wall / base:,.0f} (per core x{wall * workers / base:,.0f})"
            )
            print(f"{'':>20}  database {_size_mb(db):.1f} MB, {_compacted_mb(db):.1f} MB after warta compact")
        if args.stages:
            sys.path.insert(0, str(Path(__file__).parent))
            from bench_analyze import stage_times

            docs = [d for p in files[: args.stages] for d in read(p) if hasattr(d, "text")][: args.stages]
            stage_times(docs[:5])  # warm the caches
            batch_gc()  # the collector settings of `warta analyze`
            stages, total = stage_times(docs)
            print(f"stages, in process, {len(docs)} articles: {total / len(docs) * 1000:.1f} ms per article")
            for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
                print(f"  {name:<14} {secs / len(docs) * 1000:6.2f} ms  {100 * secs / total:5.1f}%")
        if args.writer:
            n, wall, cpu = writer_alone(files, args.writer, root)
            print(
                f"writer alone, {n} articles' rows replayed: {wall:.1f} s, {n / wall:,.0f} articles/s, "
                f"{cpu / n * 1000:.2f} ms CPU an article (the ceiling for any number of workers)"
            )


if __name__ == "__main__":
    main()

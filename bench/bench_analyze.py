"""Per-document pipeline speed on the bundled corpus (and ../shared/seeds when present), one core.

Run by hand: python bench/bench_analyze.py [--repeat 5]. Prints start-up cost (first document: language
pack, stemmer dictionary, gazetteer automaton, language model), warm time per article, articles per
second and time per stage. Not a test: figures go into the issue notes and the README.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from warta import pipeline
from warta.runner import batch_gc
from warta.sources import read

ROOT = Path(__file__).resolve().parents[1]


STAGES = (
    (pipeline, "clean"),
    (pipeline.sentences, "split"),
    (pipeline, "find_mentions"),
    (pipeline.timex, "find_timexes"),
    (pipeline.coder, "code_article"),
    (pipeline.quotes, "find_quotes"),
    (pipeline.langid, "check"),
    (pipeline.dedupe, "signature"),
    (pipeline, "extract"),
)


def stage_times(docs: list, repeat: int = 1) -> tuple[dict[str, float], float]:
    """Seconds spent in each pipeline stage over ``repeat`` passes of ``docs``, and the total."""
    stages: dict[str, float] = defaultdict(float)
    # the language model is loaded at the first text the marker words do not settle: start-up, not "check"
    pipeline.langid._identifier()
    wrapped = {}
    for mod, name in STAGES:
        fn = getattr(mod, name)
        wrapped[(mod, name)] = fn

        def timed(*a, _fn=fn, _name=name, **k):  # type: ignore[no-untyped-def]
            s = time.perf_counter()
            try:
                return _fn(*a, **k)
            finally:
                stages[_name] += time.perf_counter() - s

        setattr(mod, name, timed)
    t0 = time.perf_counter()
    try:
        for _ in range(repeat):
            for d in docs:
                pipeline.analyse(d)
    finally:
        for (mod, name), fn in wrapped.items():
            setattr(mod, name, fn)
    return stages, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    folders = [ROOT / "samples" / "corpus", ROOT.parent / "shared" / "seeds"]
    docs = [
        d for f in folders if f.is_dir() for p in sorted(f.iterdir()) for d in read(p) if hasattr(d, "text")
    ]

    t0 = time.perf_counter()
    pipeline.analyse(docs[0])
    startup = time.perf_counter() - t0
    batch_gc()  # the collector settings of `warta analyze` (its writer and its workers)

    stages, warm = stage_times(docs, args.repeat)
    n = len(docs) * args.repeat
    chars = sum(len(d.text) for d in docs) / len(docs)
    print(f"documents: {len(docs)} (mean {chars:,.0f} characters) x {args.repeat} repeats")
    print(f"start-up (first document): {startup:.2f} s")
    print(f"warm: {warm / n * 1000:.1f} ms per article, {n / warm:.0f} articles/s on one core")
    print("(the first pass over a new text is slower: stems are cached across repeats)")
    for name, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14} {secs / n * 1000:6.2f} ms/article  {100 * secs / warm:5.1f}%")


if __name__ == "__main__":
    main()

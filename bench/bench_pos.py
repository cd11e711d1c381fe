"""Benchmark warta.pos: tokens per second on the bundled sample articles (samples/corpus/*.txt).

    python bench/bench_pos.py [--repeat 5]

Prints tokens/second for ``tag_text`` (tokenising, sentence runs and tagging) and for ``tag`` alone on the
pre-tokenised sentences, the best of ``--repeat`` runs on one core. The model is loaded before timing.
"""

from __future__ import annotations

import argparse
import glob
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta import pos  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--files", default=str(ROOT / "samples" / "corpus" / "*.txt"))
    args = ap.parse_args()
    paths = [Path(p) for p in sorted(glob.glob(args.files))]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    if not texts:
        print(f"no files match {args.files}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    model = pos.load_model()
    load_s = time.perf_counter() - t0
    sents = [[t for t, _, _ in s] for text in texts for s in pos.sentences(pos.tokenize(text, model))]
    ntok = sum(len(s) for s in sents)

    best_text = best_tag = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for text in texts:
            pos.tag_text(text)
        best_text = min(best_text, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for s in sents:
            pos.tag(s)
        best_tag = min(best_tag, time.perf_counter() - t0)
    print(f"{len(texts)} files, {len(sents)} sentences, {ntok} tokens; model load {load_s:.2f} s")
    print(f"tag_text: {ntok / best_text:,.0f} tokens/s (tokenising included)")
    print(f"tag:      {ntok / best_tag:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

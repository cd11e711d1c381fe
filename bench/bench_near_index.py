"""The near-duplicate index at corpus scale, without a database.

    python bench/bench_near_index.py --n 1000000

Loads ``--n`` random signatures as the store reads them from a database (``add_many``, 50,000 at a time,
keys and band hashes only), then times what the writer does per new article: a batch prefetch, a query
and an add. Prints the load time, the time per article, the index's size and the peak RSS. Random
signatures have no near-duplicates, so every look-up is the common case: candidates found by no band.
Run by hand; the figures go into the issue notes.
"""

from __future__ import annotations

import argparse
import resource
import time

import numpy as np

from warta.dedupe import NUM_PERM, NearDuplicateIndex


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=2000)
    args = ap.parse_args()
    rng = np.random.default_rng(1)
    idx = NearDuplicateIndex(fetch=lambda keys: {})
    t = time.perf_counter()
    for lo in range(0, args.n, 50_000):
        m = min(50_000, args.n - lo)
        keys = [f"{k:016x}" for k in rng.integers(0, 2**63, size=m).tolist()]  # hex ids, as warta's
        idx.add_many(keys, rng.integers(0, 2**32, size=(m, NUM_PERM), dtype=np.uint64))
    load = time.perf_counter() - t
    new = rng.integers(0, 2**32, size=(args.queries, NUM_PERM), dtype=np.uint64)
    t = time.perf_counter()
    for lo in range(0, args.queries, 200):  # the writer's batches
        batch = new[lo : lo + 200]
        idx.prefetch(list(batch))
        for i, sig in enumerate(batch, start=lo):
            idx.query(sig)
            idx.add(f"new{i:012x}", sig)
        idx.forget()
    each = (time.perf_counter() - t) / args.queries
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{args.n:,} articles: loaded in {load:.1f} s; prefetch + query + add {each * 1e6:.0f} us "
        f"an article; index {idx.nbytes() / 2**20:.0f} MB; peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()

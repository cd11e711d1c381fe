"""Near-duplicate articles: MinHash signatures over word shingles, matched with LSH (datasketch).

The signature is a pure function of the article text (computed in the per-document stage, so in
parallel); the index is corpus-level and lives with the store.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SHINGLE = 4
THRESHOLD = 0.7  # estimated Jaccard similarity above which two articles are one story
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _template() -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1)


def signature(text: str) -> list[int]:
    toks = _WORD.findall(text.lower())
    shingles = {" ".join(toks[i : i + SHINGLE]).encode() for i in range(max(1, len(toks) - SHINGLE + 1))}
    mh = _template().copy()
    mh.update_batch(list(shingles))
    return [int(v) for v in mh.hashvalues]


def similarity(a: list[int] | np.ndarray, b: list[int] | np.ndarray) -> float:
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


class NearDuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}  # 512 bytes an article, not 64 Python ints
        self.threshold = threshold

    def _mh(self, sig: list[int]) -> MinHash:
        return MinHash(
            num_perm=NUM_PERM, seed=1, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=_template().scheme
        )

    def add(self, key: str, sig: list[int]) -> None:
        if key in self.sigs or len(sig) != NUM_PERM:
            return
        self.sigs[key] = np.asarray(sig, dtype=np.uint64)
        self.lsh.insert(key, self._mh(sig))

    def remove(self, key: str) -> None:
        if key in self.sigs:
            self.lsh.remove(key)
            del self.sigs[key]

    def query(self, sig: list[int]) -> tuple[str | None, float | None]:
        """The most similar stored article above the threshold, and the estimated similarity."""
        if len(sig) != NUM_PERM:
            return None, None
        best, best_sim = None, 0.0
        for key in self.lsh.query(self._mh(sig)):
            sim = similarity(sig, self.sigs[key])
            if sim >= self.threshold and (sim > best_sim or (sim == best_sim and key < (best or key))):
                best, best_sim = key, sim
        return (best, round(best_sim, 3)) if best else (None, None)

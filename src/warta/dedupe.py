"""Near-duplicate articles: MinHash signatures over word shingles, matched with LSH.

The signature is a pure function of the article text (computed in the per-document stage, so in
parallel); the index is corpus-level and lives with the store.

The signature is datasketch 2.0's default MinHash (SHA-1 32-bit hashes, MurmurHash3 pre-mix, affine
permutations mod 2**32, seed 1), written out here so that it is fixed by warta rather than by whichever
datasketch a user installs (1.x used another scheme, and stored signatures must stay comparable), and
because importing datasketch pulls in SciPy: 48 MB and 0.6 s in every worker process, for these few lines.
``tests/test_dedupe.py`` checks it against datasketch when that is installed.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

import numpy as np

NUM_PERM = 64
SHINGLE = 4
THRESHOLD = 0.7  # estimated Jaccard similarity above which two articles are one story
_WORD = re.compile(r"\w+", re.UNICODE)


SEED = 1


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """The affine maps h -> a*h + b (mod 2**32), a odd, drawn as datasketch draws them for ``SEED``."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)
    return a, b


def _fmix32(h: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser: spreads the bits of each hash before the affine maps."""
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    return h ^ (h >> np.uint32(16))


def shingles(text: str) -> set[bytes]:
    """The article's 4-word shingles (lower-cased words), as UTF-8: what the signature hashes."""
    toks = _WORD.findall(text.lower())
    if len(toks) < SHINGLE:  # a text shorter than one shingle is one shingle
        return {" ".join(toks).encode()}
    return {" ".join(t).encode() for t in zip(*(toks[k:] for k in range(SHINGLE)), strict=False)}


def signature(text: str) -> list[int]:
    """The MinHash of the article's 4-word shingles (lower-cased words): ``NUM_PERM`` 32-bit values."""
    sha1 = hashlib.sha1
    digests = b"".join([sha1(sh).digest()[:4] for sh in shingles(text)])
    hv = _fmix32(np.frombuffer(digests, dtype="<u4").astype(np.uint32)).reshape(-1, 1)
    a, b = _permutations()
    with np.errstate(over="ignore"):
        return (hv * a + b).min(axis=0).tolist()


BANDS, ROWS = 8, 8  # datasketch's optimum for threshold 0.7 over 64 permutations
_MERGE_AT = 4096  # new entries kept in a dict until they are merged into the sorted band arrays


def _band_hashes(sig: np.ndarray) -> list[int]:
    """One 64-bit hash per band of a signature (deterministic across processes)."""
    out = []
    for b in range(BANDS):
        digest = hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest()
        out.append(int.from_bytes(digest, "little", signed=True))
    return out


def _as_signature(sig: list[int] | np.ndarray) -> np.ndarray | None:
    """A signature as the index keeps it (``NUM_PERM`` unsigned 32-bit values), or None if it is not one."""
    arr = np.asarray(sig)
    if arr.shape != (NUM_PERM,) or arr.dtype.kind not in "iu":
        return None
    if arr.min() < 0 or arr.max() >= 2**32:
        return None
    return arr.astype(np.uint32)


class NearDuplicateIndex:
    """MinHash LSH (8 bands of 8 rows) in flat numpy arrays: about 600 bytes an article, so that the
    index of a corpus of a million articles fits in memory beside the pipeline.

    Signatures sit in one growing ``(n, 64)`` array; each band has a sorted array of band hashes with
    the rows they point to, plus a small dict of recent entries merged into it now and then. A candidate
    shares at least one band; it is a near-duplicate when the estimated Jaccard similarity (the share of
    equal hash values) reaches the threshold.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.keys: list[str] = []
        self.rows: dict[str, int] = {}
        self.removed: set[int] = set()
        self._sigs = np.zeros((0, NUM_PERM), dtype=np.uint32)  # MinHash values are 32-bit
        self._n = 0
        self._sorted = [(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)) for _ in range(BANDS)]
        self._recent: list[dict[int, list[int]]] = [{} for _ in range(BANDS)]
        self._pending = 0

    def __len__(self) -> int:
        return len(self.rows)

    def add(self, key: str, sig: list[int] | np.ndarray) -> None:
        arr = _as_signature(sig)
        if key in self.rows or arr is None:
            return
        if self._n == len(self._sigs):
            grown = np.zeros((max(1024, len(self._sigs) * 5 // 4), NUM_PERM), dtype=np.uint32)
            grown[: self._n] = self._sigs[: self._n]
            self._sigs = grown
        row = self._n
        self._sigs[row] = arr
        self._n += 1
        self.keys.append(key)
        self.rows[key] = row
        for band, h in enumerate(_band_hashes(arr)):
            self._recent[band].setdefault(h, []).append(row)
        self._pending += 1
        if self._pending >= _MERGE_AT:
            self._merge()

    def add_many(self, keys: list[str], sigs: np.ndarray) -> None:
        for key, sig in zip(keys, sigs, strict=True):
            self.add(key, sig)

    def _merge(self) -> None:
        for band in range(BANDS):
            recent = self._recent[band]
            if not recent:
                continue
            hs = np.fromiter((h for h, rows in recent.items() for _ in rows), dtype=np.int64)
            rs = np.fromiter((r for rows in recent.values() for r in rows), dtype=np.int64)
            old_h, old_r = self._sorted[band]
            all_h, all_r = np.concatenate([old_h, hs]), np.concatenate([old_r, rs])
            order = np.argsort(all_h, kind="stable")
            self._sorted[band] = (all_h[order], all_r[order])
            self._recent[band] = {}
        self._pending = 0

    def remove(self, key: str) -> None:
        row = self.rows.pop(key, None)
        if row is not None:
            self.removed.add(row)

    def _candidates(self, arr: np.ndarray) -> set[int]:
        found: set[int] = set()
        for band, h in enumerate(_band_hashes(arr)):
            hashes, rows = self._sorted[band]
            lo, hi = np.searchsorted(hashes, h, "left"), np.searchsorted(hashes, h, "right")
            found.update(int(r) for r in rows[lo:hi])
            found.update(self._recent[band].get(h, ()))
        return found - self.removed

    def query(self, sig: list[int]) -> tuple[str | None, float | None]:
        """The most similar stored article above the threshold, and the estimated similarity."""
        arr = _as_signature(sig)
        if arr is None:
            return None, None
        best, best_sim = None, 0.0
        for row in self._candidates(arr):
            sim = float(np.mean(self._sigs[row] == arr))
            key = self.keys[row]
            if sim >= self.threshold and (sim > best_sim or (sim == best_sim and key < (best or key))):
                best, best_sim = key, sim
        return (best, round(best_sim, 3)) if best else (None, None)

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
from collections.abc import Callable, Iterable, Mapping, Sequence
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


def _shingle_set(text: str) -> set[str]:
    toks = _WORD.findall(text.lower())
    if len(toks) < SHINGLE:  # a text shorter than one shingle is one shingle
        return {" ".join(toks)}
    return set(map(" ".join, zip(*(toks[k:] for k in range(SHINGLE)), strict=False)))


def shingles(text: str) -> set[bytes]:
    """The article's 4-word shingles (lower-cased words), as UTF-8: what the signature hashes."""
    return {sh.encode() for sh in _shingle_set(text)}


def signature(text: str) -> list[int]:
    """The MinHash of the article's 4-word shingles (lower-cased words): ``NUM_PERM`` 32-bit values."""
    sha1 = hashlib.sha1
    # each shingle's hash is the first 4 bytes (little-endian) of its SHA-1 digest (20 bytes)
    digests = b"".join([sha1(sh.encode()).digest() for sh in _shingle_set(text)])
    hv = _fmix32(np.frombuffer(digests, dtype="<u4")[::5].astype(np.uint32)).reshape(-1, 1)
    a, b = _permutations()
    with np.errstate(over="ignore"):
        return (hv * a + b).min(axis=0).tolist()


BANDS, ROWS = 8, 8  # datasketch's optimum for threshold 0.7 over 64 permutations
_MERGE_AT = 4096  # new entries kept in a dict until they are merged into the sorted arrays
_MEMO_MAX = 100_000  # at most so many signatures' band hashes kept from prefetch to query


_FNV_PRIME = np.uint64(0x100000001B3)
_FNV_BASIS = np.uint64(0xCBF29CE484222325)


def _band_matrix(sigs: np.ndarray) -> np.ndarray:
    """One 32-bit hash per band of each signature: (n, NUM_PERM) values -> (n, BANDS), for a whole batch at
    once (FNV-1a over the band's 32-bit values, then MurmurHash3's 64-bit finaliser; deterministic across
    processes). The hashes live only in memory, so the scheme is free to change. 32 bits are plenty: a
    hash shared by chance only adds a candidate, which the similarity check then turns away."""
    v = np.asarray(sigs, dtype=np.uint64).reshape(-1, BANDS, ROWS)
    h = np.full(v.shape[:2], _FNV_BASIS, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(ROWS):
            h = (h ^ v[:, :, k]) * _FNV_PRIME
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB9FE1A85EC53)
        h ^= h >> np.uint64(33)
    return (h >> np.uint64(32)).astype(np.uint32)


def _band_hashes(sig: np.ndarray) -> list[int]:
    """:func:`_band_matrix` of one signature."""
    return _band_matrix(sig.reshape(1, NUM_PERM))[0].tolist()


def _key_hash(key: str) -> int:
    return int.from_bytes(
        hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
    )


def _as_signature(sig: Sequence[int] | np.ndarray) -> np.ndarray | None:
    """A signature as the index keeps it (``NUM_PERM`` unsigned 32-bit values), or None if it is not one."""
    arr = np.asarray(sig)
    if arr.shape != (NUM_PERM,) or arr.dtype.kind not in "iu":
        return None
    if arr.min() < 0 or arr.max() >= 2**32:
        return None
    return arr.astype(np.uint32)


class _SortedMap:
    """A multimap from unsigned integers to row numbers, compact at any size: a pair of sorted numpy
    arrays (12 bytes an entry) and a small dict of recent entries merged into them now and then."""

    def __init__(self, dtype: type[np.unsignedinteger]) -> None:
        self._dtype = dtype
        self._hashes = np.zeros(0, dtype=dtype)
        self._rows = np.zeros(0, dtype=np.uint32)
        self._recent: dict[int, list[int]] = {}
        self._pending = 0

    def add(self, h: int, row: int) -> None:
        self._recent.setdefault(h, []).append(row)
        self._pending += 1
        if self._pending >= _MERGE_AT:
            self._merge()

    def _merge(self, new_hashes: np.ndarray | None = None, new_rows: np.ndarray | None = None) -> None:
        """Move the recent entries, then ``new_hashes`` -> ``new_rows`` if given, into the sorted arrays."""
        hs = np.fromiter((h for h, rows in self._recent.items() for _ in rows), dtype=self._dtype)
        rs = np.fromiter((r for rows in self._recent.values() for r in rows), dtype=np.uint32)
        more_h, more_r = [hs], [rs]
        if new_hashes is not None and new_rows is not None:
            more_h.append(new_hashes.astype(self._dtype))
            more_r.append(new_rows.astype(np.uint32))
        all_h, all_r = np.concatenate([self._hashes, *more_h]), np.concatenate([self._rows, *more_r])
        order = np.argsort(all_h, kind="stable")  # equal hashes keep the order they were added in
        self._hashes, self._rows = all_h[order], all_r[order]
        self._recent, self._pending = {}, 0

    def add_many(self, hashes: np.ndarray, rows: np.ndarray) -> None:
        """:meth:`add` of each (hash, row) pair, in one sort instead of a dict entry each."""
        self._merge(hashes, rows)

    def has_many(self, hashes: np.ndarray) -> np.ndarray:
        """Whether each hash has an entry (a boolean array)."""
        hashes = hashes.astype(self._dtype)
        at = np.minimum(self._hashes.searchsorted(hashes), max(len(self._hashes) - 1, 0))
        found = self._hashes[at] == hashes if len(self._hashes) else np.zeros(len(hashes), dtype=bool)
        if self._recent:
            found |= np.isin(hashes, np.fromiter(self._recent, dtype=self._dtype))
        return found

    def get(self, h: int) -> list[int]:
        hashes = self._hashes
        # searched for as the array's own type: with a Python int, numpy converts the whole array first
        # (56 us a look-up in 100,000 64-bit hashes instead of 0.8)
        key = self._dtype(h)
        lo = int(hashes.searchsorted(key))
        # most look-ups find nothing: the second search only when the hash is there
        rows = (
            self._rows[lo : int(hashes.searchsorted(key, "right"))].tolist()
            if lo < len(hashes) and int(hashes[lo]) == h
            else []
        )
        recent = self._recent.get(h)
        return rows + recent if recent else rows

    def nbytes(self) -> int:
        return self._hashes.nbytes + self._rows.nbytes


class NearDuplicateIndex:
    """MinHash LSH (8 bands of 8 rows) over the stored articles, in memory that a corpus of millions fits:
    about 110 bytes an article (its key, 8 band hashes and a hash of its key, in numpy arrays).

    A candidate shares at least one band with the queried signature; it is a near-duplicate when the
    estimated Jaccard similarity (the share of equal hash values) reaches the threshold. Checking that
    needs the candidate's signature: the index keeps the signatures it has been given, except where the
    caller hands it ``fetch`` (keys -> their signatures, e.g. from the database the signatures are stored
    in). Then it keeps only those added or fetched since the last :meth:`forget`, and asks ``fetch`` for
    the rest -- for a whole batch at once with :meth:`prefetch`.
    """

    def __init__(
        self,
        threshold: float = THRESHOLD,
        fetch: Callable[[list[str]], Mapping[str, Sequence[int]]] | None = None,
    ) -> None:
        self.threshold = threshold
        self._fetch = fetch
        self._keys = np.zeros(0, dtype="S16")  # row -> key (UTF-8), widened for a longer key
        self._n = 0
        self._removed: set[int] = set()
        self._bands = [_SortedMap(np.uint32) for _ in range(BANDS)]
        self._by_key = _SortedMap(np.uint64)  # hash of the key -> row
        self._sigs: dict[int, np.ndarray] = {}  # row -> signature (see the class docstring)
        # signature (bytes) -> its band hashes, from prefetch to query (until forget)
        self._band_memo: dict[bytes, list[int]] = {}

    def __len__(self) -> int:
        return self._n - len(self._removed)

    def nbytes(self) -> int:
        """The bytes the index holds apart from the signatures it keeps (an estimate)."""
        return self._keys.nbytes + sum(b.nbytes() for b in self._bands) + self._by_key.nbytes()

    def _key(self, row: int) -> str:
        return bytes(self._keys[row]).decode("utf-8", "surrogatepass")

    def _row(self, key: str) -> int | None:
        for row in self._by_key.get(_key_hash(key)):
            if row not in self._removed and self._key(row) == key:
                return row
        return None

    def __contains__(self, key: str) -> bool:
        return self._row(key) is not None

    def add(self, key: str, sig: Sequence[int] | np.ndarray, *, keep: bool = True) -> None:
        """Index ``key`` (added once: a key already present is left as it is). ``keep=False``: do not keep
        the signature even until :meth:`forget` (the caller can fetch it again)."""
        arr = _as_signature(sig)
        if arr is None or key in self:
            return
        raw = key.encode("utf-8", "surrogatepass")
        self._make_room(self._n + 1, len(raw))
        row = self._n
        self._keys[row] = raw
        self._n += 1
        self._by_key.add(_key_hash(key), row)
        for band, h in enumerate(self._band_memo.get(arr.tobytes()) or _band_hashes(arr)):
            self._bands[band].add(h, row)
        if keep or self._fetch is None:
            self._sigs[row] = arr

    def _make_room(self, n: int, width: int) -> None:
        """Grow the key array (to a quarter more than ``n`` rows) and widen it, as needed, for ``n`` keys of
        up to ``width`` bytes."""
        if n > len(self._keys) or width > self._keys.dtype.itemsize:
            size = max(1024, n * 5 // 4) if n > len(self._keys) else len(self._keys)
            grown = np.zeros(size, dtype=f"S{max(width, self._keys.dtype.itemsize)}")
            grown[: self._n] = self._keys[: self._n]
            self._keys = grown

    def add_many(self, keys: Sequence[str], sigs: np.ndarray) -> None:
        """Index many keys whose signatures the caller can fetch again (not kept when ``fetch`` is set): what
        :meth:`add` of each does, with the band hashes and the sorted maps made for all of them at once (a
        store's index of 100,000 articles loaded in 0.3 s instead of 6)."""
        arr = np.asarray(sigs)
        if arr.ndim != 2 or arr.shape[1] != NUM_PERM or arr.dtype.kind not in "iu" or len(arr) != len(keys):
            for key, sig in zip(keys, sigs, strict=True):  # not one matrix: each row on its own
                self.add(key, sig, keep=False)
            return
        ok = (arr.min(axis=1) >= 0) & (arr.max(axis=1) < 2**32) if len(arr) else np.zeros(0, dtype=bool)
        key_hashes = np.array([_key_hash(k) for k in keys], dtype=np.uint64)
        # a key may be indexed already only if its hash is: only those are looked up one by one
        maybe = self._by_key.has_many(key_hashes).tolist()
        picked: list[int] = []
        seen: set[str] = set()
        for i, key in enumerate(keys):
            if ok[i] and key not in seen and not (maybe[i] and key in self):
                seen.add(key)
                picked.append(i)
        if not picked:
            return
        raws = [keys[i].encode("utf-8", "surrogatepass") for i in picked]
        n_new = self._n + len(picked)
        self._make_room(n_new, max(map(len, raws)))
        rows = np.arange(self._n, n_new, dtype=np.uint32)
        self._keys[self._n : n_new] = raws
        self._n = n_new
        self._by_key.add_many(key_hashes[picked], rows)
        bands = _band_matrix(arr[picked].astype(np.uint32))
        for band in range(BANDS):
            self._bands[band].add_many(bands[:, band], rows)
        if self._fetch is None:
            for row, i in zip(rows.tolist(), picked, strict=True):
                self._sigs[row] = arr[i].astype(np.uint32)

    def remove(self, key: str) -> None:
        row = self._row(key)
        if row is not None:
            self._removed.add(row)
            self._sigs.pop(row, None)

    def forget(self) -> None:
        """Drop the signatures kept since the last call (with ``fetch``; without, they are the index)."""
        if self._fetch is not None:
            self._sigs = {}
        self._band_memo = {}

    def _candidates(self, arr: np.ndarray, *, memo: bool = False) -> set[int]:
        """Rows sharing a band with ``arr``; ``memo``: keep its band hashes for the query that follows."""
        raw = arr.tobytes()
        hashes = self._band_memo.get(raw)
        if hashes is None:
            hashes = _band_hashes(arr)
            if memo:
                if len(self._band_memo) >= _MEMO_MAX:  # a caller that never calls forget
                    self._band_memo = {}
                self._band_memo[raw] = hashes
        found: set[int] = set()
        for band, h in enumerate(hashes):
            found.update(self._bands[band].get(h))
        return found - self._removed

    def _load(self, rows: set[int]) -> None:
        keys = {r: self._key(r) for r in sorted(rows) if r not in self._sigs}
        if not keys or self._fetch is None:
            return
        got = self._fetch(list(keys.values()))
        for row, key in keys.items():
            sig = got.get(key)
            arr = None if sig is None else _as_signature(sig)
            if arr is not None:
                self._sigs[row] = arr

    def prefetch(self, sigs: Iterable[Sequence[int] | np.ndarray]) -> None:
        """Fetch, in one call, the signatures of every candidate of these signatures not kept yet."""
        arrs = [arr for arr in map(_as_signature, sigs) if arr is not None]
        if arrs and len(self._band_memo) + len(arrs) <= _MEMO_MAX:  # the batch's band hashes at once
            for arr, hashes in zip(arrs, _band_matrix(np.stack(arrs)).tolist(), strict=True):
                self._band_memo[arr.tobytes()] = hashes
        rows: set[int] = set()
        for arr in arrs:
            rows |= self._candidates(arr, memo=True)
        self._load(rows)

    def query(self, sig: Sequence[int] | np.ndarray) -> tuple[str | None, float | None]:
        """The most similar stored article above the threshold, and the estimated similarity."""
        arr = _as_signature(sig)
        if arr is None:
            return None, None
        rows = self._candidates(arr)
        self._load(rows)
        best, best_sim = None, 0.0
        for row in rows:
            stored = self._sigs.get(row)
            if stored is None:  # the caller could not fetch it: the article is gone
                continue
            sim = float(np.mean(stored == arr))
            key = self._key(row)
            if sim >= self.threshold and (sim > best_sim or (sim == best_sim and key < (best or key))):
                best, best_sim = key, sim
        return (best, round(best_sim, 3)) if best else (None, None)

"""The near-duplicate index: a syndicated copy is found, an unrelated story is not, removal and reload work."""

from __future__ import annotations

import numpy as np

from warta.dedupe import NUM_PERM, NearDuplicateIndex, signature
from warta.synthetic import corpus


def test_copy_found_unrelated_not() -> None:
    texts = [t for _, t, _ in corpus(60, seed=21)]
    idx = NearDuplicateIndex()
    for i, t in enumerate(texts):
        idx.add(f"a{i:02d}", signature(t))
    # the same story under another header, a few words changed
    copy = texts[7].replace("Baca Juga", "Simak juga").replace("WIB", "WITA") + "\nEditor: Rina"
    key, sim = idx.query(signature(copy))
    assert key == "a07" and sim is not None and sim >= 0.7
    assert idx.query(signature("Cuaca cerah di Bandung sepanjang hari ini menurut BMKG setempat."))[0] is None
    idx.remove("a07")
    assert idx.query(signature(copy))[0] != "a07"


def test_many_entries_survive_merging_into_sorted_bands() -> None:
    rng = np.random.default_rng(3)
    sigs = rng.integers(0, 2**32, size=(9000, NUM_PERM), dtype=np.uint64)
    idx = NearDuplicateIndex()
    idx.add_many([f"k{i}" for i in range(len(sigs))], sigs)
    assert len(idx) == 9000
    for i in (0, 4095, 4096, 8999):
        assert idx.query(list(sigs[i])) == (f"k{i}", 1.0)
    idx.add("k0", sigs[1])  # a key is added once
    assert idx.query(list(sigs[0])) == ("k0", 1.0)


def test_answers_do_not_depend_on_the_order_the_index_was_read_in() -> None:
    """The store reads the index in the table's order (no sort): the same keys in any order give the same
    answers, a tie between equally similar copies going to the smaller key."""
    rng = np.random.default_rng(5)
    base = rng.integers(0, 2**32, size=NUM_PERM, dtype=np.uint64)
    near = base.copy()
    near[:10] ^= 1  # all but ten values shared
    others = rng.integers(0, 2**32, size=(200, NUM_PERM), dtype=np.uint64)
    keys = ["m-copy", "b-copy", *(f"x{i:03d}" for i in range(200))]  # near itself is not indexed
    sigs = np.vstack([base, base, others])
    answers = set()
    for order in (range(len(keys)), reversed(range(len(keys))), rng.permutation(len(keys))):
        rows = list(order)
        idx = NearDuplicateIndex()
        idx.add_many([keys[i] for i in rows], sigs[rows])
        answers.add((idx.query(base), idx.query(near), idx.query(others[7])))
    assert answers == {(("b-copy", 1.0), ("b-copy", round(1 - 10 / NUM_PERM, 3)), ("x007", 1.0))}


def test_signature_is_datasketch_2_default_minhash() -> None:
    """warta writes out datasketch 2.0's MinHash so that stored signatures do not depend on the installed
    datasketch; while 2.x is installed (dev extra), the two must agree value for value."""
    import pytest

    datasketch = pytest.importorskip("datasketch")
    if not datasketch.__version__.startswith("2."):  # type: ignore[attr-defined]
        pytest.skip("datasketch 2.x defines the scheme warta follows")
    from datasketch import MinHash

    from warta.dedupe import SEED, shingles

    texts = ["", "satu", *(t for _, t, _ in corpus(25, seed=4))]
    for text in texts:
        ref = MinHash(num_perm=NUM_PERM, seed=SEED)
        ref.update_batch(list(shingles(text)))
        assert signature(text) == [int(v) for v in ref.hashvalues]


def test_with_fetch_signatures_are_fetched_not_kept() -> None:
    """With ``fetch`` (the store's database), the index keeps keys and band hashes only: a signature
    added is kept until ``forget``, and after that it is fetched back, for a whole batch in one call."""
    texts = [t for _, t, _ in corpus(40, seed=5)]
    stored = {f"a{i:02d}": signature(t) for i, t in enumerate(texts)}
    calls: list[list[str]] = []

    def fetch(keys: list[str]) -> dict[str, list[int]]:
        calls.append(keys)
        return {k: stored[k] for k in keys if k in stored}

    idx = NearDuplicateIndex(fetch=fetch)
    idx.add_many(list(stored), np.array(list(stored.values()), dtype=np.uint64))
    assert len(idx) == 40 and "a03" in idx and "zz" not in idx
    assert idx._sigs == {}  # add_many: the caller holds the signatures
    copies = [texts[i].replace("WIB", "WITA") + "\nEditor: Rina" for i in (3, 17, 29)]
    idx.prefetch(signature(c) for c in copies)
    assert len(calls) == 1 and {"a03", "a17", "a29"} <= set(calls[0])
    assert [idx.query(signature(c))[0] for c in copies] == ["a03", "a17", "a29"]
    assert len(calls) == 1  # prefetched: no further call
    idx.add("new", signature(copies[0]))  # kept until forget (not in the database yet)
    assert idx.query(signature(copies[0])) == ("new", 1.0)
    idx.forget()
    assert idx._sigs == {}
    # an article the caller cannot fetch any more (gone from the database) is no candidate
    del stored["a17"]
    assert idx.query(signature(copies[1])) == (None, None)
    assert idx.query(signature(copies[2]))[0] == "a29" and len(calls) == 3


def test_keys_of_any_length_removal_and_readding() -> None:
    rng = np.random.default_rng(8)
    sigs = rng.integers(0, 2**32, size=(3, NUM_PERM), dtype=np.uint64)
    idx = NearDuplicateIndex()
    idx.add("pendek", sigs[0])
    idx.add("kunci-yang-jauh-lebih-panjang-dari-enam-belas-huruf/é", sigs[1])  # widens the key array
    idx.add("x", sigs[2])
    assert idx.query(list(sigs[0])) == ("pendek", 1.0)
    assert idx.query(list(sigs[1])) == ("kunci-yang-jauh-lebih-panjang-dari-enam-belas-huruf/é", 1.0)
    idx.remove("pendek")
    assert "pendek" not in idx and len(idx) == 2 and idx.query(list(sigs[0])) == (None, None)
    idx.add("pendek", sigs[2])  # a removed key can come back
    assert idx.query(list(sigs[2])) == ("pendek", 1.0)  # ties go to the smaller key
    assert idx.query([1] * (NUM_PERM - 1)) == (None, None) and idx.query([-1] * NUM_PERM) == (None, None)


def test_index_memory_per_article_is_small() -> None:
    """What the index holds per article beside the signatures (which stay in the database): the bound the
    README's memory figures rest on."""
    rng = np.random.default_rng(2)
    n = 20_000
    sigs = rng.integers(0, 2**32, size=(n, NUM_PERM), dtype=np.uint64)
    idx = NearDuplicateIndex(fetch=lambda keys: {})
    idx.add_many([f"{i:016x}" for i in range(n)], sigs)
    assert idx._sigs == {} and idx.nbytes() / n < 120


def test_add_many_is_add_of_each() -> None:
    """The bulk load (band hashes and sorted maps made for the whole batch) indexes what :meth:`add` of
    each row would: invalid rows left out, a key given twice or already present added once, a removed key
    added back, a long key widening the key array; also on top of entries still waiting in the dicts."""
    rng = np.random.default_rng(11)
    sigs = rng.integers(0, 2**32, size=(40, NUM_PERM), dtype=np.int64)
    sigs[5, 3] = -1
    sigs[6, 0] = 2**32
    keys = [f"k{i:02d}" for i in range(40)]
    keys[9] = "k08"  # twice in the batch: the first row wins
    keys[12] = "kunci-yang-jauh-lebih-panjang-dari-enam-belas-huruf/é"
    first = rng.integers(0, 2**32, size=(3, NUM_PERM), dtype=np.int64)

    def start() -> NearDuplicateIndex:
        idx = NearDuplicateIndex()
        idx.add("k01", first[0])  # already present: kept with its own signature
        idx.add("k02", first[1])
        idx.add("old", first[2])
        idx.remove("k02")  # removed: comes back with the batch's signature
        return idx

    one, bulk = start(), start()
    for key, sig in zip(keys, sigs, strict=True):
        one.add(key, sig, keep=False)
    bulk.add_many(keys, sigs)
    assert len(bulk) == len(one) == 38
    for sig in [*sigs, *first]:
        assert bulk.query(list(sig)) == one.query(list(sig))
    assert bulk.query(list(sigs[9]))[0] is None and bulk.query(list(sigs[8]))[0] == "k08"
    assert bulk.query(list(first[0])) == ("k01", 1.0) and bulk.query(list(sigs[2])) == ("k02", 1.0)
    assert "k05" not in bulk and "k06" not in bulk
    bulk.add_many(keys[:3], sigs[:3])  # again: nothing new
    assert len(bulk) == 38

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

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
SAMPLES = ROOT / "samples" / "corpus"


@pytest.fixture(scope="session")
def pack():
    from warta.lang import load_pack

    return load_pack()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.skip("../shared/seeds is not present")
    return SEEDS

"""The coder scored on the five real seed articles against hand-annotated gold (tests/data/seeds_events.yaml).

The gold says what the articles report; the thresholds are what this version reaches, so that a change
that loses events or adds wrong ones fails here. `python bench/eval_seeds.py` prints the misses."""

from __future__ import annotations

from pathlib import Path

import yaml

from warta.evaluation import matches, score
from warta.export import merged_events
from warta.pipeline import analyse
from warta.sources import discover, read
from warta.store import Store

GOLD = yaml.safe_load((Path(__file__).parent / "data" / "seeds_events.yaml").read_text(encoding="utf-8"))[
    "events"
]


def test_seed_events_against_gold(seeds_dir: Path, tmp_path: Path) -> None:
    docs = [
        d for p in discover([str(seeds_dir)]) if isinstance(p, Path) for d in read(p) if hasattr(d, "text")
    ]
    with Store(tmp_path / "s.duckdb") as st:
        st.write([analyse(d) for d in docs])
        records = list(merged_events(st.con))
    sc = score(records, GOLD)
    assert not sc.negated_exported, "a negated event was exported"
    assert sc.recall >= 0.85, [g["note"] for g in sc.missed]
    assert sc.precision >= 0.9, [r["text"][:60] for _, r in sc.wrong]


def test_matching_rules() -> None:
    rec = {
        "event": "CONSULT",
        "mode": "meet",
        "source": [{"code": "RUS"}],
        "target": [{"code": "CHN"}],
        "modality": "asserted",
        "date": "2024-04-09",
        "date_precision": "day",
    }
    assert matches(rec, {"event": "CONSULT", "source": "CHN", "target": "RUS", "date": "2024-04-09"})
    assert not matches(rec, {"event": "CONSULT", "source": "CHN", "target": "RUS", "date": "2024-04-08"})
    assert not matches(
        {**rec, "event": "ACCUSE", "mode": None}, {"event": "ACCUSE", "source": "CHN", "target": "RUS"}
    )

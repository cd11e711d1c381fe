"""Score warta's events on the five seed articles against the hand-annotated gold in
tests/data/seeds_events.yaml. Run by hand: python bench/eval_seeds.py [--seeds ../shared/seeds]."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from warta.evaluation import score
from warta.export import merged_events
from warta.pipeline import analyse
from warta.sources import discover, read
from warta.store import Store

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seeds", default=str(ROOT.parent / "shared" / "seeds"))
    ap.add_argument("--gold", default=str(ROOT / "tests" / "data" / "seeds_events.yaml"))
    args = ap.parse_args()
    gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))["events"]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "eval.duckdb") as st:
        docs = [
            d for p in discover([args.seeds]) if isinstance(p, Path) for d in read(p) if hasattr(d, "text")
        ]
        st.write([analyse(d) for d in docs])
        sc = score(merged_events(st.con), gold)
    n_gold, n_rows = len(sc.matched) + len(sc.missed), sc.correct_rows + len(sc.wrong)
    print(f"gold events: {n_gold}, found {len(sc.matched)}: recall {sc.recall:.2f}")
    print(f"rows per document: {n_rows}, correct {sc.correct_rows}: precision {sc.precision:.2f}")
    print(f"negated events exported: {len(sc.negated_exported)}")
    print("\nmissed:")
    for g in sc.missed:
        print(
            f"  {g['doc']} {g['event']:9} {g['source']}->{g['target']} {g.get('date')}  {g.get('note', '')}"
        )
    print("\nrows matching no gold event:")
    for doc, r in sc.wrong:
        src = ",".join(a["code"] for a in r["source"])
        tgt = ",".join(a["code"] for a in r["target"])
        when = f"{r['date']} {r['date_precision']}"
        print(f"  {doc} {r['event']:9} {src}->{tgt} {when} {r['modality']}  {r['text'][:70]}")


if __name__ == "__main__":
    main()

"""Train (and measure) warta's Indonesian named-entity recogniser, a CRF in src/warta/models/.

    python scripts/train_ner.py                 # train the shipped model (NERGrit train+valid + NER-UI)
    python scripts/train_ner.py --eval          # measure: NERGrit test, 5-fold CV on NER-UI; print a table
    python scripts/train_ner.py --tune          # pick c1/c2 on NERGrit valid (trained on NERGrit train)
    python scripts/train_ner.py --quick --no-train   # one model on NERGrit train -> NERGrit valid and test

Data: ``../shared/data/ner`` (or ``--data DIR``): NERGrit (IndoNLU; Wilie et al., AACL 2020; Apache-2.0)
train/valid/test and NER-UI (Gultom & Wibowo 2017, as distributed by IndoLEM, Koto et al., COLING 2020;
CC BY 4.0). Corpus tags are mapped to PER / ORG / LOC. NER-UI repeats 49 sentences; duplicates are dropped
before folding, so no sentence is both trained and tested on.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pycrfsuite  # noqa: E402

from warta import ner  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "ner"
# Chosen with --tune on NERGrit valid (see docs/ner.md).
PARAMS = {"c1": 0.05, "c2": 0.1, "max_iterations": 200, "feature.possible_transitions": True}

Sent = tuple[list[str], list[str]]


def load(path: Path, dedupe: bool = False) -> list[Sent]:
    out: list[Sent] = []
    seen: set[tuple[str, ...]] = set()
    for sent in ner.read_conll(path):
        toks = [t for t, _ in sent]
        if dedupe:
            key = tuple(toks)
            if key in seen:
                continue
            seen.add(key)
        out.append((toks, [ner.normalize_tag(g.split("\t")[-1].strip()) for _, g in sent]))
    return out


def load_all(data: Path) -> dict[str, list[Sent]]:
    grit = data / "nergrit"
    return {
        "grit_train": load(grit / "train_preprocess.txt"),
        "grit_valid": load(grit / "valid_preprocess.txt"),
        "grit_test": load(grit / "test_preprocess.txt"),
        "nerui": load(data / "nerui" / "nerui.tsv", dedupe=True),
    }


def train(sents: list[Sent], model: Path, params: dict | None = None) -> Path:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    trainer.set_params(params or PARAMS)
    for toks, tags in sents:
        trainer.append(ner.sent_features(toks), ner.to_bilou(tags))
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    return model


def score(model: Path, sents: list[Sent]) -> dict:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    pred = [ner._repair(tagger.tag(ner.sent_features(toks))) for toks, _ in sents]
    tagger.close()
    return ner.evaluate([tags for _, tags in sents], pred)


def _job(args: tuple[str, list[Sent], list[Sent], dict, str]) -> tuple[str, dict]:
    name, train_sents, test_sents, params, tmp = args
    model = Path(tmp) / (name.replace(" ", "_").replace("/", "_") + ".crfsuite")
    train(train_sents, model, params)
    result = score(model, test_sents)
    model.unlink()
    return name, result


def run_jobs(jobs: list[tuple[str, list[Sent], list[Sent], dict, str]], workers: int) -> dict[str, dict]:
    if workers <= 1:
        return dict(map(_job, jobs))
    with ProcessPoolExecutor(workers) as pool:
        return dict(pool.map(_job, jobs))


def folds(sents: list[Sent], k: int = 5, seed: int = 13) -> list[list[Sent]]:
    idx = list(range(len(sents)))
    random.Random(seed).shuffle(idx)
    return [[sents[i] for i in idx[f::k]] for f in range(k)]


def pool_scores(results: list[dict]) -> dict:
    """Sum the counts of several evaluations (the folds of a cross-validation) and recompute P/R/F1."""
    totals: dict[str, list[int]] = {}
    for r in results:
        for t, m in r.items():
            c = totals.setdefault(t, [0, 0, 0])
            c[0] += int(m["correct"])
            c[1] += int(m["predicted"])
            c[2] += int(m["support"])
    out = {}
    for t, (c, p, g) in totals.items():
        prec = c / p if p else 0.0
        rec = c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[t] = {"precision": prec, "recall": rec, "f1": f1, "support": g, "predicted": p, "correct": c}
    return out


def table(rows: dict[str, dict]) -> str:
    head = "| setting | PER F1 | ORG F1 | LOC F1 | micro P | micro R | micro F1 |"
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows.items():
        cells = [f"{r[t]['f1']:.3f}" if t in r else "-" for t in ner.TYPES]
        m = r["micro"]
        lines.append(
            f"| {name} | {' | '.join(cells)} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |"
        )
    return "\n".join(lines)


def do_eval(d: dict[str, list[Sent]], tmp: str, workers: int, params: dict) -> dict[str, dict]:
    ui_folds = folds(d["nerui"])
    jobs = [
        ("NERGrit train -> NERGrit test", d["grit_train"], d["grit_test"], params, tmp),
        (
            "NERGrit train+valid + NER-UI -> NERGrit test",
            d["grit_train"] + d["grit_valid"] + d["nerui"],
            d["grit_test"],
            params,
            tmp,
        ),
    ]
    for f in range(len(ui_folds)):
        rest = [s for g, fold in enumerate(ui_folds) if g != f for s in fold]
        jobs.append((f"ui-only fold {f}", rest, ui_folds[f], params, tmp))
        jobs.append((f"ui+grit fold {f}", rest + d["grit_train"], ui_folds[f], params, tmp))
    res = run_jobs(jobs, workers)
    rows = {k: v for k, v in res.items() if "fold" not in k}
    rows["NER-UI 5-fold CV, train on 4 folds"] = pool_scores(
        [v for k, v in res.items() if k.startswith("ui-only")]
    )
    rows["NER-UI 5-fold CV, train on 4 folds + NERGrit train"] = pool_scores(
        [v for k, v in res.items() if k.startswith("ui+grit")]
    )
    return rows


def do_tune(d: dict[str, list[Sent]], tmp: str, workers: int, base: dict) -> dict[str, dict]:
    grid = [(c1, c2) for c1 in (0.02, 0.05, 0.1) for c2 in (0.05, 0.1, 0.2)]
    jobs = []
    for c1, c2 in grid:
        params = {**base, "c1": c1, "c2": c2}
        jobs.append((f"c1={c1} c2={c2}", d["grit_train"], d["grit_valid"], params, tmp))
    return run_jobs(jobs, workers)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with nergrit/ and nerui/")
    ap.add_argument("--out", type=Path, default=ner.MODEL_PATH, help="where to write the shipped model")
    ap.add_argument("--eval", action="store_true", help="measure on NERGrit test and by 5-fold CV on NER-UI")
    ap.add_argument("--tune", action="store_true", help="grid-search c1/c2 on NERGrit valid")
    ap.add_argument("--quick", action="store_true", help="train on NERGrit train, score valid and test")
    ap.add_argument("--c1", type=float, help="override the L1 weight")
    ap.add_argument("--c2", type=float, help="override the L2 weight")
    ap.add_argument("--max-iterations", type=int, help="override the L-BFGS iteration cap")
    ap.add_argument("--no-train", action="store_true", help="with --eval/--tune: do not write the model")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the evaluation table as JSON here")
    args = ap.parse_args(argv)

    if not args.data.is_dir():
        print(f"no data folder {args.data}", file=sys.stderr)
        return 2
    params = dict(PARAMS)
    for key, val in (("c1", args.c1), ("c2", args.c2), ("max_iterations", args.max_iterations)):
        if val is not None:
            params[key] = val
    d = load_all(args.data)
    for k, v in d.items():
        print(f"{k}: {len(v)} sentences, {sum(len(t) for t, _ in v)} tokens", file=sys.stderr)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        if args.tune:
            t0 = time.time()
            rows = do_tune(d, tmp, args.workers, params)
            print(table(rows))
            print(f"({time.time() - t0:.0f} s)", file=sys.stderr)
        if args.quick:
            t0 = time.time()
            model = train(d["grit_train"], Path(tmp) / "quick.crfsuite", params)
            rows = {f"NERGrit train -> {k}": score(model, d[k]) for k in ("grit_valid", "grit_test")}
            print(table(rows))
            print(f"({time.time() - t0:.0f} s, {params})", file=sys.stderr)
        if args.eval:
            t0 = time.time()
            rows = do_eval(d, tmp, args.workers, params)
            print(table(rows))
            print(f"({time.time() - t0:.0f} s)", file=sys.stderr)
            if args.json:
                args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if args.no_train:
        return 0
    t0 = time.time()
    final = d["grit_train"] + d["grit_valid"] + d["nerui"]
    train(final, args.out, params)
    meta = {
        "model": args.out.name,
        "feature_version": ner.FEATURE_VERSION,
        "trained": date.today().isoformat(),
        "params": params,
        "training_data": {
            "NERGrit train+valid (IndoNLU, Wilie et al. 2020; Apache-2.0)": len(d["grit_train"])
            + len(d["grit_valid"]),
            "NER-UI (Gultom & Wibowo 2017, via IndoLEM, Koto et al. 2020; CC BY 4.0), deduplicated": len(
                d["nerui"]
            ),
        },
        "types": list(ner.TYPES),
    }
    args.out.with_suffix(".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB) in {time.time() - t0:.0f} s from "
        f"{len(final)} sentences",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train (and measure) warta's Indonesian POS tagger, an averaged perceptron in src/warta/models/.

    python scripts/train_pos.py /tmp/nlpid             # measure on a held-out 10%, then train the shipped
                                                       # model on all sentences and write it
    python scripts/train_pos.py corpus.txt --eval-only # only the held-out measurement

The corpus is ``nlp_id/data/dataset_postag.txt`` from the nlp-id wheel (kumparan; MIT licence;
https://github.com/kumparan/NLP-ID), fetched at development time only::

    pip download nlp-id --no-deps -d /tmp/nlpid

The argument is that text file, the wheel itself, or a folder holding the wheel (the file is read out of
the zip; nlp-id is never installed or imported). Format: one ``token<TAB>tag`` per line, a blank line
between sentences; a few lines carry a stray third column (ignored) and one tag is written ``vb`` (read as
VB). Exact duplicate sentences (about 2,800) are dropped before the split, so no held-out sentence is also
a training sentence.

The tagger follows the classic averaged perceptron (Collins 2002; Honnibal's "A good POS tagger in about
200 lines of Python", 2013): greedy left-to-right, the previous two predicted tags as features, a tag
dictionary for frequent unambiguous words, weights averaged over all updates. Features are in
``warta.pos.features``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta import pos  # noqa: E402

MEMBER = "nlp_id/data/dataset_postag.txt"
SOURCE = {
    "name": "nlp-id POS corpus (nlp_id/data/dataset_postag.txt)",
    "publisher": "kumparan (https://github.com/kumparan/NLP-ID)",
    "licence": "MIT (Copyright (c) 2025 kumparan.com), as stated in the wheel's LICENSE and metadata",
}
SEED = 13
HOLDOUT = 0.1
ITERATIONS = 8
FREQ_THRESH = 20  # tag dictionary: words seen at least this often ...
AMBIGUITY_THRESH = 0.97  # ... with one tag at least this share of the time
PRUNE = 0.05  # averaged weights smaller than this (in update units) are dropped
SCALE = 100  # weights are stored as integers: round(weight * SCALE)

# Hand additions to the tag dictionary: ministers' short titles, frequent in political news but rare in the
# corpus; sentence-initially the men- prefix would make an unseen "Menlu" a verb. The corpus tags titles
# before a name NNP ("Menteri", "Menkeu", "Menpora").
EXTRA_TAGDICT = {
    w: "NNP"
    for w in (
        "Menlu Menhan Menkeu Mendag Menko Menkopolhukam Menkomarves Menkoperekonomian Menpora Mentan "
        "Mensesneg Menseskab Menparekraf Menpar Menaker Menkes Mendikbud Mendikbudristek Menag Menhub "
        "Menkominfo Menkumham Menperin Menpan Mendagri Menristek Menkop Menlhk Menteri"
    ).split()
}

Sent = tuple[list[str], list[str]]


# --- corpus ---------------------------------------------------------------------------------------


def read_text(path: Path) -> tuple[str, str]:
    """The corpus text and a description of where it came from (file, wheel, or folder with the wheel)."""
    if path.is_dir():
        wheels = sorted(path.glob("nlp_id-*.whl"))
        if not wheels:
            raise SystemExit(f"{path}: no nlp_id-*.whl here (pip download nlp-id --no-deps -d {path})")
        path = wheels[-1]
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as zf:
            return zf.read(MEMBER).decode("utf-8"), f"{path.name}:{MEMBER}"
    return path.read_text(encoding="utf-8"), path.name


def parse(text: str) -> list[Sent]:
    sents: list[Sent] = []
    toks: list[str] = []
    tags: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            if toks:
                sents.append((toks, tags))
                toks, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise ValueError(f"line without a tag: {line!r}")
        toks.append(cols[0])
        tags.append(cols[1].strip().upper())
    if toks:
        sents.append((toks, tags))
    return sents


def dedupe(sents: Sequence[Sent]) -> list[Sent]:
    seen: set[tuple[tuple[str, ...], tuple[str, ...]]] = set()
    out: list[Sent] = []
    for toks, tags in sents:
        key = (tuple(toks), tuple(tags))
        if key not in seen:
            seen.add(key)
            out.append((toks, tags))
    return out


def split(sents: Sequence[Sent], holdout: float = HOLDOUT, seed: int = SEED) -> tuple[list[Sent], list[Sent]]:
    idx = list(range(len(sents)))
    random.Random(seed).shuffle(idx)
    n_test = max(1, round(len(sents) * holdout)) if len(sents) > 1 else 0
    test = sorted(idx[:n_test])
    train = sorted(idx[n_test:])
    return [sents[i] for i in train], [sents[i] for i in test]


# --- lexicons -------------------------------------------------------------------------------------


def make_tagdict(sents: Sequence[Sent], tags: Sequence[str]) -> dict[str, int]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, gold in sents:
        for t, g in zip(toks, gold, strict=True):
            counts[pos.normalise(t)][g] += 1
    index = {t: i for i, t in enumerate(tags)}
    out: dict[str, int] = {}
    for word, c in counts.items():
        tag, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= FREQ_THRESH and n / total >= AMBIGUITY_THRESH and not word.startswith("!"):
            out[word] = index[tag]
    if "NNP" in index:
        out.update((w, index[t]) for w, t in EXTRA_TAGDICT.items())
    return out


def make_clitic_lexicon(sents: Sequence[Sent]) -> tuple[frozenset[str], frozenset[str]]:
    """Words the corpus keeps whole although they end in a clitic, and the corpus vocabulary."""
    clitics = (*pos._PARTICLES, *pos._PRONOUNS)
    whole_n: Counter[str] = Counter()
    split_n: Counter[str] = Counter()
    vocab: set[str] = set()
    for toks, _ in sents:
        low = [t.lower() for t in toks]
        for i, w in enumerate(low):
            if not w.isalpha():
                continue
            if len(w) >= 2:
                vocab.add(w)
            if w.endswith(clitics):
                whole_n[w] += 1
            if i + 1 < len(low) and low[i + 1] in clitics:
                split_n[w + low[i + 1]] += 1
    whole = {w for w, n in whole_n.items() if n > split_n[w] and w not in clitics}
    return frozenset(whole), frozenset(vocab)


# --- the perceptron -------------------------------------------------------------------------------


class AveragedPerceptron:
    def __init__(self, ntags: int) -> None:
        self.ntags = ntags
        self.weights: dict[str, dict[int, float]] = {}
        self._totals: dict[str, dict[int, float]] = defaultdict(dict)
        self._tstamps: dict[str, dict[int, int]] = defaultdict(dict)
        self.i = 0

    def predict(self, feats: Sequence[str]) -> int:
        scores = [0.0] * self.ntags
        weights = self.weights
        for f in feats:
            wv = weights.get(f)
            if wv:
                for c, v in wv.items():
                    scores[c] += v
        return max(range(self.ntags), key=scores.__getitem__)

    def update(self, truth: int, guess: int, feats: Sequence[str]) -> None:
        self.i += 1
        if truth == guess:
            return
        i = self.i
        for f in feats:
            wv = self.weights.setdefault(f, {})
            tot = self._totals[f]
            ts = self._tstamps[f]
            for c, delta in ((truth, 1.0), (guess, -1.0)):
                w = wv.get(c, 0.0)
                tot[c] = tot.get(c, 0.0) + (i - ts.get(c, 0)) * w
                ts[c] = i
                wv[c] = w + delta

    def averaged(self) -> dict[str, dict[int, float]]:
        out: dict[str, dict[int, float]] = {}
        i = self.i or 1
        for f, wv in self.weights.items():
            tot = self._totals[f]
            ts = self._tstamps[f]
            avg = {}
            for c, w in wv.items():
                a = (tot.get(c, 0.0) + (i - ts.get(c, 0)) * w) / i
                if a:
                    avg[c] = a
            if avg:
                out[f] = avg
        return out


def train(
    sents: Sequence[Sent], iterations: int = ITERATIONS, seed: int = SEED, verbose: bool = True
) -> pos.Model:
    tags = tuple(sorted({g for _, gold in sents for g in gold} | {"SYM"}))
    index = {t: i for i, t in enumerate(tags)}
    tagdict = make_tagdict(sents, tags)
    whole, vocab = make_clitic_lexicon(sents)
    model = AveragedPerceptron(len(tags))
    order = list(sents)
    rng = random.Random(seed)
    for it in range(iterations):
        t0 = time.perf_counter()
        correct = total = 0
        for toks, gold in order:
            words, lowers = pos.prepare(toks)
            prev, prev2 = pos.START
            for i, g in enumerate(gold):
                w = words[i + 2]
                t = tagdict.get(w)
                if t is None and not any(ch.isalnum() for ch in w):
                    guess = "SYM"
                elif t is None:
                    feats = pos.features(i, words, lowers, prev, prev2)
                    gi = model.predict(feats)
                    model.update(index[g], gi, feats)
                    guess = tags[gi]
                else:
                    guess = tags[t]
                prev2, prev = prev, guess
                correct += guess == g
                total += 1
        rng.shuffle(order)
        if verbose:
            print(
                f"  iteration {it + 1}/{iterations}: train accuracy {correct / max(total, 1):.4f} "
                f"({time.perf_counter() - t0:.1f} s)",
                flush=True,
            )
    weights: dict[str, tuple[tuple[int, int], ...]] = {}
    for f, wv in model.averaged().items():
        kept = tuple(sorted((c, round(v * SCALE)) for c, v in wv.items() if abs(v) >= PRUNE))
        kept = tuple((c, v) for c, v in kept if v)
        if kept:
            weights[f] = kept
    meta = {
        "feature_version": pos.FEATURE_VERSION,
        "iterations": iterations,
        "scale": SCALE,
        "prune": PRUNE,
        "tagdict": {"min_count": FREQ_THRESH, "min_share": AMBIGUITY_THRESH},
    }
    return pos.Model(tags=tags, weights=weights, tagdict=tagdict, whole=whole, vocab=vocab, meta=meta)


# --- evaluation -----------------------------------------------------------------------------------


def evaluate(
    model: pos.Model, sents: Sequence[Sent], train_words: set[str] | None = None
) -> dict[str, float]:
    """Token accuracy (also on words unseen in training, and per tag for VB/NN/NNP) and tagging speed."""
    correct = total = unk_c = unk_n = 0
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    t0 = time.perf_counter()
    preds = [pos._tag_with(model, toks) for toks, _ in sents]
    elapsed = time.perf_counter() - t0
    for (toks, gold), pred in zip(sents, preds, strict=True):
        for t, g, p in zip(toks, gold, pred, strict=True):
            total += 1
            correct += g == p
            per[g][0] += g == p
            per[g][1] += 1
            if train_words is not None and t not in train_words:
                unk_n += 1
                unk_c += g == p
    out = {
        "tokens": total,
        "sentences": len(sents),
        "accuracy": correct / max(total, 1),
        "tokens_per_second": total / elapsed if elapsed else 0.0,
    }
    if train_words is not None:
        out["unknown_tokens"] = unk_n
        out["unknown_accuracy"] = unk_c / max(unk_n, 1)
    for t in ("VB", "NN", "NNP"):
        if per[t][1]:
            out[f"recall_{t}"] = per[t][0] / per[t][1]
    return out


def held_out(
    sents: Sequence[Sent],
    iterations: int = ITERATIONS,
    holdout: float = HOLDOUT,
    seed: int = SEED,
    verbose: bool = True,
) -> dict[str, float]:
    """Train on all but a ``holdout`` share (fixed seed) and measure on the rest."""
    train_part, test_part = split(sents, holdout, seed)
    t0 = time.perf_counter()
    model = train(train_part, iterations, seed, verbose)
    train_s = time.perf_counter() - t0
    res = evaluate(model, test_part, {t for toks, _ in train_part for t in toks})
    res["train_sentences"] = len(train_part)
    res["train_seconds"] = train_s
    return res


def write(model: pos.Model, out: Path, meta: dict) -> None:
    pos.save_model(model, out)
    meta = {
        **meta,
        "model": out.name,
        "model_bytes": out.stat().st_size,
        "features": len(model.weights),
        "weights": sum(len(v) for v in model.weights.values()),
        "tagdict_words": len(model.tagdict),
        "tags": list(model.tags),
    }
    sidecar = out.with_name(out.name.removesuffix(".json.gz") + ".meta.json")
    sidecar.write_text(json.dumps(meta, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, help="dataset_postag.txt, the nlp-id wheel, or a folder with it")
    ap.add_argument("--out", type=Path, default=pos.MODEL_PATH)
    ap.add_argument("--iterations", type=int, default=ITERATIONS)
    ap.add_argument("--eval-only", action="store_true", help="measure on the held-out part; write nothing")
    ap.add_argument("--no-eval", action="store_true", help="skip the held-out measurement")
    args = ap.parse_args(argv)

    text, origin = read_text(args.corpus)
    raw = parse(text)
    sents = dedupe(raw)
    print(
        f"{origin}: {len(raw)} sentences, {sum(len(t) for t, _ in raw)} tokens; "
        f"{len(sents)} after dropping exact duplicates"
    )
    meta: dict = {
        "trained": date.today().isoformat(),
        "source": {**SOURCE, "file": origin},
        "corpus": {
            "sentences": len(raw),
            "tokens": sum(len(t) for t, _ in raw),
            "unique_sentences": len(sents),
        },
    }
    if not args.no_eval:
        print(f"held-out evaluation ({HOLDOUT:.0%} of sentences, seed {SEED}):")
        res = held_out(sents, args.iterations)
        print(
            f"token accuracy {res['accuracy']:.4f} on {res['tokens']} tokens "
            f"({res['sentences']} sentences); unknown words {res['unknown_accuracy']:.4f} "
            f"({res['unknown_tokens']} tokens); recall VB {res.get('recall_VB', 0):.4f}, "
            f"NN {res.get('recall_NN', 0):.4f}, NNP {res.get('recall_NNP', 0):.4f}"
        )
        print(f"training {res['train_seconds']:.0f} s; tagging {res['tokens_per_second']:,.0f} tokens/s")
        meta["held_out"] = {
            "share": HOLDOUT,
            "seed": SEED,
            **{k: round(v, 4) if isinstance(v, float) else v for k, v in res.items()},
        }
    if args.eval_only:
        return 0
    print(f"training on all {len(sents)} sentences:")
    t0 = time.perf_counter()
    model = train(sents, args.iterations)
    meta["train_seconds_all"] = round(time.perf_counter() - t0, 1)
    meta["training_sentences"] = len(sents)
    model = pos.Model(
        model.tags,
        model.weights,
        model.tagdict,
        model.whole,
        model.vocab,
        {**model.meta, "trained": meta["trained"], "source": meta["source"]["name"]},
    )
    write(model, args.out, meta)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(model.weights)} features)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

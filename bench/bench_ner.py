"""Benchmark warta.ner.tag: tokens per second on Indonesian sentences.

    python bench/bench_ner.py [--sentences 2000] [--repeat 3] [--seed 7]

Uses the NERGrit test split when ``../shared/data/ner`` is present (real sentences), otherwise generated
news-style sentences. Prints tokens/second and sentences/second for ``tag`` (the best of ``--repeat`` runs)
and, separately, for ``entities`` on the joined text (tokenising included). The model is loaded before
timing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta import ner  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner" / "nergrit" / "test_preprocess.txt"

SUBJECTS = [
    "Presiden Joko Widodo",
    "Menteri Luar Negeri Retno Marsudi",
    "Kapolri Jenderal Listyo Sigit Prabowo",
    "Ketua KPK Firli Bahuri",
    "Perdana Menteri Malaysia Anwar Ibrahim",
    "Gubernur DKI Jakarta Anies Baswedan",
    "juru bicara Kementerian Luar Negeri",
    "Sekjen PBB Antonio Guterres",
]
VERBS = ["bertemu dengan", "mengkritik", "mengunjungi", "menandatangani perjanjian dengan", "mengecam"]
OBJECTS = [
    "Presiden Amerika Serikat",
    "delegasi Rusia",
    "Menhan Prabowo Subianto",
    "pimpinan DPR",
    "warga Papua",
]
PLACES = [
    "di Jakarta",
    "di Istana Merdeka",
    "di Surabaya , Jawa Timur",
    "di Beijing",
    "di Gedung Sate , Bandung",
]
TAILS = ["pada Senin ( 12/8 ) .", ", kata sumber itu .", "untuk membahas kerja sama ekonomi .", "."]


def generated(n: int, seed: int) -> list[list[str]]:
    rng = random.Random(seed)
    return [
        " ".join(
            [
                rng.choice(SUBJECTS),
                rng.choice(VERBS),
                rng.choice(OBJECTS),
                rng.choice(PLACES),
                rng.choice(TAILS),
            ]
        ).split()
        for _ in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sentences", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    if DATA.is_file():
        base = [[t for t, _ in s] for s in ner.read_conll(DATA)]
        sents = [base[i % len(base)] for i in range(args.sentences)]
        source = f"NERGrit test sentences ({len(base)} distinct, cycled)"
    else:
        sents = generated(args.sentences, args.seed)
        source = "generated news sentences"
    n_tokens = sum(len(s) for s in sents)
    ner.tag(sents[0])  # load the model and the gazetteers

    best = float("inf")
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        for s in sents:
            ner.tag(s)
        best = min(best, time.perf_counter() - t0)
    print(f"tag: {len(sents)} {source}, {n_tokens} tokens")
    print(f"  {n_tokens / best:,.0f} tokens/s, {len(sents) / best:,.0f} sentences/s (best of {args.repeat})")

    text = "\n".join(" ".join(s) for s in sents)
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = len(ner.entities(text))
        best = min(best, time.perf_counter() - t0)
    print(f"entities: {len(text):,} characters, {found} entities")
    print(f"  {len(text) / best:,.0f} characters/s, {n_tokens / best:,.0f} tokens/s")


if __name__ == "__main__":
    main()

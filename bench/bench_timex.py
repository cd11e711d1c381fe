"""Benchmark warta.timex.find_timexes on generated Indonesian news sentences.

    python bench/bench_timex.py [--sentences 4000] [--repeat 3] [--seed 7] [--dateparser]

Prints sentences/second and temporal expressions/second (the best of `--repeat`
runs). With ``--dateparser`` it also times ``dateparser.parse`` on the explicit date
strings alone, for comparison (dateparser is not used by warta.timex).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.synthetic import MONTHS  # noqa: E402
from warta.timex import find_timexes  # noqa: E402

SUBJECTS = [
    "Presiden Joko Widodo",
    "Menlu Retno Marsudi",
    "Kapolri",
    "Menhan Prabowo",
    "Putin",
    "Xi Jinping",
    "Sekjen PBB",
    "Ketua DPR",
    "Gubernur DKI",
    "Tentara Israel",
    "KPK",
]
VERBS = [
    "bertemu dengan",
    "mengkritik",
    "mengunjungi",
    "menandatangani perjanjian dengan",
    "menuduh",
    "berunding dengan",
    "menyerang",
    "menahan",
    "mengecam",
    "menyambut",
]
OBJECTS = [
    "Menlu China",
    "delegasi Rusia",
    "pemimpin ASEAN",
    "pengunjuk rasa",
    "Hamas",
    "parlemen Ukraina",
    "Dubes AS",
    "Presiden Prancis",
    "pejabat Bea Cukai",
]
PLACES = ["di Jakarta", "di Beijing", "di Istana Merdeka", "di New Delhi", "di Gaza", "di Moskow", ""]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
NUMS = ["dua", "tiga", "empat", "lima", "sepuluh", "2", "3", "7", "12"]


def expression(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2015, 2024)
    wd, n = rng.choice(WEEKDAYS), rng.choice(NUMS)
    return rng.choice(
        [
            f"pada {d} {m} {y}",
            f"pada {m} {y}",
            f"sejak {y}",
            f"pada tahun {y}",
            f"pada {d}/{rng.randint(1, 12)}/{y}",
            f"pada hari {wd}",
            f"pada {wd} ({d}/{rng.randint(1, 12)})",
            f"{wd} ({d} {m})",
            f"pada {d} {m}",
            f"pada bulan {m}",
            f"{m} mendatang",
            "kemarin",
            "hari ini",
            "besok",
            "pekan lalu",
            "minggu depan",
            "bulan lalu",
            "tahun depan",
            f"{n} hari lalu",
            f"{n} tahun lalu",
            "beberapa hari lalu",
            "baru-baru ini",
            f"selama {n} hari",
            f"setiap {rng.choice(['tahun', 'bulan', 'minggu'])}",
            f"pukul {rng.randint(0, 23):02d}.{rng.choice(['00', '15', '30', '45'])} WIB",
            f"awal {rng.choice(['tahun ini', 'bulan lalu', m])}",
            f"akhir {y}",
            f"{d}-{d + 1} {m} {y}",
            f"musim {rng.choice(['semi', 'panas', 'gugur', 'dingin'])} {y}",
        ]
    )


def sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(SUBJECTS),
        rng.choice(["", "akan "]) + rng.choice(VERBS),
        rng.choice(OBJECTS),
        rng.choice(PLACES),
        expression(rng),
    ]
    if rng.random() < 0.5:
        parts += [
            "dan",
            rng.choice(["mengatakan bahwa", "menegaskan"]),
            rng.choice(OBJECTS),
            rng.choice(["telah", "akan"]),
            rng.choice(VERBS),
            rng.choice(OBJECTS),
            expression(rng),
        ]
    if rng.random() < 0.3:
        parts += [", sebanyak", str(rng.randint(2, 300)), "orang tewas"]
    return " ".join(p for p in parts if p) + "."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sentences", type=int, default=4000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dateparser", action="store_true", help="also time dateparser.parse for comparison")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    sents = [sentence(rng) for _ in range(args.sentences)]
    dct = date(2023, 9, 20)
    find_timexes(sents[0], dct)  # load and compile the lexicon outside the timing

    best, found = float("inf"), 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = sum(len(find_timexes(s, dct)) for s in sents)
        best = min(best, time.perf_counter() - t0)
    chars = sum(map(len, sents))
    print(f"sentences:   {len(sents)} ({chars / len(sents):.0f} chars on average)")
    print(f"expressions: {found} found")
    print(f"time:        {best:.3f} s (best of {args.repeat})")
    print(f"throughput:  {len(sents) / best:,.0f} sentences/s, {found / best:,.0f} expressions/s")

    if args.dateparser:
        import dateparser

        strings = [f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2024)}" for _ in range(500)]
        settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": None}
        dateparser.parse(strings[0], languages=["id"], settings={})  # warm-up
        t0 = time.perf_counter()
        for s in strings:
            dateparser.parse(s, languages=["id"], settings={k: v for k, v in settings.items() if v})
        dt = time.perf_counter() - t0
        print(f"dateparser:  {len(strings) / dt:,.0f} explicit dates/s (parse only, no recognition)")


if __name__ == "__main__":
    main()

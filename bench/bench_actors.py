"""Actor mention finding and resolution speed on the bundled corpus (and ../shared/seeds when present).

Run by hand: python bench/bench_actors.py [--repeat 5] [--no-ner]. The articles are cleaned and split into
sentences once, outside the timing; then ``warta.actors.find_mentions`` runs over all of them ``--repeat``
times. Prints mentions (all, coded actors, places) per second, sentences per second, how many token
windows the statistical recogniser tagged, and its share of the time. ``--no-ner`` times the gazetteer alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from warta import actors, ner, pipeline, sentences
from warta.lang import load_pack
from warta.sources import read

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-ner", action="store_true", help="skip the statistical recogniser")
    args = ap.parse_args()
    pack = load_pack("id")
    folders = [ROOT / "samples" / "corpus", ROOT.parent / "shared" / "seeds"]
    docs = [
        d
        for f in folders
        if f.is_dir()
        for p in sorted(f.iterdir())
        if p.suffix != ".md"
        for d in read(p)
        if hasattr(d, "text")
    ]
    texts = []
    for d in docs:
        a = pipeline.analyse(d)
        if a.article:
            texts.append((a.article.text, sentences.split(a.article.text, pack)))
    actors.find_mentions(texts[0][0], texts[0][1], pack)  # gazetteer, model and word lists loaded

    if args.no_ner:
        actors._recognise = lambda text, s, found, *rest: found  # type: ignore[assignment]
    calls = {"n": 0, "secs": 0.0}
    tag = ner.tag

    def timed_tag(tokens, model=None):  # type: ignore[no-untyped-def]
        t = time.perf_counter()
        try:
            return tag(tokens, model)
        finally:
            calls["n"] += 1
            calls["secs"] += time.perf_counter() - t

    actors.ner.tag = timed_tag  # type: ignore[attr-defined]
    found: list = []
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        found = [m for text, sents in texts for m in actors.find_mentions(text, sents, pack)]
    secs = time.perf_counter() - t0
    actors.ner.tag = tag  # type: ignore[attr-defined]

    n_sent = sum(len(s) for _, s in texts)
    coded = [m for m in found if m.role == "actor" and m.code]
    places = [m for m in found if m.role == "place"]
    per = args.repeat
    print(f"articles: {len(texts)}, sentences: {n_sent}, characters: {sum(len(t) for t, _ in texts):,}")
    print(
        f"mentions per pass: {len(found)} ({len(coded)} coded actors, {len(places)} places, "
        f"{len(found) - len(coded) - len(places)} uncoded)"
    )
    print(
        f"{len(found) * per / secs:,.0f} mentions/s, {n_sent * per / secs:,.0f} sentences/s, "
        f"{secs / per / len(texts) * 1000:.2f} ms per article (mean of {per} passes)"
    )
    if not args.no_ner:
        print(
            f"recogniser ran on {calls['n'] / per:.0f} windows in {n_sent} sentences, "
            f"{100 * calls['secs'] / secs:.0f}% of the time"
        )


if __name__ == "__main__":
    main()

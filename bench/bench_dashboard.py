"""Time the dashboard's API on a database, under the limits a request gets (WARTA_QUERY_* or the defaults).

    python bench/bench_dashboard.py DB [--rounds 2] [URL ...]

Each URL is asked ``--rounds`` times through FastAPI's test client (no network); the table gives the status,
the best time and the size of the answer. Without URLs, the pages the dashboard opens with, unfiltered, and
a few filtered ones for the busiest dyad. Build a large database with bench/bench_scale.py (it keeps none)
or ``warta analyze`` on a corpus of bench_scale's ``--build-only`` output.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from fastapi.testclient import TestClient

from warta.web import create_app
from warta.web.data import Limits

PAGES = [
    "/api/meta",
    "/api/events",
    "/api/events?offset=100000",
    "/api/dyads",
    "/api/dyads?by=month",
    "/api/dyads?by=day&top=10",
    "/api/dyads?ordered=true&include_nonstate=true",
    "/api/network",
    "/api/charts/network",
    "/api/quotes",
]
FOR_DYAD = [
    "/api/timeline?a={a}&b={b}",
    "/api/timeline?a={a}&b={b}&by=day",
    "/api/charts/timeline?a={a}&b={b}&by=week",
    "/api/events?a={a}&b={b}",
    "/api/dyads?actor={a}&by=week",
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", type=Path)
    ap.add_argument("urls", nargs="*")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_intermixed_args()
    limits = Limits.from_env()
    client = TestClient(create_app(args.db, limits))
    urls = list(args.urls)
    if not urls:
        urls = list(PAGES)
        top = client.get("/api/dyads?top=1").json().get("dyads") or []
        if top:
            urls += [u.format(a=top[0]["a"], b=top[0]["b"]) for u in FOR_DYAD]
        first = client.get("/api/events?limit=1").json().get("events") or []
        if first:  # the event with the most reports on the first page: all its evidence, a page at a time
            urls += [f"/api/events/{first[0]['id']}", f"/api/events/{first[0]['id']}?limit=50&offset=50"]
    size = args.db.stat().st_size / 1e6
    print(f"{args.db} ({size:,.1f} MB); limits: {limits}")
    for url in urls:
        best, status, length = float("inf"), 0, 0
        for _ in range(args.rounds):
            t = time.perf_counter()
            r = client.get(url)
            best = min(best, time.perf_counter() - t)
            status, length = r.status_code, len(r.content)
        print(f"{best:7.2f} s  {status}  {length:>11,} B  {url}")


if __name__ == "__main__":
    main()

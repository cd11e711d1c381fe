"""The dashboard's app and JSON API with FastAPI's TestClient, over a real DuckDB file built from the
bundled corpus: pages, filters, evidence offsets, validation (422, never 500) and a writer's lock (503)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from warta.cli import app as cli
from warta.web import create_app

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "corpus"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "corpus.duckdb"
    res = CliRunner().invoke(cli, ["analyze", str(SAMPLES), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture(scope="module")
def client(corpus_db: Path) -> TestClient:
    return TestClient(create_app(corpus_db), raise_server_exceptions=False)


def test_page_assets_and_plotly_from_the_wheel(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert (
        '<script src="/vendor/plotly.min.js">' in page.text and "http" not in page.text.split("<footer>")[0]
    )
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("application/javascript")
    assert len(js.text) > 1_000_000 and "plotly" in js.text[:500].lower()


def test_openapi_describes_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/dyads", "/api/timeline", "/api/network", "/api/meta"):
        assert path in spec["paths"]
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "since", "until", "outlet", "limit", "offset"} <= params


def test_meta(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    assert meta["articles"] == 21 and "CHN" in meta["codes"] and "Kompas" in meta["outlets"]
    assert meta["types"][0] == "AGREE" and len(meta["types"]) == 16


def test_events_carry_their_evidence_with_the_verb_span(client: TestClient, corpus_db: Path) -> None:
    body = client.get("/api/events", params={"actor": "chn", "limit": 500}).json()
    assert body["total"] == len(body["events"]) > 10
    con = duckdb.connect(str(corpus_db), read_only=True)
    verbs = {
        (r[0], r[1], r[2]): r[3]
        for r in con.execute("SELECT article_id, sentence, verb_start, verb_text FROM events").fetchall()
    }
    con.close()
    checked = 0
    for rec in body["events"]:
        assert any(a["code"] == "CHN" for a in rec["source"] + rec["target"])
        for ev in rec["evidence"]:
            s, e = ev["verb_in_sentence"]
            assert ev["sentence_text"][s:e] == verbs[(ev["document"], ev["sentence"], ev["verb"][0])]
            checked += 1
        assert rec["documents"] and all("outlet" in d for d in rec["documents"])
    assert checked >= body["total"]


def test_events_filters_pair_and_paging(client: TestClient) -> None:
    pair = client.get("/api/events", params={"a": "USA", "b": "CHN", "limit": 500}).json()
    dyad = client.get("/api/dyads", params={"top": 1}).json()["dyads"][0]
    assert dyad["dyad"] == "CHN–USA" and pair["total"] == dyad["events"]
    page = client.get("/api/events", params={"a": "USA", "b": "CHN", "limit": 5, "offset": 5}).json()
    assert [e["id"] for e in page["events"]] == [e["id"] for e in pair["events"][5:10]]
    typed = client.get("/api/events", params={"type": "consult", "since": "2024-01-01"}).json()
    assert typed["total"] > 0
    assert all(e["event"] == "CONSULT" and e["date"] >= "2024-01-01" for e in typed["events"])
    kompas = client.get("/api/events", params={"outlet": "Kompas", "limit": 500}).json()
    assert kompas["total"] > 0
    assert all(any(d["outlet"] == "Kompas" for d in e["documents"]) for e in kompas["events"])


def test_dyads_timeline_network(client: TestClient) -> None:
    top = client.get("/api/dyads", params={"top": 3, "include_nonstate": True}).json()["dyads"]
    assert len(top) == 3 and top[0]["events"] >= top[1]["events"] >= top[2]["events"]
    monthly = client.get("/api/dyads", params={"top": 2, "by": "month"}).json()
    assert monthly["by"] == "month" and all(d["period"] for d in monthly["dyads"])
    tl = client.get("/api/timeline", params={"a": "USA", "b": "CHN", "by": "week"}).json()
    assert tl["dyad"] == "CHN–USA" and tl["series"]
    chn_usa = next(d for d in top if d["dyad"] == "CHN–USA")
    assert tl["events_in_series"] + sum(tl["left_out"].values()) == chn_usa["events"]
    fig = client.get("/api/charts/timeline", params={"a": "CHN", "b": "USA"}).json()
    assert {t["name"] for t in fig["data"]} >= {"cooperative", "conflictual"}
    net = client.get("/api/network").json()
    assert net["edges"][0]["weight"] >= net["edges"][-1]["weight"]
    assert client.get("/api/charts/network").json()["data"]


@pytest.mark.parametrize(
    ("path", "params", "needle"),
    [
        ("/api/events", {"since": "2024-02-30"}, "date"),
        ("/api/events", {"until": "yesterday"}, "date"),
        ("/api/events", {"actor": "XYZ"}, "unknown actor code"),
        ("/api/events", {"actor": "1; DROP TABLE events"}, "at most 12"),
        ("/api/events", {"type": "HUG"}, "unknown PLOVER type"),
        ("/api/events", {"since": "2024-05-01", "until": "2024-01-01"}, "after"),
        ("/api/events", {"limit": 501}, "less than or equal to 500"),
        ("/api/events", {"limit": 0}, "greater than or equal to 1"),
        ("/api/events", {"offset": -1}, "greater than or equal to 0"),
        ("/api/events", {"a": "CHN"}, "a and b go together"),
        ("/api/dyads", {"by": "year"}, "'day', 'week' or 'month'"),
        ("/api/dyads", {"top": 100000}, "less than or equal to 500"),
        ("/api/dyads", {"type": "ATTACK"}, "unknown PLOVER type"),
        ("/api/timeline", {"a": "CHN"}, "missing"),
        ("/api/timeline", {"a": "CHN", "b": "QQQ"}, "unknown actor code"),
        ("/api/timeline", {"a": "CHN", "b": "chn"}, "same actor"),
        ("/api/network", {"since": "20240101x"}, "date"),
        ("/api/charts/timeline", {"a": "CHN", "b": "RUS", "by": "decade"}, "'day', 'week' or 'month'"),
    ],
)
def test_bad_parameters_give_422_with_a_message(
    client: TestClient, path: str, params: dict, needle: str
) -> None:
    res = client.get(path, params=params)
    assert res.status_code == 422, res.text
    assert needle.lower() in res.text.lower()


def test_missing_database_is_a_clear_503(tmp_path: Path) -> None:
    c = TestClient(create_app(tmp_path / "none.duckdb"))
    res = c.get("/api/events")
    assert res.status_code == 503 and "no such database" in res.json()["detail"]
    assert c.get("/").status_code == 503


def test_a_writer_holding_the_lock_gives_503_then_the_next_request_works(
    corpus_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "locked.duckdb"
    db.write_bytes(corpus_db.read_bytes())
    c = TestClient(create_app(db))
    assert c.get("/api/meta").status_code == 200
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        res = c.get("/api/events")
        assert res.status_code == 503 and res.headers["retry-after"]
        assert "being written by another process" in res.json()["detail"]
        page = c.get("/")
        assert page.status_code == 503 and 'http-equiv="refresh"' in page.text
    finally:
        holder.kill()
        holder.wait(timeout=10)
    for _ in range(50):  # the next request opens the file again
        if c.get("/api/meta").status_code == 200:
            break
        time.sleep(0.1)
    assert c.get("/api/meta").status_code == 200

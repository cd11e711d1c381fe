"""The dashboard's app and JSON API with FastAPI's TestClient, over a real DuckDB file built from the
bundled corpus: pages, filters, evidence offsets, validation (422, never 500), a writer's lock (503), and
the limits: query time (504), memory and concurrency (503), page size, list length, dates, SQL-looking
values, a connection that cannot write, and the bind address of ``warta serve``."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from warta.cli import app as cli
from warta.web import app as web_app
from warta.web import create_app, data
from warta.web.data import Limits


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
    dyad = next(
        d for d in client.get("/api/dyads", params={"top": 5}).json()["dyads"] if d["dyad"] == "CHN–USA"
    )
    assert pair["total"] == dyad["events"] >= 10
    page = client.get("/api/events", params={"a": "USA", "b": "CHN", "limit": 5, "offset": 5}).json()
    assert [e["id"] for e in page["events"]] == [e["id"] for e in pair["events"][5:10]]
    typed = client.get("/api/events", params={"type": "consult", "since": "2024-01-01"}).json()
    assert typed["total"] > 0
    assert all(e["event"] == "CONSULT" and e["date"] >= "2024-01-01" for e in typed["events"])
    kompas = client.get("/api/events", params={"outlet": "Kompas", "limit": 500}).json()
    assert kompas["total"] > 0
    assert all(any(d["outlet"] == "Kompas" for d in e["documents"]) for e in kompas["events"])


def test_a_page_shows_an_events_first_reports_and_its_own_endpoint_the_rest(client: TestClient) -> None:
    full = client.get("/api/events", params={"limit": 500, "reports": 500}).json()["events"]
    many = next(e for e in full if e["num_documents"] > 1 and len(e["evidence"]) > 1)
    short = client.get("/api/events", params={"limit": 500, "reports": 1}).json()["events"]
    same = next(e for e in short if e["id"] == many["id"])
    assert len(same["evidence"]) == len(same["documents"]) == 1
    assert same["num_evidence"] == len(many["evidence"]) and same["num_documents"] == many["num_documents"]
    assert same["evidence"][0] == many["evidence"][0]
    one = client.get(f"/api/events/{many['id']}").json()["event"]
    assert one["evidence"] == many["evidence"] and one["documents"] == many["documents"]
    rest = client.get(f"/api/events/{many['id']}", params={"limit": 1, "offset": 1}).json()["event"]
    assert rest["evidence"] == many["evidence"][1:2] and rest["num_evidence"] == len(many["evidence"])
    missing = client.get("/api/events/no-such-event")
    assert missing.status_code == 404 and "no-such-event" in missing.json()["detail"]


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


def _assert_422(client: TestClient, path: str, params: dict, needle: str) -> None:
    """The request is refused with 422 and a message naming what is wrong."""
    res = client.get(path, params=params)
    assert res.status_code == 422, res.text
    assert needle.lower() in res.text.lower()


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
    _assert_422(client, path, params, needle)


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


# ---------------------------------------------------------------- limits: time, memory, size, read-only


def _fingerprint(db: Path) -> tuple:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = sorted(
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        )
        counts = tuple(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
    finally:
        con.close()
    return tuple(tables), counts, hashlib.sha256(db.read_bytes()).hexdigest()


def test_limits_from_the_environment(capsys: pytest.CaptureFixture[str]) -> None:
    assert Limits.from_env({}) == Limits()
    lim = Limits.from_env(
        {
            "WARTA_QUERY_TIMEOUT": "2.5",
            "WARTA_QUERY_MEMORY": "256MB",
            "WARTA_QUERY_THREADS": "1",
            "WARTA_MAX_QUERIES": "8",
        }
    )
    assert lim == Limits(timeout=2.5, memory="256MB", threads=1, concurrent=8)
    assert Limits.from_env({"WARTA_QUERY_TIMEOUT": "0"}).timeout == 0  # 0 turns the time limit off
    bad = Limits.from_env(
        {
            "WARTA_QUERY_TIMEOUT": "ten",
            "WARTA_QUERY_MEMORY": "1'; SET x=1",
            "WARTA_QUERY_THREADS": "-3",
            "WARTA_MAX_QUERIES": "nan",
        }
    )
    assert bad == Limits()
    err = capsys.readouterr().err
    assert "WARTA_QUERY_TIMEOUT='ten'" in err and "WARTA_QUERY_MEMORY" in err and "using 10.0" in err


def test_env_timeout_gives_504_with_a_message(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARTA_QUERY_TIMEOUT", "0.000001")  # over before the first query ends
    c = TestClient(create_app(corpus_db), raise_server_exceptions=False)
    for path in ("/api/events", "/api/meta", "/api/dyads", "/api/network", "/api/quotes"):
        res = c.get(path)
        assert res.status_code == 504, (path, res.text)
        assert "took longer than" in res.json()["detail"] and "WARTA_QUERY_TIMEOUT" in res.json()["detail"]


def test_a_slow_query_is_interrupted(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def slow(con: duckdb.DuckDBPyConnection) -> dict:
        con.execute("SELECT sum(i) FROM range(100000000000) t(i)").fetchall()  # minutes, if not stopped
        raise AssertionError("not interrupted")

    c = TestClient(create_app(corpus_db, Limits(timeout=1.0)), raise_server_exceptions=False)
    with monkeypatch.context() as m:
        m.setattr(data, "summary", slow)
        t0 = time.monotonic()
        res = c.get("/api/meta")
        took = time.monotonic() - t0
    assert res.status_code == 504 and "longer than 1 s" in res.json()["detail"]
    assert took < 10
    assert c.get("/api/meta").status_code == 200  # the next request is not affected


def test_a_query_over_its_memory_gives_503(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def big(con: duckdb.DuckDBPyConnection) -> dict:
        con.execute("SELECT list(i) FROM range(50000000) t(i)").fetchall()
        raise AssertionError("no memory limit")

    monkeypatch.setattr(data, "summary", big)
    c = TestClient(create_app(corpus_db, Limits(memory="20MB", threads=1)), raise_server_exceptions=False)
    res = c.get("/api/meta")
    assert res.status_code == 503 and "more memory than the 20MB" in res.json()["detail"]


def test_requests_beyond_the_concurrency_limit_get_503(
    corpus_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inside, release = threading.Event(), threading.Event()
    real = data.summary

    def held(con: duckdb.DuckDBPyConnection) -> dict:
        inside.set()
        release.wait(5)
        return real(con)

    monkeypatch.setattr(data, "summary", held)
    c = TestClient(create_app(corpus_db, Limits(timeout=0.5, concurrent=1)), raise_server_exceptions=False)
    first: list = []
    t = threading.Thread(target=lambda: first.append(c.get("/api/meta")))
    t.start()
    try:
        assert inside.wait(5)
        t0 = time.monotonic()
        res = c.get("/api/events")
        assert res.status_code == 503 and "answering 1 queries already" in res.json()["detail"]
        assert res.headers["retry-after"] and time.monotonic() - t0 < 5
    finally:
        release.set()
        t.join(10)
    assert first and first[0].status_code == 504  # held past its own time limit


@pytest.mark.parametrize(
    ("path", "params", "needle"),
    [
        ("/api/quotes", {"limit": 501}, "less than or equal to 500"),
        ("/api/quotes", {"code": ["CHN"] * 21}, "at most 20"),
        ("/api/quotes", {"code": ",".join(["CHN", "RUS", "USA"] * 7)}, "at most 20"),
        ("/api/quotes", {"code": "CHN,XYZ"}, "unknown actor code"),
        ("/api/quotes", {"code": "CHN'; DROP TABLE events;--"}, "unknown actor code"),
        ("/api/events", {"actor": "CHN'; DROP--"}, "unknown actor code"),
        ("/api/events", {"source": "CHN' OR 1=1"}, "unknown actor code"),
        ("/api/events", {"type": "CONSULT' OR '1'='1'--x"}, "at most 20"),
        ("/api/events", {"type": "X') OR 1=1"}, "unknown PLOVER type"),
        ("/api/events", {"since": "0001-01-01"}, "must lie between"),
        ("/api/events", {"until": "9999-12-31"}, "must lie between"),
        ("/api/timeline", {"a": "CHN", "b": "USA", "since": "1000-01-01"}, "must lie between"),
        ("/api/events", {"outlet": "x" * 101}, "at most 100"),
        ("/api/events", {"offset": 10**9}, "less than or equal to"),
    ],
)
def test_limits_and_injection_attempts_give_422(
    client: TestClient, path: str, params: dict, needle: str
) -> None:
    _assert_422(client, path, params, needle)


def test_injection_through_free_text_is_just_a_value(client: TestClient, corpus_db: Path) -> None:
    before = _fingerprint(corpus_db)
    for outlet in ("Kompas' OR '1'='1", "x'; DROP TABLE events;--", 'Kompas") OR ("1"="1', "%", "Kompas\x00"):
        res = client.get("/api/events", params={"outlet": outlet})
        assert res.status_code == 200, res.text
        assert res.json()["total"] == 0  # no outlet has that name: the value was compared, not run
        assert client.get("/api/network", params={"outlet": outlet}).json()["edges"] == []
    assert client.get("/api/events", params={"outlet": "kompas"}).json()["total"] > 0  # the filter works
    assert _fingerprint(corpus_db) == before


def test_quotes_by_speaker_codes(client: TestClient) -> None:
    every = client.get("/api/quotes", params={"limit": 500}).json()
    assert every["codes"] == [] and every["quotes"]
    assert all(q["speaker_code"] for q in every["quotes"])
    code = every["quotes"][0]["speaker_code"]
    mine = client.get("/api/quotes", params={"code": code.lower(), "limit": 500}).json()
    assert mine["codes"] == [code] and mine["quotes"]
    assert all(q["speaker_code"] == code for q in mine["quotes"])
    assert len(mine["quotes"]) == sum(q["speaker_code"] == code for q in every["quotes"])
    paged = client.get("/api/quotes", params={"code": code, "limit": 1, "offset": 1}).json()
    assert paged["quotes"] == mine["quotes"][1:2]
    assert "/api/quotes" in client.get("/openapi.json").json()["paths"]


def test_timeline_periods_are_capped(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    assert client.get("/api/timeline", params={"a": "USA", "b": "CHN", "by": "day"}).status_code == 200
    monkeypatch.setattr(web_app, "MAX_PERIODS", 1)
    res = client.get("/api/timeline", params={"a": "USA", "b": "CHN", "by": "day"})
    assert res.status_code == 422 and "periods" in res.json()["detail"]


def test_the_connection_cannot_write(
    corpus_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _fingerprint(corpus_db)
    leak = tmp_path / "leak.csv"
    attempts = [
        "CREATE TABLE x (i INTEGER)",
        "DROP TABLE events",
        "DELETE FROM events",
        "UPDATE articles SET outlet = 'x'",
        "INSERT INTO quotes SELECT * FROM quotes",
        f"COPY events TO '{leak}'",
        f"EXPORT DATABASE '{tmp_path / 'dump'}'",
        f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
        "SET memory_limit = '100GB'",
        "SET enable_external_access = true",
        "SELECT * FROM read_csv('/etc/passwd')",
        "INSTALL httpfs",
    ]
    failed: list[str] = []
    real = data.summary

    def try_writes(con: duckdb.DuckDBPyConnection) -> dict:
        for sql in attempts:
            try:
                con.execute(sql)
            except duckdb.Error:
                failed.append(sql)
        return real(con)

    monkeypatch.setattr(data, "summary", try_writes)
    c = TestClient(create_app(corpus_db), raise_server_exceptions=False)
    assert c.get("/api/meta").status_code == 200
    assert failed == attempts  # every one refused, through the very connection a request gets
    with data.connect(corpus_db) as con:  # the report's connection (no memory or time limits)
        for sql in attempts:
            with pytest.raises(duckdb.Error):
                con.execute(sql)
    assert not leak.exists() and not (tmp_path / "dump").exists() and not (tmp_path / "other.duckdb").exists()
    assert _fingerprint(corpus_db) == before


def test_serve_binds_localhost_unless_told(corpus_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    calls: list[dict] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    local = CliRunner().invoke(cli, ["serve", "--db", str(corpus_db)])
    wide = CliRunner().invoke(cli, ["serve", "--db", str(corpus_db), "--host", "0.0.0.0"])
    assert local.exit_code == 0 and wide.exit_code == 0
    assert [k["host"] for k in calls] == ["127.0.0.1", "0.0.0.0"]
    assert "no login" not in local.output and "no login" in wide.output  # said once, in one line
    assert len([ln for ln in wide.output.splitlines() if "no login" in ln]) == 1

"""Dyad aggregates over merged events: the pure rules on small records, then the bundled corpus and the
seeds in a real DuckDB file, and the CLI commands (dyads, timeline, network, report)."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from warta import dyads
from warta.cli import app
from warta.export import merged_events


def _rec(
    rid: str,
    event: str,
    src: list[str],
    tgt: list[str],
    day: str,
    precision: str = "day",
    goldstein: float = 1.0,
    outlets: tuple[str, ...] = ("Kompas",),
) -> dict:
    return {
        "id": rid,
        "event": event,
        "goldstein": goldstein,
        "date": day,
        "date_precision": precision,
        "source": [{"code": c, "actorText": c, "sector": None, "name": None} for c in src],
        "target": [{"code": c, "actorText": c, "sector": None, "name": None} for c in tgt],
        "documents": [{"id": f"{rid}-{i}", "outlet": o} for i, o in enumerate(outlets)],
    }


# ---- the rules, on records written here --------------------------------------------------------------


def test_periods_start_on_the_day_the_monday_and_the_first() -> None:
    d = date(2024, 4, 10)  # a Wednesday
    assert dyads.period_start(d, "day") == d
    assert dyads.period_start(d, "week") == date(2024, 4, 8)
    assert dyads.period_start(d, "month") == date(2024, 4, 1)
    assert dyads.next_period(date(2024, 12, 1), "month") == date(2025, 1, 1)
    with pytest.raises(ValueError):
        dyads.period_start(d, "year")


def test_a_record_enters_only_series_at_least_as_coarse_as_its_date() -> None:
    day = _rec("a", "CONSULT", ["CHN"], ["RUS"], "2024-04-10")
    undated = _rec("b", "CONSULT", ["CHN"], ["RUS"], "2024-04-10", "on_or_before")
    week = _rec("c", "CONSULT", ["CHN"], ["RUS"], "2024-04-29", "week")  # a week starting in April
    month = _rec("d", "CONSULT", ["CHN"], ["RUS"], "2024-04-01", "month")
    year = _rec("e", "CONSULT", ["CHN"], ["RUS"], "2024-01-01", "year")
    assert dyads.bucket(day, "day") == date(2024, 4, 10)
    assert dyads.bucket(undated, "day") == date(2024, 4, 10)  # the report's day, the last possible one
    assert dyads.bucket(week, "day") is None
    assert dyads.bucket(week, "week") == date(2024, 4, 29)
    assert dyads.bucket(week, "month") == date(2024, 4, 1)  # the month of the week's first day
    assert dyads.bucket(month, "week") is None and dyads.bucket(month, "month") == date(2024, 4, 1)
    assert all(dyads.bucket(year, by) is None for by in dyads.PERIODS)
    rows, left_out = dyads.aggregate([day, undated, week, month, year], by="day")
    assert [(r.period, r.events) for r in rows] == [(date(2024, 4, 10), 2)]
    assert left_out == Counter({"week": 1, "month": 1, "year": 1})
    total, _ = dyads.aggregate([day, undated, week, month, year])
    assert [(r.a, r.b, r.events) for r in total] == [("CHN", "RUS", 5)]  # totals take every precision


def test_pairs_states_only_by_default_no_self_pairs_each_once() -> None:
    r = _rec("a", "ACCUSE", ["CHN", "RUS", "NATO"], ["USA", "CHN", "WST"], "2024-01-02")
    assert dyads.pairs(r) == [("CHN", "USA"), ("RUS", "USA"), ("RUS", "CHN")]
    assert dyads.pairs(r, ordered=False) == [("CHN", "USA"), ("RUS", "USA"), ("CHN", "RUS")]
    both = dyads.pairs(r, include_nonstate=True)
    assert ("NATO", "WST") in both and ("CHN", "WST") in both and ("CHN", "CHN") not in both


def test_quads_shares_goldstein_and_outlets() -> None:
    recs = [
        _rec("a", "CONSULT", ["CHN"], ["RUS"], "2024-04-01", goldstein=1.0, outlets=("Kompas", "Antara")),
        _rec("b", "SUPPORT", ["RUS"], ["CHN"], "2024-04-02", goldstein=3.0, outlets=("Kompas",)),
        _rec("c", "ACCUSE", ["CHN"], ["RUS"], "2024-04-03", goldstein=-2.0, outlets=("Tempo",)),
        _rec("d", "ASSAULT", ["CHN"], ["IND"], "2024-04-03", goldstein=-10.0),
    ]
    (cr, ci), _ = dyads.aggregate(recs)  # sorted by events: CHN–RUS first
    assert (cr.a, cr.b, cr.events) == ("CHN", "RUS", 3)
    assert cr.cooperative == 2 and cr.conflictual == 1 and cr.cooperative_share == round(2 / 3, 4)
    assert cr.goldstein_sum == 2.0 and cr.goldstein_mean == round(2 / 3, 4)
    assert cr.outlets == {"Kompas", "Antara", "Tempo"}
    assert cr.directions == Counter({"CHN>RUS": 2, "RUS>CHN": 1})
    assert ci.by_quad["material_conflict"] == 1 and ci.conflictual_share == 1.0
    ordered, _ = dyads.aggregate(recs, ordered=True)
    assert {(r.a, r.b): r.events for r in ordered} == {
        ("CHN", "RUS"): 2,
        ("RUS", "CHN"): 1,
        ("CHN", "IND"): 1,
    }
    # REQUEST is verbal conflict by PLOVER's quads, whatever its Goldstein sign
    assert dyads.cooperative("REQUEST") is False and dyads.cooperative("AID") is True


def test_timeline_fills_empty_periods() -> None:
    recs = [
        _rec("a", "CONSULT", ["CHN"], ["RUS"], "2024-01-15"),
        _rec("b", "CONSULT", ["RUS"], ["CHN"], "2024-04-02"),
        _rec("c", "ACCUSE", ["CHN"], ["USA"], "2024-02-02"),
    ]
    tl = dyads.timeline(recs, "rus", "chn", by="month")
    assert (tl.a, tl.b) == ("CHN", "RUS")
    assert [(r.period.isoformat(), r.events) for r in tl.rows] == [
        ("2024-01-01", 1),
        ("2024-02-01", 0),
        ("2024-03-01", 0),
        ("2024-04-01", 1),
    ]
    directed = dyads.timeline(recs, "CHN", "RUS", by="month", ordered=True)
    assert [r.events for r in directed.rows] == [1]


# ---- the bundled corpus, in a real database ----------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("dyads") / "corpus.duckdb"
    res = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    return db


@pytest.fixture(scope="module")
def records(corpus_db: Path) -> list[dict]:
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        return list(merged_events(con))
    finally:
        con.close()


def test_one_real_world_event_counts_once(corpus_db: Path, records: list[dict]) -> None:
    multi = [r for r in records if r["num_documents"] > 1 and dyads.pairs(r, ordered=False)]
    assert multi, "the corpus has events reported by several documents"
    rows, _ = dyads.aggregate(records)
    by_pair = {(s.a, s.b): s for s in rows}
    for r in multi:
        pair = dyads.pairs(r, ordered=False)[0]
        expected = sum(1 for x in records if pair in dyads.pairs(x, ordered=False))
        assert by_pair[pair].events == expected
    con = duckdb.connect(str(corpus_db), read_only=True)
    stored = con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0]
    con.close()
    counted = sum(s.events for s in rows)
    assert counted < stored  # fewer than the stored reports: merged, and non-state pairs left out


def test_corpus_top_dyads_and_series_add_up(records: list[dict]) -> None:
    top = dyads.top_dyads(records, 5)
    # the samples' busiest dyads: CHN–USA (11 events) and RUS–UKR (10)
    assert [s.label for s in top[:2]] == ["CHN–USA", "RUS–UKR"] and top[0].events >= 10
    assert top[0].directions["USA>CHN"] > 0 and top[0].directions["CHN>USA"] > 0
    assert top[0].outlets and all(all(o for o in s.outlets) for s in top)  # no blank outlet
    assert all(dyads.is_state(s.a) and dyads.is_state(s.b) for s in top)
    everyone = dyads.top_dyads(records, 50, include_nonstate=True)
    assert any(not dyads.is_state(s.a) or not dyads.is_state(s.b) for s in everyone)  # ASEAN, NATO, WST
    for by in dyads.PERIODS:
        tl = dyads.timeline(records, top[0].b, top[0].a, by=by)
        assert sum(r.events for r in tl.rows) + sum(tl.left_out.values()) == top[0].events
        if by != "month":
            assert all(r.period == dyads.period_start(r.period, by) for r in tl.rows)
    nodes, edges = dyads.network(records)
    assert edges[0]["weight"] == top[0].events and {edges[0]["a"], edges[0]["b"]} == {top[0].a, top[0].b}
    assert nodes[0]["code"] == "IDN"  # the busiest actor of the Indonesian corpus


def test_seeds_chn_rus_is_the_main_dyad_and_cooperative(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    res = CliRunner().invoke(app, ["analyze", str(seeds_dir), "--db", str(db), "--quiet"])
    assert res.exit_code == 0, res.output
    con = duckdb.connect(str(db), read_only=True)
    recs = list(merged_events(con))
    con.close()
    top = dyads.top_dyads(recs, 3)
    assert top[0].label == "CHN–RUS" and top[0].events >= 15
    assert top[0].cooperative_share is not None and top[0].cooperative_share > 0.8


# ---- the commands ------------------------------------------------------------------------------------


def test_dyads_command_formats(corpus_db: Path, records: list[dict]) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["dyads", "--db", str(corpus_db), "--top", "3", "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert [r["dyad"] for r in rows] == [s.label for s in dyads.top_dyads(records, 3)]
    assert set(rows[0]) >= {
        "by_type",
        "by_quad",
        "cooperative_share",
        "goldstein_sum",
        "goldstein_mean",
        "outlets",
    }
    res = runner.invoke(app, ["dyads", "--db", str(corpus_db), "--top", "3", "--format", "csv", "--ordered"])
    assert res.exit_code == 0 and res.output.splitlines()[0].startswith("dyad,a,b,period,events")
    assert "→" in res.output.splitlines()[1]
    res = runner.invoke(app, ["dyads", "--db", str(corpus_db), "--top", "3", "--by", "week"])
    assert res.exit_code == 0 and "CHN–USA" in res.output
    res = runner.invoke(app, ["dyads", "--db", str(corpus_db), "--since", "2024-02-30"])
    assert res.exit_code == 2 and "not a date" in res.output
    res = runner.invoke(app, ["dyads", "--db", str(corpus_db), "--type", "HUG"])
    assert res.exit_code == 2 and "PLOVER" in res.output


def test_timeline_and_network_draw_png_and_offline_html(corpus_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    png, page = tmp_path / "t.png", tmp_path / "t.html"
    res = runner.invoke(
        app,
        [
            "timeline",
            "USA",
            "CHN",
            "--db",
            str(corpus_db),
            "--by",
            "month",
            "--png",
            str(png),
            "--html",
            str(page),
            "--format",
            "jsonl",
        ],
    )
    assert res.exit_code == 0, res.output
    series = [json.loads(line) for line in res.output.splitlines() if line.startswith("{")]
    assert series and all(r["dyad"] == "CHN–USA" for r in series)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    _assert_offline_html(page.read_text(encoding="utf-8"))
    net = tmp_path / "n.png"
    res = runner.invoke(app, ["network", "--db", str(corpus_db), "--include-igos", "--png", str(net)])
    assert res.exit_code == 0, res.output
    assert "CHN" in res.output and net.read_bytes()[:4] == b"\x89PNG"
    res = runner.invoke(app, ["timeline", "CHN", "CHN", "--db", str(corpus_db)])
    assert res.exit_code == 2


def _assert_offline_html(text: str) -> None:
    from plotly.offline import get_plotlyjs

    assert not re.search(r"<script[^>]+src=['\"]?(https?:)?//", text), "no script from the internet"
    assert text.count(get_plotlyjs()[:300]) == 1  # the library itself is inlined, once


def test_report_is_one_self_contained_file(corpus_db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["report", "--db", str(corpus_db), "--out", str(tmp_path / "rep")])
    assert res.exit_code == 0, res.output
    text = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    _assert_offline_html(text)
    assert "Most active dyads" in text and "CHN–USA" in text and "Notable quotes" in text
    for col in (
        "article_id",
        "sentence",
        "start",
        "end",
        "text",
        "speaker",
        "speaker_code",
        "speaker_text",
        "cue",
        "direct",
    ):
        assert f"<th>{col}</th>" in text
    assert text.count("js-plotly-plot") + text.count("plotly-graph-div") >= 2

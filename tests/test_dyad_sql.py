"""The dyad aggregates the database computes (warta.dyad_sql) are warta.dyads's over the merged records, row
for row; and a page of merged events is the slice of the whole list."""

from __future__ import annotations

import itertools
import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from warta import dyad_sql, dyads
from warta.export import EventFilter, merged_event_count, merged_event_page, merged_events
from warta.pipeline import analyse
from warta.records import Document
from warta.store import Store

FILTERS = (
    EventFilter(),
    EventFilter(actor="RUS"),
    EventFilter(event="CONSULT"),
    EventFilter(since=date(2023, 3, 1), until=date(2023, 9, 30)),
)


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 synthetic articles: many outlets reporting the same events, so groups of several reports."""
    from warta.synthetic import corpus

    docs = [
        Document(id=f"d{i}", origin=name, text=text) for i, (name, text, _) in enumerate(corpus(120, seed=3))
    ]
    db = tmp_path_factory.mktemp("dyad_sql") / "syn.duckdb"
    with Store(db) as st:
        st.write([analyse(d, today=date(2024, 6, 1)) for d in docs])
    return db


def _actors(codes: list[str]) -> str:
    return json.dumps([{"code": c, "sector": "GOV", "name": None, "text": c} for c in codes])


@pytest.fixture(scope="module")
def crafted_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Events written straight into the tables, for what a real corpus may hold only rarely: a group whose
    reports name the sides the other way round (the earlier report decides), an empty code, a code paired
    with itself, IGOs, every precision with ties between them, no Goldstein score, no outlet, and a mean
    that sits on a rounding boundary (-2.1 over 16 events)."""
    db = tmp_path_factory.mktemp("dyad_sql") / "crafted.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    arts = [
        ("a1", "Kompas", date(2023, 5, 2)),
        ("a2", "Antara", date(2023, 5, 1)),
        ("a3", None, date(2023, 5, 3)),
        ("a4", "Tempo", None),
        ("a5", "", date(2023, 6, 9)),
    ]
    con.executemany("INSERT INTO articles (id, outlet, published) VALUES (?, ?, ?)", arts)
    rows = []

    def ev(gid, art, sent, typ, src, tgt, d, prec, gold, verb=0):
        rows.append(
            (
                f"{gid}-{art}-{sent}-{verb}",
                gid,
                art,
                sent,
                typ,
                gold,
                False,
                _actors(src),
                _actors(tgt),
                src,
                tgt,
                d,
                prec,
                verb,
            )
        )

    # swapped sides: a2 is published first, so its CHN->RUS is the group's direction
    ev("g1", "a1", 0, "CONSULT", ["RUS"], ["CHN"], date(2023, 5, 1), "day", 1.0)
    ev("g1", "a2", 3, "CONSULT", ["CHN"], ["RUS"], date(2023, 4, 28), "on_or_before", 1.0)
    ev("g1", "a3", 1, "CONSULT", ["RUS"], ["CHN"], None, "year", 1.0)
    # on_or_before and on_or_after tie on rank and date: the first report (a2, published earlier) wins
    ev("g2", "a1", 2, "ACCUSE", ["USA"], ["CHN", "CHN", ""], date(2023, 5, 5), "on_or_after", -2.0)
    ev("g2", "a2", 1, "ACCUSE", ["USA"], ["CHN"], date(2023, 5, 5), "on_or_before", -2.0)
    ev("g3", "a4", 0, "SUPPORT", ["IDN", "ASEAN"], ["IDN", "UN", "MYS"], date(2023, 5, 8), "week", None)
    ev("g4", "a5", 0, "REJECT", ["RUS"], ["RUS"], date(2023, 6, 1), "month", -4.0)  # no pair
    ev("g5", "a5", 1, "THREATEN", ["RUS"], ["UKR"], None, "none", -7.0)
    ev("g6", "a3", 2, "AID", ["WST"], ["UKR"], date(2023, 2, 1), "month", 7.4)
    ev("g7", "a4", 4, "ASSAULT", ["RUS"], ["UKR"], date(2023, 2, 24), "day", -10.0)
    ev("g7", "a4", 4, "ASSAULT", ["RUS"], ["UKR"], date(2023, 2, 24), "day", -10.0, verb=9)
    ev("g8", "a1", 5, "COERCE", ["CHN"], ["TWN"], date(2023, 1, 1), "year", None)
    # 16 events of AUS-PHL summing to -2.1: a mean of -0.13125
    golds = [-3.4, 3.4, -4.4, 4.4, -6.5, 6.5, -2.1, 0.0, 1.1, -1.1, 2.2, -2.2, 3.3, -3.3, 5.5, -5.5]
    for i, g in enumerate(golds):
        typ = "AGREE" if g >= 0 else "ACCUSE"
        ev(f"h{i}", ["a1", "a2", "a3"][i % 3], 10 + i, typ, ["AUS"], ["PHL"], date(2023, 7, 1 + i), "day", g)
    con.executemany(
        "INSERT INTO events (id, merge_key, article_id, sentence, event, goldstein, negated, source, target, "
        "source_codes, target_codes, date, date_precision, verb_start) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    con.execute(
        "INSERT INTO events (id, article_id, sentence, event, goldstein, negated, source, target, source_codes, "
        "target_codes, date, date_precision, verb_start) VALUES ('solo', 'a2', 9, 'SANCTION', -8.0, FALSE, ?, ?, "
        "['USA'], ['RUS'], '2023-05-20', 'day', 0)",
        [_actors(["USA"]), _actors(["RUS"])],
    )
    con.execute(
        "INSERT INTO events (id, article_id, sentence, event, goldstein, negated, source, target, source_codes, "
        "target_codes, date, date_precision, verb_start) VALUES ('neg', 'a2', 9, 'ASSAULT', -10.0, TRUE, ?, ?, "
        "['USA'], ['RUS'], '2023-05-20', 'day', 3)",
        [_actors(["USA"]), _actors(["RUS"])],
    )
    con.close()
    return db


@pytest.fixture(params=["samples", "synthetic", "crafted"])
def con(request, samples_db: Path, synthetic_db: Path, crafted_db: Path, tmp_path: Path):
    db = {"samples": samples_db, "synthetic": synthetic_db, "crafted": crafted_db}[request.param]
    copy = tmp_path / "db.duckdb"
    shutil.copy(db, copy)
    c = duckdb.connect(str(copy), read_only=True)
    yield c
    c.close()


def _json(rows: list[dyads.DyadStats]) -> list[dict]:
    return [r.as_json() for r in rows]


def test_aggregates_are_the_records_aggregates(con) -> None:
    assert merged_event_count(con) > 0
    for flt in FILTERS:
        recs = list(merged_events(con, flt))
        assert merged_event_count(con, flt) == len(recs)
        for ordered, nonstate in itertools.product((False, True), (False, True)):
            with dyad_sql.Dyads(con, flt, ordered=ordered, include_nonstate=nonstate) as d:  # made once
                for by in (None, "day", "week", "month"):
                    want, want_left = dyads.aggregate(recs, by=by, ordered=ordered, include_nonstate=nonstate)
                    got, got_left = d.aggregate(by)
                    assert _json(got) == _json(want), (flt, by, ordered, nonstate)
                    assert got_left == want_left
                    if by is not None:
                        assert d.left_out(by) == want_left
    # the one-off functions are the same queries
    assert _json(dyad_sql.aggregate(con, by="week")[0]) == _json(dyads.aggregate(recs_all(con), by="week")[0])
    assert dyad_sql.left_out(con, by="month") == dyads.aggregate(recs_all(con), by="month")[1]


def recs_all(con) -> list[dict]:
    return list(merged_events(con))


def test_top_dyads_network_and_timelines_are_the_records(con) -> None:
    for flt in FILTERS:
        recs = list(merged_events(con, flt))
        for nonstate in (False, True):
            assert _json(dyad_sql.top_dyads(con, flt, 5, include_nonstate=nonstate)) == _json(
                dyads.top_dyads(recs, 5, include_nonstate=nonstate)
            )
            assert dyad_sql.network(con, flt, include_nonstate=nonstate) == dyads.network(
                recs, include_nonstate=nonstate
            )
        best = dyads.top_dyads(recs, 3, include_nonstate=True)
        for s, by, ordered in itertools.product(best, ("day", "week", "month"), (False, True)):
            for a, b in ((s.a, s.b), (s.b, s.a)) if ordered else ((s.b, s.a),):
                want = dyads.timeline(recs, a, b, by=by, ordered=ordered).as_json()
                assert dyad_sql.timeline(con, flt, a, b, by=by, ordered=ordered).as_json() == want


def test_a_page_of_merged_events_is_the_slice_of_all_of_them(con) -> None:
    for flt in FILTERS:
        recs = list(merged_events(con, flt))
        pairs = [None, *[(s.a, s.b) for s in dyads.top_dyads(recs, 2, include_nonstate=True)]]
        for pair in pairs:
            mine = recs
            if pair is not None:
                key = tuple(sorted(pair))
                mine = [r for r in recs if key in dyads.pairs(r, ordered=False, include_nonstate=True)]
            for offset, limit in ((0, 3), (1, 500), (max(len(mine) - 2, 0), 50), (len(mine) + 5, 10)):
                total, page = merged_event_page(con, flt, limit=limit, offset=offset, pair=pair)
                assert total == len(mine)
                assert page == mine[offset : offset + limit]


def test_the_crafted_cases_come_out_as_the_module_says(crafted_db: Path) -> None:
    con = duckdb.connect(str(crafted_db), read_only=True)
    try:
        rows, _ = dyad_sql.aggregate(con, ordered=True, include_nonstate=True)
        by_pair = {(r.a, r.b): r for r in rows}
        assert ("CHN", "RUS") in by_pair and ("RUS", "CHN") not in by_pair  # the first report's direction
        assert ("IDN", "IDN") not in by_pair and ("RUS", "RUS") not in by_pair  # no self pairs
        assert by_pair[("USA", "CHN")].events == 1  # a code twice and an empty code: one pair
        assert by_pair[("USA", "RUS")].events == 1  # the negated report is not there
        g7 = by_pair[("RUS", "UKR")]
        assert g7.events == 2 and g7.n_documents == 2  # two verbs of one sentence, one group; g5 and g7
        aus = by_pair[("AUS", "PHL")]
        assert aus.events == 16 and aus.as_json()["goldstein_sum"] == -2.1
        assert aus.goldstein_mean == -0.1312  # -0.13125 rounded half to even, whatever order the sum took
        assert by_pair[("USA", "CHN")].as_json()["outlets"] == 2
        _, left = dyad_sql.aggregate(con, by="day", include_nonstate=True)
        assert left == {"year": 1, "week": 1, "month": 1, "none": 1}
        with dyad_sql.Dyads(con) as states_only, dyad_sql.Dyads(con, ordered=True) as ordered:
            with pytest.raises(ValueError, match="include_nonstate"):
                states_only.timeline("AUS", "PHL")
            with pytest.raises(ValueError, match="unordered"):
                ordered.network()
        with dyad_sql.Dyads(con, include_nonstate=True) as every:  # one grouping, several timelines
            for x, y in (("AUS", "PHL"), ("RUS", "UKR"), ("CHN", "RUS")):
                assert (
                    every.timeline(x, y, by="week").as_json()
                    == dyad_sql.timeline(con, None, x, y, by="week").as_json()
                )
        assert (
            con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'warta_%'").fetchone()[0]
            == 0
        )  # the temporary tables are gone
        [ooa] = [
            r for r in dyad_sql.aggregate(con, by="day", ordered=True)[0] if (r.a, r.b) == ("USA", "CHN")
        ]
        assert ooa.period == date(2023, 5, 5)
    finally:
        con.close()

"""The corpus-level merge: which stored events are one real-world event."""

from __future__ import annotations

from datetime import date, timedelta

from warta.merge import Dated, block_key, cluster, interval


def _d(eid: str, day: date | None, precision: str, block: str = "b", article: str = "a") -> Dated:
    return Dated(eid, block, day, precision, article)


def test_intervals() -> None:
    assert interval(date(2024, 4, 10), "week") == (date(2024, 4, 8), date(2024, 4, 14))
    assert interval(date(2024, 2, 1), "month") == (date(2024, 2, 1), date(2024, 2, 29))
    assert interval(date(2024, 4, 10), "on_or_before") == (date(2024, 4, 3), date(2024, 4, 10))
    assert interval(None, "day") is None


def test_an_undated_report_takes_the_day_another_report_states() -> None:
    # outlet A: "bertemu pada hari Kamis" (4 May); outlet B, published 6 May, gives no date
    groups = cluster(
        [_d("a", date(2023, 5, 4), "day"), _d("b", date(2023, 5, 6), "on_or_before", article="x")]
    )
    assert groups["a"] == groups["b"]


def test_two_days_are_two_events_and_an_undated_report_joins_the_nearer() -> None:
    groups = cluster(
        [
            _d("mon", date(2024, 4, 1), "day"),
            _d("thu", date(2024, 4, 4), "day"),
            _d("pub", date(2024, 4, 5), "on_or_before", article="x"),
        ]
    )
    assert groups["mon"] != groups["thu"]
    assert groups["pub"] == groups["thu"]


def test_an_old_report_window_does_not_reach_back() -> None:
    groups = cluster([_d("a", date(2023, 5, 4), "day"), _d("b", date(2023, 5, 20), "on_or_before")])
    assert groups["a"] != groups["b"]


def test_months_only_merge_with_the_same_month() -> None:
    groups = cluster(
        [
            _d("day", date(2023, 3, 21), "day"),
            _d("m1", date(2023, 3, 1), "month"),
            _d("m2", date(2023, 3, 1), "month"),
        ]
    )
    assert groups["m1"] == groups["m2"] != groups["day"]


def test_ramadan_is_its_own_lunar_month_not_the_calendar_month_it_starts_in() -> None:
    """ "bulan puasa" 1420 H is dated at 1 Ramadan, 9 December 1999, precision month (see time.yaml); it ran
    to 7 January 2000. It is not "Desember 1999"."""
    start = date(1999, 12, 9)
    assert interval(start, "month") == (start, date(2000, 1, 7))
    groups = cluster(
        [
            _d("r1", start, "month"),
            _d("r2", start, "month"),
            _d("december", date(1999, 12, 1), "month"),
        ]
    )
    assert groups["r1"] == groups["r2"] != groups["december"]


def test_blocks_never_mix_and_order_does_not_matter() -> None:
    evs = [
        _d("a", date(2023, 5, 4), "day", block="consult"),
        _d("b", date(2023, 5, 4), "day", block="accuse"),
        _d("c", date(2023, 5, 5), "on_or_before", block="consult"),
        _d("d", date(2023, 5, 1), "week", block="consult"),
    ]
    g1, g2 = cluster(evs), cluster(list(reversed(evs)))
    assert g1 == g2
    assert g1["a"] != g1["b"]
    assert g1["a"] == g1["c"] == g1["d"]


def test_undated_events_stay_in_their_article() -> None:
    groups = cluster([_d("a", None, "on_or_before", article="p"), _d("b", None, "on_or_before", article="q")])
    assert groups["a"] != groups["b"]


def test_block_key_direction() -> None:
    assert block_key("CONSULT", None, ["IDN"], ["JPN"], "asserted") == block_key(
        "CONSULT", None, ["JPN"], ["IDN"], "asserted"
    )
    assert block_key("ACCUSE", None, ["IDN"], ["JPN"], "asserted") != block_key(
        "ACCUSE", None, ["JPN"], ["IDN"], "asserted"
    )
    assert block_key("CONSULT", "visit", ["IDN"], ["JPN"], "asserted") != block_key(
        "CONSULT", "visit", ["JPN"], ["IDN"], "asserted"
    )
    assert block_key("CONSULT", None, ["IDN"], ["JPN"], "asserted") != block_key(
        "CONSULT", None, ["IDN"], ["JPN"], "intended"
    )


def test_store_merges_an_undated_report_into_the_dated_one(tmp_path) -> None:
    """Two outlets, two files, two batches: the second outlet's undated report joins the first's row."""
    from warta.export import merged_events
    from warta.pipeline import analyse
    from warta.records import Document
    from warta.store import Store

    dated = (
        "Kamis, 7 Maret 2024 | 09:10 WIB\nHANOI, KOMPAS.com - Menteri Luar Negeri Indonesia Retno Marsudi bertemu "
        "dengan Menteri Luar Negeri Vietnam Bui Thanh Son di Hanoi pada Rabu (6/3/2024). Keduanya membahas "
        "kerja sama perikanan dan batas laut di Laut Natuna Utara."
    )
    undated = (
        "Jumat, 8 Maret 2024 | 14:02 WIB\nHanoi (ANTARA) - Menlu Retno Marsudi bertemu dengan Menlu Vietnam Bui Thanh "
        "Son di Hanoi untuk membahas penangkapan ikan ilegal. Pertemuan itu berlangsung hangat, kata "
        "seorang diplomat."
    )
    docs = [
        Document(id=f"d{i}", origin=f"{name}.txt", text=t)
        for i, (name, t) in enumerate([("kompas", dated), ("antara", undated)])
    ]
    db = tmp_path / "m.duckdb"
    with Store(db) as st:
        st.write([analyse(docs[1])])
        st.write([analyse(docs[0])])  # the dated report arrives second: the merge is redone
        rows = [r for r in merged_events(st.con) if r["event"] == "CONSULT"]
    meeting = [r for r in rows if {r["source"][0]["code"], r["target"][0]["code"]} == {"IDN", "VNM"}]
    assert len(meeting) == 1, rows
    assert (meeting[0]["date"], meeting[0]["date_precision"], meeting[0]["num_documents"]) == (
        "2024-03-06",
        "day",
        2,
    )


def test_relays_and_independent_sources(pack, tmp_path) -> None:
    """Two outlets relaying one wire story are one independent source; a third with its own report is another."""
    from warta.export import merged_events
    from warta.pipeline import analyse
    from warta.records import Document
    from warta.relays import find_relays
    from warta.store import Store

    assert find_relays("seperti dilansir kantor berita Reuters, Senin (4/3).", pack) == ["Reuters"]
    assert find_relays("menurut Kementerian Luar Negeri China", pack) == []

    def story(outlet: str, relay: str, extra: str) -> str:
        return (
            f"Jumat, 8 Maret 2024 | 10:00 WIB\nJAKARTA, {outlet} - {relay}Korea Utara menembakkan rudal "
            f"balistik ke arah Jepang pada Kamis (7/3/2024). Jepang mengecam Korea Utara atas peluncuran "
            f"itu. {extra}"
        )

    texts = {
        "a.txt": story("KOMPAS.com", "Mengutip Reuters, ", "Seoul menyebut rudal itu jatuh di laut."),
        "b.txt": story(
            "DETIKCOM", "Dilansir Reuters, ", "Tokyo memanggil duta besar untuk membahas insiden."
        ),
        "c.txt": story("TEMPO.CO", "", "Kantor Perdana Menteri Jepang menggelar rapat darurat keamanan."),
    }
    docs = [Document(id=name, origin=name, text=t) for name, t in texts.items()]
    with Store(tmp_path / "r.duckdb") as st:
        st.write([analyse(d) for d in docs])
        rows = [r for r in merged_events(st.con) if r["event"] == "ACCUSE"]
        relays = dict(st.con.execute("SELECT origin, relays FROM articles").fetchall())
    assert relays["a.txt"] == ["Reuters"] and relays["c.txt"] == []
    (row,) = [r for r in rows if r["source"][0]["code"] == "JPN" and r["target"][0]["code"] == "PRK"]
    assert (row["num_documents"], row["sources_independent"]) == (3, 2)


def test_deferred_merge_equals_merging_every_batch(tmp_path) -> None:
    """A run stores batches unmerged (readers see each event as its own row) and merges the blocks they
    touched later; the result is the same as merging at every batch, in any order of the batches."""
    from warta.export import merged_events
    from warta.pipeline import analyse
    from warta.records import Document
    from warta.store import Store
    from warta.synthetic import corpus

    docs = [
        Document(id=f"d{i}", origin=name, text=text) for i, (name, text, _) in enumerate(corpus(60, seed=9))
    ]
    analyses = [analyse(d) for d in docs]

    def export(db) -> list[dict]:
        with Store(db, read_only=True) as st:
            return sorted(merged_events(st.con), key=lambda r: r["id"])

    with Store(tmp_path / "now.duckdb") as st:
        for i in range(0, 60, 15):
            st.write(analyses[i : i + 15])
            # each batch re-reads only the runs its events fall in: the keys are those of merging all again
            stored = st.con.execute(
                "SELECT id, block_key, date, date_precision, article_id, merge_key FROM events"
            ).fetchall()
            assert {r[0]: r[5] for r in stored} == cluster(Dated._make(r[:5]) for r in stored)
    with Store(tmp_path / "later.duckdb") as st:
        for i in reversed(range(0, 60, 15)):
            st.write(analyses[i : i + 15], merge_now=False)
        unmerged = st.con.execute("SELECT count(*) FROM events WHERE merge_key IS NULL").fetchone()[0]
        rows_before = len(list(merged_events(st.con)))
        assert (
            unmerged > 0
            and rows_before == st.con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0]
        )
        assert st.merge_pending() > 0
        assert st.merge_pending() == 0  # nothing left
    now, later = export(tmp_path / "now.duckdb"), export(tmp_path / "later.duckdb")
    assert now == later and len(later) < rows_before
    # in slices of 2 events (a block of more is a slice of its own), and written back 5
    # changed keys at a time (many transactions): the same keys
    with Store(tmp_path / "sliced.duckdb") as st:
        st.MERGE_CHUNK, st.MERGE_FLUSH = 2, 5
        for i in range(0, 60, 15):
            st.write(analyses[i : i + 15], merge_now=False)
        biggest = st.con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM events GROUP BY block_key)")
        assert biggest.fetchone()[0] > 2
        assert st.merge_pending() > 0
        assert st.con.execute("SELECT count(*) FROM events WHERE merge_key IS NULL").fetchone()[0] == 0
        assert not st.con.execute(
            "SELECT * FROM duckdb_tables() WHERE table_name = 'warta_merging'"
        ).fetchall()
    assert export(tmp_path / "sliced.duckdb") == later


def test_a_merge_out_of_memory_is_one_line_and_the_next_run_merges_the_rest(tmp_path, monkeypatch) -> None:
    import duckdb
    import pytest

    from warta.pipeline import analyse
    from warta.records import Document
    from warta.store import Store, StoreError
    from warta.synthetic import corpus

    docs = [Document(id=f"d{i}", origin=n, text=t) for i, (n, t, _) in enumerate(corpus(20, seed=4))]
    with Store(tmp_path / "o.duckdb") as st:
        st.write([analyse(d) for d in docs], merge_now=False)
        stored = st.counts()

        def no_memory() -> None:
            raise duckdb.OutOfMemoryException(
                "Out of Memory Error: could not allocate block of size 256.0 KiB"
            )

        with monkeypatch.context() as m:
            m.setattr(st, "_flush_merge_keys", no_memory)
            with pytest.raises(StoreError, match="WARTA_DB_MEMORY") as info:
                st.merge_pending()
        assert "\n" not in str(info.value) and st.counts() == stored
        assert st.con.execute("SELECT count(*) FROM events WHERE merge_key IS NULL").fetchone()[0] > 0
        assert st.merge_pending() > 0  # the next try merges them
        assert st.con.execute("SELECT count(*) FROM events WHERE merge_key IS NULL").fetchone()[0] == 0


def _remerged(events: list[Dated], new_ids: set[str], blocks: list[str]) -> set[str]:
    """The ids :func:`warta.merge.runs_sql` picks among ``events`` (``new_ids`` have no merge key yet)."""
    import duckdb

    from warta.merge import runs_sql

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE ev (id VARCHAR, block_key VARCHAR, date DATE, date_precision VARCHAR, article_id VARCHAR, "
        "merge_key VARCHAR)"
    )
    con.executemany(
        "INSERT INTO ev VALUES (?, ?, ?, ?, ?, ?)",
        [(*e, None if e.id in new_ids else "k") for e in events],
    )
    query = runs_sql("ev WHERE block_key IN (SELECT unnest($1))")
    return {r[0] for r in con.execute(query, [blocks]).fetchall()}


def test_the_sql_periods_are_the_merges_intervals() -> None:
    import duckdb

    from warta.merge import interval_sql

    con = duckdb.connect()
    lo, hi = interval_sql("d", "p")
    start = date(2023, 12, 1)
    for p in ["day", "week", "month", "year", "on_or_before", "on_or_after", "none"]:
        days = [start + timedelta(days=k) for k in range(0, 800, 3)] + [date(2024, 2, 1), date(2024, 2, 29)]
        got = con.execute(
            f"SELECT d, {lo}, {hi} FROM (SELECT unnest(?) AS d, ? AS p) ORDER BY d",  # noqa: S608
            [days, p],
        ).fetchall()
        assert [(lo_, hi_) for _, lo_, hi_ in got] == [interval(d, p) for d in sorted(days)], p


def test_runs_are_the_chains_of_overlapping_periods_that_hold_new_events() -> None:
    d = date
    events = [
        _d("apr1", d(2024, 4, 1), "day"),
        _d("pub5", d(2024, 4, 5), "on_or_before"),  # 29 Mar - 5 Apr: chains 1 April to 4 April
        _d("apr4", d(2024, 4, 4), "day"),
        _d("apr6", d(2024, 4, 6), "day"),  # the day after the run's last: a run of its own
        _d("april", d(2024, 4, 1), "month"),  # all April, but a month only merges with April itself
        _d("week", d(2024, 6, 3), "week"),
        _d("other", d(2024, 4, 4), "day", block="c"),  # another block
        _d("undated", None, "none", article="x"),
        _d("undated2", None, "none", article="y"),
    ]
    assert _remerged(events, {"apr4"}, ["b", "c"]) == {"apr1", "pub5", "apr4"}
    # a new April report re-reads April, and nothing else; a new undated one its article's undated ones
    assert _remerged(events, {"april"}, ["b"]) == {"april"}
    assert _remerged(events, {"undated2"}, ["b"]) == {"undated2"}
    assert _remerged(events, {"other"}, ["b"]) == set()  # only the blocks asked for
    assert _remerged(events, set(), ["b", "c"]) == set()


_PRECISIONS = ["day", "day", "week", "on_or_before", "on_or_after", "month", "year", None]


def _events_strategy():  # type: ignore[no-untyped-def]
    from hypothesis import strategies as st

    one = st.tuples(
        st.sampled_from(["b1", "b2"]),
        st.integers(0, 90),  # days after 20 Dec 2023: the periods cross a month and a year
        st.sampled_from(_PRECISIONS),
        st.sampled_from(["a1", "a2", "a3"]),
    )
    return st.lists(one, min_size=1, max_size=40)


def _as_dated(raw, start: int = 0) -> list[Dated]:  # type: ignore[no-untyped-def]
    out = []
    for k, (block, offset, precision, article) in enumerate(raw):
        day = None if precision is None else date(2023, 12, 20) + timedelta(days=offset)
        out.append(Dated(f"e{start + k:03d}", block, day, precision or "none", article))
    return out


def test_re_merging_only_the_runs_new_events_fall_in_gives_the_whole_blocks_merge() -> None:
    """What ``Store`` does on a new batch (re-cluster only what :func:`warta.merge.runs_sql` picks, keep
    every other key) gives the keys of clustering every event again, whatever the events stored before and
    the ones that come."""
    from hypothesis import given, settings

    @settings(max_examples=200, deadline=None)
    @given(_events_strategy(), _events_strategy())
    def check(old_raw, new_raw) -> None:  # type: ignore[no-untyped-def]
        old = _as_dated(old_raw)
        new = _as_dated(new_raw, start=len(old))
        keys = cluster(old)
        every = old + new
        new_ids = {e.id for e in new}
        picked = _remerged(every, new_ids, sorted({e.block for e in new}))
        assert new_ids <= picked
        keys.update(cluster(e for e in every if e.id in picked))
        assert keys == cluster(every)

    check()

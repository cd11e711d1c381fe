"""The corpus-level merge: which stored events are one real-world event."""

from __future__ import annotations

from datetime import date

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
    # in slices of 3 events, so that blocks are cut and carried into the next slice, and written back 5
    # changed keys at a time (many transactions): the same keys
    with Store(tmp_path / "sliced.duckdb") as st:
        st.MERGE_CHUNK, st.MERGE_FLUSH = 3, 5
        for i in range(0, 60, 15):
            st.write(analyses[i : i + 15], merge_now=False)
        biggest = st.con.execute("SELECT max(n) FROM (SELECT count(*) AS n FROM events GROUP BY block_key)")
        assert biggest.fetchone()[0] > 3
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

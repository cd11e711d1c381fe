"""End to end through a real DuckDB file: analyse, store, re-run, export, validate the contract."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from warta.cli import app
from warta.export import merged_events
from warta.pipeline import analyse
from warta.sources import read
from warta.store import Store, StoreError

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/warta/schema/event.schema.json").read_text())

ARTICLE = """Indonesia dan Australia Sepakat Perkuat Patroli Bersama
Ilustrasi/Net
Kamis, 7 Maret 2024 | 10:15 WIB
JAKARTA, KOMPAS.com - Menteri Luar Negeri Indonesia Retno Marsudi bertemu dengan Menteri Luar Negeri Australia Penny Wong di Jakarta pada Rabu (6/3/2024).
Baca Juga: Harga Beras Naik Lagi di Pasar Induk
Kedua menteri membahas kerja sama maritim dan keamanan kawasan Indo-Pasifik dalam pertemuan tersebut.
Retno mengatakan Indonesia mendukung upaya Australia memperkuat patroli bersama di Laut Timor.
Sementara itu, China mengecam latihan militer gabungan yang digelar Amerika Serikat dan Filipina pekan lalu.
Jakarta tidak mengecam langkah Canberra tersebut.
Advertisement
"""

SYNDICATED = (
    ARTICLE.replace("JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -")
    .replace("Kamis, 7 Maret 2024 | 10:15 WIB", "Kamis, 7 Maret 2024 | 11:02 WIB")
    .replace("Baca Juga: Harga Beras Naik Lagi di Pasar Induk", "Simak juga: Cuaca Ekstrem Melanda Jawa")
)


def _write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kompas.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "liputan6.txt").write_text(SYNDICATED, encoding="utf-8")
    (folder / "copy-of-kompas.txt").write_text(ARTICLE + "\n\nBagikan :\n", encoding="utf-8")
    (folder / "english.txt").write_text(
        "The foreign ministers of Indonesia and Australia met in Jakarta on Wednesday to discuss maritime "
        "security and joint patrols in the Timor Sea, officials said.",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")


def _analyse_all(folder: Path, db: Path):
    analyses = []
    for p in sorted(folder.iterdir()):
        for d in read(p):
            if not isinstance(d, Exception) and hasattr(d, "text"):
                analyses.append(analyse(d))
    with Store(db) as st:
        return st.write(analyses), st.counts()


def test_idempotent_and_duplicates_linked(tmp_path: Path) -> None:
    _write(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    stats, counts = _analyse_all(tmp_path / "in", db)
    assert stats.stored == 2  # kompas + syndicated copy (english is skipped, the exact copy linked)
    assert stats.duplicates == 1
    assert stats.near_duplicates == 1
    assert stats.skipped == 1 and "not Indonesian" in " ".join(stats.reasons)
    again, counts2 = _analyse_all(tmp_path / "in", db)
    assert again.stored == 0 and again.unchanged == 3
    assert counts2 == counts
    con = duckdb.connect(str(db), read_only=True)
    dup = con.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    assert dup == 1
    con.close()


def test_near_duplicates_across_batches_runs_and_a_failed_batch(tmp_path: Path, monkeypatch) -> None:
    """The writer keeps no signatures between batches (they are fetched back from the database); a copy
    still finds its original from an earlier batch or run, and a batch that fails leaves nothing behind,
    in the database or in the index."""
    from warta.records import Document

    def one(name: str, text: str):
        return analyse(Document(id=name, origin=f"{name}.txt", text=text))

    db = tmp_path / "n.duckdb"
    third = SYNDICATED.replace("Liputan6.com, Jakarta -", "JAKARTA, detikNews -")
    with Store(db) as st:
        assert st.write([one("kompas", ARTICLE)]).stored == 1
        assert st._near_index()._sigs == {}
        boom = RuntimeError("disk full")

        def fail(*_a, **_k):
            raise boom

        with monkeypatch.context() as m:
            m.setattr(st, "_insert", fail)
            with pytest.raises(RuntimeError):
                st.write([one("liputan6", SYNDICATED)])
        assert st._near_index()._sigs == {} and len(st._near_index()) == 1
        stats = st.write([one("detik", third)])
        assert stats.stored == 1 and stats.near_duplicates == 1
    with Store(db) as st:  # a new run: the index is rebuilt from the database
        assert st.write([one("liputan6", SYNDICATED)]).near_duplicates == 1
        dup = dict(st.con.execute("SELECT origin, duplicate_of FROM articles").fetchall())
        kompas = st.con.execute("SELECT id FROM articles WHERE origin = 'kompas.txt'").fetchone()[0]
    assert dup == {"kompas.txt": None, "detik.txt": kompas, "liputan6.txt": kompas}


def test_export_validates_and_merges_syndicated_copies(tmp_path: Path) -> None:
    _write(tmp_path / "in")
    db = tmp_path / "w.duckdb"
    _analyse_all(tmp_path / "in", db)
    con = duckdb.connect(str(db), read_only=True)
    records = list(merged_events(con))
    con.close()
    assert records, "the sample article codes no event"
    for rec in records:
        jsonschema.validate(rec, SCHEMA)
    meet = [
        r
        for r in records
        if r["event"] == "CONSULT" and {a["code"] for a in r["source"] + r["target"]} == {"IDN", "AUS"}
    ]
    assert meet, records
    assert meet[0]["date"] == "2024-03-06"
    assert meet[0]["num_documents"] == 2 and meet[0]["sources_independent"] == 1
    # the negated condemnation is not exported; the asserted one is
    accuse = [r for r in records if r["event"] in {"ACCUSE", "PROTEST"}]
    assert all(r["source"][0]["code"] != "IDN" for r in accuse)
    assert any(r["source"][0]["code"] == "CHN" for r in accuse)


def test_cli_analyze_export_and_exit_status(tmp_path: Path) -> None:
    _write(tmp_path / "in")
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    res = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--db", str(db)])
    assert res.exit_code == 1  # the English and the empty file failed
    assert "english.txt: not Indonesian" in res.output
    assert "empty.txt: empty file" in res.output
    res2 = runner.invoke(app, ["analyze", str(tmp_path / "in" / "kompas.txt"), "--db", str(db)])
    assert res2.exit_code == 0
    out = tmp_path / "events.jsonl"
    res3 = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert res3.exit_code == 0, res3.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert rows
    for fmt, name in (("csv", "e.csv"), ("parquet", "e.parquet")):
        r = runner.invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(tmp_path / name)])
        assert r.exit_code == 0, r.output
        assert (tmp_path / name).stat().st_size > 0
    r = runner.invoke(app, ["events", "--db", str(db), "--actor", "IDN", "--format", "jsonl"])
    assert r.exit_code == 0 and all("IDN" in line for line in r.output.splitlines())
    r = runner.invoke(app, ["events", "--db", str(db), "--since", "2024-13-01"])
    assert r.exit_code == 2 and "not a date" in r.output
    r = runner.invoke(app, ["articles", "--db", str(db), "--format", "jsonl"])
    arts = [json.loads(line) for line in r.output.splitlines()]
    assert {a["outlet"] for a in arts} == {"Kompas", "Liputan6"}
    assert all(a["published"] == "2024-03-07" for a in arts)


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["events", "--db", str(tmp_path / "nope.duckdb")])
    assert r.exit_code == 2 and "no such database" in r.output


@pytest.mark.parametrize("bad", ["not a database at all", ""])
def test_corrupt_database_is_reported(tmp_path: Path, bad: str) -> None:
    db = tmp_path / "bad.duckdb"
    db.write_text(bad + "x" * 5000)
    r = CliRunner().invoke(app, ["analyze", str(tmp_path), "--db", str(db)])
    assert r.exit_code == 2


def test_timex_and_actors_commands(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(
        app, ["timex", "--dct", "2024-04-10", "-"], input="Mereka bertemu pada Selasa (9 April) lalu."
    )
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output.splitlines()[0])
    assert (
        rec["value"] == "2024-04-09" and rec["text"] == "Selasa (9 April) lalu"
    )  # the relative word belongs to it
    text = "Mereka bertemu pada Selasa (9 April) lalu."
    assert text[rec["start"] : rec["end"]] == rec["text"]
    _write(tmp_path / "in")
    db = tmp_path / "a.duckdb"
    runner.invoke(app, ["analyze", str(tmp_path / "in"), "--db", str(db)])
    r = runner.invoke(app, ["actors", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert {"IDN", "AUS", "CHN"} <= {row["code"] for row in rows}
    assert any(row["name"] == "Retno Marsudi" and row["sector"] == "GOV" for row in rows)


def test_writer_and_reader_database_settings(tmp_path: Path, monkeypatch) -> None:
    """The writer runs DuckDB on one thread with a 64 MB buffer pool (the cores and the memory belong to
    the analysis workers); readers get more; both can be set, and a bad setting is one clear line."""
    db = tmp_path / "s.duckdb"

    def settings(st: Store) -> tuple[int, str]:
        threads, limit = st.con.execute(
            "SELECT current_setting('threads'), current_setting('memory_limit')"
        ).fetchone()
        return int(threads), limit

    with Store(db) as st:
        threads, limit = settings(st)
        assert (threads, limit) == (1, "61.0 MiB")  # DuckDB shows 64 MB in MiB
    with Store(db, read_only=True) as st:
        assert settings(st)[1] == "488.2 MiB"  # 512 MB: an export sorts every event of the filter
    monkeypatch.setenv("WARTA_DB_THREADS", "2")
    monkeypatch.setenv("WARTA_DB_MEMORY", "200MB")
    with Store(db) as st:
        assert settings(st) == (2, "190.7 MiB")
    runner = CliRunner()
    for var, value, said in (
        ("WARTA_DB_THREADS", "dua", "number of threads"),
        ("WARTA_DB_MEMORY", "lots", "64MB"),
    ):
        monkeypatch.setenv(var, value)
        res = runner.invoke(app, ["events", "--db", str(db)])
        assert res.exit_code != 0 and said in res.output and "Traceback" not in res.output, res.output
        monkeypatch.delenv(var)


def test_the_writers_memory_grows_with_its_key_indexes(tmp_path: Path, monkeypatch) -> None:
    """DuckDB reads the primary keys' indexes into memory on every insert: a fixed 64 MB ran out at a million
    articles. The writer's limit follows the documents and articles stored, unless WARTA_DB_MEMORY says."""
    from warta.store import writer_memory_mb

    assert (
        writer_memory_mb(0) == 64 and writer_memory_mb(200_000) == 76 and writer_memory_mb(2_000_000) == 186
    )
    db = tmp_path / "k.duckdb"
    with Store(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO documents (id, status) SELECT 'd' || i, 'stored' FROM range(150000) t(i)")
    con.execute(
        "INSERT INTO articles (id, document_id, text) SELECT 'a' || i, 'd' || i, '' FROM range(150000) t(i)"
    )
    con.close()

    def limit(con) -> str:
        return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]

    probe = duckdb.connect(":memory:", config={"memory_limit": f"{writer_memory_mb(300_000)}MB"})
    want = limit(probe)
    probe.close()
    with Store(db, share=True) as st:
        assert limit(st.con) == want
        st.HOLD = 0.0
        st.release()  # a connection made anew gets it again
        assert st._con is None and limit(st.con) == want
    monkeypatch.setenv("WARTA_DB_MEMORY", "64MB")
    with Store(db) as st:
        assert limit(st.con) == "61.0 MiB"


def test_a_writer_out_of_memory_stops_with_one_line_and_keeps_what_was_stored(
    tmp_path: Path, monkeypatch
) -> None:
    from warta.records import Document

    db = tmp_path / "m.duckdb"
    first, second = (
        analyse(Document(id=n, origin=f"{n}.txt", text=t)) for n, t in [("a", ARTICLE), ("b", SYNDICATED)]
    )
    with Store(db) as st:
        st.write([first])
        before = st.counts()

        def no_memory(*args, **kwargs):
            raise duckdb.OutOfMemoryException(
                "Out of Memory Error: could not allocate block of size 256.0 KiB"
            )

        monkeypatch.setattr(st, "_insert", no_memory)
        with pytest.raises(StoreError, match="WARTA_DB_MEMORY") as info:
            st.write([second])
        assert "\n" not in str(info.value)
        assert st.counts() == before


@pytest.mark.parametrize("same_batch", [True, False])
def test_a_syndicated_copys_events_dated_by_its_own_day_take_the_originals(
    tmp_path: Path, same_batch: bool
) -> None:
    """A copy published a day later reports the original's story: events the copy dates only by its own
    publication day are stored with the original's, so that the merge joins them; the others keep theirs."""
    from warta.records import Document

    later = SYNDICATED.replace("Kamis, 7 Maret 2024 | 11:02 WIB", "Jumat, 8 Maret 2024 | 09:00 WIB")
    original, copy = (
        analyse(Document(id=n, origin=f"{n}.txt", text=t)) for n, t in [("a", ARTICLE), ("b", later)]
    )
    assert copy.article.published.isoformat() == "2024-03-08"
    own = sorted((e.event, e.date.isoformat(), e.date_source) for e in copy.events)
    assert any(s == "publication" for _, _, s in own) and any(s == "timex" for _, _, s in own)
    with Store(tmp_path / "w.duckdb") as st:
        if same_batch:
            assert st.write([original, copy]).near_duplicates == 1
        else:
            st.write([original])
            assert st.write([copy]).near_duplicates == 1
        stored = st.con.execute(
            "SELECT e.event, CAST(e.date AS VARCHAR), e.date_source FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE a.origin = 'b.txt' ORDER BY ALL"
        ).fetchall()
    expected = sorted((ev, "2024-03-07" if src == "publication" else day, src) for ev, day, src in own)
    assert sorted(stored) == expected


def test_id_lookups_in_parts(tmp_path: Path, monkeypatch) -> None:
    """The writer looks ids up by lists of placeholders (the primary keys' indexes), ``ID_LIST`` at a time:
    a batch longer than that is looked up, fetched and replaced part by part with the same answers."""
    from warta import store as store_mod
    from warta.records import Document

    monkeypatch.setattr(store_mod, "ID_LIST", 2)
    texts = {f"d{i}": ARTICLE.replace("Laut Timor", f"Laut Timor bagian {i}") for i in range(5)}
    docs = [Document(id=k, origin=f"{k}.txt", text=t) for k, t in texts.items()]
    bad = Document(id="bad", origin="bad.txt", text="Hello there, this is an English page only.")
    db = tmp_path / "p.duckdb"
    with Store(db) as st:
        stats = st.write([analyse(d) for d in [*docs, bad]])
        assert stats.stored == 5 and stats.skipped == 1
        ids = [*texts, "bad", "nope"]
        assert st.known_documents(ids) == set(texts)  # a skipped document is tried again
        arts = [r[0] for r in st.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
        assert st._stored_articles([*arts, "x", "y"]) == set(arts)
        assert set(st._signatures(arts)) == set(arts)
        fixed = Document(id="bad", origin="bad.txt", text=ARTICLE.replace("Laut Timor", "Laut Arafura"))
        again = st.write([analyse(d) for d in [*docs[:3], fixed]])
        assert again.unchanged == 3 and again.stored == 1
        rows = st.con.execute("SELECT id, status FROM documents ORDER BY id").fetchall()
    assert [r[0] for r in rows] == sorted([*texts, "bad"]) and {r[1] for r in rows} == {"stored"}

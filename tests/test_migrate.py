"""Schema version 4: a sentence's text is read from its article (the `sentences` view over `sentence_spans`),
and a writer moves a version-3 database, which stored it twice, on to version 4 in place."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from conftest import SAMPLES, dump_tables
from typer.testing import CliRunner

from warta import SCHEMA_VERSION, store
from warta.cli import app
from warta.pipeline import analyse
from warta.sources import read
from warta.store import Store, StoreError, compact

TABLES = ("documents", "articles", "sentences", "mentions", "timexes", "events", "quotes")
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def analysed(samples_db: Path) -> Path:
    return samples_db  # read only: every test that writes works on a copy


def _as_version_3(v4: Path, out: Path, *, odd_text: str | None = None) -> Path:
    """A copy of a version-4 database in version 3's layout: `sentences` a table with each text stored.
    ``odd_text``: one sentence stores this text instead of its slice of the article."""
    shutil.copy(v4, out)
    con = duckdb.connect(str(out))
    try:
        con.execute("CREATE TABLE sentences_v3 AS SELECT * FROM sentences")
        con.execute("DROP VIEW sentences")
        con.execute("DROP TABLE sentence_spans")
        con.execute("ALTER TABLE sentences_v3 RENAME TO sentences")
        if odd_text is not None:
            con.execute(
                "UPDATE sentences SET text = ? WHERE rowid = (SELECT min(rowid) FROM sentences)", [odd_text]
            )
        con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return out


def test_a_sentences_text_is_its_articles_slice_and_is_not_stored_twice(analysed: Path) -> None:
    con = duckdb.connect(str(analysed), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
        n, own = con.execute("SELECT count(*), count(own_text) FROM sentence_spans").fetchone()
        assert n > 100 and own == 0
        # the view's text is the article's text between the offsets, for every sentence
        bad = con.execute(
            "SELECT count(*) FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE s.text IS NULL OR s.text <> a.text[s.start + 1 : s.end]"
        ).fetchone()[0]
        assert bad == 0
        assert con.execute("SELECT count(*) FROM sentences").fetchone()[0] == n
    finally:
        con.close()


def test_the_view_reads_back_what_the_pipeline_split(tmp_path: Path) -> None:
    """The text of each sentence in the database is the pipeline's, also where the article holds characters
    outside the Basic Multilingual Plane (DuckDB and Python count characters alike)."""
    src = tmp_path / "emoji.txt"
    src.write_text(
        "Menlu Retno bertemu Menlu Jepang 🇯🇵 di Tokyo, Senin (2/12). Keduanya sepakat 🤝 memperkuat "
        "kerja sama maritim.\n\nIndonesia mendukung rencana itu, kata juru bicara Kemlu 😀.",
        encoding="utf-8",
    )
    [doc] = list(read(src))
    an = analyse(doc, today=TODAY)
    db = tmp_path / "e.duckdb"
    with Store(db) as st:
        st.write([an])
        got = st.con.execute("SELECT idx, text FROM sentences ORDER BY idx").fetchall()
    assert got == [(s.index, s.text) for s in an.sentences]
    assert any(ord(c) > 0xFFFF for _, t in got for c in t)


def test_a_sentence_that_is_not_its_slice_keeps_its_own_text(tmp_path: Path) -> None:
    [doc] = list(read(SAMPLES / sorted(p.name for p in SAMPLES.iterdir() if p.suffix == ".txt")[0]))
    an = analyse(doc, today=TODAY)
    first = an.sentences[0]
    an = replace(an, sentences=[replace(first, text="Bukan potongan artikel."), *an.sentences[1:]])
    with Store(tmp_path / "o.duckdb") as st:
        st.write([an])
        assert st.con.execute("SELECT own_text FROM sentence_spans WHERE idx = 0").fetchone()[0] == (
            "Bukan potongan artikel."
        )
        got = st.con.execute("SELECT text FROM sentences ORDER BY idx").fetchall()
    assert [t for (t,) in got] == [s.text for s in an.sentences]


def test_a_writer_moves_a_version_3_database_on_in_place(analysed: Path, tmp_path: Path) -> None:
    v3 = _as_version_3(analysed, tmp_path / "v3.duckdb", odd_text="Teks yang disimpan apa adanya.")
    before = dump_tables(v3, TABLES)
    res = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(v3), "--workers", "1"])
    assert res.exit_code == 0, res.output
    assert "moved from schema version 3 to 4" in res.output
    assert dump_tables(v3, TABLES) == before  # every row kept, the sentences' text too; nothing added
    con = duckdb.connect(str(v3), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == "4"
        assert con.execute("SELECT count(own_text) FROM sentence_spans").fetchone()[0] == 1
        kinds = dict(
            con.execute(
                "SELECT table_name, table_type FROM information_schema.tables "
                "WHERE table_name IN ('sentences', 'sentence_spans')"
            ).fetchall()
        )
    finally:
        con.close()
    assert kinds == {"sentences": "VIEW", "sentence_spans": "BASE TABLE"}
    # once moved on, the next writer has nothing to say
    again = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(v3), "--workers", "1"])
    assert again.exit_code == 0 and "schema version" not in again.output


def test_the_move_goes_a_slice_of_sentences_at_a_time_and_keeps_their_order(
    analysed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Slices smaller than an article (7 sentences), so that an article's sentences fall in two: every row is
    kept, each with its own text only where it had one, in the order the version-3 table had them."""
    monkeypatch.setattr(store, "_V3_CHUNK", 7)
    v3 = _as_version_3(analysed, tmp_path / "v3.duckdb", odd_text="Teks yang disimpan apa adanya.")
    con = duckdb.connect(str(v3), read_only=True)
    spans = 'SELECT article_id, idx, start, "end", paragraph FROM {} ORDER BY rowid'
    old = con.execute(spans.format("sentences")).fetchall()
    con.close()
    assert len(old) > 7 * 20
    before = dump_tables(v3, TABLES)
    with Store(v3) as st:
        assert st.migrated_from == 3
        assert st.con.execute(spans.format("sentence_spans")).fetchall() == old
        assert st.con.execute("SELECT count(own_text) FROM sentence_spans").fetchone()[0] == 1
    assert dump_tables(v3, TABLES) == before


def test_compact_moves_a_version_3_database_on_and_gives_the_space_back(
    analysed: Path, tmp_path: Path
) -> None:
    v3 = _as_version_3(analysed, tmp_path / "v3.duckdb")
    before, size = dump_tables(v3, TABLES), v3.stat().st_size
    _, after = compact(v3)
    assert dump_tables(v3, TABLES) == before
    assert after < size


def test_an_older_or_newer_version_is_refused_and_left_as_it_was(analysed: Path, tmp_path: Path) -> None:
    for version in ("2", str(SCHEMA_VERSION + 1)):
        db = tmp_path / f"v{version}.duckdb"
        shutil.copy(analysed, db)
        con = duckdb.connect(str(db))
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
        con.close()
        before = dump_tables(db, TABLES)
        with pytest.raises(StoreError, match=f"schema version {version}"):
            Store(db)
        with pytest.raises(StoreError, match="cannot compact"):
            compact(db)
        assert dump_tables(db, TABLES) == before


def test_the_dashboards_evidence_reads_either_layout_alike(analysed: Path, tmp_path: Path) -> None:
    """A reader does not move a database on: the evidence of a version-3 file reads its sentences table."""
    from warta.export import merged_events
    from warta.web.data import with_evidence

    v3 = _as_version_3(analysed, tmp_path / "v3.duckdb")
    got = []
    for db in (analysed, v3):
        con = duckdb.connect(str(db), read_only=True)
        try:
            got.append(with_evidence(con, list(merged_events(con))))
        finally:
            con.close()
    assert got[0] == got[1]
    texts = [ev["sentence_text"] for r in got[0] for ev in r["evidence"]]
    assert texts and all(texts)

"""warta.rows: an analysis as the rows the writer stores, in each table's column order."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import SAMPLES, dump_tables

from warta import rows
from warta.pipeline import analyse
from warta.records import Analysis, Document
from warta.sources import read
from warta.store import Store


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    docs = [d for p in sorted(SAMPLES.iterdir()) for d in read(p) if isinstance(d, Document)]
    return [analyse(d) for d in docs]


def _named(names: list[str], row: tuple) -> dict:
    assert len(row) == len(names)
    return dict(zip(names, row, strict=True))


def test_each_row_holds_its_records_fields_under_the_tables_column_names(analyses: list[Analysis]) -> None:
    assert any(an.events for an in analyses) and any(an.quotes for an in analyses)
    for an in analyses:
        r = rows.of(an)
        assert (r.document, r.error, list(r.warnings), r.minhash) == (
            an.document,
            an.error,
            an.warnings,
            an.minhash,
        )
        if an.article is None:
            assert r.article is None and not (r.sentences or r.mentions or r.events)
            continue
        art = _named(rows.ARTICLE, r.article)
        assert art["relays"] == list(an.article.relays)
        assert all(art[k] == getattr(an.article, k) for k in rows.ARTICLE if k != "relays")
        for s, row in zip(an.sentences, r.sentences, strict=True):
            got = _named(rows.SENTENCE, row)
            assert got == {
                "idx": s.index,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "own_text": None,  # the pipeline's sentences are slices of the article: the view reads them
            }
            assert an.article.text[s.start : s.end] == s.text
        for m, row in zip(an.mentions, r.mentions, strict=True):
            assert _named(rows.MENTION, row) == {k: getattr(m, k) for k in rows.MENTION}
        for t, row in zip(an.timexes, r.timexes, strict=True):
            assert _named(rows.TIMEX, row) == {k: getattr(t, k) for k in rows.TIMEX}
        ids = [rows.event_id(an.article.id, e) for e in an.events]
        assert len(r.events) == len(set(ids))
        for row in r.events:
            got = _named(rows.EVENT, row)
            ev = an.events[ids.index(got["id"])]  # the first event of that id
            assert got["block_key"] == rows.block_key(ev)
            assert got["source_codes"] == [a.code for a in ev.source]
            assert got["target_codes"] == [a.code for a in ev.target]
            plain = set(rows.EVENT) - {"id", "block_key", "source", "target", "source_codes", "target_codes"}
            plain -= {"location", "speaker"}
            assert all(got[k] == getattr(ev, k) for k in plain)
        for q, row in zip(an.quotes, r.quotes, strict=True):
            got = _named(rows.QUOTE, row)
            assert got["speaker_code"] == (q.speaker.code if q.speaker else None)
            assert all(got[k] == getattr(q, k) for k in rows.QUOTE if not k.startswith("speaker"))


def test_an_event_coded_twice_in_one_article_is_one_row(analyses: list[Analysis]) -> None:
    an = next(a for a in analyses if len(a.events) >= 2)
    first, second = an.events[:2]
    twice = replace(an, events=[first, second, first, replace(first, goldstein=first.goldstein + 1)])
    got = [row[rows.EVENT.index("goldstein")] for row in rows.of(twice).events]
    assert got == [first.goldstein, second.goldstein]  # the first of an id is kept


def test_the_columns_are_the_databases_and_rows_pickle_smaller(tmp_path: Path, analyses) -> None:
    with Store(tmp_path / "w.duckdb") as st:
        for table, names in [
            ("articles", rows.ARTICLE),
            ("sentence_spans", rows.SENTENCE),
            ("mentions", rows.MENTION),
            ("timexes", rows.TIMEX),
            ("events", rows.EVENT),
            ("quotes", rows.QUOTE),
        ]:
            described = {c[0] for c in st.con.execute(f"DESCRIBE {table}").fetchall()}
            assert set(names) <= described, table
            assert len(set(names)) == len(names)
    assert rows.columns(rows.TIMEX, []) == {k: [] for k in rows.TIMEX}
    wire = [rows.of(an) for an in analyses]
    assert pickle.loads(pickle.dumps(wire)) == wire
    assert len(pickle.dumps(wire)) < len(pickle.dumps(analyses))


def test_writing_rows_or_analyses_stores_the_same(tmp_path: Path, analyses: list[Analysis]) -> None:
    def dump(db: Path) -> dict[str, list]:
        tables = ("documents", "articles", "sentences", "mentions", "timexes", "events", "quotes")
        return dump_tables(db, tables, skip=frozenset({"ingested_at"}))

    half = len(analyses) // 2
    with Store(tmp_path / "a.duckdb") as a:
        a.write(analyses[:half])
        a.write(analyses[half:])
    with Store(tmp_path / "b.duckdb") as b:
        b.write([rows.of(an) for an in analyses[:half]])
        b.write([*map(rows.of, analyses[half : half + 3]), *analyses[half + 3 :]])  # mixed
    got_a, got_b = dump(tmp_path / "a.duckdb"), dump(tmp_path / "b.duckdb")
    assert got_a["events"] and got_a == got_b

"""Bad inputs in one batch: one line each, the batch goes on, the exit status says so, stored data is intact."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from warta.cli import app

GOOD = """Vietnam Protes Latihan Militer China di Laut China Selatan
HANOI, KOMPAS.com - Kementerian Luar Negeri Vietnam memprotes latihan militer China di dekat Kepulauan Paracel pada Selasa (5/3/2024).
Juru bicara Kementerian Luar Negeri Vietnam mengatakan latihan itu melanggar kedaulatan negaranya dan meminta Beijing menghormati hukum internasional.
"""

ENGLISH = (
    "Vietnam's foreign ministry protested on Tuesday against Chinese military drills near the Paracel "
    "Islands, saying they violated its sovereignty and urging Beijing to respect international law."
)


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "events", "sentences")
        }
    finally:
        con.close()


def test_bad_batch(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    good = tmp_path / "good"
    good.mkdir()
    (good / "vietnam.txt").write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(good), "--db", str(db)]).exit_code == 0
    before = _counts(db)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with (bad / "huge.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (bad / "crawl.jsonl").write_text(
        json.dumps({"url": "https://contoh.id/1", "text": GOOD.replace("Vietnam", "Filipina")})
        + "\n"
        + '{"url": "https://contoh.id/2", "text": "terpotong di tengah\n',
        encoding="utf-8",
    )
    (bad / "no-article.html").write_text(
        "<html><head><title>Beranda</title></head><body><nav><a href='/'>Beranda</a></nav>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    (bad / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (bad / "vietnam-again.txt").write_text(GOOD, encoding="utf-8")  # already stored: nothing added

    res = runner.invoke(app, ["analyze", str(bad), "--db", str(db)])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.startswith("warta: skipped")]
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary",
        "huge.txt": "too large",
        "crawl.jsonl#2": "malformed JSON line",
        "no-article.html": "no article text",
        "english.txt": "not Indonesian",
    }
    assert len(lines) == len(expected), lines
    for name, reason in expected.items():
        assert any(f"{name}: " in ln and reason in ln for ln in lines), (name, lines)
    after = _counts(db)
    assert after["articles"] == before["articles"] + 1  # only the good JSON line is new
    assert after["events"] >= before["events"]

    strict = runner.invoke(app, ["analyze", str(bad), "--db", str(db), "--strict"])
    assert strict.exit_code == 1 and "--strict" in strict.output
    assert _counts(db) == after


def test_malformed_dates_are_said_and_the_article_kept(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.jsonl"
    lines = [
        {"text": GOOD, "published": "2024-13-45", "url": "https://berita.test/a"},
        {
            "text": GOOD.replace("Vietnam", "Filipina"),
            "published": "kemarin sore",
            "url": "https://berita.test/b",
        },
        {
            "text": GOOD.replace("Vietnam", "Thailand"),
            "published": "2099-01-01",
            "url": "https://berita.test/c",
        },
    ]
    crawl.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    res = CliRunner().invoke(app, ["analyze", str(crawl), "--db", str(db), "-q"])
    assert res.exit_code == 0, res.output
    warnings = [ln for ln in res.stderr.splitlines() if "warning" in ln]
    assert len(warnings) == 3
    assert f"{crawl}#1" in warnings[0] and "2024-13-45" in warnings[0] and "not a date" in warnings[0]
    assert "in the future" in warnings[2]
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT published, published_source FROM articles ORDER BY url").fetchall()
    con.close()
    # the story's own "Selasa (5/3/2024)" dates them instead
    assert [(str(d), s) for d, s in rows] == [("2024-03-05", "inferred")] * 3


def test_lone_surrogates_from_a_caller_are_stored_replaced(tmp_path: Path) -> None:
    """A Document built by a caller's own decoder may hold lone surrogates; UTF-8 (and DuckDB) cannot."""
    from warta.pipeline import analyse
    from warta.records import Document
    from warta.store import Store

    doc = Document(
        id="s1",
        origin="crawl\udc80.jsonl#3",
        text=GOOD.replace("hukum", "hukum \udc80\udcff"),
        title="Judul \udc9f",
    )
    an = analyse(doc)
    assert an.error is None and an.article is not None
    assert "\udc80" not in an.article.text and "\ufffd" in an.article.text
    with Store(tmp_path / "s.duckdb") as store:
        stats = store.write([an])
        assert stats.stored == 1
        origin = store.con.execute("SELECT origin FROM documents").fetchone()[0]
    assert origin.startswith("crawl\ufffd")

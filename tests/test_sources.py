"""Reading inputs: encodings, bad files, JSON lines, folders and globs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.sources import InputError, decode, discover, read, record_to_document

STORY = "Menteri Luar Negeri Indonesia bertemu dengan mitranya dari Malaysia di Kuala Lumpur pada hari Senin."


def _one(path: Path):
    items = list(read(path))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (STORY.encode("utf-8"), "utf-8"),
        ("\ufeff".encode() + STORY.encode("utf-8"), "utf-8"),
        (STORY.encode("utf-16"), "utf-16"),  # with BOM
        (STORY.encode("utf-16-le"), "utf-16-le"),  # without BOM
        (STORY.encode("utf-16-be"), "utf-16-be"),
        ("“Kami siap,” kata menteri itu – café.".encode("cp1252"), "cp1252"),
    ],
)
def test_decode_encodings(data: bytes, encoding: str) -> None:
    text, enc = decode(data)
    assert enc == encoding
    assert "Menteri" in text or "Kami siap" in text
    assert "\ufeff" not in text


def test_cp1252_smart_quotes_are_read_as_quotes() -> None:
    text, _ = decode("“Kami siap,” kata Retno.".encode("cp1252"))
    assert text.startswith("“") and "”" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"abc\x00def" * 100, "binary"),
    ],
)
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        decode(data)


@given(st.binary(max_size=2000))
def test_decode_never_raises_anything_but_valueerror(data: bytes) -> None:
    try:
        text, enc = decode(data)
    except ValueError:
        return
    assert isinstance(text, str) and enc


def test_bad_files_give_one_line_reasons(tmp_path: Path) -> None:
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "gambar.txt").write_bytes(b"\x00\x01\x02\x03" * 500)
    big = tmp_path / "besar.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # a 50 MB file
    for name, reason in [("kosong.txt", "empty"), ("gambar.txt", "binary"), ("besar.txt", "too large")]:
        item = _one(tmp_path / name)
        assert isinstance(item, InputError)
        assert reason in item.reason
        assert str(item).startswith(str(tmp_path / name))
        assert "\n" not in str(item)


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "crawl.jsonl"
    lines = [
        json.dumps(
            {"url": "https://contoh.co.id/a", "title": "Judul", "published": "2024-03-01", "text": STORY}
        ),
        '{"url": "https://contoh.co.id/b", "text": "terpotong',  # truncated
        "[1, 2, 3]",
        json.dumps({"url": "https://contoh.co.id/c"}),
        "",
        json.dumps({"html": "<html><body><p>" + STORY + "</p></body></html>", "outlet": "Contoh"}),
    ]
    p.write_text("\n".join(lines), encoding="utf-8")
    items = list(read(p))
    assert len(items) == 5
    ok = [i for i in items if not isinstance(i, InputError)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert [d.origin for d in ok] == [f"{p}#1", f"{p}#6"]
    assert ok[0].url == "https://contoh.co.id/a" and ok[0].published == "2024-03-01" and not ok[0].is_html
    assert ok[1].is_html and ok[1].outlet == "Contoh"
    assert [b.origin for b in bad] == [f"{p}#2", f"{p}#3", f"{p}#4"]
    assert "malformed JSON" in bad[0].reason
    assert "not an object" in bad[1].reason
    assert "no 'text' or 'html'" in bad[2].reason


def test_record_ids_are_stable_and_content_based() -> None:
    a = record_to_document({"text": STORY, "url": "u"}, "x#1")
    b = record_to_document({"text": STORY, "url": "u"}, "y#9")
    c = record_to_document({"text": STORY + " Lagi.", "url": "u"}, "x#1")
    assert a.id == b.id != c.id


def test_discover_folders_globs_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "satu.txt").write_text(STORY)
    (tmp_path / "a" / "dua.html").write_text("<html></html>")
    (tmp_path / "a" / "abaikan.pdf").write_bytes(b"%PDF")
    (tmp_path / "a" / "sub").mkdir()
    (tmp_path / "a" / "sub" / "tiga.jsonl").write_text("{}")
    found = list(discover([str(tmp_path / "a"), str(tmp_path / "a" / "*.txt"), str(tmp_path / "tidak-ada")]))
    files = sorted(p.name for p in found if isinstance(p, Path))
    errors = [e for e in found if isinstance(e, InputError)]
    assert files == ["dua.html", "satu.txt", "tiga.jsonl"]  # the glob adds nothing twice
    assert len(errors) == 1 and "no such file" in errors[0].reason
    assert [str(e) for e in discover([str(tmp_path / "*.xyz")])][0].endswith("no file matches this pattern")


def test_html_sniffed_in_txt(tmp_path: Path) -> None:
    p = tmp_path / "halaman.txt"
    p.write_text("<!DOCTYPE html><html><body><p>" + STORY + "</p></body></html>")
    assert _one(p).is_html


def test_numeric_published_is_unix_time_and_nonsense_is_no_date() -> None:
    from warta.sources import record_to_document

    def pub(v: object) -> str | None:
        doc = record_to_document({"text": "Isi berita.", "published": v}, "crawl.jsonl#1")
        return doc.published  # type: ignore[union-attr]

    assert pub(1714000000).startswith("2024-04-24")  # seconds
    assert pub(1714000000123).startswith("2024-04-24")  # milliseconds
    assert pub(1e400) is None and pub(float("nan")) is None and pub(-1e20) is None and pub(True) is None
    assert pub(" 2024-04-09 ") == "2024-04-09"

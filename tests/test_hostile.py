"""The hostile-input corpus (scripts/hostile_corpus.py) through a real `warta analyze`: every bad input gets
exactly one `warta: skipped PATH: reason` line and the run goes on, every good article is stored once, the
summary groups the failures by reason, a second run adds nothing, and --strict stops at the first failure.

The 50 MB inputs are left out by default (they cost a 100 MB write); WARTA_BIG=1 adds a test with them, or
run the script by hand:  python scripts/hostile_corpus.py --out /tmp/h && warta analyze /tmp/h --db /tmp/h.db
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from warta.sources import display

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("documents", "articles", "sentences", "mentions", "timexes", "events", "quotes")


def _script():
    spec = importlib.util.spec_from_file_location("hostile_corpus", ROOT / "scripts" / "hostile_corpus.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _analyze(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "COLUMNS": "120"}
    res = subprocess.run(
        [sys.executable, "-m", "warta.cli", "analyze", *args, "--workers", "1"],
        capture_output=True,
        env=env,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        res.args, res.returncode, res.stdout.decode("utf-8", "replace"), res.stderr.decode("utf-8", "replace")
    )


def _state(db: Path) -> dict[str, object]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, object] = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        out["articles twice"] = con.execute("SELECT count(*) - count(DISTINCT id) FROM articles").fetchone()[
            0
        ]
        out["documents twice"] = con.execute(
            "SELECT count(*) - count(DISTINCT id) FROM documents"
        ).fetchone()[0]
        out["origins"] = sorted(r[0] for r in con.execute("SELECT origin FROM articles").fetchall())
        return out
    finally:
        con.close()


def _skipped_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("warta: skipped ")]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory):
    hc = _script()
    folder = tmp_path_factory.mktemp("hostile") / "korpus"
    expect = hc.build(folder, big=False)
    yield folder, expect
    hc.unlock(folder)


@pytest.fixture(scope="module")
def first_run(corpus, tmp_path_factory: pytest.TempPathFactory):
    folder, _ = corpus
    db = tmp_path_factory.mktemp("db") / "hostile.duckdb"
    return db, _analyze(str(folder), "--db", str(db))


def _check_run(folder: Path, expect: dict[str, str], res: subprocess.CompletedProcess[str]) -> None:
    assert res.returncode == 1, res.stderr[-3000:]  # failures, but no crash (2) and no success (0)
    assert "Traceback" not in res.stderr and not re.search(r"\w+Error\b", res.stderr), res.stderr[-3000:]
    lines = _skipped_lines(res.stderr)
    bad = {k: v.removeprefix("skipped: ") for k, v in expect.items() if v.startswith("skipped")}
    for key, reason in bad.items():
        named = [ln for ln in lines if ln.startswith(f"warta: skipped {display(folder / key)}: ")]
        assert len(named) == 1, (key, named, lines)
        assert reason.lower() in named[0].lower(), (key, reason, named[0])
    assert len(lines) == len(bad), "\n".join(lines)  # nothing else was skipped, nothing twice
    for key, outcome in expect.items():
        if not outcome.startswith("skipped"):
            assert not any(f" {display(folder / key)}: " in ln for ln in lines), (key, outcome)


def test_every_bad_input_one_line_and_the_good_ones_stored(corpus, first_run) -> None:
    folder, expect = corpus
    db, res = first_run
    _check_run(folder, expect, res)
    warnings = [ln for ln in res.stderr.splitlines() if ln.startswith("warta: warning:")]
    assert len(warnings) == 1 and "utf8-rusak.txt" in warnings[0] and "not valid UTF-8" in warnings[0]

    state = _state(db)
    stored = sorted(display(folder / k) for k, v in expect.items() if v == "stored")
    assert state["origins"] == stored
    assert state["articles twice"] == 0 and state["documents twice"] == 0
    assert state["events"] > 0

    con = duckdb.connect(str(db), read_only=True)
    try:
        text = dict(con.execute("SELECT origin, text FROM articles").fetchall())
    finally:
        con.close()
    nikel = text[display(folder / "enkode/cp1252-kutip.txt")]
    assert "“Kebijakan itu" in nikel and "’" in nikel and "â€" not in nikel  # cp1252 quotes as quotes
    assert "Korea Utara" in text[display(folder / "enkode/utf16-bom.txt")]
    assert "Pontianak" in text[display(folder / "enkode/utf16le-tanpa-bom.txt")]
    assert "New Delhi" in text[display(folder / "enkode/utf16be-tanpa-bom.txt")]
    assert "Élysée" in text[display(folder / "enkode/utf8-rusak.txt")]  # not cp1252 mojibake
    assert "Norwegia" in text[display(folder / "html/bersarang-dalam.html")]  # under 5,000 <div>s


def test_summary_groups_failures_by_reason(corpus, first_run) -> None:
    _, expect = corpus
    _, res = first_run
    lines = _skipped_lines(res.stderr)
    want = Counter(ln.split(": ", 2)[2].split(" (")[0] for ln in lines)
    for group in ("empty file", "binary file", "symbolic link loop"):
        assert want[group] == sum(v.startswith(f"skipped: {group}") for v in expect.values()) > 1, group
    rows = dict(re.findall(r"│   (\S.*?)\s+│\s+(\d+) │", res.stderr))
    assert int(re.search(r"│ skipped\s+│\s+(\d+) │", res.stderr).group(1)) == len(lines)
    assert {reason: int(rows[reason]) for reason in want} == dict(want)


def test_second_run_adds_nothing(corpus, first_run) -> None:
    folder, expect = corpus
    db, res = first_run
    before = _state(db)
    again = _analyze(str(folder), "--db", str(db))
    _check_run(folder, expect, again)
    assert _state(db) == before
    assert re.search(r"│ articles stored\s+│\s+0 │", again.stderr)


def test_strict_stops_at_the_first_failure(corpus, tmp_path: Path) -> None:
    folder, _ = corpus
    res = _analyze(str(folder), "--db", str(tmp_path / "strict.duckdb"), "--strict")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    lines = _skipped_lines(res.stderr)
    assert len(lines) == 1, lines
    stop = [ln for ln in res.stderr.splitlines() if "stopped at the first failure (--strict)" in ln]
    assert len(stop) == 1 and lines[0].removeprefix("warta: skipped ") in stop[0]


@pytest.mark.skipif(not os.environ.get("WARTA_BIG"), reason="writes 100 MB; set WARTA_BIG=1 to run it")
def test_fifty_megabyte_inputs(tmp_path: Path) -> None:
    hc = _script()
    folder = tmp_path / "korpus"
    expect = hc.build(folder, big=True)
    try:
        res = _analyze(str(folder / "ukuran"), "--db", str(tmp_path / "big.duckdb"))
    finally:
        hc.unlock(folder)
    lines = _skipped_lines(res.stderr)
    assert "Traceback" not in res.stderr
    assert any("artikel-50mb.txt: file too large" in ln for ln in lines), lines
    assert any("baris-50mb.jsonl#1: JSON line too large" in ln for ln in lines), lines
    stored = sorted(
        display(folder / k) for k, v in expect.items() if k.startswith("ukuran/") and v == "stored"
    )
    assert _state(tmp_path / "big.duckdb")["origins"] == stored


# ---- the fixes behind the corpus, one by one (in-process, fast) ---------------------------------------


def test_broken_bytes_in_utf8_text_are_replaced_not_read_as_cp1252() -> None:
    from warta.sources import decode

    text, enc = decode(
        "“Prancis,” kata menteri di Istana Élysée.".encode().replace(b"kata", b"ka\xfft\xe2\x80a")
    )
    assert text.startswith("“Prancis,”") and "Élysée" in text and "\ufffd" in text
    assert enc == "utf-8 (2 invalid byte sequences replaced)"
    assert decode("café “kutip”".encode("cp1252")) == ("café “kutip”", "cp1252")  # cp1252 stays cp1252
    with pytest.raises(ValueError, match="NUL"):
        decode(b"Teks biasa. " * 1000 + b"\x00" * 100)  # NULs after the first 8 KB too
    with pytest.raises(ValueError, match="empty file"):
        decode("\ufeff\u200b \u3000\n".encode())


def test_jsonl_edge_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from warta import sources

    monkeypatch.setattr(sources, "MAX_BYTES", 20_000)
    story = "Menteri Luar Negeri Indonesia bertemu dengan mitranya dari Malaysia di Kuala Lumpur pada Senin."
    p = tmp_path / "c.jsonl"
    p.write_bytes(
        b"\xef\xbb\xbf"
        + json.dumps({"text": story}).encode()
        + b"\n"
        + b'{"text": "'
        + b"x" * 50_000
        + b'"}\n'
        + json.dumps({"text": story + " \udc80", "title": "T\ud800"}).encode()
        + b"\r\n"
        + b"[" * 10_000
        + b"\n"
        + b'{"n": '
        + b"9" * 5000
        + b"}\n"
    )
    items = list(sources.read(p))
    assert [type(i).__name__ for i in items] == [
        "Document",
        "InputError",
        "Document",
        "InputError",
        "InputError",
    ]
    assert "too large" in items[1].reason and items[1].origin.endswith("#2")
    assert "\ud800" not in items[2].title and items[2].text.endswith("\ufffd")
    assert "nested too deeply" in items[3].reason and "malformed JSON line" in items[4].reason


def test_symlinked_folders_are_followed_and_loops_reported(tmp_path: Path) -> None:
    from warta.sources import InputError, discover

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "satu.txt").write_text("x")
    (tmp_path / "luar").mkdir()
    (tmp_path / "luar" / "dua.txt").write_text("y")
    (tmp_path / "a" / "ke-luar").symlink_to(tmp_path / "luar")
    (tmp_path / "a" / "ke-atas").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "putar.txt").symlink_to("putar.txt")
    found = list(discover([str(tmp_path / "a"), str(tmp_path / "a" / "putar.txt")]))
    files = [p.name for p in found if not isinstance(p, InputError)]
    errors = [e for e in found if isinstance(e, InputError)]
    assert files == ["putar.txt", "satu.txt", "dua.txt"]  # the loop file is read (and refused) once
    assert [(Path(e.origin).name, e.reason.split(" (")[0]) for e in errors] == [
        ("ke-atas", "symbolic link loop")
    ]


def test_pages_nested_deeper_than_the_parser_goes() -> None:
    from warta.html import extract

    body = "".join(f"<p>{s}</p>" for s in ["Menteri bertemu mitranya di Jakarta pada Senin (4/3/2024)."] * 3)
    page = "<html><body>" + "<div>" * 5000 + f"<article>{body}</article>" + "</div>" * 5000 + "</body></html>"
    ex = extract(page)
    assert ex is not None and "Menteri bertemu" in ex.text

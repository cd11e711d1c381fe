"""Every data file the code reads ships in the wheel (an editable install would hide a missing pattern)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from warta.cli import app

ROOT = Path(__file__).resolve().parents[1]


def test_package_data_covers_every_data_file() -> None:
    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())
    patterns = conf["tool"]["setuptools"]["package-data"]["warta"]
    pkg = ROOT / "src" / "warta"
    data = [
        p.relative_to(pkg).as_posix()
        for p in pkg.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts
    ]
    assert data
    missing = [d for d in data if not any(fnmatch.fnmatch(d, pat) for pat in patterns)]
    assert missing == []


def test_ner_command_appends_a_tag_column(tmp_path: Path) -> None:
    conll = tmp_path / "t.conll"
    conll.write_text(
        "Menteri\tO\nRetno\tB-PER\nMarsudi\tI-PER\ntiba\tO\ndi\tO\nJakarta\tB-LOC\n\n", encoding="utf-8"
    )
    res = CliRunner().invoke(app, ["ner", "--conll", str(conll)])
    assert res.exit_code == 0, res.output
    rows = [line.split("\t") for line in res.output.splitlines() if line.strip()]
    assert len(rows) == 6 and all(len(r) == 3 for r in rows)
    assert [r[0] for r in rows] == ["Menteri", "Retno", "Marsudi", "tiba", "di", "Jakarta"]
    assert rows[1][2] == "B-PER" and rows[5][2] == "B-LOC"
    bad = CliRunner().invoke(app, ["ner", "--conll", str(tmp_path / "missing.conll")])
    assert bad.exit_code == 1 and "missing.conll" in bad.output

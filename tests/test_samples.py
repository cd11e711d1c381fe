"""The bundled sample corpus: everything is read, metadata is right, the syndicated copy is linked."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import jsonschema
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from warta.cli import app
from warta.export import merged_events

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/warta/schema/event.schema.json").read_text())


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    res = CliRunner().invoke(app, ["analyze", str(SAMPLES), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _articles(db: Path) -> dict[str, dict]:
    con = duckdb.connect(str(db), read_only=True)
    cur = con.execute("SELECT * FROM articles")
    names = [d[0] for d in cur.description]
    rows = {}
    for r in cur.fetchall():
        name = Path(r[names.index("origin")]).name
        rows[name if name.startswith("crawl") else name[:3]] = dict(zip(names, r, strict=True))
    con.close()
    return rows


def test_every_sample_is_stored_with_metadata(demo_db: Path) -> None:
    arts = _articles(demo_db)
    assert len(arts) == 21  # 17 text files, 1 HTML page, 3 JSON lines
    assert all(a["published"] is not None for a in arts.values())
    assert (arts["s11"]["published"].isoformat(), arts["s11"]["published_source"]) == (
        "2025-01-23",
        "inferred",
    )
    assert arts["s11"]["dateline"] == "Putrajaya"
    assert (arts["s05"]["outlet"], arts["s05"]["dateline"]) == ("Republika", "Kiev")
    assert (arts["s10"]["outlet"], arts["s10"]["dateline"], arts["s10"]["byline"]) == (
        "Detik",
        "Seoul",
        "Rita Maharani",
    )
    assert (arts["h01"]["outlet"], arts["h01"]["published"].isoformat()) == ("CNBC Indonesia", "2024-08-13")
    for a in arts.values():
        for noise in ("Baca juga", "Baca Juga", "Advertisement", "loading...", ".jpg", "Scroll to Top"):
            assert noise not in a["text"], (a["origin"], noise)


def test_syndicated_copy_is_linked_not_double_counted(demo_db: Path) -> None:
    arts = _articles(demo_db)
    assert arts["s14"]["duplicate_of"] == arts["s13"]["id"]
    assert arts["s13"]["duplicate_of"] is None
    con = duckdb.connect(str(demo_db), read_only=True)
    records = list(merged_events(con))
    con.close()
    for rec in records:
        jsonschema.validate(rec, SCHEMA)
    both = [r for r in records if {d["id"] for d in r["documents"]} >= {arts["s13"]["id"], arts["s14"]["id"]}]
    assert both, "an event of the syndicated story should list both documents"
    assert all(r["sources_independent"] < r["num_documents"] for r in both)
    # the copy was published a day later; its events dated only by that day take the original's date,
    # so every event of the copy is merged with the original's
    assert arts["s14"]["published"] > arts["s13"]["published"]
    with_copy = [r for r in records if arts["s14"]["id"] in {d["id"] for d in r["documents"]}]
    assert with_copy and all(arts["s13"]["id"] in {d["id"] for d in r["documents"]} for r in with_copy)

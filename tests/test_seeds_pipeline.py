"""The whole path on the real scraped seeds: `warta analyze` twice, then export against the JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import jsonschema
from typer.testing import CliRunner

from warta.cli import app

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "src/warta/schema/event.schema.json").read_text())


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "articles", "sentences", "mentions", "timexes", "events", "quotes")}
    finally:
        con.close()


def test_seeds_analyse_rerun_and_export(seeds_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "seeds.duckdb"
    runner = CliRunner()
    first = runner.invoke(app, ["analyze", str(seeds_dir), "--db", str(db)])
    assert first.exit_code == 0, first.output
    counts = _counts(db)
    assert counts["articles"] == 5 and counts["documents"] == 5
    assert counts["events"] > 0 and counts["quotes"] > 0
    again = runner.invoke(app, ["analyze", str(seeds_dir), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert _counts(db) == counts  # nothing added twice

    out = tmp_path / "events.jsonl"
    res = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records
    for rec in records:
        jsonschema.validate(rec, SCHEMA)

    # the seed's repeated paragraphs are stored once, the 9-April article is dated by its weekday
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT origin, published FROM articles").fetchall())
    con.close()
    by_name = {Path(k).name[:3]: v.isoformat() for k, v in rows.items()}
    assert by_name == {"000": "2023-05-05", "001": "2023-07-14", "002": "2024-04-09", "003": "2023-05-06",
                       "004": "2023-09-20"}

    # nothing negated is exported: "China menolak mengutuk ..." gives no accusation by China of Russia
    assert not [r for r in records if r["event"] == "ACCUSE" and r["source"][0]["code"] == "CHN"
                and r["target"][0]["code"] == "RUS"]
    # nothing comes from boilerplate: every evidence sentence is in a stored article
    texts = " ".join(r["text"] for r in records)
    for noise in ("Baca Juga", "Populer", "Advertisement", "Bagikan", "Scroll to Top"):
        assert noise not in texts

"""The cleaner on the real scraped seeds: no boilerplate survives, every story line does, once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from warta.clean import clean, match_dateline, normalise

ANNOTATIONS = yaml.safe_load((Path(__file__).parent / "data" / "seeds.yaml").read_text(encoding="utf-8"))


def _lines(spec: list) -> set[int]:
    out: set[int] = set()
    for item in spec:
        if isinstance(item, str) and "-" in item:
            a, b = item.split("-")
            out.update(range(int(a), int(b) + 1))
        else:
            out.add(int(item))
    return out


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", normalise(s)).strip()


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_seed_story_kept_and_boilerplate_dropped(name: str, seeds_dir: Path, pack) -> None:
    ann = ANNOTATIONS[name]
    raw = (seeds_dir / name).read_text(encoding="utf-8")
    result = clean(raw, pack)
    text = _norm(result.text)
    not_story = _lines(ann.get("not_story", []))
    captions = _lines(ann.get("captions", []))
    paragraphs = {_norm(p) for p in result.paragraphs}
    for no, line in enumerate(raw.split("\n"), start=1):
        line = _norm(line)
        if not line:
            continue
        if no in not_story:
            assert line not in paragraphs, f"{name}:{no} boilerplate kept as a paragraph"
            if len(line.split()) >= 6:
                assert line not in text, f"{name}:{no} boilerplate survives in the story"
            continue
        dl = match_dateline(line)
        if dl:
            line = line[dl[2] :].strip()
        if no in captions:
            line = line.rstrip(".")
        assert text.count(line) == 1, f"{name}:{no} story line kept {text.count(line)} times"


@pytest.mark.parametrize("name", sorted(ANNOTATIONS))
def test_seed_metadata(name: str, seeds_dir: Path, pack) -> None:
    from warta.timex import parse_publication_date

    ann = ANNOTATIONS[name]
    result = clean((seeds_dir / name).read_text(encoding="utf-8"), pack)
    assert result.dateline == ann["dateline"]
    assert result.outlet == ann["outlet"]
    assert result.byline == ann["byline"]
    assert result.title and len(result.title.split()) >= 4
    published = parse_publication_date(result.date_text) if result.date_text else None
    assert (published.isoformat() if published else None) == (
        str(ann["published"]) if ann["published"] else None
    )
    for relay in ann.get("relays", []):
        assert relay in result.relays

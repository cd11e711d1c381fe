"""Checks for the Indonesian actor and place lexicons in src/warta/lang/id."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

LANG = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id"

SECTORS = {
    "GOV",
    "MIL",
    "LEG",
    "JUD",
    "COP",
    "SPY",
    "OPP",
    "REB",
    "PTY",
    "BUS",
    "MED",
    "EDU",
    "CVL",
    "REF",
    "HLH",
}
ALPHA3 = re.compile(r"^[A-Z]{3}$")
IGO_CODE = re.compile(r"^[A-Z][A-Z0-9]{1,9}$")
KINDS = {"city", "region", "feature"}

HEADERS = {
    "states.tsv": ["name", "code", "source"],
    "metonyms.tsv": ["name", "code", "sector", "place", "lat", "lon"],
    "igos.tsv": ["name", "code"],
    "titles.tsv": ["title", "sector", "role", "home"],
    "people.tsv": ["name", "code", "sector", "role", "start", "end", "aliases"],
    "places.tsv": ["name", "place", "code", "lat", "lon", "kind"],
}


def load(fname: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(LANG / fname, encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    rows = []
    for lineno, rec in enumerate(reader, 2):
        assert len(rec) == len(header), f"{fname}: bad column count in {rec!r} (data line {lineno})"
        rows.append(dict(zip(header, rec, strict=True)))
    return header, rows


@pytest.fixture(scope="module")
def tables() -> dict[str, list[dict[str, str]]]:
    return {f: load(f)[1] for f in HEADERS}


def lookup(rows: list[dict[str, str]], name: str, col: str = "name") -> list[dict[str, str]]:
    return [r for r in rows if r[col].casefold() == name.casefold()]


def state_codes(tables) -> set[str]:
    return {r["code"] for r in tables["states.tsv"]}


# --- structure -------------------------------------------------------------


@pytest.mark.parametrize("fname", sorted(HEADERS))
def test_header_and_hygiene(fname):
    header, rows = load(fname)
    assert header == HEADERS[fname]
    assert rows, f"{fname} is empty"
    raw = (LANG / fname).read_text(encoding="utf-8")
    assert "\r" not in raw
    for r in rows:
        first = r[header[0]]
        assert first and first == first.strip(), f"{fname}: blank or padded name {first!r}"
        assert '"' not in first, f"{fname}: quote in {first!r}"


@pytest.mark.parametrize("fname", sorted(HEADERS))
def test_no_duplicate_name_code(fname):
    header, rows = load(fname)
    key_cols = {
        "titles.tsv": ("title", "sector"),
        "places.tsv": ("name", "place"),
        "people.tsv": ("name", "code", "role", "start"),
    }.get(fname, ("name", "code"))
    seen = set()
    for r in rows:
        key = tuple(r[c].casefold() for c in key_cols)
        assert key not in seen, f"{fname}: duplicate {key}"
        seen.add(key)


def test_states_codes(tables):
    rows = tables["states.tsv"]
    for r in rows:
        assert ALPHA3.match(r["code"]), r
        assert r["source"] in {"cldr", "pycountry", "alias"}, r
    # one name -> one state
    by_name: dict[str, set[str]] = {}
    for r in rows:
        by_name.setdefault(r["name"].casefold(), set()).add(r["code"])
    assert not {n: c for n, c in by_name.items() if len(c) > 1}
    assert len(state_codes(tables)) >= 240


def test_states_drop_non_states(tables):
    names = {r["name"].casefold() for r in tables["states.tsv"]}
    for bad in (
        "Dunia",
        "Eropa",
        "Asia",
        "Amerika Latin",
        "Uni Eropa",
        "Zona Euro",
        "Perserikatan Bangsa-Bangsa",
        "Kepulauan Canaria",
        "Hong Kong DAK Tiongkok",
    ):
        assert bad.casefold() not in names, bad


def test_igos_codes(tables):
    for r in tables["igos.tsv"]:
        assert IGO_CODE.match(r["code"]), r


def test_metonyms(tables):
    codes = state_codes(tables)
    for r in tables["metonyms.tsv"]:
        assert r["code"] in codes, r
        assert r["sector"] in SECTORS, r
        if r["lat"] or r["lon"]:
            assert r["place"], r
            assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        else:
            assert not r["place"], r


def test_titles(tables):
    states = state_codes(tables)
    for r in tables["titles.tsv"]:
        assert r["sector"] in SECTORS, r
        assert re.match(r"^[a-z][a-z_]*$", r["role"]), r
        assert not r["home"] or r["home"] in states, r  # a home is a state code, or empty


def test_people(tables):
    codes = state_codes(tables) | {r["code"] for r in tables["igos.tsv"]}
    for r in tables["people.tsv"]:
        assert r["code"] in codes, r
        assert r["sector"] in SECTORS, r
        assert re.match(r"^[a-z][a-z_]*$", r["role"]), r
        start = dt.date.fromisoformat(r["start"])
        if r["end"]:
            assert dt.date.fromisoformat(r["end"]) >= start, r
        for alias in filter(None, r["aliases"].split("|")):
            assert alias == alias.strip() and alias != r["name"], r
    assert len({r["name"] for r in tables["people.tsv"]}) >= 100


def test_places(tables):
    codes = state_codes(tables)
    state_names = {r["name"].casefold() for r in tables["states.tsv"]}
    by_name: dict[str, set[str]] = {}
    for r in tables["places.tsv"]:
        assert r["code"] == "" or r["code"] in codes, r
        assert r["kind"] in KINDS, r
        assert r["place"], r
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r
        by_name.setdefault(r["name"].casefold(), set()).add(r["place"])
        # countries are not places (Hong Kong and Macau are both a city and an ISO territory)
        if r["name"].casefold() in state_names:
            assert r["code"] in {"HKG", "MAC"}, r
    assert not {n: p for n, p in by_name.items() if len(p) > 1}


def test_metonym_capitals_are_places(tables):
    places = {r["name"].casefold() for r in tables["places.tsv"]}
    for r in tables["metonyms.tsv"]:
        if r["place"]:
            assert r["name"].casefold() in places, r


def test_stopwords_do_not_block_single_word_entries(tables):
    lines = (LANG / "stopwords_actor.txt").read_text(encoding="utf-8").splitlines()
    stop = {w.strip().casefold() for w in lines if w.strip() and not w.startswith("#")}
    assert {"juga", "bulan", "mei", "populer", "berita", "dunia", "selasa", "advertisement"} <= stop
    # "Qin" is a surname (Qin Gang): only raw GeoNames made it a city, and warta uses a curated place list
    assert "qin" not in stop
    names = [r["name"] for f in ("states.tsv", "igos.tsv", "metonyms.tsv", "places.tsv") for r in tables[f]]
    names += [a for r in tables["people.tsv"] for a in [r["name"], *r["aliases"].split("|")] if a]
    clash = sorted({n for n in names if " " not in n and n.casefold() in stop})
    assert not clash, f"stopwords would block lexicon entries: {clash}"


# --- spot checks -----------------------------------------------------------


@pytest.mark.parametrize(
    "name,code",
    [
        ("Tiongkok", "CHN"),
        ("Cina", "CHN"),
        ("China", "CHN"),
        ("RRT", "CHN"),
        ("RRC", "CHN"),
        ("Negeri Tirai Bambu", "CHN"),
        ("AS", "USA"),
        ("Amerika Serikat", "USA"),
        ("Paman Sam", "USA"),
        ("Belarusia", "BLR"),
        ("Belarus", "BLR"),
        ("Palestina", "PSE"),
        ("Inggris", "GBR"),
        ("Britania Raya", "GBR"),
        ("Rusia", "RUS"),
        ("Korut", "PRK"),
        ("Korsel", "KOR"),
        ("Taiwan", "TWN"),
        ("Negeri Sakura", "JPN"),
        ("Negeri Jiran", "MYS"),
        ("Negeri Kanguru", "AUS"),
        ("Vatikan", "VAT"),
        ("Kosovo", "XKX"),
        ("Hong Kong", "HKG"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
    ],
)
def test_state_names(tables, name, code):
    hits = lookup(tables["states.tsv"], name)
    assert hits and {r["code"] for r in hits} == {code}


def test_acronyms_stay_caps(tables):
    for name in ("AS", "RRT", "RRC", "UEA"):
        assert any(r["name"] == name for r in tables["states.tsv"]), name
    assert any(r["name"] == "PBB" for r in tables["igos.tsv"])


@pytest.mark.parametrize(
    "name,code,sector",
    [
        ("Kremlin", "RUS", "GOV"),
        ("Gedung Putih", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("Downing Street", "GBR", "GOV"),
        ("Istana Merdeka", "IDN", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Moskow", "RUS", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Brussel", "BEL", "GOV"),
        ("Teheran", "IRN", "GOV"),
        ("Den Haag", "NLD", "GOV"),
    ],
)
def test_metonym_spots(tables, name, code, sector):
    hits = lookup(tables["metonyms.tsv"], name)
    assert hits and (hits[0]["code"], hits[0]["sector"]) == (code, sector)


def test_moskow_is_moscow(tables):
    (row,) = lookup(tables["metonyms.tsv"], "Moskow")
    assert row["place"] == "Moscow" and abs(float(row["lat"]) - 55.75) < 0.1
    (place,) = lookup(tables["places.tsv"], "Moskow")
    assert place["place"] == "Moscow" and place["code"] == "RUS"


@pytest.mark.parametrize(
    "name,code",
    [
        ("SCO", "SCO"),
        ("Organisasi Kerja Sama Shanghai", "SCO"),
        ("PBB", "UN"),
        ("DK PBB", "UNSC"),
        ("NATO", "NATO"),
        ("ASEAN", "ASEAN"),
        ("Uni Eropa", "EU"),
        ("OKI", "OIC"),
        ("Liga Arab", "ARL"),
        ("Bank Dunia", "WB"),
        ("Mahkamah Pidana Internasional", "ICC"),
        ("Barat", "WST"),
        ("negara-negara Barat", "WST"),
        ("Blok Barat", "WST"),
    ],
)
def test_igo_spots(tables, name, code):
    hits = lookup(tables["igos.tsv"], name)
    assert hits and {r["code"] for r in hits} == {code}


@pytest.mark.parametrize(
    "title,sector,role",
    [
        ("Menlu", "GOV", "foreign_minister"),
        ("Menteri Luar Negeri", "GOV", "foreign_minister"),
        ("pasukan", "MIL", None),
        ("polisi", "COP", None),
        ("intelijen", "SPY", None),
        ("DPR", "LEG", None),
        ("hakim", "JUD", None),
        ("oposisi", "OPP", None),
        ("pemberontak", "REB", None),
        ("partai", "PTY", None),
        ("wartawan", "MED", None),
        ("analis", "EDU", None),
        ("demonstran", "CVL", None),
        ("pengungsi", "REF", None),
        ("Dubes", "GOV", "ambassador"),
        ("jubir", "GOV", "spokesperson"),
        ("Kemlu", "GOV", None),
    ],
)
def test_title_spots(tables, title, sector, role):
    (row,) = lookup(tables["titles.tsv"], title, col="title")
    assert row["sector"] == sector
    if role:
        assert row["role"] == role


def people_by_alias(tables, alias: str) -> list[dict[str, str]]:
    a = alias.casefold()
    return [
        r
        for r in tables["people.tsv"]
        if r["name"].casefold() == a or a in {x.casefold() for x in r["aliases"].split("|")}
    ]


@pytest.mark.parametrize(
    "alias,code",
    [
        ("Sergey Lavrov", "RUS"),
        ("Sergei Lavrov", "RUS"),
        ("Zelenskyy", "UKR"),
        ("Jokowi", "IDN"),
        ("Bongbong Marcos", "PHL"),
        ("Kim Jong-un", "PRK"),
        ("S. Jaishankar", "IND"),
        ("Dmitri Peskov", "RUS"),
        ("Retno L.P. Marsudi", "IDN"),
        ("Wang Yi", "CHN"),
        ("Mao Ning", "CHN"),
        ("Sugiono", "IDN"),
    ],
)
def test_people_aliases(tables, alias, code):
    hits = people_by_alias(tables, alias)
    assert hits and {r["code"] for r in hits} == {code}


def test_people_offices_in_time(tables):
    def holder(code: str, role: str, day: str) -> set[str]:
        d = dt.date.fromisoformat(day)
        return {
            r["name"]
            for r in tables["people.tsv"]
            if r["code"] == code
            and r["role"] == role
            and dt.date.fromisoformat(r["start"]) <= d
            and (not r["end"] or d < dt.date.fromisoformat(r["end"]))
        }

    assert holder("CHN", "foreign_minister", "2023-03-01") == {"Qin Gang"}
    assert holder("CHN", "foreign_minister", "2024-03-01") == {"Wang Yi"}
    assert holder("USA", "foreign_minister", "2024-06-01") == {"Antony Blinken"}
    assert holder("USA", "foreign_minister", "2025-06-01") == {"Marco Rubio"}
    assert holder("IDN", "foreign_minister", "2024-01-01") == {"Retno Marsudi"}
    assert holder("IDN", "foreign_minister", "2025-01-01") == {"Sugiono"}
    assert holder("NATO", "secretary_general", "2025-01-01") == {"Mark Rutte"}


def test_places_spots(tables):
    (goa,) = lookup(tables["places.tsv"], "Goa")
    assert goa["code"] == "IND" and abs(float(goa["lat"]) - 15.3) < 0.1 and goa["place"] == "Goa"
    for name, place, code in [
        ("Jenewa", "Geneva", "CHE"),
        ("Den Haag", "The Hague", "NLD"),
        ("Brussel", "Brussels", "BEL"),
        ("Kiev", "Kyiv", "UKR"),
        ("Munich", "Munich", "DEU"),
        ("Muenchen", "Munich", "DEU"),
        ("Singapura", None, None),
        ("Laut China Selatan", "South China Sea", ""),
        ("Laut Cina Selatan", "South China Sea", ""),
        ("Jalur Gaza", "Gaza Strip", "PSE"),
        ("Tepi Barat", "West Bank", "PSE"),
        ("Xinjiang", "Xinjiang", "CHN"),
        ("Bali", "Bali", "IDN"),
        ("Natuna", "Natuna Islands", "IDN"),
        ("Davos", "Davos", "CHE"),
        ("Darwin", "Darwin", "AUS"),
        ("New York", "New York City", "USA"),
        ("Surabaya", "Surabaya", "IDN"),
    ]:
        hits = lookup(tables["places.tsv"], name)
        if place is None:
            assert not hits, name  # a country, not a place
            continue
        assert len(hits) == 1 and (hits[0]["place"], hits[0]["code"]) == (place, code), name


def test_places_have_no_noise_names(tables):
    names = {r["name"].casefold() for r in tables["places.tsv"]}
    for noise in ("qin", "bulan", "juga", "sco", "mei", "genoa", "medan perang"):
        assert noise not in names, noise

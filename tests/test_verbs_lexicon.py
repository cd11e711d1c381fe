"""Checks for the Indonesian event verb lexicon (``lang/id/verbs.tsv``) and cue lists (``lang/id/cues.yaml``).

The lexicon is data a political scientist edits by hand, so these tests guard its shape (columns, PLOVER
types, modes, CAMEO codes, Goldstein weights from GDELT's table) and report how its patterns behave under
the PySastrawi stemmer the coder uses: core stems, passive forms, and stems shared across PLOVER types.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter, defaultdict
from functools import cache
from pathlib import Path

import pytest
import yaml
from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

LANG_ID = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id"
VERBS = LANG_ID / "verbs.tsv"
CUES = LANG_ID / "cues.yaml"

HEADER = ["pattern", "plover", "mode", "cameo", "goldstein", "note"]

# PLOVER event types (Halterman et al. 2023, PLOVER/POLECAT) and the modes this lexicon may use for each;
# modes follow the PLOVER manual tables, plus "host" (openeventdata CAMEO2PLOVER mapping for CAMEO 043),
# "meet" (face-to-face CONSULT), "ease" (CAMEO2PLOVER for 085/0813/0814), "disapprove"/"investigate"
# (CAMEO2PLOVER for 11x/09x) and "aerial" (air and missile strikes, CAMEO 195).
MODES: dict[str, set[str]] = {
    "AGREE": set(),
    "CONSULT": {"visit", "host", "third-party", "multilateral", "phone", "meet"},
    "SUPPORT": set(),
    "CONCEDE": set(),
    "COOPERATE": set(),
    "AID": {"economic", "military", "humanitarian", "asylum"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign", "ease"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike-gen", "strike-lim", "strike-hun", "boycott", "obstruct"},
    "SANCTION": {"convict", "cancel", "expel", "withdraw", "sever"},
    "MOBILIZE": {"troops", "weapons", "police"},
    "COERCE": {
        "confiscate",
        "restrict",
        "ban",
        "censor",
        "curfew",
        "martial-law",
        "arrest",
        "deport",
        "withhold",
    },
    "ASSAULT": {
        "abduct",
        "beat",
        "torture",
        "execute",
        "sexual",
        "assassinate",
        "destroy",
        "primitive",
        "firearms",
        "explosives",
        "suicide-attack",
        "heavy-weapons",
        "aerial",
    },
}
PLOVER_TYPES = set(MODES)

CUE_KEYS = [
    "negation",
    "negating_verbs",
    "intended",
    "alleged",
    "conditional",
    "speech_verbs",
    "relay_cues",
    "news_agencies",
    "reciprocal",
    "passive_agent",
    "target_preps",
]

# GDELT lookup table CAMEO.goldsteinscale.txt (CAMEOEVENTCODE -> GOLDSTEINSCALE), verbatim.
GDELT_GOLDSTEIN = dict(
    pair.split(":")
    for pair in """
    01:0.0 010:0.0 011:-0.1 012:-0.4 013:0.4 014:0.0 015:0.0 016:-2.0 017:0.0 018:3.4 019:3.4 02:3.0
    020:3.0 021:3.4 0211:3.4 0212:3.4 0213:3.4 0214:3.4 022:3.2 023:3.4 0231:3.4 0232:3.4 0233:3.4
    0234:3.4 024:-0.3 0241:-0.3 0242:-0.3 0243:-0.3 0244:-0.3 025:-0.3 0251:-0.3 0252:-0.3 0253:-0.3
    0254:-0.3 0255:-0.3 0256:-0.3 026:4.0 027:4.0 028:4.0 03:4.0 030:4.0 031:5.2 0311:5.2 0312:5.2
    0313:5.2 0314:5.2 032:4.5 033:5.2 0331:5.2 0332:5.2 0333:5.2 0334:6.0 034:7.0 0341:7.0 0342:7.0
    0343:7.0 0344:7.0 035:7.0 0351:7.0 0352:7.0 0353:7.0 0354:7.0 0355:7.0 0356:7.0 036:4.0 037:5.0
    038:7.0 039:5.0 04:1.0 040:1.0 041:1.0 042:1.9 043:2.8 044:2.5 045:5.0 046:7.0 05:3.5 050:3.5
    051:3.4 052:3.5 053:3.8 054:6.0 055:7.0 056:7.0 057:8.0 06:6.0 060:6.0 061:6.4 062:7.4 063:7.4
    064:7.0 07:7.0 070:7.0 071:7.4 072:8.3 073:7.4 074:8.5 075:7.0 08:5.0 080:5.0 081:5.0 0811:5.0
    0812:5.0 0813:5.0 0814:5.0 082:5.0 083:5.0 0831:5.0 0832:5.0 0833:5.0 0834:5.0 084:7.0 0841:7.0
    0842:7.0 085:7.0 086:9.0 0861:9.0 0862:9.0 0863:9.0 087:9.0 0871:9.0 0872:9.0 0873:9.0 0874:10.0
    09:-2.0 090:-2.0 091:-2.0 092:-2.0 093:-2.0 094:-2.0 10:-5.0 100:-5.0 101:-5.0 1011:-5.0 1012:-5.0
    1013:-5.0 1014:-5.0 102:-5.0 103:-5.0 1031:-5.0 1032:-5.0 1033:-5.0 1034:-5.0 104:-5.0 1041:-5.0
    1042:-5.0 1043:-5.0 1044:-5.0 105:-5.0 1051:-5.0 1052:-5.0 1053:-5.0 1054:-5.0 1055:-5.0 1056:-5.0
    106:-5.0 107:-5.0 108:-5.0 11:-2.0 110:-2.0 111:-2.0 112:-2.0 1121:-2.0 1122:-2.0 1123:-2.0
    1124:-2.0 1125:-2.0 113:-2.0 114:-2.0 115:-2.0 116:-2.0 12:-4.0 120:-4.0 121:-4.0 1211:-4.0
    1212:-4.0 122:-4.0 1221:-4.0 1222:-4.0 1223:-4.0 1224:-4.0 123:-4.0 1231:-4.0 1232:-4.0 1233:-4.0
    1234:-4.0 124:-4.0 1241:-4.0 1242:-4.0 1243:-4.0 1244:-4.0 1245:-4.0 1246:-4.0 125:-5.0 126:-5.0
    127:-5.0 128:-5.0 129:-5.0 13:-6.0 130:-4.4 131:-5.8 1311:-5.8 1312:-5.8 1313:-5.8 132:-5.8
    1321:-5.8 1322:-5.8 1323:-5.8 1324:-5.8 133:-5.8 134:-5.8 135:-5.8 136:-7.0 137:-7.0 138:-7.0
    1381:-7.0 1382:-7.0 1383:-7.0 1384:-7.0 1385:-7.0 139:-7.0 14:-6.5 140:-6.5 141:-6.5 1411:-6.5
    1412:-6.5 1413:-6.5 1414:-6.5 142:-6.5 1421:-6.5 1422:-6.5 1423:-6.5 1424:-6.5 143:-6.5 1431:-6.5
    1432:-6.5 1433:-6.5 1434:-6.5 144:-7.5 1441:-7.5 1442:-7.5 1443:-7.5 1444:-7.5 145:-7.5 1451:-7.5
    1452:-7.5 1453:-7.5 1454:-7.5 15:-7.2 150:-7.2 151:-7.2 152:-7.2 153:-7.2 154:-7.2 16:-4.0 160:-4.0
    161:-4.0 162:-5.6 1621:-5.6 1622:-5.6 1623:-5.6 163:-8.0 164:-7.0 165:-6.5 166:-7.0 1661:-7.0
    1662:-7.0 1663:-7.0 17:-7.0 170:-7.0 171:-9.2 1711:-9.2 1712:-9.2 172:-5.0 1721:-5.0 1722:-5.0
    1723:-5.0 1724:-5.0 173:-5.0 174:-5.0 175:-9.0 18:-9.0 180:-9.0 181:-9.0 182:-9.5 1821:-9.0
    1822:-9.0 1823:-10.0 183:-10.0 1831:-10.0 1832:-10.0 1833:-10.0 184:-8.0 185:-8.0 186:-10.0
    19:-10.0 190:-10.0 191:-9.5 192:-9.5 193:-10.0 194:-10.0 195:-10.0 196:-9.5 20:-10.0 200:-10.0
    201:-9.5 202:-10.0 203:-10.0 204:-10.0 2041:-10.0 2042:-10.0""".split()
)


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    return StemmerFactory().create_stemmer()


def stem(word: str) -> str:
    return _stemmer().stem(word.lower()) or word.lower()


def stems_of(pattern: str) -> tuple[str, ...]:
    return tuple(stem(w) for w in pattern.split())


def _data_lines() -> list[tuple[int, str]]:
    text = VERBS.read_text(encoding="utf-8")
    return [(n, ln) for n, ln in enumerate(text.splitlines(), 1) if ln.strip() and not ln.startswith("#")]


@cache
def rows() -> list[dict[str, str]]:
    lines = _data_lines()
    header = lines[0][1].split("\t")
    out = []
    for n, ln in lines[1:]:
        fields = ln.split("\t")
        assert len(fields) == len(HEADER), f"verbs.tsv line {n}: {len(fields)} fields, want 6: {ln!r}"
        out.append(dict(zip(header, fields, strict=True)) | {"_line": str(n)})
    return out


@cache
def cues() -> dict:
    return yaml.safe_load(CUES.read_text(encoding="utf-8"))


# --- verbs.tsv: shape ---------------------------------------------------------------------------------


def test_file_is_utf8_without_blank_lines() -> None:
    text = VERBS.read_bytes().decode("utf-8")
    assert "\r" not in text
    assert all(ln.strip() for ln in text.splitlines()), "use '#' lines instead of blank lines"


def test_header() -> None:
    assert _data_lines()[0][1].split("\t") == HEADER


def test_rows_parse() -> None:
    assert len(rows()) >= 250


def test_patterns_are_normalised() -> None:
    for r in rows():
        p = r["pattern"]
        assert p, r
        assert p == p.strip().lower(), f"line {r['_line']}: pattern must be lower case and trimmed: {p!r}"
        assert "  " not in p and "\t" not in p, f"line {r['_line']}: single spaces only: {p!r}"
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*", p), f"line {r['_line']}: {p!r}"


def test_no_duplicate_patterns() -> None:
    dup = [p for p, n in Counter(r["pattern"] for r in rows()).items() if n > 1]
    assert not dup, f"duplicate patterns: {dup}"


def test_plover_types() -> None:
    bad = [(r["_line"], r["plover"]) for r in rows() if r["plover"] not in PLOVER_TYPES]
    assert not bad, f"unknown PLOVER types: {bad}"


def test_every_plover_type_has_at_least_five_patterns() -> None:
    counts = Counter(r["plover"] for r in rows())
    thin = {t: counts.get(t, 0) for t in PLOVER_TYPES if counts.get(t, 0) < 5}
    assert not thin, f"PLOVER types with fewer than 5 patterns: {thin}"


def test_modes_belong_to_their_plover_type() -> None:
    bad = [
        (r["_line"], r["pattern"], r["plover"], r["mode"])
        for r in rows()
        if r["mode"] and r["mode"] not in MODES[r["plover"]]
    ]
    assert not bad, f"modes not allowed for their PLOVER type: {bad}"


def test_cameo_codes() -> None:
    for r in rows():
        c = r["cameo"]
        assert re.fullmatch(r"\d{2,4}", c), f"line {r['_line']}: CAMEO code must be 2-4 digits: {c!r}"
        assert 1 <= int(c[:2]) <= 20, f"line {r['_line']}: CAMEO root must be 01..20: {c!r}"
        assert c in GDELT_GOLDSTEIN, f"line {r['_line']}: {c!r} is not a CAMEO code in GDELT's table"


def test_goldstein_range_and_consistency() -> None:
    by_code: dict[str, set[float]] = defaultdict(set)
    for r in rows():
        g = float(r["goldstein"])
        assert -10.0 <= g <= 10.0, f"line {r['_line']}: Goldstein {g} out of range"
        by_code[r["cameo"]].add(g)
    inconsistent = {c: sorted(v) for c, v in by_code.items() if len(v) > 1}
    assert not inconsistent, f"one CAMEO code, several Goldstein weights: {inconsistent}"


def test_goldstein_matches_gdelt_table() -> None:
    bad = [
        (r["_line"], r["pattern"], r["cameo"], r["goldstein"], GDELT_GOLDSTEIN[r["cameo"]])
        for r in rows()
        if float(r["goldstein"]) != float(GDELT_GOLDSTEIN[r["cameo"]])
    ]
    assert not bad, f"Goldstein weights differ from GDELT's CAMEO.goldsteinscale.txt: {bad}"


def test_speech_verbs_are_not_events() -> None:
    speech = set(cues()["speech_verbs"])
    bad = [r["pattern"] for r in rows() if r["pattern"] in speech]
    assert not bad, f"speech verbs must not be event patterns on their own: {bad}"


# --- cues.yaml ----------------------------------------------------------------------------------------


def test_cues_load_with_all_keys() -> None:
    data = cues()
    assert isinstance(data, dict)
    for key in CUE_KEYS:
        assert key in data, f"cues.yaml lacks {key!r}"
        assert isinstance(data[key], list) and data[key], f"cues.yaml {key!r} must be a non-empty list"


def test_cue_entries_are_lower_case_strings_without_duplicates() -> None:
    for key, items in cues().items():
        if isinstance(items, dict):  # a word -> value table (plural_possessives: noun -> sector)
            assert all(isinstance(v, str) and v.isupper() for v in items.values()), key
            items = list(items)
        assert isinstance(items, list), key
        for item in items:
            assert isinstance(item, str), f"{key}: {item!r} is not a string"
            assert item == item.strip().lower() and "  " not in item, f"{key}: {item!r}"
        dup = [w for w, n in Counter(items).items() if n > 1]
        assert not dup, f"{key}: duplicates {dup}"


def test_negation_basics() -> None:
    data = cues()
    assert {"tidak", "tak", "bukan", "belum", "tanpa"} <= set(data["negation"])
    assert {"menolak", "enggan", "urung", "batal", "gagal"} <= set(data["negating_verbs"])
    assert data["passive_agent"] == ["oleh"]


# --- PySastrawi behaviour -------------------------------------------------------------------------------


def _pattern_row(pattern: str) -> dict[str, str]:
    found = [r for r in rows() if r["pattern"] == pattern]
    assert found, f"{pattern!r} is not in verbs.tsv"
    return found[0]


@pytest.mark.parametrize(
    ("pattern", "expected", "plover"),
    [
        ("mengecam", ("kecam",), "ACCUSE"),
        ("menolak", ("tolak",), "REJECT"),
        ("bertemu", ("temu",), "CONSULT"),
    ],
)
def test_core_pattern_stems(pattern: str, expected: tuple[str, ...], plover: str) -> None:
    assert _pattern_row(pattern)["plover"] == plover
    assert stems_of(pattern) == expected


@pytest.mark.parametrize(
    ("passive", "active"),
    [
        ("dikecam", "mengecam"),
        ("ditolak", "menolak"),
        ("dikutuk", "mengutuk"),
        ("diserang", "menyerang"),
        ("ditangkap", "menangkap"),
        ("dikunjungi", "berkunjung"),
        ("disepakati", "menyepakati"),
        ("dijatuhi", "menjatuhkan"),
    ],
)
def test_passive_stems_like_active(passive: str, active: str) -> None:
    assert stem(passive) == stem(active)


def test_sastrawi_blind_spots_are_listed_explicitly() -> None:
    # Sastrawi leaves these forms unstemmed or gives them another stem, so the lexicon lists them itself.
    assert stem("ditandatangani") != stem("menandatangani")
    assert stem("mengunjungi") != stem("dikunjungi")
    patterns = {r["pattern"] for r in rows()}
    assert {"menandatangani", "ditandatangani", "mengunjungi", "berkunjung"} <= patterns


def test_no_identical_stems_across_plover_types() -> None:
    """Two patterns with the same stems and different PLOVER types can only be told apart by surface form.

    Such collisions are printed (and raised as warnings); shared first stems, where the longest match
    decides (``menolak`` REJECT vs ``menolak berunding`` REJECT/meet vs ``bertolak ke`` CONSULT), are only
    printed: run ``pytest -s`` to see them.
    """
    by_stems: dict[tuple[str, ...], list[dict[str, str]]] = defaultdict(list)
    for r in rows():
        by_stems[stems_of(r["pattern"])].append(r)
    collisions = {s: rs for s, rs in by_stems.items() if len({r["plover"] for r in rs}) > 1}
    for s, rs in collisions.items():
        if len({tuple(w.endswith("nya") for w in r["pattern"].split()) for r in rs}) == len(rs):
            continue  # told apart by the -nya a pattern word asks for ("duta besarnya"): no surprise to warn of
        msg = f"stem collision {' '.join(s)!r}: " + ", ".join(f"{r['pattern']} ({r['plover']})" for r in rs)
        print("WARNING", msg)
        warnings.warn(msg, stacklevel=1)

    one_word = {stems_of(r["pattern"])[0]: r for r in rows() if len(r["pattern"].split()) == 1}
    for r in rows():
        s = stems_of(r["pattern"])
        if len(s) < 2:
            continue
        for t in s:
            other = one_word.get(t)
            if other is not None and other["plover"] != r["plover"]:
                print(
                    f"note: stem {t!r} of {other['pattern']} ({other['plover']}) "
                    f"occurs in {r['pattern']} ({r['plover']})"
                )
    # identical stems across types must at least differ in the surface of the first word, or in the enclitic
    # -nya that a pattern word asks for ("memanggil duta besarnya" recall / "memanggil duta besar" summons)
    for rs in collisions.values():
        firsts = [
            (r["pattern"].split()[0], tuple(w.endswith("nya") for w in r["pattern"].split())) for r in rs
        ]
        assert len(set(firsts)) == len(firsts), f"indistinguishable patterns: {[r['pattern'] for r in rs]}"


def test_ambiguous_surface_forms_really_collide() -> None:
    """Each listed false friend must share its stem with a one-word pattern, or it is stale."""
    one_word = {stem(r["pattern"]): r["pattern"] for r in rows() if " " not in r["pattern"]}
    patterns = {r["pattern"] for r in rows()}
    for form in cues().get("ambiguous_surface_forms", []):
        assert stem(form) in one_word, f"{form!r} (stem {stem(form)!r}) collides with no one-word pattern"
        assert form not in patterns, f"{form!r} is itself a pattern"

"""warta.pos: the shipped Indonesian POS tagger, its tokeniser, its model file and its training script."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from warta import pos

ROOT = Path(__file__).resolve().parents[1]


def tags_of(text: str) -> dict[str, str]:
    return {t: g for t, _, _, g in pos.tag_text(text)}


@pytest.fixture(scope="module")
def train_pos() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_pos", ROOT / "scripts" / "train_pos.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["train_pos"] = mod
    spec.loader.exec_module(mod)
    return mod


# --- tagging --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "verb"),
    [
        ("Pemerintah Indonesia mengecam serangan terhadap warga sipil di Gaza.", "mengecam"),
        ("Menteri Luar Negeri Rusia Sergei Lavrov bertemu dengan Menlu Tiongkok di Goa.", "bertemu"),
        ("Tindakan itu dikecam oleh banyak negara anggota PBB.", "dikecam"),
        ("Kedua menteri menandatangani nota kesepahaman di Jakarta pada Selasa.", "menandatangani"),
        ("Prabowo Subianto akan bertemu Perdana Menteri Jepang pekan depan.", "bertemu"),
        ("Presiden mengecam keras keputusan tersebut.", "mengecam"),
    ],
)
def test_verbs_are_verbs(sentence: str, verb: str) -> None:
    assert pos.is_verb(tags_of(sentence)[verb])


@pytest.mark.parametrize(
    ("sentence", "noun"),
    [
        ("Kecaman itu datang dari berbagai negara.", "Kecaman"),
        ("Pemerintah menyampaikan kecaman keras atas serangan itu.", "kecaman"),
        ("Pertemuan kedua menteri berlangsung tertutup.", "Pertemuan"),
        ("Dalam pertemuan itu, mereka membahas kerja sama pertahanan.", "pertemuan"),
        ("Penandatanganan perjanjian dilakukan di Istana Merdeka.", "Penandatanganan"),
        ("Mereka menghadiri upacara penandatanganan kesepakatan dagang.", "penandatanganan"),
    ],
)
def test_nouns_with_the_same_roots_are_nouns(sentence: str, noun: str) -> None:
    assert pos.is_noun(tags_of(sentence)[noun])


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Menteri Pertahanan Prabowo Subianto tiba di Tokyo.", "Prabowo"),
        ("Delegasi itu tiba di Jakarta pada Senin malam.", "Jakarta"),
        ("Lavrov mengatakan Rusia siap berunding.", "Lavrov"),
        ("Sergei Lavrov menuduh Barat menghalangi perundingan.", "Lavrov"),
        ("Menlu Retno Marsudi mengecam serangan itu.", "Menlu"),
        ("Mengutip Reuters, Kremlin membantah laporan itu.", "Reuters"),
    ],
)
def test_proper_nouns_are_proper_nouns(sentence: str, name: str) -> None:
    assert pos.is_proper(tags_of(sentence)[name])


def test_tag_takes_tokens_and_returns_one_tag_each() -> None:
    toks = ["Retno", "Marsudi", "bertemu", "dengan", "Penny", "Wong", "di", "Canberra", "."]
    tags = pos.tag(toks)
    assert len(tags) == len(toks)
    assert tags[2] == "VB" and tags[-1] == "SYM" and tags[0] == "NNP"
    assert set(tags) <= set(pos.load_model().tags)
    assert pos.tag([]) == []


def test_tag_text_offsets_point_into_the_text() -> None:
    text = "“Kami menolaknya,” kata juru bicaranya di Beijing, Rabu (19/9/2023)."
    out = pos.tag_text(text)
    assert all(text[s:e] == t for t, s, e, _ in out)
    toks = [t for t, _, _, _ in out]
    assert toks[:5] == ["“", "Kami", "menolak", "nya", ","]
    assert "19/9/2023" in toks
    by = dict((t, g) for t, _, _, g in out)
    assert by["19/9/2023"] == "NUM" and by["“"] == "SYM" and by["Beijing"] == "NNP"


# --- tokenising -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("mitranya", ["mitra", "nya"]),
        ("Sebelumnya, hanya dia yang punya", ["Sebelumnya", ",", "hanya", "dia", "yang", "punya"]),
        ("Inilah kebijakannya", ["Ini", "lah", "kebijakan", "nya"]),
        ("apakah adalah sekolah", ["apa", "kah", "adalah", "sekolah"]),
        ("rumahmu ilmu buku", ["rumah", "mu", "ilmu", "buku"]),
        ("Rp1.500.000 dan Rp 2,5 triliun", ["Rp", "1.500.000", "dan", "Rp", "2,5", "triliun"]),
        ("Selasa (19/9/2023) pukul 10.00 WIB", ["Selasa", "(", "19/9/2023", ")", "pukul", "10.00", "WIB"]),
        ("naik 25% atau 1,5 persen.", ["naik", "25%", "atau", "1,5", "persen", "."]),
        ("negara-negara ke-12 U-23", ["negara-negara", "ke-12", "U-23"]),
        ("Dr. Jum'at", ["Dr", ".", "Jum", "'", "at"]),
        ("lihat https://www.kompas.com/x, atau", ["lihat", "https://www.kompas.com/x", ",", "atau"]),
        ("Liputan6.com, Tokyo - Presiden", ["Liputan6.com", ",", "Tokyo", "-", "Presiden"]),
    ],
)
def test_tokenize_follows_the_corpus(text: str, tokens: list[str]) -> None:
    out = pos.tokenize(text)
    assert [t for t, _, _ in out] == tokens
    assert all(text[s:e] == t for t, s, e in out)


# --- the model file -------------------------------------------------------------------------------


def test_shipped_model_loads_offline_and_is_small() -> None:
    assert pos.MODEL_PATH.is_file() and pos.MODEL_PATH.stat().st_size < 5_000_000
    model = pos.load_model()
    assert model is pos.load_model()  # read once
    assert {"VB", "NN", "NNP", "SYM", "NUM"} <= set(model.tags) and len(model.tags) == 16
    assert model.meta["feature_version"] == pos.FEATURE_VERSION, (
        "features changed: rerun scripts/train_pos.py"
    )
    meta = json.loads(pos.META_PATH.read_text(encoding="utf-8"))
    assert meta["model"] == pos.MODEL_PATH.name and "MIT" in meta["source"]["licence"]
    assert meta["held_out"]["accuracy"] > 0.97


def test_model_format_round_trips(tmp_path: Path) -> None:
    model = pos.Model(
        tags=("NN", "SYM", "VB"),
        weights={"b": ((0, 12), (2, -3)), "l bertemu": ((2, 250),), "s3 uan": ((0, 40), (2, -40))},
        tagdict={"dan": 0},
        whole=frozenset({"hanya"}),
        vocab=frozenset({"mitra", "rumah"}),
        meta={"feature_version": pos.FEATURE_VERSION, "note": "test"},
    )
    path = tmp_path / "m.json.gz"
    pos.save_model(model, path)
    back = pos.read_model(path)
    assert back == model
    first = path.read_bytes()
    pos.save_model(back, path)
    assert path.read_bytes() == first  # deterministic bytes
    assert pos._tag_with(back, ["bertemu", "."]) == ["VB", "SYM"]
    shipped = pos.load_model()
    pos.save_model(shipped, tmp_path / "shipped.json.gz")
    again = pos.read_model(tmp_path / "shipped.json.gz")
    assert again.weights == shipped.weights and again.tagdict == shipped.tagdict


def test_a_file_that_is_not_a_model_is_refused(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "bad.json.gz"
    path.write_bytes(gzip.compress(b'{"format": "something-else"}'))
    with pytest.raises(ValueError, match="not a warta-pos-perceptron model"):
        pos.read_model(path)


# --- the training script --------------------------------------------------------------------------

TINY = """\
Menlu\tNNP
Retno\tNNP
bertemu\tVB
dengan\tIN
Lavrov\tNNP
.\tSYM

Presiden\tNN
mengecam\tVB
serangan\tNN
itu\tDT
.\tSYM

Pertemuan\tNN
itu\tDT
berlangsung\tVB
di\tIN
Jakarta\tNNP
.\tSYM

Mereka\tPR
menandatangani\tVB
perjanjian\tNN
dagang\tNN
nya\tPR
.\tSYM

Kecaman\tNN
datang\tvb
dari\tIN
Moskow\tNNP
.\tSYM

"""


def test_training_script_evaluates_a_tiny_inline_corpus(train_pos: ModuleType, tmp_path: Path) -> None:
    sents = train_pos.parse(TINY * 4)
    assert len(sents) == 20 and sents[4][1][1] == "VB"  # "vb" read as VB
    assert len(train_pos.dedupe(sents)) == 5
    res = train_pos.held_out(sents * 1, iterations=3, holdout=0.2, verbose=False)
    assert res["tokens"] > 0 and 0.0 <= res["accuracy"] <= 1.0 and res["tokens_per_second"] > 0
    train_part, test_part = train_pos.split(sents, 0.2)
    assert len(test_part) == 4 and len(train_part) == 16
    assert train_pos.split(sents, 0.2) == (train_part, test_part)  # fixed seed
    model = train_pos.train(sents, iterations=3, verbose=False)
    assert model.tagdict["Menlu"] == model.tags.index("NNP")  # the hand additions
    tagged = pos._tag_with(model, ["Presiden", "mengecam", "serangan", "itu", "."])
    assert tagged == ["NN", "VB", "NN", "DT", "SYM"]  # a training sentence is learnt


def test_training_script_main_writes_model_and_sidecar(train_pos: ModuleType, tmp_path: Path) -> None:
    corpus = tmp_path / "dataset_postag.txt"
    corpus.write_text(TINY * 3, encoding="utf-8")
    out = tmp_path / "pos-test.json.gz"
    assert train_pos.main([str(corpus), "--out", str(out), "--iterations", "2"]) == 0
    meta = json.loads((tmp_path / "pos-test.meta.json").read_text(encoding="utf-8"))
    assert meta["model"] == out.name and meta["corpus"]["sentences"] == 15
    assert meta["corpus"]["unique_sentences"] == 5 and "accuracy" in meta["held_out"]
    assert pos.read_model(out).tags == ("DT", "IN", "NN", "NNP", "PR", "SYM", "VB")

"""warta.ner: the shipped CRF model, tagging, character spans, CoNLL I/O and entity-level scoring."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from warta import ner

NER_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner"
# Measured micro F1 of the shipped model on NERGrit test is in docs/ner.md; the floor sits a little under it.
NERGRIT_TEST_FLOOR = 0.70


def ents(text: str) -> set[tuple[str, str]]:
    return {(text[s:e], t) for s, e, t in ner.entities(text)}


# --- the model -----------------------------------------------------------------------------------


def test_model_ships_and_loads_offline():
    assert ner.MODEL_PATH.is_file()
    assert ner.MODEL_PATH.stat().st_size < 8_000_000
    meta = json.loads(ner.MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert meta["feature_version"] == ner.FEATURE_VERSION, "features changed: rerun scripts/train_ner.py"
    labels = set(ner._tagger().labels())
    assert {"O", "B-PER", "B-ORG", "B-LOC"} <= {ner._repair([t])[0] for t in labels}


def test_word_resource_ships_and_feeds_the_features():
    assert ner.WORDS_PATH.is_file() and ner.WORDS_PATH.stat().st_size < 2_000_000
    words = ner._words()
    assert words["jakarta"][0] == "NNP" and words["mengatakan"][0] == "VB"
    assert words["jakarta"][2][:4] == words["surabaya"][2][:4]  # cities cluster together
    toks = "Menteri Energi dan Sumber Daya Mineral tiba di Jakarta .".split()
    feats = ner.sent_features(toks)
    assert "run=B" in feats[0] and "runL=mineral" in feats[2] and "run=E" in feats[5]
    assert "pos=NNP" in feats[8] and any(f.startswith("cl8=") for f in feats[8])
    assert "oov" in ner.sent_features(["Xqzvw"])[0]


def test_tag_news_sentence():
    toks = "Menteri Luar Negeri Retno Marsudi bertemu Presiden Joko Widodo di Jakarta .".split()
    tags = ner.tag(toks)
    assert len(tags) == len(toks)
    assert tags[3:5] == ["B-PER", "I-PER"]
    assert tags[7:9] == ["B-PER", "I-PER"]
    assert tags[10] == "B-LOC"
    assert tags[0:3] == ["O", "O", "O"] and tags[-1] == "O"


def test_tag_empty_and_valid_iob2():
    assert ner.tag([]) == []
    toks = (
        "Wakil Ketua DPR Fadli Zon mengkritik kebijakan Kementerian Keuangan di Senayan , Jakarta .".split()
    )
    tags = ner.tag(toks)
    for prev, cur in zip(["O", *tags], tags, strict=False):
        assert cur == "O" or cur[:2] in ("B-", "I-")
        if cur.startswith("I-"):
            assert prev[2:] == cur[2:]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Menteri Luar Negeri Retno Marsudi bertemu Presiden Joko Widodo di Jakarta.",
            {("Retno Marsudi", "PER"), ("Joko Widodo", "PER"), ("Jakarta", "LOC")},
        ),
        (
            "Komisi Pemberantasan Korupsi (KPK) menahan seorang pejabat di Surabaya, Jawa Timur, Selasa.",
            {("KPK", "ORG"), ("Surabaya", "LOC"), ("Jawa Timur", "LOC")},
        ),
        (
            "Perdana Menteri Malaysia Anwar Ibrahim tiba di Bandung untuk bertemu Prabowo Subianto.",
            {("Anwar Ibrahim", "PER"), ("Bandung", "LOC"), ("Prabowo Subianto", "PER")},
        ),
        (
            "Ketua Umum PDIP Megawati Soekarnoputri mengatakan partainya tidak akan berkoalisi dengan Golkar.",
            {("PDIP", "ORG"), ("Megawati Soekarnoputri", "PER"), ("Golkar", "ORG")},
        ),
    ],
)
def test_entities_finds_the_obvious(text, expected):
    found = ents(text)
    assert expected <= found, f"missing {expected - found}; got {found}"


def test_entities_offsets_slice_exactly():
    text = (
        "  Presiden Joko Widodo (Jokowi) tiba di\nYogyakarta,  Senin.\n\nKapolri Listyo Sigit hadir di Solo. "
    )
    spans = ner.entities(text)
    assert spans
    for s, e, t in spans:
        assert t in ner.TYPES
        piece = text[s:e]
        assert piece == piece.strip() and piece
        assert 0 <= s < e <= len(text)
    assert ("Joko Widodo", "PER") in ents(text)
    assert any(text[s:e] == "Yogyakarta" for s, e, _ in spans)
    assert ner.entities("") == []


def test_tokenize_keeps_offsets():
    text = "Harga naik 3,5 persen; Jl. Thamrin-Sudirman (Jakarta)."
    toks = ner.tokenize(text)
    assert all(text[s:e] == tok for tok, s, e in toks)
    assert [t for t, _, _ in toks][:4] == ["Harga", "naik", "3,5", "persen"]
    assert "Thamrin" in [t for t, _, _ in toks] and "-" in [t for t, _, _ in toks]


# --- IOB helpers ---------------------------------------------------------------------------------


def test_spans_conlleval_style():
    tags = ["B-PER", "I-PER", "O", "I-LOC", "I-LOC", "B-LOC", "B-ORG", "I-PER", "O"]
    assert ner.spans(tags) == [(0, 2, "PER"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"), (7, 8, "PER")]
    assert ner.spans([]) == []
    assert ner._repair(["O", "I-PER", "I-PER", "U-LOC", "B-ORG", "L-ORG"]) == [
        "O",
        "B-PER",
        "I-PER",
        "B-LOC",
        "B-ORG",
        "I-ORG",
    ]
    assert ner.to_bilou(["B-PER", "I-PER", "I-PER", "B-LOC", "O"]) == [
        "B-PER",
        "I-PER",
        "L-PER",
        "U-LOC",
        "O",
    ]


def test_normalize_tag():
    assert ner.normalize_tag("B-PERSON") == "B-PER"
    assert ner.normalize_tag("I-PLACE") == "I-LOC"
    assert ner.normalize_tag("B-LOCATION") == "B-LOC"
    assert ner.normalize_tag("I-ORGANISATION") == "I-ORG"
    assert ner.normalize_tag("B-ORGANIZATION") == "B-ORG"
    assert ner.normalize_tag("O") == "O"
    assert ner.normalize_tag("B-MISC") == "O"


# --- evaluation ----------------------------------------------------------------------------------


def test_evaluate_hand_example():
    gold = [
        ["B-PER", "I-PER", "O", "B-LOC", "O"],
        ["B-ORG", "O", "B-PER", "O"],
    ]
    pred = [
        ["B-PER", "I-PER", "O", "B-ORG", "O"],  # PER right, LOC typed as ORG
        ["B-ORG", "O", "B-PER", "I-PER"],  # ORG right, PER with the wrong end
    ]
    r = ner.evaluate(gold, pred)
    assert r["PER"]["correct"] == 1 and r["PER"]["support"] == 2 and r["PER"]["predicted"] == 2
    assert r["PER"]["precision"] == pytest.approx(0.5) and r["PER"]["f1"] == pytest.approx(0.5)
    assert r["LOC"]["recall"] == 0 and r["LOC"]["f1"] == 0 and r["LOC"]["predicted"] == 0
    assert r["ORG"]["precision"] == pytest.approx(0.5) and r["ORG"]["recall"] == pytest.approx(1.0)
    assert r["ORG"]["f1"] == pytest.approx(2 / 3)
    m = r["micro"]
    assert (m["correct"], m["predicted"], m["support"]) == (2, 4, 4)
    assert m["precision"] == m["recall"] == m["f1"] == pytest.approx(0.5)
    perfect = ner.evaluate(gold, gold)
    assert perfect["micro"]["f1"] == 1.0
    with pytest.raises(ValueError):
        ner.evaluate(gold, pred[:1])


# --- CoNLL I/O -----------------------------------------------------------------------------------


def test_read_write_conll_round_trip(tmp_path):
    src = "-DOCSTART-\tO\n\nJokowi\tNNP\tB-PER\ntiba\tVB\tO\n\n\nDi\tIN\tO\nBogor\tNNP\tB-LOC\n"
    path = tmp_path / "in.conll"
    path.write_text(src, encoding="utf-8")
    sents = ner.read_conll(path)
    assert [[t for t, _ in s] for s in sents] == [["Jokowi", "tiba"], ["Di", "Bogor"]]
    assert sents[0][0] == ("Jokowi", "NNP\tB-PER")
    out = io.StringIO()
    ner.write_conll(sents, [["B-PER", "O"], ["O", "B-LOC"]], out)
    assert (
        out.getvalue()
        == "Jokowi\tNNP\tB-PER\tB-PER\ntiba\tVB\tO\tO\n\nDi\tIN\tO\tO\nBogor\tNNP\tB-LOC\tB-LOC\n\n"
    )
    again = ner.read_conll(io.StringIO(out.getvalue()))
    assert [[t for t, _ in s] for s in again] == [["Jokowi", "tiba"], ["Di", "Bogor"]]
    assert again[0][0][1].split("\t")[:2] == ["NNP", "B-PER"]
    with pytest.raises(ValueError):
        ner.write_conll(sents, [["O"]], io.StringIO())


def test_tokens_only_conll_and_tag_conll(tmp_path):
    path = tmp_path / "tokens.txt"
    path.write_text("Presiden\nJoko\nWidodo\ntiba\ndi\nJakarta\n.\n", encoding="utf-8")
    out = io.StringIO()
    assert ner.tag_conll(path, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[-1] == ""
    assert [ln.split("\t") for ln in lines[:-1]][1] == ["Joko", "B-PER"]
    assert lines[5] == "Jakarta\tB-LOC"


# --- accuracy on held-out data -------------------------------------------------------------------


def test_shipped_model_scores_on_nergrit_test():
    path = NER_DATA / "nergrit" / "test_preprocess.txt"
    if not path.is_file():
        pytest.skip(f"{NER_DATA} is not present")
    sents = ner.read_conll(path)
    gold = [[ner.normalize_tag(t) for _, t in s] for s in sents]
    pred = ner.tag_many([[tok for tok, _ in s] for s in sents])
    r = ner.evaluate(gold, pred)
    assert r["micro"]["f1"] >= NERGRIT_TEST_FLOOR, r["micro"]
    for t in ner.TYPES:
        assert r[t]["support"] > 0

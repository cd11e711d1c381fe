"""Part-of-speech tagging for Indonesian: a small averaged-perceptron tagger, pure Python, offline.

The model (``warta/models/pos-id.json.gz``, metadata in ``pos-id.meta.json``) is trained by
``scripts/train_pos.py`` on the POS corpus that ships in the nlp-id wheel (kumparan, MIT licence,
``nlp_id/data/dataset_postag.txt``: 32,780 news sentences, about 560,000 tokens). nlp-id itself is not
used or imported: only its corpus, at training time.

    >>> tag(["Menlu", "Retno", "Marsudi", "mengecam", "serangan", "itu", "."])
    ['NNP', 'NNP', 'NNP', 'VB', 'NN', 'DT', 'SYM']

Tag set (the corpus's; descriptions after the nlp-id documentation):

=====  ==========================================================================================
ADV    adverb, including modals and auxiliaries (sangat, hanya, sudah, akan, harus, boleh)
CC     coordinating conjunction (dan, atau, tetapi)
DT     determiner / article (para, sang, si, ini, itu, -nya as a definite marker)
FW     foreign word (workshop, e-commerce, self declare)
IN     preposition (di, ke, dari, dengan, dalam, kepada, terhadap)
JJ     adjective (baru, besar, resmi), also ordinals such as ke-12
NEG    negation (tidak, tak, belum, bukan, jangan)
NN     common noun (pertemuan, kecaman, pesawat, menteri) — **noun**
NNP    proper noun (Prabowo, Jakarta, Garuda Indonesia, Piala Dunia) — **proper noun**
NUM    number, cardinal and ordinal, dates written with digits (18, 3/12/2019, 1.500.000, empat, juta)
PR     pronoun, personal and demonstrative, and the relative "yang" (saya, mereka, -nya, yang)
RP     particle (pun, -lah, -kah)
SC     subordinating conjunction (bahwa, karena, jika, sehingga, sejak)
SYM    symbol and punctuation (. , " ( ) / Rp %)
UH     interjection (ayo, nah, ah)
VB     verb: transitive, intransitive, active, passive (mengecam, bertemu, dikecam, menjadi) — **verb**
       (the corpus tags the copula "adalah" ADV)
=====  ==========================================================================================

So ``VB`` is the verb tag, ``NN`` the common noun and ``NNP`` the proper noun (``is_verb``,
``is_noun`` and ``is_proper`` say so in code).

Tokenisation (``tokenize``) follows the corpus: punctuation is split off, also inside words
("Jum'at" -> Jum ' at, "Dr." -> Dr .); numbers with separators stay whole (19/9/2023, 1.500.000, 2,5,
10.00, 25%), a currency "Rp" is split from its amount (Rp1.500.000 -> Rp 1.500.000, as the corpus
writes "Rp 14.100"); hyphenated words stay whole (negara-negara, ke-12, U-23, A330-900); the clitics
-nya, -ku, -mu and the particles -lah, -kah are split off (mitranya -> mitra nya, inilah -> ini lah)
unless the corpus keeps the word whole (sebelumnya, hanya, punya, adalah, sekolah, ilmu). The
proclitic ku- ("kuambil") is not split. URLs, e-mail addresses and domain names (Liputan6.com) are
single tokens.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "pos-id.json.gz"
META_PATH = MODEL_DIR / "pos-id.meta.json"
MODEL_FORMAT = "warta-pos-perceptron"
# Bump when ``features``/``normalise``/``shape`` change: the shipped model must then be retrained (tested).
FEATURE_VERSION = 1

VERB_TAGS = frozenset({"VB"})
NOUN_TAGS = frozenset({"NN"})
PROPER_TAGS = frozenset({"NNP"})

START = ("-START-", "-START2-")
END = ("-END-", "-END2-")

_TOKEN_RE = re.compile(
    r"""
    (?:https?://|www\.)[^\s"'<>()\[\]{}]*[^\s"'<>()\[\]{}.,;:!?]     # URL
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                    # e-mail
    | [^\W_][\w-]*(?:\.[\w-]+)*\.(?:com|id|io|org|net|html)\b        # domain: Liputan6.com, detik.com
    | (?:Rp|RP|rp)(?=\d)                                              # currency before its amount
    | \d+(?:[.,/:]\d+)+%?                                             # 19/9/2023 1.500.000 2,5 10.00
    | \d+%                                                            # 25%
    | [^\W_]+(?:-[^\W_]+)*                                            # words, also hyphenated
    | \S                                                              # any other character
    """,
    re.VERBOSE,
)
_WORDLIKE = re.compile(r"[^\W\d_]+")
_NORMALISE = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"}
)
_PARTICLES = ("lah", "kah")
_PRONOUNS = ("nya", "ku", "mu")
_SENT_END = frozenset({".", "!", "?"})
_SYM = -1  # tag index standing for SYM: a token with no letter or digit is punctuation


@dataclass(frozen=True)
class Model:
    """A trained tagger: classes, weights (scaled integers), tag dictionary and clitic lexicon."""

    tags: tuple[str, ...]
    weights: Mapping[str, tuple[tuple[int, int], ...]]  # feature -> ((tag index, weight), ...)
    tagdict: Mapping[str, int]  # frequent unambiguous word -> tag index
    whole: frozenset[str]  # lower-case words ending in a clitic that the corpus keeps whole
    vocab: frozenset[str]  # lower-case corpus words (bases a clitic may be split from)
    meta: Mapping[str, Any]


# --- tokenising -----------------------------------------------------------------------------------


def split_clitics(word: str, whole: frozenset[str], vocab: frozenset[str]) -> list[str]:
    """Split -lah/-kah and then -nya/-ku/-mu off ``word`` as the corpus does (``mitranya`` -> mitra nya)."""
    low = word.lower()
    if low in whole or not word.isalpha():
        return [word]
    tail: list[str] = []
    for part in _PARTICLES:
        if low.endswith(part):
            base = low[: -len(part)]
            if len(base) >= 3 and (base in vocab or base in whole or base.endswith(_PRONOUNS)):
                tail.append(word[-len(part) :])
                word, low = word[: -len(part)], base
            break
    if low not in whole:
        for part in _PRONOUNS:
            if low.endswith(part):
                base = low[: -len(part)]
                if part == "nya":
                    ok = len(base) >= 2 and (base in vocab or len(base) >= 4)
                else:
                    ok = len(base) >= 3 and base in vocab
                if ok:
                    tail.insert(0, word[-len(part) :])
                    word = word[: -len(part)]
                break
    return [word, *tail]


def tokenize(text: str, model: Model | None = None) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as (token, start, end), character offsets into ``text``."""
    m = model or load_model()
    out: list[tuple[str, int, int]] = []
    for mt in _TOKEN_RE.finditer(text):
        tok, start = mt.group(), mt.start()
        if len(tok) > 3 and tok.isalpha():
            parts = split_clitics(tok, m.whole, m.vocab)
            if len(parts) > 1:
                for p in parts:
                    out.append((p, start, start + len(p)))
                    start += len(p)
                continue
        out.append((tok, start, mt.end()))
    return out


# --- features -------------------------------------------------------------------------------------


def shape(word: str) -> str:
    """Word shape with runs collapsed: Jakarta -> Xx, KPK -> X, 3/12/2019 -> d/d/d, A330-900 -> Xd-d."""
    out: list[str] = []
    last = ""
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if c != last:
            out.append(c)
            last = c
    return "".join(out)


def normalise(word: str) -> str:
    """The form features see: curly quotes and dashes made plain, numbers reduced to their shape."""
    word = word.translate(_NORMALISE)
    if any(ch.isdigit() for ch in word):
        return "!" + shape(word)
    return word


def features(i: int, words: Sequence[str], lowers: Sequence[str], prev: str, prev2: str) -> list[str]:
    """Features of token ``i``; ``words``/``lowers`` are normalised and padded with START/END (2 each)."""
    j = i + 2
    w = words[j]
    low = lowers[j]
    nxt = lowers[j + 1]
    prv = lowers[j - 1]
    f = [
        "b",
        "w " + w,
        "l " + low,
        "p1 " + low[:1],
        "p2 " + low[:2],
        "p3 " + low[:3],
        "s1 " + low[-1:],
        "s2 " + low[-2:],
        "s3 " + low[-3:],
        "sh " + shape(w),
        "t1 " + prev,
        "t2 " + prev2 + " " + prev,
        "tw " + prev + " " + low,
        "l-1 " + prv,
        "s-1 " + prv[-3:],
        "l-2 " + lowers[j - 2],
        "l+1 " + nxt,
        "s+1 " + nxt[-3:],
        "l+2 " + lowers[j + 2],
        "sh+1 " + shape(words[j + 1]),
        "wn " + low + " " + nxt,
        "pl " + low[:3] + " " + str(min(len(low), 9)),
        "shn " + shape(w) + " " + shape(words[j + 1]),
    ]
    if i == 0:
        f.append("i0 " + shape(w))
    return f


def prepare(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """Normalised and lower-cased tokens, padded with two START and two END symbols."""
    words = [normalise(t) for t in tokens]
    return [*START, *words, *END], [*START, *(w.lower() for w in words), *END]


# --- tagging --------------------------------------------------------------------------------------


def _tag_with(model: Model, tokens: Sequence[str]) -> list[str]:
    tags = model.tags
    ntags = len(tags)
    weights = model.weights
    tagdict = model.tagdict
    words, lowers = prepare(tokens)
    prev, prev2 = START
    out: list[str] = []
    for i in range(len(tokens)):
        w = words[i + 2]
        t = tagdict.get(w)
        if t is None and not any(ch.isalnum() for ch in w):
            t = _SYM
        if t is None:
            scores = [0] * ntags
            for feat in features(i, words, lowers, prev, prev2):
                wv = weights.get(feat)
                if wv is not None:
                    for c, v in wv:
                        scores[c] += v
            best = max(range(ntags), key=scores.__getitem__)
            guess = tags[best]
        else:
            guess = "SYM" if t == _SYM else tags[t]
        out.append(guess)
        prev2, prev = prev, guess
    return out


def tag(tokens: Sequence[str]) -> list[str]:
    """POS tags of one sentence's tokens (tokenised as ``tokenize`` does)."""
    if not tokens:
        return []
    return _tag_with(load_model(), tokens)


def sentences(tokens: Sequence[tuple[str, int, int]]) -> Iterable[Sequence[tuple[str, int, int]]]:
    """Split a token stream into sentence-sized runs for tagging: after . ! ? before a capital or quote."""
    start = 0
    n = len(tokens)
    for i, (tok, _, _) in enumerate(tokens):
        if tok in _SENT_END and i + 1 < n:
            nxt = tokens[i + 1][0]
            if nxt[:1].isupper() or nxt[:1].isdigit() or nxt in {'"', "\u201c"}:
                yield tokens[start : i + 1]
                start = i + 1
    if start < n:
        yield tokens[start:]


def tag_text(text: str) -> list[tuple[str, int, int, str]]:
    """Tokenise and tag ``text``: (token, start, end, tag) with character offsets into ``text``."""
    model = load_model()
    out: list[tuple[str, int, int, str]] = []
    for sent in sentences(tokenize(text, model)):
        tags = _tag_with(model, [t for t, _, _ in sent])
        out.extend((t, s, e, g) for (t, s, e), g in zip(sent, tags, strict=True))
    return out


def is_verb(tag_: str) -> bool:
    return tag_ in VERB_TAGS


def is_noun(tag_: str) -> bool:
    return tag_ in NOUN_TAGS


def is_proper(tag_: str) -> bool:
    return tag_ in PROPER_TAGS


# --- model file -----------------------------------------------------------------------------------


def model_to_json(model: Model) -> dict[str, Any]:
    """The JSON form of a model: weights as {feature: [tag index, weight, tag index, weight, ...]}."""
    return {
        "format": MODEL_FORMAT,
        "feature_version": model.meta.get("feature_version", FEATURE_VERSION),
        "tags": list(model.tags),
        "tagdict": dict(sorted(model.tagdict.items())),
        "whole": sorted(model.whole),
        "vocab": sorted(model.vocab),
        "weights": {f: [x for pair in wv for x in pair] for f, wv in sorted(model.weights.items())},
        "meta": dict(model.meta),
    }


def model_from_json(data: Mapping[str, Any]) -> Model:
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"not a {MODEL_FORMAT} model: format {data.get('format')!r}")
    weights = {f: tuple(zip(v[0::2], v[1::2], strict=True)) for f, v in data["weights"].items()}
    meta = dict(data.get("meta", {}))
    meta.setdefault("feature_version", data.get("feature_version"))
    return Model(
        tags=tuple(data["tags"]),
        weights=weights,
        tagdict=dict(data["tagdict"]),
        whole=frozenset(data["whole"]),
        vocab=frozenset(data["vocab"]),
        meta=meta,
    )


def save_model(model: Model, path: Path) -> None:
    """Write ``model`` as gzipped compact JSON (deterministic: no timestamp in the gzip header)."""
    raw = json.dumps(model_to_json(model), ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(raw)


def read_model(path: Path) -> Model:
    with gzip.open(path, "rb") as fh:
        return model_from_json(json.loads(fh.read().decode("utf-8")))


@cache
def load_model() -> Model:
    """The shipped model, read once."""
    return read_model(MODEL_PATH)

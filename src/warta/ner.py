"""Statistical named-entity recognition for Indonesian: persons (PER), organisations (ORG), locations (LOC).

A linear-chain CRF (CRFsuite, through python-crfsuite) over hand-made features: the word and its
neighbours, word shape and capitalisation, Indonesian prefixes and suffixes (me-/ber-/di-/ter-/pe-,
-kan/-an/-i/-nya), PySastrawi's root-word dictionary, gazetteer features from warta's language pack
(states, capitals and seats, IGOs, titles, office holders, places), the run of capitalised words a token
stands in (its place, length, first and last word), and per word its commonest POS tag, how often it is a
proper noun and a Brown-like cluster (``models/ner-id-words.tsv``, built by ``scripts/build_ner_words.py``
from nlp-id's POS corpus and NERGrit train/valid text). The model is trained by ``scripts/train_ner.py``
on two hand-annotated corpora, NERGrit (IndoNLU, Wilie et al. 2020) and NER-UI (Gultom & Wibowo 2017, as
distributed by IndoLEM, Koto et al. 2020), and ships in ``warta/models/``; nothing is downloaded.

    >>> tag(["Presiden", "Joko", "Widodo", "tiba", "di", "Jakarta", "."])
    ['O', 'B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O']

Tags are IOB2 with the types PER, ORG and LOC. See docs/ner.md for the scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import TextIO

MODEL_DIR = Path(__file__).resolve().parent / "models"
MODEL_PATH = MODEL_DIR / "ner-id.crfsuite"
TYPES = ("PER", "ORG", "LOC")
# Bump when the features change: the shipped model must then be retrained (tests check the match).
FEATURE_VERSION = 2
WORDS_PATH = MODEL_DIR / "ner-id-words.tsv"  # POS and cluster of each word: scripts/build_ner_words.py

# Tokens: decimal or grouped numbers ("3,5", "1.000", "1:2") stay whole, other words are runs of word
# characters, every other non-space character is a token of its own. This follows the tokenisation of
# the training corpora, which split hyphens and apostrophes ("sumber - sumber", "Girls ' Generation").
TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)+|\w+|[^\w\s]", re.UNICODE)

# Corpus tag -> warta type.
TAG_MAP = {
    "PERSON": "PER",
    "PER": "PER",
    "ORGANISATION": "ORG",
    "ORGANIZATION": "ORG",
    "ORG": "ORG",
    "PLACE": "LOC",
    "LOCATION": "LOC",
    "LOC": "LOC",
}

_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "ber",
    "be",
    "di",
    "ter",
    "peng",
    "pem",
    "pen",
    "pe",
    "ke",
    "se",
)
_SUFFIXES = ("kan", "nya", "an", "i", "lah", "kah")
_DIGIT = re.compile(r"\d")


# ---------------------------------------------------------------------------------------------------
# tokenising


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` with their character offsets: ``(token, start, end)``."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


# ---------------------------------------------------------------------------------------------------
# gazetteers from the language pack


@cache
def _gazetteer() -> tuple[dict[tuple[str, ...], frozenset[str]], int, frozenset[str], frozenset[str]]:
    """Multi-word names by kind, keyed by their lower-cased tokens.

    Returns (names -> kinds, longest name in tokens, single tokens of person names, stop words).
    ALL-CAPS names ("AS", "RI") are kept under a separate kind suffix ``!`` and only match as written.
    """
    from warta.lang import load_pack

    pack = load_pack("id")
    names: dict[tuple[str, ...], set[str]] = {}

    def add(name: str, kind: str) -> None:
        toks = [t for t, _, _ in tokenize(name)]
        if not toks:
            return
        if len(toks) == 1 and toks[0].isupper() and len(toks[0]) <= 4:
            kind = kind + "!"  # acronym: exact case only
        names.setdefault(tuple(t.lower() for t in toks), set()).add(kind)

    for row in pack.tsv("states.tsv"):
        add(row["name"], "state")
    for row in pack.tsv("metonyms.tsv"):
        add(row["name"], "metonym")
    for row in pack.tsv("igos.tsv"):
        add(row["name"], "igo")
    for row in pack.tsv("titles.tsv"):
        add(row["title"], "title")
    for row in pack.tsv("places.tsv"):
        add(row["name"], "place")
    person_tokens: set[str] = set()
    for row in pack.tsv("people.tsv"):
        for name in [row["name"], *row.get("aliases", "").split("|")]:
            name = name.strip()
            if not name:
                continue
            add(name, "person")
            person_tokens.update(t.lower() for t, _, _ in tokenize(name) if t[:1].isupper() and len(t) > 2)
    stop = frozenset(w.lower() for w in pack.words("stopwords_actor.txt"))
    longest = max((len(k) for k in names), default=1)
    return {k: frozenset(v) for k, v in names.items()}, longest, frozenset(person_tokens), stop


@cache
def _lexicon() -> frozenset[str]:
    """Indonesian root words (PySastrawi's dictionary, a warta dependency); empty if it is missing."""
    import importlib.util

    spec = importlib.util.find_spec("Sastrawi")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "Stemmer" / "data" / "kata-dasar.txt"
    if not path.is_file():
        return frozenset()
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())


_DICT_PREFIXES = (
    "meng",
    "meny",
    "mem",
    "men",
    "me",
    "ber",
    "di",
    "ter",
    "peng",
    "pem",
    "pen",
    "per",
    "ke",
    "se",
)
_DICT_SUFFIXES = ("kannya", "nya", "kan", "an", "i", "lah")


@lru_cache(maxsize=100_000)
def _in_lexicon(w: str) -> str | None:
    """``root`` if ``w`` is an Indonesian root word, ``derived`` if stripping a common affix gives one."""
    lex = _lexicon()
    if w in lex:
        return "root"
    if len(w) < 5 or not w.isalpha():
        return None
    stems = [w]
    for s in _DICT_SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            stems.append(w[: -len(s)])
    for stem in list(stems):
        for p in _DICT_PREFIXES:
            if stem.startswith(p) and len(stem) - len(p) >= 3:
                stems.append(stem[len(p) :])
    return "derived" if any(s in lex for s in stems[1:]) else None


@cache
def _words() -> dict[str, tuple[str, str, str]]:
    """word -> (commonest POS tag, proper-noun fifth, Brown-like cluster bits); empty without the file."""
    out: dict[str, tuple[str, str, str]] = {}
    if not WORDS_PATH.is_file():
        return out
    with open(WORDS_PATH, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                out[parts[0]] = (parts[1], parts[2], parts[3])
    return out


def _gazetteer_marks(tokens: Sequence[str]) -> list[list[str]]:
    """For each token the gazetteer features ``kind=B`` / ``kind=I`` of the names that cover it."""
    names, longest, _, _ = _gazetteer()
    low = [t.lower() for t in tokens]
    marks: list[list[str]] = [[] for _ in tokens]
    n = len(tokens)
    for i in range(n):
        if not tokens[i][:1].isalnum():
            continue
        for length in range(min(longest, n - i), 0, -1):
            kinds = names.get(tuple(low[i : i + length]))
            if not kinds:
                continue
            for kind in kinds:
                if kind.endswith("!"):
                    if length != 1 or not tokens[i].isupper():
                        continue
                    kind = kind[:-1]
                elif kind != "title" and not tokens[i][:1].isupper():
                    kind = kind + ".lc"  # a proper name written in lower case: weaker evidence
                marks[i].append(f"{kind}=B")
                for j in range(i + 1, i + length):
                    marks[j].append(f"{kind}=I")
                if length > 1:
                    marks[i + length - 1].append(f"{kind}=E")
    return marks


# ---------------------------------------------------------------------------------------------------
# features


@lru_cache(maxsize=100_000)
def _shape(word: str) -> str:
    out = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


@lru_cache(maxsize=100_000)
def _word_class(word: str) -> str:
    if word.isdigit():
        return "num"
    if not word[:1].isalnum():
        return "punct"
    if word.isupper():
        return "caps" if len(word) > 1 else "cap1"
    if word[:1].isupper():
        return "title" if word[1:].islower() or len(word) == 1 else "mixed"
    if word.islower():
        return "lower"
    return "other"


_CONNECTORS = frozenset({"dan", "&", "of", "the", "de", "bin", "binti", "van", "von", "al", "-"})


def _runs(tokens: Sequence[str], cls: Sequence[str]) -> list[list[str]]:
    """Features of the run of capitalised words (joined by "dan", "of", "bin", "-", ...) a token is in: its
    place in the run, the run's length and its first and last words ("Kementerian ... Mineral")."""
    n = len(tokens)
    cap = [c in ("title", "caps", "mixed", "cap1") for c in cls]
    out: list[list[str]] = [[] for _ in tokens]
    i = 0
    while i < n:
        if not cap[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (cap[j] or (tokens[j].lower() in _CONNECTORS and j + 1 < n and cap[j + 1])):
            j += 1
        length = j - i
        first, last = tokens[i].lower(), tokens[j - 1].lower()
        for k in range(i, j):
            pos = "S" if length == 1 else "B" if k == i else "E" if k == j - 1 else "I"
            out[k] = ["run=" + pos, f"runlen={min(length, 5)}", "run1=" + first]
            if length > 1:
                out[k].append("runL=" + last)
        i = j
    return out


@lru_cache(maxsize=30_000)
def _word_features(word: str) -> tuple[tuple[str, ...], str, str, str | None, tuple[str, str, str] | None]:
    """What a token contributes on its own, whatever its neighbours: its features, lower-case form, word
    class, lexicon status and word-list entry. Cached: news repeats its words."""
    _, _, person_tokens, stop = _gazetteer()
    w = word.lower()
    cls = _word_class(word)
    lexical = _in_lexicon(w)
    info = _words().get(w)
    f = [
        "b",
        "w=" + w,
        "c=" + cls,
        "sh=" + _shape(word),
        "s2=" + w[-2:],
        "s3=" + w[-3:],
        "p2=" + w[:2],
        "p3=" + w[:3],
        "len=" + str(min(len(w), 8)),
    ]
    if len(w) > 4 and w.isalpha():
        for p in _PREFIXES:
            if w.startswith(p):
                f.append("pre=" + p)
                break
        for sfx in _SUFFIXES:
            if w.endswith(sfx):
                f.append("suf=" + sfx)
                break
    if _DIGIT.search(w) and not w.isdigit():
        f.append("hasdigit")
    if lexical:
        f.append("lex=" + lexical)
        if cls == "title":
            f.append("lex.cap=" + lexical)
    if w in stop:
        f.append("stop")
    if w in person_tokens and word[:1].isupper():
        f.append("pertok")
    if info:
        pos, nnp, bits = info
        f.extend(("pos=" + pos, "nnp=" + nnp, "cl2=" + bits[:2], "cl4=" + bits[:4], "cl6=" + bits[:6]))
        f.append("cl8=" + bits)
        f.append(f"nnp|c={nnp}|{cls}")
    else:
        f.append("oov")
    return tuple(f), w, cls, lexical, info


def sent_features(tokens: Sequence[str]) -> list[list[str]]:
    """CRFsuite attribute lists (binary features ``name=value``) for one sentence."""
    marks = _gazetteer_marks(tokens)
    static = [_word_features(t) for t in tokens]
    low = [x[1] for x in static]
    cls = [x[2] for x in static]
    lexical = [x[3] for x in static]
    info = [x[4] for x in static]
    runs = _runs(tokens, cls)
    n = len(tokens)
    feats: list[list[str]] = []
    for i in range(n):
        w = low[i]
        f = list(static[i][0])
        if i == 0:
            f.append("BOS")
        elif i == n - 1:
            f.append("EOS")
        if i == 0 and cls[i] == "title":
            f.append("cap@BOS")
        for m in marks[i]:
            f.append("g:" + m)
        f.extend(runs[i])
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"{d}w={low[j]}")
                f.append(f"{d}c={cls[j]}")
                if d in (-1, 1):
                    f.append(f"{d}s3={low[j][-3:]}")
                    f.append(f"{d}sh={_shape(tokens[j])}")
                    if lexical[j]:
                        f.append(f"{d}lex")
                    if info[j]:
                        f.append(f"{d}pos={info[j][0]}")
                        f.append(f"{d}cl4={info[j][2][:4]}")
                        f.append(f"{d}cl8={info[j][2]}")
                    else:
                        f.append(f"{d}oov")
                    for m in marks[j]:
                        f.append(f"{d}g:{m}")
            else:
                f.append(f"{d}w=<pad>")
        if i > 0:
            f.append(f"-1wc0={low[i - 1]}|{cls[i]}")
            f.append(f"-1w0={low[i - 1]}|{w}")
            f.append(f"-1c0={cls[i - 1]}|{cls[i]}")
        if i < n - 1:
            f.append(f"c0+1w={cls[i]}|{low[i + 1]}")
            f.append(f"w0+1={w}|{low[i + 1]}")
            f.append(f"c0+1={cls[i]}|{cls[i + 1]}")
        feats.append(f)
    return feats


# ---------------------------------------------------------------------------------------------------
# tagging


@cache
def _tagger(path: str | None = None):
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    model = Path(path) if path else MODEL_PATH
    if not model.is_file():
        raise FileNotFoundError(f"NER model not found: {model} (train it with scripts/train_ner.py)")
    tagger.open(str(model))
    return tagger


def tag(tokens: list[str], model: str | Path | None = None) -> list[str]:
    """IOB2 tags (``B-PER``, ``I-ORG``, ``O``, ...) for one sentence of tokens."""
    if not tokens:
        return []
    tagger = _tagger(str(model) if model else None)
    return _repair(tagger.tag(sent_features(tokens)))


def tag_many(sentences: Iterable[list[str]], model: str | Path | None = None) -> list[list[str]]:
    """:func:`tag` for many sentences."""
    return [tag(s, model) for s in sentences]


def to_bilou(tags: Sequence[str]) -> list[str]:
    """IOB2 -> BILOU (the model is trained on BILOU: ``U-`` single-token names, ``L-`` last tokens)."""
    out = ["O"] * len(tags)
    for s, e, typ in spans(tags):
        if e - s == 1:
            out[s] = "U-" + typ
        else:
            out[s] = "B-" + typ
            for k in range(s + 1, e - 1):
                out[k] = "I-" + typ
            out[e - 1] = "L-" + typ
    return out


def _repair(tags: Sequence[str]) -> list[str]:
    """BILOU or IOB tags -> valid IOB2: ``U-``/``L-`` map to ``B-``/``I-``; an ``I-X`` that does not
    continue an ``X`` becomes ``B-X``."""
    out: list[str] = []
    prev = "O"
    for t in tags:
        if t[:2] == "U-":
            t = "B-" + t[2:]
        elif t[:2] == "L-":
            t = "I-" + t[2:]
        if t.startswith("I-") and prev[2:] != t[2:]:
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity chunks of an IOB tag sequence as token spans ``(start, end, type)``, end exclusive.

    Read as conlleval does: a chunk begins at ``B-X``, or at ``I-X`` after anything but ``X``; it goes
    on while ``I-X`` follows.
    """
    chunks: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, t in enumerate([*tags, "O"]):
        prefix, _, typ = t.partition("-")
        continues = prefix == "I" and kind == typ and start >= 0
        if continues:
            continue
        if start >= 0:
            chunks.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and typ:
            start, kind = i, typ
    return chunks


def segments(text: str, limit: int = 200) -> list[list[tuple[str, int, int]]]:
    """The tokens of ``text`` (with offsets) cut into sentence-sized pieces for tagging.

    A piece ends at a line break, after ``.``, ``!`` or ``?`` when a capitalised word or a digit follows,
    and after ``limit`` tokens.
    """
    toks = tokenize(text)
    pieces: list[list[tuple[str, int, int]]] = []
    cur: list[tuple[str, int, int]] = []
    for k, tok in enumerate(toks):
        cur.append(tok)
        if k + 1 == len(toks):
            break
        nxt = toks[k + 1]
        if (
            len(cur) >= limit
            or "\n" in text[tok[2] : nxt[1]]
            or (tok[0] in (".", "!", "?") and (nxt[0][:1].isupper() or nxt[0][:1].isdigit()))
        ):
            pieces.append(cur)
            cur = []
    if cur:
        pieces.append(cur)
    return pieces


def entities(text: str, model: str | Path | None = None) -> list[tuple[int, int, str]]:
    """Named entities in ``text`` as character spans ``(start, end, type)``; ``text[start:end]`` is the name.

    The text is tokenised with :data:`TOKEN_RE` and tagged piece by piece (see :func:`segments`).
    """
    out: list[tuple[int, int, str]] = []
    for piece in segments(text):
        tags = tag([t for t, _, _ in piece], model)
        for s, e, typ in spans(tags):
            out.append((piece[s][1], piece[e - 1][2], typ))
    return out


# ---------------------------------------------------------------------------------------------------
# CoNLL files


def read_conll(path: str | Path | TextIO) -> list[list[tuple[str, str]]]:
    """Sentences of a CoNLL file: per token ``(token, rest)`` where ``rest`` is the rest of the line.

    The token is the first tab-separated column (or the first whitespace-separated one when the line has
    no tab); ``rest`` keeps the other columns as written, without the separator before them, so a corpus
    file ``token<TAB>tag`` reads as ``(token, tag)``. Blank lines separate sentences; ``-DOCSTART-`` lines
    are skipped.
    """
    if isinstance(path, str | Path):
        with open(path, encoding="utf-8") as fh:
            return read_conll(fh)
    sentences: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for raw in path:
        line = raw.rstrip("\r\n")
        if not line.strip():
            if cur:
                sentences.append(cur)
                cur = []
            continue
        if line.startswith("-DOCSTART-"):
            continue
        sep = "\t" if "\t" in line else None
        parts = line.split(sep, 1)
        cur.append((parts[0].strip(), parts[1] if len(parts) > 1 else ""))
    if cur:
        sentences.append(cur)
    return sentences


def write_conll(
    sentences: Sequence[Sequence[tuple[str, str]]], tags: Sequence[Sequence[str]], out: TextIO
) -> None:
    """Write ``sentences`` (as read by :func:`read_conll`) with one tag per token appended as the last column.

    Columns are tab-separated; a blank line follows each sentence.
    """
    if len(sentences) != len(tags):
        raise ValueError(f"{len(sentences)} sentences but {len(tags)} tag sequences")
    for sent, stags in zip(sentences, tags, strict=True):
        if len(sent) != len(stags):
            raise ValueError(f"sentence of {len(sent)} tokens got {len(stags)} tags")
        for (token, rest), t in zip(sent, stags, strict=True):
            out.write("\t".join([token, rest, t]) if rest else f"{token}\t{t}")
            out.write("\n")
        out.write("\n")


def tag_conll(path: str | Path, out: TextIO, model: str | Path | None = None) -> int:
    """Read a CoNLL file, tag it and write it with the predicted tag as the last column; returns sentences."""
    sentences = read_conll(path)
    tags = tag_many([[tok for tok, _ in s] for s in sentences], model)
    write_conll(sentences, tags, out)
    return len(sentences)


def normalize_tag(tag_: str) -> str:
    """A corpus tag in warta's types: ``B-PERSON`` -> ``B-PER``, ``I-PLACE`` -> ``I-LOC``, unknown -> O."""
    if tag_ == "O" or "-" not in tag_:
        return "O"
    prefix, _, typ = tag_.partition("-")
    typ = TAG_MAP.get(typ.upper())
    return f"{prefix}-{typ}" if typ and prefix in ("B", "I") else "O"


# ---------------------------------------------------------------------------------------------------
# evaluation


def evaluate(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, dict[str, float]]:
    """Entity-level precision, recall and F1 (exact span and type, as conlleval counts them).

    Returns ``{type: {"precision", "recall", "f1", "support", "predicted", "correct"}}`` for every type seen
    in gold or prediction, plus ``"micro"`` over all of them.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    g_count: dict[str, int] = {}
    p_count: dict[str, int] = {}
    c_count: dict[str, int] = {}
    for g, p in zip(gold, pred, strict=True):
        if len(g) != len(p):
            raise ValueError("gold and predicted sentences differ in length")
        gs = set(spans(g))
        ps = set(spans(p))
        for _, _, t in gs:
            g_count[t] = g_count.get(t, 0) + 1
        for _, _, t in ps:
            p_count[t] = p_count.get(t, 0) + 1
        for _, _, t in gs & ps:
            c_count[t] = c_count.get(t, 0) + 1

    def prf(c: int, p: int, g: int) -> dict[str, float]:
        prec = c / p if p else 0.0
        rec = c / g if g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return {"precision": prec, "recall": rec, "f1": f1, "support": g, "predicted": p, "correct": c}

    result = {
        t: prf(c_count.get(t, 0), p_count.get(t, 0), g_count.get(t, 0)) for t in sorted({*g_count, *p_count})
    }
    result["micro"] = prf(sum(c_count.values()), sum(p_count.values()), sum(g_count.values()))
    return result

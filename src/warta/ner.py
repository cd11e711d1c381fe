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

from warta.memo import MAX_FORMS

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


@lru_cache(maxsize=MAX_FORMS)
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


@cache
def _name_starts() -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """The first tokens of the gazetteer names, and every proper prefix of a name (lower-cased tokens): a
    scan from a token stops as soon as the tokens so far begin no name."""
    names = _gazetteer()[0]
    return frozenset(k[0] for k in names), frozenset(k[:m] for k in names for m in range(1, len(k)))


def _marks_at(tokens: Sequence[str], low: Sequence[str]) -> dict[int, list[str]]:
    """:func:`_gazetteer_marks` of the tokens that have any, by position (``low``: the tokens lower-cased)."""
    names, longest, _, _ = _gazetteer()
    firsts, prefixes = _name_starts()
    marks: dict[int, list[str]] = {}
    n = len(tokens)
    for i in range(n):
        if low[i] not in firsts or not tokens[i][:1].isalnum():
            continue
        found = []  # (length, kinds) of the names starting here, shortest first
        for length in range(1, min(longest, n - i) + 1):
            key = tuple(low[i : i + length])
            kinds = names.get(key)
            if kinds:
                found.append((length, kinds))
            if key not in prefixes:
                break
        for length, kinds in reversed(found):  # longest first
            for kind in kinds:
                if kind.endswith("!"):
                    if length != 1 or not tokens[i].isupper():
                        continue
                    kind = kind[:-1]
                elif kind != "title" and not tokens[i][:1].isupper():
                    kind = kind + ".lc"  # a proper name written in lower case: weaker evidence
                marks.setdefault(i, []).append(f"{kind}=B")
                for j in range(i + 1, i + length):
                    marks.setdefault(j, []).append(f"{kind}=I")
                if length > 1:
                    marks.setdefault(i + length - 1, []).append(f"{kind}=E")
    return marks


def _gazetteer_marks(tokens: Sequence[str]) -> list[list[str]]:
    """For each token the gazetteer features ``kind=B`` / ``kind=I`` of the names that cover it."""
    marks = _marks_at(tokens, [t.lower() for t in tokens])
    return [marks.get(i, []) for i in range(len(tokens))]


# ---------------------------------------------------------------------------------------------------
# features


@lru_cache(maxsize=MAX_FORMS)
def _shape(word: str) -> str:
    out: list[str] = []
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


@lru_cache(maxsize=MAX_FORMS)
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
_CAPITALISED = frozenset({"title", "caps", "mixed", "cap1"})


def _word_features(word: str) -> tuple[tuple[str, ...], str, str, str | None, tuple[str, str, str] | None]:
    """What a token contributes on its own, whatever its neighbours: its features, lower-case form, word
    class, lexicon status and word-list entry. Cached as part of the entries (:func:`_entry`)."""
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


# An entry holds all a word gives to the features of a sentence, wherever it stands: its own features
# (_word_features), what it gives to the tokens two and one places after and before it ("-1w=...", the
# gazetteer marks aside), the run features it gives as a run's first or last word, and the halves of the
# pair features ("-1w0=<it>|" + the next word's form). Fields, in this order:
_STATIC, _LOW, _CTX_M2, _CTX_M1, _CTX_P1, _CTX_P2, _RUN1, _RUNL = range(8)
_L_WC, _L_W, _L_C, _R_CW, _R_W, _R_C, _W, _C, _CAP, _CONN, _TITLE = range(8, 19)


def _encoder(known: dict[bytes, bytes] | None):
    """Attribute strings as :func:`sent_features` writes them (``known`` None), or as the UTF-8 bytes
    pycrfsuite takes without converting them, keeping only the attributes ``known`` to the model (as the
    one copy of them that ``known`` holds: entries share their common attributes, "c=title"): CRFsuite
    drops the others when it reads a sequence, so the model sees the same items."""
    if known is None:
        return tuple, str
    get = known.get  # its values are non-empty (_model_attributes): filter(None, ...) drops just the unknown
    return (lambda xs: tuple(filter(None, map(get, map(str.encode, xs))))), str.encode


def _make_entry(word: str, known: dict[bytes, bytes] | None) -> tuple:
    attrs, text = _encoder(known)
    static, w, cls, lexical, info = _word_features(word)
    near = ["w=" + w, "c=" + cls, "s3=" + w[-3:], "sh=" + _shape(word)]
    if lexical:
        near.append("lex")
    if info:
        near += ("pos=" + info[0], "cl4=" + info[2][:4], "cl8=" + info[2])
    else:
        near.append("oov")
    far = near[:2]
    left_c, right_cw, right_c, c = _class_parts(cls, text)
    return (
        attrs(static),
        w,
        attrs(["-2" + x for x in far]),
        attrs(["-1" + x for x in near]),
        attrs(["1" + x for x in near]),
        attrs(["2" + x for x in far]),
        attrs(["run1=" + w]),
        attrs(["runL=" + w]),
        text(f"-1wc0={w}|"),
        text(f"-1w0={w}|"),
        left_c,
        right_cw,
        text(f"w0+1={w}|"),
        right_c,
        text(w),
        c,
        cls in _CAPITALISED,
        w in _CONNECTORS,
        cls == "title",
    )


@lru_cache(maxsize=64)
def _class_parts(cls: str, text) -> tuple:
    """The parts of the pair features that a word class makes, one copy of each for all entries."""
    return text(f"-1c0={cls}|"), text(f"c0+1w={cls}|"), text(f"c0+1={cls}|"), text(cls)


@lru_cache(maxsize=MAX_FORMS)
def _entry(word: str) -> tuple:
    """The entry of ``word`` for :func:`sent_features`. Cached: news repeats its words."""
    return _make_entry(word, None)


@lru_cache(maxsize=MAX_FORMS)
def _model_entry(word: str) -> tuple:
    """The entry of ``word`` for tagging with the shipped model (bytes, only the attributes it knows)."""
    return _make_entry(word, _model_attributes())


class _Kit:
    """The sentence-level attribute strings (``BOS``, the padding, the run features), in an encoding."""

    def __init__(self, known: dict[bytes, bytes] | None):
        attrs, _ = _encoder(known)
        self.known = known
        self.bos, self.eos, self.cap_bos = attrs(["BOS"]), attrs(["EOS"]), attrs(["cap@BOS"])
        self.pads = [attrs([f"{d}w=<pad>"]) for d in (-2, -1, 1, 2)]
        self.runs = {
            (pos, length): attrs(["run=" + pos, f"runlen={length}"])
            for pos in "SBIE"
            for length in range(1, 6)
        }
        # a gazetteer mark ("state=B") as the token's own feature and as its neighbours' ones
        self.marks = lru_cache(maxsize=1024)(
            lambda m: (attrs(["g:" + m]), attrs(["-1g:" + m]), attrs(["1g:" + m]))
        )


_STR_KIT = _Kit(None)


@cache
def _model_kit() -> _Kit:
    return _Kit(_model_attributes())


def _runs(es: Sequence[tuple], kit: _Kit) -> dict[int, tuple]:
    """Features of the run of capitalised words (joined by "dan", "of", "bin", "-", ...) a token is in: its
    place in the run, the run's length and its first and last words ("Kementerian ... Mineral"); by position,
    for the tokens in a run. ``es`` are the tokens' entries."""
    n = len(es)
    out: dict[int, tuple] = {}
    i = 0
    while i < n:
        if not es[i][_CAP]:
            i += 1
            continue
        j = i + 1
        while j < n and (es[j][_CAP] or (es[j][_CONN] and j + 1 < n and es[j + 1][_CAP])):
            j += 1
        length = j - i
        if length == 1:
            out[i] = kit.runs["S", 1] + es[i][_RUN1]
        else:
            ends = es[i][_RUN1] + es[j - 1][_RUNL]
            size = min(length, 5)
            out[i] = kit.runs["B", size] + ends
            inner = kit.runs["I", size] + ends
            for k in range(i + 1, j - 1):
                out[k] = inner
            out[j - 1] = kit.runs["E", size] + ends
        i = j
    return out


def _features(tokens: Sequence[str], entry, kit: _Kit) -> list[list]:
    """The attribute lists of a sentence: the work of :func:`sent_features`, from per-word entries."""
    n = len(tokens)
    if not n:
        return []
    es = [entry(t) for t in tokens]
    marks = _marks_at(tokens, [e[_LOW] for e in es])
    gz: dict[int, tuple[list, list, list]] = {}
    for j, ms in marks.items():
        own: list = []
        before: list = []
        after: list = []
        for m in ms:
            a, b, c = kit.marks(m)
            own += a
            before += b
            after += c
        gz[j] = (own, before, after)
    runs = _runs(es, kit)
    keep = None if kit.known is None else kit.known.__contains__  # filter(None, ...) keeps them all
    pad_m2, pad_m1, pad_p1, pad_p2 = kit.pads
    last = n - 1
    feats: list[list] = []
    for i in range(n):
        e = es[i]
        f = [*e[_STATIC]]
        if i == 0:
            f += kit.bos
            if e[_TITLE]:
                f += kit.cap_bos
        elif i == last:
            f += kit.eos
        if gz:
            g = gz.get(i)
            if g:
                f += g[0]
        r = runs.get(i)
        if r:
            f += r
        f += es[i - 2][_CTX_M2] if i >= 2 else pad_m2
        if i:
            p = es[i - 1]
            f += p[_CTX_M1]
            if gz and (g := gz.get(i - 1)):
                f += g[1]
        else:
            f += pad_m1
        if i < last:
            q = es[i + 1]
            f += q[_CTX_P1]
            if gz and (g := gz.get(i + 1)):
                f += g[2]
            f += es[i + 2][_CTX_P2] if i + 2 < n else pad_p2
        else:
            f += pad_p1
            f += pad_p2
        if i:
            f += filter(keep, (p[_L_WC] + e[_C], p[_L_W] + e[_W], p[_L_C] + e[_C]))
        if i < last:
            f += filter(keep, (e[_R_CW] + q[_W], e[_R_W] + q[_W], e[_R_C] + q[_C]))
        feats.append(f)
    return feats


def sent_features(tokens: Sequence[str]) -> list[list[str]]:
    """CRFsuite attribute lists (binary features ``name=value``) for one sentence."""
    return _features(tokens, _entry, _STR_KIT)


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


@cache
def _model_attributes() -> dict[bytes, bytes] | None:
    """The attributes of the shipped model (each mapped to itself), read from its dictionary (a CQDB in the
    CRFsuite model file); None if the file is not laid out as expected: the tagger then gets every one."""
    import struct

    try:
        with open(MODEL_PATH, "rb") as fh:
            magic, _, kind, _, _, _, n_attrs, _, _, off_attrs = struct.unpack("<4sI4s7I", fh.read(40))
            fh.seek(off_attrs)
            chunk = fh.read(24)
            cid, size, _, order, n_keys, off_bwd = struct.unpack("<4s5I", chunk)
            chunk += fh.read(size - 24)
    except (OSError, struct.error):
        return None
    if (magic, kind, cid, order, n_keys) != (b"lCRF", b"FOMC", b"CQDB", 0x62445371, n_attrs):
        return None
    try:
        out = []
        for i, off in enumerate(struct.unpack_from(f"<{n_keys}I", chunk, off_bwd)):
            ident, length = struct.unpack_from("<iI", chunk, off)
            if ident != i:
                return None
            out.append(chunk[off + 8 : off + 7 + length])  # the key is stored with its NUL
    except struct.error:
        return None
    return {a: a for a in out if a}  # warta writes no empty attribute (every one is "name=value")


def load_model() -> None:
    """Load the shipped model now (18 MB) instead of at the first sentence that needs it."""
    _model_kit()
    _tagger(None)


def unload_model() -> None:
    """Let go of this process's references to the shipped model (it is loaded again when needed)."""
    for cached in (_tagger, _model_kit, _model_attributes, _model_entry):
        cached.cache_clear()


def tag(tokens: list[str], model: str | Path | None = None) -> list[str]:
    """IOB2 tags (``B-PER``, ``I-ORG``, ``O``, ...) for one sentence of tokens."""
    if not tokens:
        return []
    if model:
        return _repair(_tagger(str(model)).tag(sent_features(tokens)))
    return _repair(_tagger(None).tag(_features(tokens, _model_entry, _model_kit())))


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
        if t == "O":  # most tags: nothing to repair
            out.append(t)
            prev = t
            continue
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
    mapped = TAG_MAP.get(typ.upper())
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


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

"""warta's stemmer is PySastrawi's algorithm with its prefix rules gated by a word's first two letters
(``warta.stemmer``): it must give PySastrawi's stems, word for word."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from warta import stemmer
from warta.stemmer import _pattern_gate, _rule_gate, _stem_text, _sub_once, plain_stemmer

LANG_ID = Path(__file__).resolve().parents[1] / "src" / "warta" / "lang" / "id"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

PREFIXES = [
    "", "me", "mem", "men", "meng", "meny", "menge", "mempe", "memper", "pe", "pem", "pen", "peng", "peny",
    "penge", "per", "pel", "ber", "be", "bel", "ter", "te", "di", "diper", "ke", "se", "ku", "kau",
]  # fmt: skip
SUFFIXES = ["", "kan", "an", "i", "nya", "lah", "kah", "tah", "pun", "ku", "mu", "kannya", "annya", "inya"]


def _words() -> list[str]:
    """Words the two stemmers are compared on: the lexicons' words, dictionary roots with affixes, infixes
    and reduplication, random letter strings, and odd inputs."""
    rng = random.Random(20261202)
    words: set[str] = set()
    for path in LANG_ID.rglob("*"):
        if path.suffix in {".tsv", ".yaml", ".txt"}:
            words.update(w.lower() for w in re.findall(r"[\w-]+", path.read_text(encoding="utf-8")))
    if SEEDS.is_dir():
        for path in SEEDS.glob("*.txt"):
            words.update(w.lower() for w in re.findall(r"[\w-]+", path.read_text(encoding="utf-8")))
    roots = sorted(stemmer._dictionary().words)
    for root in rng.sample(roots, 1500):
        for _ in range(3):
            words.add(rng.choice(PREFIXES) + root + rng.choice(SUFFIXES))
        words.add(f"{root}-{root}{rng.choice(SUFFIXES)}")
        words.add(root[:1] + rng.choice(["er", "el", "em", "in"]) + root[1:])
    letters = "abcdefghijklmnopqrstuvwxyz"
    words.update("".join(rng.choice(letters) for _ in range(rng.randint(1, 12))) for _ in range(1000))
    words.update(
        ["", " ", "belajar", "pelajar", "İstanbul", "ſerang", "café", "a--b", "-nya", "mem.per", "x(y)"]
    )
    return sorted(words)


def test_same_stems_as_pysastrawi() -> None:
    plain = plain_stemmer()
    words = _words()
    assert len(words) > 5000
    differ = [
        (w, _stem_text(w, plain), _stem_text(w)) for w in words if _stem_text(w, plain) != _stem_text(w)
    ]
    assert not differ, differ[:10]


def test_every_prefix_rule_gets_a_gate() -> None:
    """Each of PySastrawi's prefix disambiguators is read as a gate (else it is tried on every word: still
    right, only slower), and each gate lets through the words its rule is written for."""
    visitors = stemmer._stemmer().visitor_provider.get_prefix_visitors()
    gated = [v for v in visitors if stemmer._visitor_gates(v) is not None]
    assert len(gated) == len(visitors) - 1  # all but RemovePlainPrefix (di-, ke-, se-), always tried
    order = stemmer._stemmer().order
    assert order("me") != order("pe")
    assert 0 in order("ab") and len(order("ab")) == 1  # no prefix rule begins with "ab"
    assert order("x") == tuple(range(len(visitors)))  # a word too short to tell: all of them


@pytest.mark.parametrize(
    ("pattern", "first", "second"),
    [
        (r"^ber([aiueo].*)$", "b", "e"),
        (r"ber([bcd])([a-z])er", "b", "e"),
        (r"^([bcd])(er[aiueo])(.*)$", "bcd", "e"),
        (r"^([a-c])in", "abc", "i"),
        (r"^k(.*)$", "k", None),
    ],
)
def test_pattern_gate(pattern: str, first: str, second: str | None) -> None:
    gate = _pattern_gate(pattern)
    assert gate is not None
    assert gate[0] == frozenset(first)
    assert gate[1] == (None if second is None else frozenset(second))


@pytest.mark.parametrize("pattern", [r"^(.*)ber", r"^(di|ke)", r"^[^aiueo]x", r"\w+", r"^a?b"])
def test_no_gate_for_other_openings(pattern: str) -> None:
    assert _pattern_gate(pattern) is None


def test_rule_of_another_shape_is_always_tried() -> None:
    class Odd:
        def disambiguate(self, word):  # type: ignore[no-untyped-def]
            if len(word) > 4:
                return word[2:]
            return None

    assert _rule_gate(Odd) is None


def test_sub_once_is_re_sub() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        word = "".join(rng.choice("abn- ") for _ in range(rng.randint(0, 8)))
        part = word[rng.randint(0, len(word)) :][: rng.randint(0, 4)]
        assert _sub_once(part, word) == re.sub(part, "", word, count=1)
    assert _sub_once("a.c", "xabcx") == re.sub("a.c", "", "xabcx", count=1)


def test_normaliser_is_pysastrawis() -> None:
    from Sastrawi.Stemmer.Filter import TextNormalizer

    rng = random.Random(11)
    alphabet = list("aZ9 -\t\n.,'’İſKé٣_") + ["  "]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert stemmer._normalise(text) == TextNormalizer.normalize_text(text), repr(text)


def test_precedence_test_is_pysastrawis() -> None:
    from Sastrawi.Stemmer.ConfixStripping.PrecedenceAdjustmentSpecification import (
        PrecedenceAdjustmentSpecification,
    )

    spec = PrecedenceAdjustmentSpecification()
    rng = random.Random(12)
    alphabet = list("abdeilmnprt\n ")
    for _ in range(20_000):
        word = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9)))
        assert stemmer._prefix_first(word) == bool(spec.is_satisfied_by(word)), repr(word)

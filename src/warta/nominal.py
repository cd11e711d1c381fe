"""Events told by a noun: "Dalam pertemuan terpisah dengan Menlu India Jaishankar, Qin mengatakan ..."
is a meeting of CHN and IND although no verb says so.

The nouns and their codes are data (``nominal_events.tsv``); the rules are in that file's header. The
functions here find the noun, its participants and the subject of the main clause; the coder turns the
result into events, with date, modality and negation as for verbs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from warta.lang import LanguagePack
from warta.records import Actor, Event, Mention, Sentence

_LOOKBACK = 2  # tokens between the preposition and the noun ("dalam sebuah pertemuan")
_RECIPROCAL = re.compile(r"^\s*(?:keduanya|kedua\s+(?:belah\s+)?pihak|kedua\s+negara)\b", re.I)


class TokenLike(Protocol):
    """What these rules need of a token (the coder's ``Tok``): its offsets and lower-case form."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def low(self) -> str: ...


@dataclass(frozen=True)
class NounEntry:
    noun: tuple[str, ...]
    plover: str
    mode: str | None
    cameo: str
    goldstein: float


@dataclass(frozen=True)
class NominalHit:
    first: int  # token indices of the noun
    last: int
    entry: NounEntry
    pairs: tuple[tuple[Actor, Actor], ...]


@dataclass(frozen=True)
class _Lex:
    by_first: dict[str, tuple[NounEntry, ...]]
    preps: frozenset[str]
    gatherings: frozenset[str]
    # the words at which a noun can begin (what _noun_at looks up): a first word, or one with "-nya"
    starts: frozenset[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", frozenset(self.by_first) | {k + "nya" for k in self.by_first})


@cache
def _lexicon(pack: LanguagePack) -> _Lex:
    by_first: dict[str, list[NounEntry]] = {}
    for r in pack.tsv("nominal_events.tsv"):
        words = tuple(r["noun"].lower().split())
        if words:
            e = NounEntry(words, r["plover"], r.get("mode") or None, r["cameo"], float(r["goldstein"]))
            by_first.setdefault(words[0], []).append(e)
    y = pack.yaml("cues.yaml")
    return _Lex(
        by_first={k: tuple(sorted(v, key=lambda e: -len(e.noun))) for k, v in by_first.items()},
        preps=frozenset(str(w).lower() for w in y.get("nominal_preps", [])),
        gatherings=frozenset(str(w).lower() for w in y.get("gathering_nouns", [])),
    )


def find_nominal(
    text: str,
    s: Sentence,
    toks: Sequence[TokenLike],
    main_verbs: Sequence[int],
    actors: list[Mention],
    earlier: list[Event],
    pack: LanguagePack,
) -> list[NominalHit]:
    """Meeting nouns used adverbially in sentence ``s``, each with its (source, target) pairs.

    ``main_verbs`` are the start offsets of the sentence's event and speech verbs: the subject of the
    main clause is the actor right before the first of them that follows the noun.
    """
    lex = _lexicon(pack)
    out: list[NominalHit] = []
    for i, t in enumerate(toks):
        if t.low not in lex.starts:
            continue  # no noun of the lexicon starts here (what _noun_at would find out, without the call)
        entry = _noun_at(toks, i, lex)
        if entry is None:
            continue
        before = [x.low for x in toks[max(0, i - 1 - _LOOKBACK) : i]]
        if not lex.preps.intersection(before):
            continue
        last = i + len(entry.noun) - 1
        noun_end = toks[last].end
        verb = next((v for v in main_verbs if v > noun_end), None)
        if verb is None:
            continue
        named = next((m for m in actors if last + 1 < len(toks) and m.start == toks[last + 1].start), None)
        if named and _names_gathering(text, named, lex):
            continue  # "pertemuan SCO": the gathering, not a meeting of two parties
        host = next((m for m in reversed(actors) if noun_end <= m.start and m.end <= verb), None)
        if host is None or len(text[host.end : verb].split()) > 2:
            continue  # the main verb has no named subject of its own
        partners = [
            m
            for m in actors
            if noun_end <= m.start and m.end <= host.start and not _names_gathering(text, m, lex)
        ]
        pairs: list[tuple[Actor, Actor]] = []
        if partners:
            pairs = [(Actor.of(host), Actor.of(p)) for p in partners if p.code != host.code]
        elif _RECIPROCAL.match(text[noun_end : host.start]) or _bare(text[noun_end : host.start]):
            other = _other_party(host.code, entry.plover, earlier)
            if other:
                pairs = [(Actor.of(host), other)]
        if pairs:
            out.append(NominalHit(i, last, entry, tuple(pairs[:1])))
    return out


def _noun_at(toks: Sequence[TokenLike], i: int, lex: _Lex) -> NounEntry | None:
    w = toks[i].low
    base = w[:-3] if w.endswith("nya") and w[:-3] in lex.by_first else w
    for e in lex.by_first.get(base, ()):
        rest = [t.low for t in toks[i + 1 : i + len(e.noun)]]
        if list(e.noun[1:]) == rest:
            return e
    return None


def _names_gathering(text: str, m: Mention, lex: _Lex) -> bool:
    """ "di sela-sela pertemuan SCO", "KTT ASEAN": the actor names the gathering."""
    words = text[max(0, m.start - 30) : m.start].lower().split()
    return bool(words) and words[-1] in lex.gatherings


def _bare(between: str) -> bool:
    """Only modifiers between the noun and the subject: "pertemuan pada hari Selasa, Wang ..."."""
    return not re.search(r"\b(?:dengan|antara)\b", between, re.I)


def _other_party(code: str, plover: str, earlier: list[Event]) -> Actor | None:
    """The other side of the latest event of the same type (a meeting for "pertemuan") of ``code`` told
    before in the article."""
    for e in reversed(earlier):
        if e.event != plover:
            continue
        src, tgt = e.source[0], e.target[0]
        if src.code == code and tgt.code != code:
            return tgt
        if tgt.code == code and src.code != code:
            return src
    return None

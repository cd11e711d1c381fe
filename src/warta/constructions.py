"""Events told by a construction rather than by an event verb of the lexicon.

* A demand in reported speech: "Kiev bersikeras bahwa Moskow harus menarik pasukannya" is a demand
  (PLOVER REQUEST, CAMEO 100) of the speaker to the actor that *must* act. The speech verbs and the
  obligation words are lists in cues.yaml (``demand_speech_verbs``, ``obligation_words``).

The result has the shape of :class:`warta.nominal.NominalHit`, so the coder turns both into events alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from warta.lang import LanguagePack
from warta.nominal import NominalHit, NounEntry, TokenLike
from warta.records import Actor, Mention, Sentence

DEMAND = ("REQUEST", "100", -5.0)  # CAMEO 100 "demand", its Goldstein weight
_SPEAKER_GAP = 3  # words between the speaker and the speech verb ("Kiev tetap bersikeras")
_SUBJECT_GAP = 2  # words between the demanded actor and "harus" ("Moskow tetap harus")


@dataclass(frozen=True)
class _Cues:
    speech: frozenset[str]
    obligation: frozenset[str]


@cache
def _cues(pack: LanguagePack) -> _Cues:
    y = pack.yaml("cues.yaml")
    return _Cues(
        speech=frozenset(str(w).lower() for w in y.get("demand_speech_verbs", [])),
        obligation=frozenset(str(w).lower() for w in y.get("obligation_words", [])),
    )


def find_demands(
    text: str, s: Sentence, toks: Sequence[TokenLike], actors: list[Mention], pack: LanguagePack
) -> list[NominalHit]:
    c = _cues(pack)
    out: list[NominalHit] = []
    for i, t in enumerate(toks):
        if t.low not in c.speech or i + 1 >= len(toks) or toks[i + 1].low != "bahwa":
            continue
        speaker = next(
            (
                m
                for m in reversed(actors)
                if m.end <= t.start and len(text[m.end : t.start].split()) <= _SPEAKER_GAP
            ),
            None,
        )
        if speaker is None:
            continue
        after = toks[i + 1].end
        obliged = next(
            (
                m
                for m in actors
                if m.start >= after
                and len(text[after : m.start].split()) <= 1
                and _obliged(text, m.end, toks, c)
            ),
            None,
        )
        if obliged and obliged.code != speaker.code:
            entry = NounEntry((t.low,), DEMAND[0], None, DEMAND[1], DEMAND[2])
            out.append(NominalHit(i, i, entry, ((Actor.of(speaker), Actor.of(obliged)),)))
    return out


def _obliged(text: str, end: int, toks: Sequence[TokenLike], c: _Cues) -> bool:
    following = [t.low for t in toks if t.start >= end][: _SUBJECT_GAP + 1]
    return bool(c.obligation.intersection(following))

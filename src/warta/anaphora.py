"""Subjects that stand in for actors named earlier: reciprocals ("kedua belah pihak", "keduanya",
"kedua diplomat top itu") and singular pronouns ("ia", "dia", "beliau").

A stand-in is resolved only when its antecedent is plain, and left alone otherwise:

* a reciprocal takes the two parties of the latest event of the last two sentences, else the last two
  different actors named there;
* a pronoun takes the subject of its own sentence (an actor among its first words: "Menkeu Janet
  Yellen ... mengatakan dia telah memperingatkan ..."), else the source of the latest event of the
  sentence before, else the last person named there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from warta.lang import LanguagePack, phrase_alternation
from warta.merge import is_mutual
from warta.records import Actor, Event, Mention, Sentence

_SUBJECT_WORDS = 5  # an actor starting within the first words of its sentence is its subject


@dataclass(frozen=True)
class StandIn:
    start: int
    end: int
    text: str
    kind: str  # reciprocal | pronoun | speaker (first person inside a quotation)
    sector: str | None = None  # "pasukan mereka": MIL


@dataclass(frozen=True)
class _Cues:
    reciprocal: re.Pattern[str]
    possessed: re.Pattern[str]  # "pasukan mereka", "tentara kedua negara"
    sectors: dict[str, str]
    pronoun: re.Pattern[str]
    speaker: re.Pattern[str]


@cache
def _cues(pack: LanguagePack) -> _Cues:
    y = pack.yaml("cues.yaml")
    noun_rx = phrase_alternation(y.get("reciprocal_nouns", []))
    pronouns = phrase_alternation(y.get("pronoun_subjects", []))
    sectors = {str(k).lower(): str(v) for k, v in (y.get("plural_possessives") or {}).items()}
    owned = phrase_alternation(sectors)
    return _Cues(
        possessed=re.compile(
            rf"\b(?P<noun>{owned})\s+(?:mereka|kedua\s+(?:belah\s+)?(?:negara|pihak))\b", re.I
        ),
        sectors=sectors,
        reciprocal=re.compile(rf"\b(?:keduanya|kedua\s+(?:{noun_rx})(?:\s+(?:itu|tersebut|ini))?)\b", re.I),
        pronoun=re.compile(rf"\b(?:{pronouns})\b", re.I),
        speaker=re.compile(rf"\b(?:{phrase_alternation(y.get('speaker_pronouns', []))})\b", re.I),
    )


def stand_in_subject(
    text: str,
    s: Sentence,
    before: list[Mention],
    left: int,
    subject_until: int,
    pack: LanguagePack,
) -> StandIn | None:
    """A reciprocal or pronoun standing as the subject of the verb, nearer to it than any named actor."""
    zone_start = max([left, *(m.end for m in before)])
    zone = text[zone_start:subject_until]
    c = _cues(pack)
    found: StandIn | None = None
    kinds = (
        ("reciprocal", c.possessed),
        ("reciprocal", c.reciprocal),
        ("pronoun", c.pronoun),
        ("speaker", c.speaker),
    )
    for kind, rx in kinds:
        for m in rx.finditer(zone):
            noun = (m.groupdict().get("noun") or "").lower()
            sector = c.sectors.get(" ".join(noun.split())) if noun else None
            cand = StandIn(zone_start + m.start(), zone_start + m.end(), m.group(), kind, sector)
            if (
                found is None
                or cand.end > found.end  # the one nearest the verb ...
                or (cand.end == found.end and cand.start < found.start)  # ... and the longest there
            ):
                found = cand
    if found is None or found.kind == "reciprocal":
        return found
    # a pronoun must stand right before its verb ("ia bertemu", "kami secara keseluruhan berterima kasih")
    return (
        found
        if len(text[found.end : subject_until].split()) <= (2 if found.kind == "pronoun" else 3)
        else None
    )


def stand_in_object(text: str, vend: int, right: int, pack: LanguagePack) -> StandIn | None:
    """A reciprocal right after a verb, as its object: "Trump mendesak kedua negara menghentikan pertempuran",
    "meminta kedua belah pihak menahan diri" (at most one word between the verb and it)."""
    c = _cues(pack)
    zone = text[vend:right]
    for rx in (c.possessed, c.reciprocal):
        m = rx.search(zone)
        if m and len(zone[: m.start()].split()) <= 1:
            noun = (m.groupdict().get("noun") or "").lower()
            sector = c.sectors.get(" ".join(noun.split())) if noun else None
            return StandIn(vend + m.start(), vend + m.end(), m.group(), "reciprocal", sector)
    return None


def object_parties(
    st: StandIn, s: Sentence, mentions: list[Mention], earlier: list[Event], text: str
) -> tuple[Actor, Actor] | None:
    """The two parties a reciprocal object stands for (as for a subject), in the words of the sentence."""
    pair = _two_parties(s, st, mentions, earlier, text)
    if not pair:
        return None
    a, b = (replace(x, text=st.text, sector=st.sector or x.sector) for x in pair)
    return a, b


def stand_in_pairs(
    st: StandIn,
    targets: list[Mention],
    event: str,
    mode: str | None,
    both_ways: bool,
    s: Sentence,
    mentions: list[Mention],
    earlier: list[Event],
    text: str = "",
    quoted: Sequence[tuple[int, int, Actor]] = (),
) -> list[tuple[Actor, Actor]]:
    """(source, target) pairs for a verb whose subject is the stand-in ``st``; [] when unresolved.
    ``quoted``: the article's quotations (start, end, speaker) for first-person stand-ins."""
    tgt = [Actor.of(m) for m in targets]
    if st.kind == "speaker":
        said = next((who for a, b, who in quoted if a <= st.start < b), None)
        if said is None:
            return []
        me = replace(said, text=st.text)
        return [(me, t) for t in tgt if t.code != me.code]
    if st.kind == "reciprocal":
        pair = _two_parties(s, st, mentions, earlier, text)
        if not pair:
            return []
        a, b = (replace(x, text=st.text, sector=st.sector or x.sector) for x in pair)
        if is_mutual(event, mode):
            return [(a, b)]
        if both_ways:  # "keduanya saling menuduh", "pasukan mereka bentrok"
            return [(a, b), (b, a)]
        return [(x, t) for x in (a, b) for t in tgt if x.code != t.code]
    person = _person(s, st, mentions, earlier)
    if not person:
        return []
    me = replace(person, text=st.text)
    return [(me, t) for t in tgt if t.code != me.code]


_PERSON_NOUNS = frozenset(
    {
        "pemimpin",
        "kepala",
        "presiden",
        "perdana",
        "menteri",
        "menlu",
        "menhan",
        "diplomat",
        "tokoh",
        "pejabat",
        "petinggi",
        "panglima",
        "delegasi",
    }
)
_STATE_NOUNS = frozenset({"negara", "pemerintah"})
_COORD = frozenset({"dan", "serta", "dengan"})  # "hubungan Iran dengan Australia"
_EVENT_REACH = 6  # sentences back in which the last event's two parties may be meant


def _wanted(st: StandIn) -> str:
    """What a reciprocal stands for: "kedua pemimpin" people, "kedua negara" states, "keduanya" anything."""
    words = set(st.text.lower().split())
    if words & _PERSON_NOUNS:
        return "person"
    if words & _STATE_NOUNS:
        return "state"
    return "any"


def _fits(m: Mention, want: str) -> bool:
    if want == "person":
        return m.kind == "person" or bool(m.name)
    if want == "state":
        return m.kind in {"state", "capital", "metonym"} and not m.name
    return True


def _two_parties(
    s: Sentence, st: StandIn, mentions: list[Mention], earlier: list[Event], text: str
) -> tuple[Actor, Actor] | None:
    """The two parties a reciprocal stands for, in order of preference: two actors coordinated in the last
    two sentences ("Lammy dan Blinken tiba ... Keduanya ...", "Hubungan Iran dengan Australia memburuk
    ketika kapal kedua negara bentrok"), two actors named before it in its own sentence, the two sides of the
    last event told (with names, for "kedua pemimpin"), the last two actors named."""
    want = _wanted(st)
    near = [
        m
        for m in mentions
        if s.index - 2 <= m.sentence <= s.index and m.role == "actor" and m.code and m.start < st.start
    ]
    for a, b in reversed(list(zip(near, near[1:], strict=False))):
        if (
            a.code != b.code
            and text[a.end : b.start].strip().lower() in _COORD
            and _fits(a, want)
            and _fits(b, want)
        ):
            return Actor.of(a), Actor.of(b)
    own = _last_two([m for m in near if m.sentence == s.index], want)
    if own:
        return own
    for e in reversed(earlier):
        if e.sentence < s.index - _EVENT_REACH:
            break
        src, tgt = e.source[0], e.target[0]
        if src.code != tgt.code and (want != "person" or (src.name and tgt.name)):
            return src, tgt
    return _last_two(near, want)


def _last_two(ms: list[Mention], want: str) -> tuple[Actor, Actor] | None:
    """The last two actors of ``ms`` of different codes that fit ``want``, in text order."""
    named: list[Mention] = []
    for m in ms:
        if _fits(m, want):
            named = [n for n in named if n.code != m.code] + [m]
    if len(named) < 2:
        return None
    return Actor.of(named[-2]), Actor.of(named[-1])


def _person(s: Sentence, st: StandIn, mentions: list[Mention], earlier: list[Event]) -> Actor | None:
    own = [
        m for m in mentions if m.sentence == s.index and m.role == "actor" and m.code and m.end <= st.start
    ]
    if own and len(s.text[: own[0].start - s.start].split()) < _SUBJECT_WORDS:
        m = own[0]
        return Actor.of(m)
    prev = [e for e in earlier if e.sentence == s.index - 1]
    if prev:
        return prev[0].source[0]
    people = [m for m in mentions if m.sentence == s.index - 1 and m.kind == "person" and m.code]
    if people:
        m = people[-1]
        return Actor.of(m)
    return None

"""Event coding, first version: Indonesian verbs to PLOVER events with source, target, negation and
modality.

Verbs come from the language pack (``verbs.tsv``); every word of a pattern is stemmed with PySastrawi
and matched against stemmed tokens, so "dikecam", "mengecam" and "kecaman" share the stem "kecam" -- a
token only counts as a verb when it carries a verbal prefix (me-, ber-, di-, ter-) or is the pattern's
own word, which keeps nouns like "dukungan" out. Source is the nearest actor before the verb in its
clause (after "bahwa" in reported speech), target the first actor after it; a di- passive swaps them and
takes the source from "oleh". Negated events are kept (``negated=True``) for audit but never exported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache, partial
from itertools import compress
from typing import NamedTuple, Protocol

from warta.actors import place_of
from warta.anaphora import object_parties, stand_in_object, stand_in_pairs, stand_in_subject
from warta.constructions import find_demands
from warta.event_dates import event_date
from warta.lang import LanguagePack
from warta.memo import MAX_FORMS, PerForm
from warta.merge import is_mutual
from warta.nominal import find_nominal
from warta.records import Actor, Article, Event, Location, Mention, Quote, Sentence, Timex
from warta.stemmer import stem

_TOKEN = re.compile(r"\w+(?:-\w+)*", re.UNICODE)
_CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:sementara|sedangkan|namun|tetapi|dan\s+(?=\w+\s+(?:me|ber|di)))|\bnamun\b"
)


@dataclass(frozen=True)
class VerbEntry:
    pattern: str
    stems: tuple[str, ...]
    plover: str
    mode: str | None
    cameo: str
    goldstein: float


@dataclass(frozen=True)
class Lexicon:
    by_first: dict[str, tuple[VerbEntry, ...]]
    negation: frozenset[str]
    negating_verbs: frozenset[str]  # stems
    intended: frozenset[str]
    alleged: frozenset[str]
    conditional: frozenset[str]
    speech: frozenset[str]
    passive_agent: frozenset[str]
    ambiguous: frozenset[str]  # surface forms that look like an event verb but are not one
    symmetric: frozenset[str]  # patterns whose two-party subject acts on itself: bentrok, bertempur
    demand_speech: frozenset[str]  # "bersikeras bahwa X harus ..." (warta.constructions)
    evaluative: frozenset[str]  # "tidak dapat diterima": from the speaker to the actor it is said of
    place_nouns: frozenset[str] = frozenset()  # "kota", "wilayah": between a verb and the place it strikes
    place_target_types: frozenset[str] = frozenset()  # PLOVER types whose object place is their target
    topic_verbs: frozenset[str] = frozenset()  # "membahas": its object is the topic, not the partner
    wish: frozenset[str] = frozenset()  # "agar", "supaya": what follows is wanted, not done
    passive_patterns: frozenset[str] = frozenset()  # "dijatuhi sanksi": di- patterns read as passives
    denial: frozenset[str] = frozenset()  # "membantah": the act denied is negated
    object_verbs: frozenset[str] = frozenset()  # "menerima": an event only with an actor right after it
    from_targets: frozenset[str] = frozenset()  # "melarang impor": the country after "dari" is the target
    owned_nouns: frozenset[str] = frozenset()  # "serangan": an event only with its owner right after it
    idioms: tuple[tuple[str, ...], ...] = ()  # "menahan diri": an event pattern's words, and no event
    not_only: frozenset[str] = frozenset()  # "tidak hanya": a negation that is none
    # word form -> what it can start (:func:`_start_of`); filled as words are seen
    starts: PerForm = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", PerForm(partial(_start_of, self)))


class _Start(NamedTuple):
    """What one word form can begin: speech (``speech``) and the verb patterns whose first word it matches
    (``entries``, in the lexicon's order). A word that begins neither is cached as None."""

    speech: bool
    entries: tuple[VerbEntry, ...]


def _start_of(lex: Lexicon, form: str) -> _Start | None:
    """What word ``form`` can begin (None: nothing), for ``Lexicon.starts``."""
    t = _FORMS[form]
    entries = (
        () if t.low in lex.ambiguous else tuple(e for e in lex.by_first.get(t.stem, ()) if _may_start(t, e))
    )
    speech = _is_speech(t, lex)
    return _Start(speech, entries) if speech or entries else None


@cache
def lexicon(pack: LanguagePack) -> Lexicon:
    by_first: dict[str, list[VerbEntry]] = {}
    for r in pack.tsv("verbs.tsv"):
        pattern = r["pattern"].split()
        if not pattern:
            continue
        stems = tuple(stem(w) for w in pattern)
        try:
            gold = float(r["goldstein"])
        except (TypeError, ValueError):
            continue
        e = VerbEntry(r["pattern"], stems, r["plover"], r.get("mode") or None, r["cameo"], gold)
        by_first.setdefault(stems[0], []).append(e)
    cues = pack.yaml("cues.yaml")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in cues.get(key, []) or [])

    return Lexicon(
        by_first={k: tuple(sorted(v, key=lambda e: -len(e.stems))) for k, v in by_first.items()},
        negation=words("negation"),
        negating_verbs=frozenset(stem(w.split()[0]) for w in words("negating_verbs")),
        intended=words("intended"),
        alleged=words("alleged"),
        conditional=words("conditional"),
        speech=words("speech_verbs"),
        passive_agent=words("passive_agent") or frozenset({"oleh"}),
        ambiguous=words("ambiguous_surface_forms"),
        symmetric=words("symmetric_verbs"),
        demand_speech=words("demand_speech_verbs"),
        evaluative=words("evaluative_predicates"),
        place_nouns=frozenset(w for p in words("place_nouns") for w in p.split()),
        place_target_types=frozenset(str(t).upper() for t in cues.get("place_target_types", []) or []),
        wish=words("wish_clause"),
        topic_verbs=words("topic_verbs"),
        passive_patterns=words("passive_patterns"),
        denial=words("denial"),
        object_verbs=words("object_verbs"),
        from_targets=words("from_targets"),
        owned_nouns=words("owned_nouns"),
        idioms=tuple(sorted({tuple(p.split()) for p in words("idioms") if p.split()})),
        not_only=words("not_only"),
    )


class Tok(NamedTuple):  # a tuple: one is built for every word of every sentence
    start: int  # offset in the article text
    end: int
    text: str
    low: str
    stem: str


_new_tok = Tok._make

# word form -> its token without offsets (lower case, stem computed once)
_FORMS = PerForm(lambda w: _new_tok((0, 0, w, w.lower(), stem(w))))
_form = _FORMS.__getitem__


def tokens(s: Sentence, forms: Sequence[Tok]) -> list[Tok]:
    """The words of ``s`` with their offsets in the article; ``forms``: the sentence's word forms (``_form``
    of each word, in order)."""
    base = s.start
    return [  # f[2], f[3], f[4]: text, low, stem (indexing a tuple is cheaper than reading fields by name)
        _new_tok((base + m.start(), base + m.end(), f[2], f[3], f[4]))
        for m, f in zip(_TOKEN.finditer(s.text), forms, strict=True)
    ]


def _is_speech(t: Tok, lex: Lexicon) -> bool:
    return t.low in lex.speech or t.low in lex.demand_speech


def _may_start(t: Tok, e: VerbEntry) -> bool:
    """Whether word ``t`` can be the first word of pattern ``e``."""
    return _word_matches(t, _pattern_words(e.pattern)[0], e.stems[0])


@dataclass(frozen=True)
class VerbHit:
    first: int  # token index
    last: int
    entry: VerbEntry
    passive: bool


_ENCLITIC = ("nya", "lah", "kah", "pun")


@lru_cache(maxsize=MAX_FORMS)
def affix_class(word: str) -> tuple[str, str]:
    """(prefix class, suffix) of a surface word: M (me-/di-), P (memper-/diper-), B (ber-), T (ter-),
    N (other affixed forms, nouns) or 0 (a bare root); suffix "kan", "i" or "".

    Stems alone confuse words of one root with different meanings ("bertemu" meet / "menemukan" find,
    "bersedia" willing / "tersedia" available, "memperingatkan" warn / "mengingat" recall); a token
    matches a pattern word only when their stems and their affix classes agree.
    """
    w = word.lower()
    root = stem(w)
    for enc in _ENCLITIC:
        if w.endswith(enc) and len(w) - len(enc) >= len(root):  # "besarnya": the root and "-nya"
            w = w[: -len(enc)]
            break
    if w == root:
        return "0", ""
    suffix = (
        "kan"
        if w.endswith("kan") and not root.endswith("kan")
        else "i"
        if (w.endswith("i") and not root.endswith("i"))
        else ""
    )
    if w.startswith(("memper", "diper")):
        return "P", suffix
    if w.startswith(("me", "di")):
        return "M", suffix
    if w.startswith(("ber", "be")):
        return "B", suffix
    if w.startswith("ter"):
        return "T", suffix
    return "N", suffix


def _word_matches(token: Tok, word: str, word_stem: str) -> bool:
    if token.stem != word_stem:
        return False
    if token.low == word:
        return True
    if word.endswith("nya") and not token.low.endswith("nya"):
        return False  # "memanggil duta besarnya" (its own: a recall) is not "memanggil duta besar China"
    t_cls, t_suf = affix_class(token.low)
    p_cls, p_suf = affix_class(word)
    if t_cls != p_cls:
        return False
    return not p_suf or t_suf == p_suf


MAX_GAP = 2  # plain words allowed between the words of a pattern: "menjatuhkan paket sanksi"


def _is_filler(form: str) -> bool:
    """A word that may stand inside a verb phrase: a number or a plain lower-case word, not a name or verb."""
    low = form.lower()
    return form.isdigit() or (form.islower() and affix_class(low)[0] in {"0", "N"} and len(low) <= 12)


_FILLERS = PerForm(_is_filler)  # word form -> _is_filler


def _filler(t: Tok) -> bool:
    return _FILLERS[t.text]


@lru_cache(maxsize=20_000)
def _pattern_words(pattern: str) -> tuple[str, ...]:
    return tuple(pattern.lower().split())


def _match_rest(toks: list[Tok], i: int, e: VerbEntry) -> int | None:
    """Index of the last token of pattern ``e`` starting at token ``i``, which is known to begin it
    (:func:`_may_start`, cached per form in ``Lexicon.starts``), or None."""
    words = _pattern_words(e.pattern)
    last = i
    for k in range(1, len(words)):
        word, word_stem = words[k], e.stems[k]
        for j in range(last + 1, min(len(toks), last + 2 + MAX_GAP)):
            t = toks[j]
            if t.stem == word_stem and _word_matches(t, word, word_stem):
                last = j
                break
            if not _filler(toks[j]):
                return None
        else:
            return None
    return last


def find_verbs(toks: list[Tok], lex: Lexicon, starts: Sequence[int] | None = None) -> list[VerbHit]:
    """The event verbs of a sentence, left to right, not overlapping; ``starts`` (indices) limits the search
    to the words that can begin one (``Lexicon.starts``). Offsets of ``toks`` are not used."""
    hits: list[VerbHit] = []
    for i in range(len(toks)) if starts is None else starts:
        if hits and i <= hits[-1].last:
            continue
        start = lex.starts[toks[i].text]
        for e in start.entries if start else ():  # the patterns the word can begin (_may_start holds)
            last = _match_rest(toks, i, e)
            if last is None:
                continue
            first_word = _pattern_words(e.pattern)[0]
            passive = toks[i].low.startswith("di") and (
                not first_word.startswith("di") or e.pattern in lex.passive_patterns
            )
            hits.append(VerbHit(i, last, e, passive))
            break
    return hits


def _clause_marks(s: Sentence, toks: list[Tok]) -> tuple[list[tuple[int, int]], list[tuple[int, Tok]]]:
    """What :func:`_clause_bounds` reads of a sentence, found once for all its verbs: the clause breaks
    (offsets in the article text) and the tokens that can open or close a clause, with their indices."""
    breaks = [(s.start + m.start(), s.start + m.end()) for m in _CLAUSE_BREAK.finditer(s.text)]
    return breaks, [(i, t) for i, t in enumerate(toks) if t.low in _CLAUSE_WORDS]


def _clause_bounds(
    s: Sentence,
    toks: list[Tok],
    v: VerbHit,
    verbs: list[VerbHit],
    marks: tuple[list[tuple[int, int]], list[tuple[int, Tok]]] | None = None,
) -> tuple[int, int]:
    """Character offsets (article text) of the clause holding the verb; ``marks``: :func:`_clause_marks`
    of the sentence, when the caller has them."""
    breaks, words = marks or _clause_marks(s, toks)
    vstart = toks[v.first].start
    vend = toks[v.last].end
    left, right = s.start, s.end
    for pos, end in breaks:
        if pos < vstart:
            left = max(left, end)
        elif pos > vend:
            right = min(right, pos)
            break
    for i, t in words:
        if t.low in {"bahwa", "agar", "supaya"} and t.end <= vstart:
            left = max(left, t.end)
        elif t.low in _TOPIC and t.start > vend:
            right = min(right, t.start)  # "memperingatkan X tentang Y": Y is the topic, not the target
        elif t.low in _REASON and t.start > vend:
            right = min(right, t.start)  # "mengkritik rencana itu dengan alasan bahwa ... Moskow": a reason
        elif t.low == "tengah" and i and toks[i - 1].low == "di" and t.start > vend:
            right = min(right, toks[i - 1].start)  # "... di tengah pengaruh China yang meningkat": a setting
    return left, right


def code_sentence(
    art: Article,
    s: Sentence,
    mentions: list[Mention],
    timexes: list[Timex],
    pack: LanguagePack,
    para_start: int | None = None,
    earlier: list[Event] | None = None,
    quoted: Sequence[tuple[int, int, Actor]] = (),
    in_sentence: Sequence[Mention] | None = None,
) -> list[Event]:
    """The events of sentence ``s``; ``mentions`` are the article's, ``in_sentence`` (when the caller has
    them) those of ``s``."""
    lex = lexicon(pack)
    raw = _TOKEN.findall(s.text)
    can = list(map(lex.starts.__getitem__, raw))  # what each word can begin (None: nothing)
    starts = list(compress(range(len(can)), can))  # the words that begin something
    if not starts:
        return []
    words = list(map(_form, raw))
    verbs = find_verbs(words, lex, starts)  # the same indices as the tokens with offsets below
    spoken = [i for i in starts if can[i].speech]
    if not verbs and not spoken:
        return []
    toks = tokens(s, words)
    speech = [toks[i].start for i in spoken]
    own = mentions if in_sentence is None else in_sentence
    actors = [m for m in own if m.sentence == s.index and m.role == "actor" and m.code]
    places = [m for m in own if m.sentence == s.index and m.role == "place"]
    if lex.object_verbs:  # "menerima bantuan", "disambut dengan upacara": no visitor received, no verb at all
        verbs = [
            v for v in verbs if v.entry.pattern not in lex.object_verbs or _object_follows(toks, v, actors)
        ]
    if lex.idioms:
        verbs = [v for v in verbs if not _idiom(toks, v, lex)]
    location = _location(places, pack)
    events: list[Event] = []
    main_verbs = sorted([toks[v.first].start for v in verbs] + speech)
    told = [
        *find_nominal(art.text, s, toks, main_verbs, actors, [*(earlier or []), *events], pack),
        *find_demands(art.text, s, toks, actors, pack),
    ]
    for hit in told:
        nstart, nend = toks[hit.first].start, toks[hit.last].end
        when = event_date(
            s,
            timexes,
            art,
            pack,
            clause=(s.start, s.end),
            verb_start=nstart,
            para_start=para_start,
            earlier=[*(earlier or []), *events],
        )
        pre = [t.low for t in toks[: hit.first]]
        nominal_modality = _modality(pre[-4:], lex)
        for a, b in hit.pairs:
            events.append(
                _event(
                    art,
                    s,
                    hit.entry,
                    (a, b),
                    (nstart, nend),
                    when,
                    location,
                    modality=nominal_modality,
                    negated=_negation_in(pre, len(pre) - 3, len(pre), lex),
                )
            )
    skip_next_negation = set()
    negators: list[VerbHit] = []
    marks = _clause_marks(s, toks) if verbs else None
    tags = _speech_tags(art.text, toks, spoken) if verbs else []
    agents: set[int] = set()  # the starts of the agents of this sentence's passive verbs
    for k, v in enumerate(verbs):
        # "menolak mengutuk": a negating verb directly before another event verb negates it
        nxt = verbs[k + 1] if k + 1 < len(verbs) else None
        if nxt and v.entry.stems[0] in lex.negating_verbs and nxt.first - v.last <= 2:
            skip_next_negation.add(k + 1)
            negators.append(v)
            continue
        # "bersedia bekerja sama", "berjanji mendukung": the first verb is the modality of the second
        if nxt and v.entry.pattern in lex.intended and nxt.first - v.last <= 3:
            continue
        left, right = _clause_bounds(s, toks, v, verbs, marks)
        vstart, vend = toks[v.first].start, toks[v.last].end
        # "Rusia menyerang Kyiv, kata pejabat Ukraina": the speech tag's actor is the speaker, not the target
        right = min([right, *(c for c in tags if c > vend)])
        # "menandatangani perjanjian saat kunjungan Xi Jinping ke Hanoi": who comes after "saat" is no target
        reach = min([right, *(t.start for t in toks[v.last + 1 :] if t.low in _WHEN)])
        prev = [p for p in verbs[:k] if toks[p.first].start >= left and p not in negators]
        subject_until = vstart  # where the subject of this verb must end
        accused = False  # the verb tells what an accusation says the accused did
        # "mengecam latihan militer gabungan AS dan Korsel": an event noun right after a verb is its object;
        # its own parties, if any, follow it
        object_noun = bool(prev) and prev[-1].last + 1 == v.first and _noun_pattern(v.entry)
        if prev and not object_noun:
            link_toks = toks[prev[-1].last + 1 : v.first]
            link = [t.low for t in link_toks]
            conj = [i for i, w in enumerate(link) if w in _NEW_CLAUSE]
            new_subject = conj and any(link_toks[conj[-1]].end <= m.start and m.end <= vstart for m in actors)
            if new_subject:
                left = link_toks[
                    conj[-1]
                ].end  # "Rusia menyerang Kyiv dan Ukraina membalas": a clause of its own
            elif _accused_deed(prev[-1], link_toks, actors):
                # "Kremlin menuduh Kiev menyerang Belgorod": the deed the accused is said to have done
                left, accused = toks[prev[-1].last].end, True
            elif _complement(link, lex):
                continue  # "mendesak X untuk membantu", "konsekuensi mendukung": not an event of its own
            else:
                subject_until = toks[
                    prev[-1].first
                ].start  # "X mengecam Y, serta menuduh Z": X is the subject
        before = [m for m in actors if left <= m.start and m.end <= subject_until]
        # a place the next event verb or noun goes to is that one's: "mengutuk serangan udara ke Gaza"
        next_verb = toks[nxt.first].start if nxt else right
        # a target may begin inside the pattern: "memanggil duta besar China" (the ambassador is the pattern's
        # last words and the mention's title)
        after = [
            m
            for m in actors + _destinations(places, art.text, vend, v, lex, own, until=next_verb)
            if (vend <= m.start or vstart < m.start < vend < m.end) and m.end <= reach
        ]
        after.sort(key=lambda m: m.start)
        mutual = is_mutual(v.entry.plover, v.entry.mode)
        if not mutual:
            # "memerintahkan militernya menyiapkan respons bersama AS": who acts along, not the target
            after = _without_companions(after, art.text, vend)
        if v.entry.pattern in lex.topic_verbs:
            # "membahas Ukraina": what is talked about; the partner comes after "dengan"
            after = [m for m in after if _PARTNER.search(art.text, vend, m.start)]
        if v.passive:
            agent = _after_agent(toks, v, after, lex)
            agents.update(m.start for m in agent)
            src, tgt = agent, _nearest_group(before, art.text)
        else:
            # "Israel dituduh melakukan genosida oleh Afrika Selatan": the accuser is no target of the deed
            after = [m for m in after if m.start not in agents]
            src, tgt = _nearest_group(before, art.text), _first_group(after, art.text)
            if not src:
                # reported speech without a subject of its own: "X mengatakan bahwa akan ..."
                src = _nearest_group([m for m in actors if s.start <= m.start and m.end <= left], art.text)
        # an event noun's own parties: both after it when mutual ("latihan gabungan AS dan Korsel"), else
        # the actor right after it, its owner, and then its target ("serangan udara Israel ke Gaza"; "syarat
        # Rusia, yakni penarikan pasukan Ukraina dari ..." is Ukraine's withdrawal, not Russia's act)
        owner = None if v.passive else _noun_owner(v, after, art.text, vend, 2 if object_noun else 0)
        if object_noun and mutual:
            src, tgt = tgt[:1], tgt[1:]
        elif owner is not None:
            src, tgt = [owner], _owned_target(owner, after, places, art.text, v, lex, own)
        elif object_noun or (v.entry.pattern in lex.owned_nouns and not v.passive):
            continue  # the noun tells no parties of its own: no event
        joint = mutual or v.entry.pattern in lex.symmetric
        if tgt and len(src) >= 2 and joint and _YANG_BY.search(art.text, vend, tgt[0].start):
            tgt = []  # "Israel dan Hamas menyepakati pertukaran yang dimediasi Qatar": Qatar is no party
        if not tgt and len(src) >= 2 and mutual:
            # "Jepang dan Indonesia sepakat ...": a joint action between them; of three or more ("Jepang,
            # Filipina, dan AS menggelar latihan maritim"), between each two
            pairs = [
                (Actor.of(a), Actor.of(b))
                for i, a in enumerate(src)
                for b in src[i + 1 :]
                if a.code != b.code
            ]
            src, tgt = src[:1], src[1:]
        else:
            pairs = [(Actor.of(a), Actor.of(b)) for a in src for b in tgt if a.code != b.code]
        if v.entry.pattern in lex.evaluative and not tgt:
            # "Moskow menyatakan bahwa ketentuan yang diajukan oleh Kiev tidak dapat diterima"
            said_by = _speaker(s, toks, actors, left, art.text)
            if said_by:
                pairs = [(Actor.of(said_by), Actor.of(a)) for a in before[-1:] if a.code != said_by.code]
        stand_in = (
            None
            if v.passive or object_noun or owner is not None
            else stand_in_subject(art.text, s, before, left, subject_until, pack)
        )
        if stand_in:
            pairs = stand_in_pairs(
                stand_in,
                tgt,
                v.entry.plover,
                v.entry.mode,
                _both_ways(art.text[stand_in.end : vstart], v, lex, art.text[vend:right]),
                s,
                mentions,
                [*(earlier or []), *events],
                art.text,
                quoted,
            )
        elif (
            (not tgt or _EACH_OTHER.match(art.text[vend:right]))
            and len(src) >= 2
            and _both_ways(art.text[src[-1].end : vstart], v, lex, art.text[vend:right])
        ):
            # "India dan Pakistan saling menuduh", "... bentrok di perbatasan", "mendukung satu sama lain":
            # each side acts on the other
            pairs = [(Actor.of(a), Actor.of(b)) for a in src for b in src if a.code != b.code]
        if not pairs and src and not tgt and not stand_in and not v.passive and owner is None:
            # "Trump mendesak kedua negara menghentikan pertempuran": the two parties told before
            obj = stand_in_object(art.text, vend, right, pack)
            both = obj and object_parties(obj, s, mentions, [*(earlier or []), *events], art.text)
            if both and not {x.code for x in both} & {a.code for a in src}:
                # (one of "both sides" being the subject's own is a call on all, not an act on the other)
                pairs = [(Actor.of(a), x) for a in src for x in both]
        if not pairs:
            continue
        # modality and negation cues before a stand-in subject belong to another clause
        lo = max(left, stand_in.start) if stand_in else left
        pre = [t.low for t in toks if lo <= t.start < vstart]
        negated = k in skip_next_negation or _negated(pre, toks, left, lex)
        speaker = _speaker(s, toks, actors, left, art.text, vstart)
        modality = _modality_of(pre, v, prev[-1] if prev else None, art.text, toks, lex)
        claimed = accused or (speaker is not None and speaker.code not in {a.code for a, _ in pairs})
        if modality == "asserted" and claimed:
            modality = "alleged"  # one party's claim about another: "Blinken mengatakan bahwa China ..."
        when = event_date(
            s,
            timexes,
            art,
            pack,
            clause=(left, right),
            verb_start=vstart,
            para_start=para_start,
            earlier=[*(earlier or []), *events],
            # "Inggris dikabarkan akan mengusir ...": alleged, and still to come
            done=modality == "asserted" or (modality == "alleged" and not _intends(pre, lex)),
        )
        for a, b in pairs:
            events.append(
                _event(
                    art,
                    s,
                    v.entry,
                    (a, b),
                    (vstart, vend),
                    when,
                    location,
                    modality=modality,
                    negated=negated,
                )
            )
    return events


class _Coded(Protocol):
    """What an event needs of its lexicon entry (a verb's or a noun's): read-only fields."""

    @property
    def plover(self) -> str: ...
    @property
    def mode(self) -> str | None: ...
    @property
    def cameo(self) -> str: ...
    @property
    def goldstein(self) -> float: ...


def _event(
    art: Article,
    s: Sentence,
    entry: _Coded,
    pair: tuple[Actor, Actor],
    span: tuple[int, int],
    when: tuple[date | None, str, str],
    location: Location | None,
    *,
    modality: str,
    negated: bool,
) -> Event:
    """One coded event with its evidence: the sentence and the offsets of the verb (or noun) that tells it."""
    return Event(
        article_id=art.id,
        sentence=s.index,
        event=entry.plover,
        mode=entry.mode,
        context=None,
        cameo=entry.cameo,
        goldstein=entry.goldstein,
        modality=modality,
        negated=negated,
        source=(pair[0],),
        target=(pair[1],),
        date=when[0],
        date_precision=when[1],
        date_source=when[2],
        location=location,
        text=s.text,
        verb_start=span[0],
        verb_end=span[1],
        verb_text=art.text[span[0] : span[1]],
    )


_EACH_OTHER = re.compile(r"^\W*(?:\w+\W+){0,2}?satu\s+sama\s+lain\b", re.I)


def _both_ways(between: str, v: VerbHit, lex: Lexicon, after: str = "") -> bool:
    """Two parties as subject act on each other: "saling" before the verb, "satu sama lain" right after it
    ("mendukung satu sama lain"), or a symmetric verb (bentrok)."""
    return (
        bool(re.search(r"\bsaling\b", between, re.I))
        or bool(_EACH_OTHER.match(after))
        or v.entry.pattern in lex.symmetric
    )


def _complement(link: list[str], lex: Lexicon) -> bool:
    """Words between two event verbs that make the second a purpose or a noun, not a new event."""
    if not link:
        return False
    if any(w in {"untuk", "agar", "supaya", "guna", "demi"} for w in link[-2:]):
        return True
    return not _coordinated_verb(link)


def _coordinated_verb(link: list[str]) -> bool:
    """ "X mengecam Y, serta menuduh Z": the second verb shares the subject of the first."""
    words = [
        w
        for w in link
        if w not in {"juga", "pun", "turut", "kemudian", "lalu", "pula", "bahkan", "sekaligus"}
    ]
    return (
        bool(words)
        and words[-1] in {"dan", "serta", "lalu", "kemudian", "sekaligus"}
        or (not words and bool(link))
    )


def _speaker(
    s: Sentence, toks: list[Tok], actors: list[Mention], left: int, text: str, vstart: int | None = None
) -> Mention | None:
    """The speaker of reported speech that holds the clause ("X mengatakan bahwa ..."), if any: the actor
    before the sentence's first "bahwa" ("X mengatakan pada Selasa bahwa A ... dan bahwa B ...")."""
    if vstart is not None and toks and toks[0].low == "menurut":
        # "Menurut pejabat Ukraina, Rusia menyerang Kharkiv": the one it is according to, for a verb after
        # the comma
        comma = text.find(",", toks[0].end, vstart)
        cands = [m for m in actors if toks[0].end <= m.start and m.end <= comma] if comma >= 0 else []
        if cands:
            return cands[-1]
    if left <= s.start or _bahwa_at(toks, left) is None:
        return None
    first = next(t for t in toks if t.low == "bahwa")
    cands = [m for m in actors if s.start <= m.start and m.end <= first.start]
    return cands[-1] if cands else None


_PLACE_KINDS = frozenset({"state", "place", "capital", "metonym"})


def _destinations(
    places: list[Mention],
    text: str,
    vend: int,
    v: VerbHit,
    lex: Lexicon,
    mentions: Sequence[Mention],
    until: int | None = None,
) -> list[Mention]:
    """A country the action goes to ("mengirim bantuan ke Palestina", "berkunjung ke Jakarta") is its
    target, so is the one a withdrawal leaves ("menarik duta besarnya dari Lithuania", "menarik pasukan dari
    Suriah"), and the country of the place an attack strikes ("menyerang kota Kharkiv", "serangan udara ke
    Jalur Gaza"). A place in between ("di Kharkiv") only says where, and a place after another actor of
    ``mentions`` is that actor's ("mengecam kunjungan Ketua DPR ke Taiwan"), and one from ``until`` on (the
    next event verb or noun) is that event's."""
    # what is left, taken from, or no longer let in from
    from_target = v.entry.mode in ("withdraw", "confiscate") or v.entry.pattern in lex.from_targets
    struck = v.entry.plover in lex.place_target_types
    out = []
    for m in places:
        if (
            m.kind not in _PLACE_KINDS
            or not m.code
            or m.start < vend
            or (until is not None and m.start >= until)
        ):
            continue
        if any(_blocks(x) and vend <= x.start and x.end <= m.start for x in mentions):
            continue
        words = text[vend : m.start].lower().split()
        while words and words[-1] in lex.place_nouns:
            words.pop()  # "ke kota Kharkiv", "ke ibu kota Ukraina"
        direct = not words and (m.kind == "state" or struck)
        # an attack "terhadap" or "atas" a place strikes it ("serangan Rusia terhadap Kharkiv", "atas Gaza")
        towards = words[-1:] in (["ke"], ["kepada"], ["untuk"]) or (
            struck and words[-1:] in (["terhadap"], ["atas"])
        )
        leaves = from_target and words[-1:] == ["dari"] and len(words) <= 3
        if direct or towards or leaves:
            # the place stands for its country: no person, no government office ("Kyiv" as a city)
            out.append(m if m.kind == "state" else replace(m, name=None, sector=None, kind="state"))
    return out


_ACCUSING = frozenset({"112", "1121", "1122", "1123", "1124", "1125"})  # accuse (of crime, aggression, ...)
_ASPECT = frozenset({"telah", "akan", "sedang", "sudah", "pernah"})


def _accused_deed(accusation: VerbHit, link_toks: list[Tok], actors: list[Mention]) -> bool:
    """Whether an event verb right after an accusation and the accused ("menuduh Israel melakukan genosida")
    tells the deed alleged: only the accused and at most words of tense or aspect (``_ASPECT``) between."""
    if accusation.entry.cameo not in _ACCUSING or accusation.passive or not link_toks:
        return False
    lo, hi = link_toks[0].start, link_toks[-1].end
    named = [m for m in actors if lo <= m.start and m.end <= hi]
    if not named or named[0].start != lo:
        return False
    rest = [t.low for t in link_toks if t.start >= named[-1].end]
    return all(w in _ASPECT for w in rest)


def _negated(pre: list[str], toks: list[Tok], left: int, lex: Lexicon) -> bool:
    """Whether the verb after the words ``pre`` of its clause (which begins at ``left``) is negated: a
    negation or denial among its last three words, a denial's "bahwa" clause, a negated verb's purpose."""
    return (
        _negation_in(pre, len(pre) - 3, len(pre), lex)
        or any(w in lex.denial for w in pre[-3:])
        or _denied(toks, left, lex)
        or _negated_purpose(pre, lex)
    )


def _modality_of(
    pre: list[str], v: VerbHit, before: VerbHit | None, text: str, toks: list[Tok], lex: Lexicon
) -> str:
    """The modality of verb ``v`` from the words ``pre`` of its clause before it and ``before``, the event
    verb of the clause before it, if any (a speaker's claim about others is made alleged by the caller)."""
    modality = _modality(pre, lex)
    if modality != "asserted":
        return modality
    if before is not None and before.entry.plover == "AGREE" and v.first - before.last <= 2:
        return "intended"  # "sepakat menggelar pertemuan akhir tahun ini": agreed on, not yet held
    if pre and pre[-1] in _PURPOSE and v.entry.plover in _FORCE:
        # "AS mengirim kapal induk untuk menyerang Iran": the force is a purpose, not yet used ("untuk
        # mendukung", "untuk membahas" mostly tell what the main act is, and stay as they were)
        return "intended"
    if _wished(text, toks, toks[v.first].start, lex):
        return "intended"  # "memperingatkan Barat agar tidak mengizinkan Kiev ... menyerang Rusia"
    return "asserted"


def _negated_purpose(pre: list[str], lex: Lexicon) -> bool:
    """Whether the verb stands in the purpose complement of a negated verb ("Indonesia belum memutuskan untuk
    bergabung dengan latihan militer bersama AS"): "untuk" (or "guna", "demi") among its last four words, a
    negation among the three before that."""
    tail = pre[-4:]
    at = next((len(pre) - len(tail) + i for i, w in enumerate(tail) if w in _PURPOSE), None)
    return at is not None and _negation_in(pre, at - 3, at, lex)


def _negation_in(words: list[str], lo: int, hi: int, lex: Lexicon) -> bool:
    """Whether a negation stands among ``words[lo:hi]`` (``lo`` may be negative: from the start), one not
    followed by a word of "not only" ("bukan hanya mengecam": it did condemn)."""
    for i in range(max(0, lo), min(hi, len(words))):
        if words[i] in lex.negation and (i + 1 >= len(words) or words[i + 1] not in lex.not_only):
            return True
    return False


def _idiom(toks: list[Tok], v: VerbHit, lex: Lexicon) -> bool:
    """Whether verb ``v`` begins one of the phrases that tell no event ("menahan diri")."""
    for phrase in lex.idioms:
        words = toks[v.first : v.first + len(phrase)]
        if len(words) == len(phrase) and all(t.low == w for t, w in zip(words, phrase, strict=True)):
            return True
    return False


def _object_follows(toks: list[Tok], v: VerbHit, actors: list[Mention]) -> bool:
    """Whether an actor begins at the word right after verb ``v``."""
    nxt = v.last + 1
    return nxt < len(toks) and any(m.start == toks[nxt].start for m in actors)


def _denied(toks: list[Tok], left: int, lex: Lexicon) -> bool:
    """Whether the clause that begins at ``left`` is the "bahwa" clause of a denial, the denial at most three
    words before the "bahwa" ("Kremlin membantah laporan bahwa Putin akan bertemu Zelensky")."""
    i = _bahwa_at(toks, left)
    return i is not None and any(x.low in lex.denial for x in toks[max(0, i - 4) : i])


def _bahwa_at(toks: list[Tok], left: int) -> int | None:
    """The index of the "bahwa" that ends at ``left`` (the start of its clause), if one does."""
    return next((i for i, t in enumerate(toks) if t.low == "bahwa" and t.end == left), None)


def _blocks(m: Mention) -> bool:
    """Whether actor ``m`` between a verb and a place makes the place its own ("kunjungan Ketua DPR ke
    Taiwan"): a sector word in lower case ("bantuan militer ke Filipina") does not."""
    return m.role == "actor" and bool(m.code or m.text[:1].isupper())


def _speech_tags(text: str, toks: list[Tok], spoken: Sequence[int]) -> list[int]:
    """The offsets of the commas that open a speech tag (", kata Menlu X", ", menurut pejabat Y"): the word
    ``toks[i]`` of each ``spoken`` index right after a comma."""
    out = []
    for i in spoken:
        if i:
            gap = text[toks[i - 1].end : toks[i].start]
            if "," in gap:
                out.append(toks[i - 1].end + gap.index(","))
    return out


def _after_agent(toks: list[Tok], v: VerbHit, after: list[Mention], lex: Lexicon) -> list[Mention]:
    for t in toks[v.last + 1 : v.last + 4]:
        if t.low in lex.passive_agent:
            return [m for m in after if m.start >= t.end][:1]
    return []


_ALONG = re.compile(r"\b(?:bersama|bersama-sama\s+dengan|bersama\s+dengan)\s+$", re.I)
_PARTNER = re.compile(r"\b(?:dengan|bersama)\b", re.I)  # what introduces a topic verb's partner
_REASON = {"bahwa", "karena", "sebab", "lantaran", "alasan"}
_PURPOSE = frozenset({"untuk", "guna", "demi"})  # "mengirim kapal induk untuk menyerang Iran"
_FORCE = frozenset({"ASSAULT", "COERCE"})  # the types a purpose clause makes intended
# the agent of a passive relative clause right before an actor: "yang dimediasi (oleh) Qatar"
_YANG_BY = re.compile(r"\byang\s+(?:telah\s+|sudah\s+|akan\s+)?di\w+\s+(?:oleh\s+)?$", re.I)
_WHEN = frozenset({"saat", "ketika", "sewaktu", "tatkala"})  # a time clause: not where a target is
_TOPIC = {"tentang", "mengenai", "soal", "terkait", "seputar", "perihal"}
_CLAUSE_WORDS = frozenset({"bahwa", "agar", "supaya", "tengah"}) | _TOPIC | _REASON  # see _clause_marks
_CONJ = {"dan", "serta", "maupun", "dan juga", ", dan", ", serta"}
_WITH = frozenset({"bersama", "bersama dengan", "bersama-sama dengan"})  # subjects acting together
_PAIR = frozenset({"-", "–", "/"})  # "Indonesia-Jepang", "AS-Korea Selatan": two parties written as a pair


def _link(text: str, a: Mention, b: Mention) -> str:
    """What joins mention ``a`` to the later ``b``: the words between, lower case; a pair's hyphen or slash
    (nothing else between) counts as "dan"."""
    raw = text[a.end : b.start]
    return "dan" if raw in _PAIR else raw.strip().lower()


_NEW_CLAUSE = {
    "dan",
    "serta",
    "sementara",
    "sedangkan",
    "namun",
    "tetapi",
    "lalu",
    "kemudian",
    "sebelum",
    "setelah",
}


def _noun_owner(v: VerbHit, after: list[Mention], text: str, vend: int, gap: int) -> Mention | None:
    """The actor that owns the event noun of ``v``: the first of ``after``, at most ``gap`` words after the
    noun ("serangan udara Israel"); None when ``v`` is no directed event noun or nothing owns it."""
    if not after or after[0].role != "actor" or is_mutual(v.entry.plover, v.entry.mode):
        return None
    if not _noun_pattern(v.entry) or len(text[vend : after[0].start].split()) > gap:
        return None
    return after[0]


def _owned_target(
    owner: Mention,
    after: list[Mention],
    places: list[Mention],
    text: str,
    v: VerbHit,
    lex: Lexicon,
    mentions: Sequence[Mention],
) -> list[Mention]:
    """The target of an event noun owned by ``owner`` ("serangan udara Israel ke Gaza"): the first actors
    after the owner, or the place its action reaches, reckoned from the owner; an actor inside a relative
    clause ("dari empat wilayah yang diklaim Moskow") is not it."""
    rest = [
        m
        for m in after
        if m.start >= owner.end and m.role == "actor" and not _RELATIVE.search(text, owner.end, m.start)
    ]
    rest += _destinations(places, text, owner.end, v, lex, mentions)
    return _first_group(sorted(rest, key=lambda m: m.start), text)


_RELATIVE = re.compile(r"\byang\b", re.I)


def _without_companions(after: list[Mention], text: str, vend: int) -> list[Mention]:
    """``after`` (in order) without the actors introduced by "bersama", and those coordinated with them
    ("bersama AS dan Jepang"): they act along with the subject, they are not the target."""
    out: list[Mention] = []
    along: Mention | None = None
    for m in after:
        if _ALONG.search(text, max(vend, m.start - 24), m.start):
            along = m
            continue
        if along is not None and text[along.end : m.start].strip().lower() in _CONJ | {","}:
            along = m
            continue
        if along is not None and text[along.end : m.start] in _PAIR:
            # "pernyataan bersama Indonesia-Jepang": a joint statement of the pair, no one acting along
            out.append(along)
        along = None
        out.append(m)
    return out


def _nearest_group(ms: list[Mention], text: str) -> list[Mention]:
    """The actor(s) right before the verb, with coordinated ones ("Rusia dan India", "A, B dan C")."""
    if not ms:
        return []
    group, links = [ms[-1]], []
    for m in reversed(ms[:-1]):
        link = _link(text, m, group[0])
        if link in _WITH:
            link = "dan"  # "Indonesia bersama Malaysia mengecam ...": both say it
        if link not in _CONJ and link != ",":
            break
        group.insert(0, m)
        links.append(link)
    return _coordinated(group, links, last_first=True)


def _first_group(ms: list[Mention], text: str) -> list[Mention]:
    if not ms:
        return []
    group, links = [ms[0]], []
    for m in ms[1:]:
        link = _link(text, group[-1], m)
        if link not in _CONJ and link != ",":
            break
        group.append(m)
        links.append(link)
    return _coordinated(group, links, last_first=False)


def _coordinated(group: list[Mention], links: list[str], *, last_first: bool) -> list[Mention]:
    """A list joined by commas alone is apposition or a new clause, not coordination: keep the nearest."""
    if len(group) > 1 and not any(link in _CONJ for link in links):
        return group[-1:] if last_first else group[:1]
    return group


def _noun_pattern(e: VerbEntry) -> bool:
    """Whether pattern ``e`` begins with a noun ("latihan militer", "serangan udara"), not a verb."""
    return affix_class(_pattern_words(e.pattern)[0])[0] == "N"


def _wished(text: str, toks: list[Tok], vstart: int, lex: Lexicon) -> bool:
    """Whether the verb at ``vstart`` stands in a clause opened by "agar" / "supaya" earlier in its sentence,
    with no comma or other break between: an outcome someone wants ("mendesak Israel agar menghentikan
    serangan"), not one that happened."""
    opener = None
    for t in toks:
        if t.start >= vstart:
            break
        if t.low in lex.wish:
            opener = t
    if opener is None:
        return False
    between = text[opener.end : vstart]
    return "," not in between and not _CLAUSE_BREAK.search(between)  # "Agar perang berakhir, Rusia ..."


def _intends(pre: list[str], lex: Lexicon) -> bool:
    """Whether the words ``pre`` before a verb hold a cue of intent ("akan", "berencana")."""
    return bool(_cue_finder(lex.intended)(" " + " ".join(pre) + " "))


def _modality(pre: list[str], lex: Lexicon) -> str:
    joined = " " + " ".join(pre) + " "
    if _cue_finder(lex.conditional)(joined):
        return "conditional"
    if _cue_finder(lex.alleged)(joined):
        return "alleged"
    if _cue_finder(lex.intended)(joined):
        return "intended"
    return "asserted"


@lru_cache(maxsize=64)
def _cue_finder(cues: frozenset[str]) -> Callable[[str], object]:
    """A test of whether a text (padded with spaces) holds one of ``cues`` as whole words: one regular
    expression of the cues, each with a space either side, instead of a substring test per cue."""
    if not cues:
        return lambda text: False
    return re.compile("|".join(re.escape(f" {c} ") for c in sorted(cues, key=len, reverse=True))).search


def _location(places: list[Mention], pack: LanguagePack) -> Location | None:
    for m in places:
        loc = place_of(m, pack)
        if loc:
            return loc
    return None


def code_article(
    art: Article,
    sentences: list[Sentence],
    mentions: list[Mention],
    timexes: list[Timex],
    pack: LanguagePack,
    quotes: Sequence[Quote] = (),
) -> list[Event]:
    """The events of one article; ``quotes`` (with their speakers) resolve "kami"/"saya" inside them."""
    quoted = [(q.start, q.end, q.speaker) for q in quotes if q.direct and q.speaker and q.speaker.code]
    out: list[Event] = []
    para_starts: dict[int, int] = {}
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for s in sentences:
        para_starts.setdefault(s.paragraph, s.start)
        out.extend(
            code_sentence(
                art,
                s,
                mentions,
                timexes,
                pack,
                para_starts[s.paragraph],
                out,
                quoted,
                by_sentence.get(s.index, []),
            )
        )
    return out

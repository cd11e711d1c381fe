"""Actor and place mentions: gazetteer matching (Aho-Corasick) and resolution inside one document.

First version (issue 2): the lexicons of the language pack (states, metonyms, IGOs, titles, people,
places) are matched on word boundaries; a title followed by a state and a capitalised name
("Menteri Luar Negeri China Qin Gang") becomes one actor CHN/GOV/"Qin Gang"; a person introduced so is
recognised again by surname ("Qin") later in the document; a state or city after "di", "ke", "dari"
is a place, not an actor.

Issue 4: names the lexicon does not know are found by the statistical recogniser (:mod:`warta.ner`), run
only on sentences with a capitalised word the gazetteer leaves unexplained. Such a name takes a code only
from its context: a state or a coded title right before it ("Ombudsman Ukraina Dmytro Lubinets"), an
apposition after it ("Li Hui, utusan khusus China untuk Ukraina,"), "X dari Y", a close match to an office
holder of ``people.tsv`` (rapidfuzz, every token alike: "Sergey Lavrov", "Volodymyr Zelenskiy") or a person
introduced earlier in the document ("kata Mao Ning"); otherwise it stays an uncoded mention (code "").
An organisation ending in a state ("Badan Keamanan Laut Indonesia") takes that state's code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache, partial
from itertools import accumulate

import ahocorasick
from rapidfuzz import fuzz

from warta import ner
from warta.lang import WHITE_SPACE, LanguagePack, last_word, word_char
from warta.memo import PerForm
from warta.records import Location, Mention, Sentence


@dataclass(frozen=True)
class Entry:
    name: str
    code: str
    sector: str | None
    kind: str  # state | capital | metonym | igo | bloc | person | title | place
    person: str | None = None
    place: Location | None = None
    case_sensitive: bool = False
    home: str = ""  # a title's country when no other is named beside it (titles.tsv "home": "Kemlu")


_CAP_TOKEN = re.compile(r"[A-Z][\w'’.-]*\w|[A-Z]")
PLACE_PREPS = {
    "di",
    "ke",
    "dari",
    "menuju",
    "melalui",
    "lewat",
    "via",
    "kawasan",
    "wilayah",
    "kota",
    "perbatasan",
    "perairan",  # "di perairan Malaysia": the waters, not the state
    # a gulf, strait or peninsula named after a state ("di Teluk Oman", "Selat Taiwan", "Semenanjung Korea");
    # not "laut": "Badan Keamanan Laut Filipina" is an agency of the state (seas are in places.tsv)
    "teluk",
    "selat",
    "samudra",
    "samudera",
    "semenanjung",
}
# a capital right after one of these words names a treaty or a meeting format, not a government
TREATY_HEADS = {
    "statuta",
    "konvensi",
    "perjanjian",
    "traktat",
    "protokol",
    "deklarasi",
    "piagam",
}
# a state right after one of these words names a currency, not an actor: "dolar AS", "yen Jepang"
CURRENCY_HEADS = {"dolar", "yen", "yuan", "won", "rupee", "ringgit", "peso", "baht", "rubel", "lira", "franc"}
# names closer than this (rapidfuzz ratio, whole name and every token) to an office holder are that person
FUZZY_NAME = 90
FUZZY_TOKEN = 80
AFFILIATION_WORDS = {"mitranya", "koleganya", "mitra", "kolega", "rekannya", "sejawatnya", "counterpart"}


@dataclass(frozen=True)
class Gazetteer:
    automaton: ahocorasick.Automaton
    stop: frozenset[str]
    people: tuple[tuple[tuple[str, ...], Entry], ...] = ()  # lower-cased name tokens -> person entry
    # the same, by the initials of their tokens: names alike enough share them (see _similar)
    by_initials: dict[str, tuple[tuple[tuple[str, ...], Entry], ...]] = field(default_factory=dict)
    title_heads: frozenset[str] = frozenset()  # first words of titles: "penasihat", "juru", ...
    # a name (lower case) held in offices of different codes or sectors -> (start, end, entry) of each office,
    # in the file's order ("stoltenberg": NATO 2014-2024, Norway's finance ministry from 2025)
    terms: dict[str, tuple[tuple[str, str, Entry], ...]] = field(default_factory=dict)
    # a capitalised word form -> its lower-case form if the recogniser may need to look at it, "" if it is
    # a stop word or a single letter (:func:`_unexplained`); filled as words are seen
    open_words: PerForm = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "open_words", PerForm(partial(_open_word, self.stop)))

    def dated(self, e: Entry, when: date) -> Entry:
        """The office of person entry ``e`` held on ``when`` (``e`` itself when its name has one office, or
        none of its offices spans that day)."""
        terms = self.terms.get(e.name.lower()) if e.kind == "person" else None
        if terms:
            day = when.isoformat()
            for start, end, office in terms:
                if (not start or start <= day) and (not end or day < end):
                    return office
        return e

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Non-overlapping longest matches on word boundaries, left to right."""
        return self.find_in(text, [(0, len(text))])[0]

    def find_in(self, text: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int, Entry]]]:
        """:meth:`find` of each slice ``text[a:b]`` of ``spans`` (in order, not overlapping), in offsets of
        ``text``: one pass of the automaton over the whole text instead of one per sentence. A slice's edges
        are word boundaries, as the ends of a text are."""
        low = _lower_same_length(text)
        starts = [a for a, _ in spans]
        slice_starts = set(starts)
        found: list[list[tuple[int, int, int, Entry]]] = [[] for _ in spans]
        for end_idx, entries in self.automaton.iter(low):
            end = end_idx + 1
            for entry, length, case_sensitive, capitalised, rank in entries:
                start = end - length
                # most matches end inside a word ("as" in "batas"): turned away before the slice is looked up
                if start and start not in slice_starts and word_char(text[start - 1]):
                    continue
                k = bisect_right(starts, start) - 1
                if k < 0:
                    continue
                lo, hi = spans[k]
                if end > hi:
                    continue
                if end < hi and word_char(text[end]):
                    continue
                if case_sensitive and text[start:end] != entry.name:
                    continue
                if capitalised and not text[start].isupper():
                    continue  # proper nouns are capitalised: "wilayah barat" is a direction, not the West
                found[k].append((start, -length, rank, entry))
        return [_longest_leftmost(hits) for hits in found]


def _longest_leftmost(hits: list[tuple[int, int, int, Entry]]) -> list[tuple[int, int, Entry]]:
    """(start, -length, kind rank, entry) candidates -> non-overlapping (start, end, entry), leftmost first,
    the longest (then the best-ranked kind) at a start."""
    hits.sort(key=_hit_order)
    out: list[tuple[int, int, Entry]] = []
    last_end = -1
    for start, neg_len, _, entry in hits:
        if start >= last_end:
            last_end = start - neg_len
            out.append((start, last_end, entry))
    return out


def _hit_order(h: tuple[int, int, int, Entry]) -> tuple[int, int, int]:
    return h[0], h[1], h[2]


def _lower_same_length(text: str) -> str:
    """``text.lower()`` with the offsets of ``text``: a few characters lower-case to two ("İ" -> "i̇"), and
    the matches found in the lower-case text are cut out of the original."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[0] for c in text)


_KIND_RANK = {
    "person": 0,
    "igo": 1,
    "bloc": 1,
    "state": 2,
    "metonym": 3,
    "capital": 4,
    "title": 5,
    "place": 6,
}


def _kind_rank(e: Entry) -> int:
    return _KIND_RANK.get(e.kind, 9)


def _f(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _entries(pack: LanguagePack) -> Iterable[Entry]:
    def cs(name: str) -> bool:
        letters = [c for c in name if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters) and len(name) <= 6

    for r in pack.tsv("states.tsv"):
        yield Entry(r["name"], r["code"], None, "state", case_sensitive=cs(r["name"]))
    for r in pack.tsv("metonyms.tsv"):
        loc = Location(r["place"], r["code"], _f(r.get("lat")), _f(r.get("lon"))) if r.get("place") else None
        kind = "capital" if loc else "metonym"
        yield Entry(
            r["name"], r["code"], r.get("sector") or "GOV", kind, place=loc, case_sensitive=cs(r["name"])
        )
    for r in pack.tsv("igos.tsv"):
        kind = "bloc" if r["code"] == "WST" else "igo"
        yield Entry(r["name"], r["code"], None, kind, case_sensitive=cs(r["name"]))
    for r in pack.tsv("titles.tsv"):
        yield Entry(
            r["title"],
            "",
            r["sector"] or None,
            "title",
            case_sensitive=cs(r["title"]),
            home=r.get("home") or "",
        )
    for r in pack.tsv("people.tsv"):
        for n in _names_of(r):
            yield Entry(n, r["code"], r.get("sector") or None, "person", person=r["name"])
    for r in pack.tsv("places.tsv"):
        loc = Location(r["place"], r.get("code") or None, _f(r.get("lat")), _f(r.get("lon")))
        yield Entry(r["name"], r.get("code") or "", None, "place", place=loc)


def _names_of(row: dict[str, str]) -> list[str]:
    """The name of a ``people.tsv`` row and its aliases ("|"-separated)."""
    return [row["name"], *[a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]]


@cache
def gazetteer(pack: LanguagePack) -> Gazetteer:
    stop = frozenset(w.lower() for w in pack.words("stopwords_actor.txt"))
    auto = ahocorasick.Automaton()
    table: dict[str, list[Entry]] = {}
    seen: set[tuple[str, str, str]] = set()
    for e in _entries(pack):
        key = e.name.lower()
        if not key or key in stop or (e.kind, e.code, key) in seen:
            continue
        seen.add((e.kind, e.code, key))
        table.setdefault(key, []).append(e)
    for key, entries in table.items():
        entries.sort(key=_kind_rank)
        # what find_in tests of an entry, worked out once: (entry, length, case-sensitive, capitalised, rank)
        auto.add_word(
            key,
            tuple(
                (e, len(e.name), e.case_sensitive, e.kind != "title" and e.name[:1].isupper(), _kind_rank(e))
                for e in entries
            ),
        )
    auto.make_automaton()
    people = tuple(
        (tuple(e.name.lower().split()), e)
        for entries in table.values()
        for e in entries
        if e.kind == "person" and len(e.name.split()) >= 2
    )
    heads = frozenset(e.name.lower().split()[0] for es in table.values() for e in es if e.kind == "title")
    by_initials: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for words, e in people:
        by_initials.setdefault(_initials(words), []).append((words, e))
    return Gazetteer(
        auto,
        stop,
        people,
        title_heads=heads,
        by_initials={k: tuple(v) for k, v in by_initials.items()},
        terms=_terms(pack, stop),
    )


def _terms(pack: LanguagePack, stop: frozenset[str]) -> dict[str, tuple[tuple[str, str, Entry], ...]]:
    """:attr:`Gazetteer.terms`: each office of the names that hold more than one kind of office."""
    by_name: dict[str, list[tuple[str, str, Entry]]] = {}
    for r in pack.tsv("people.tsv"):
        for n in _names_of(r):
            e = Entry(n, r["code"], r.get("sector") or None, "person", person=r["name"])
            by_name.setdefault(n.lower(), []).append((r.get("start") or "", r.get("end") or "", e))
    return {
        key: tuple(offices)
        for key, offices in by_name.items()
        if key not in stop and len({(o.code, o.sector) for _, _, o in offices}) > 1
    }


def _initials(toks: tuple[str, ...]) -> str:
    return "".join(t[0] for t in toks)


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Token-level likeness of two names: 0 unless they have as many tokens, each alike, same initials."""
    if len(a) != len(b):
        return 0.0
    for x, y in zip(a, b, strict=True):
        if x[0] != y[0] or fuzz.ratio(x, y) < FUZZY_TOKEN:
            return 0.0
    return fuzz.ratio(" ".join(a), " ".join(b))


def known_person(name: str, gz: Gazetteer) -> Entry | None:
    """The office holder of ``people.tsv`` whose name (or alias) ``name`` spells closely, if any."""
    toks = tuple(name.lower().split())
    if len(toks) < 2:
        return None
    best, best_score = None, float(FUZZY_NAME)
    for key, e in gz.by_initials.get(_initials(toks), ()):
        sc = _similar(toks, key)
        if sc >= best_score:
            best, best_score = e, sc
    return best


People = dict[str, tuple[str, str | None, str]]  # name part -> (code, sector, full name)


def _introduced(name: str, people: People) -> tuple[str, str | None, str] | None:
    """A person introduced earlier in the document that ``name`` (full, or one name part) refers to."""
    low = name.lower()
    if low in people:
        return people[low]
    toks = low.split()
    if len(toks) > 1 and toks[-1] in people:
        return people[toks[-1]]
    if len(low) < 5:
        return None
    first = toks[0][0] if toks else ""
    name_toks = tuple(toks)
    for key, val in people.items():
        # _similar is 0 unless the first letters agree: most keys are passed over without splitting them
        if len(key) < 5 or (key[0] != first and not key[0].isspace()):
            continue
        if _similar(name_toks, tuple(key.split())) >= FUZZY_NAME:
            return val
    return None


_HYPHEN_BEFORE = re.compile(r"(\w+)-$")
_HYPHEN_AFTER = re.compile(r"-(\w+)")
_COMPASS = frozenset({"timur", "barat", "utara", "selatan", "tengah", "tenggara", "daya", "laut", "darat"})


def _compass_compound(text: str, start: int, end: int) -> bool:
    """ "Timur-Barat", "Barat-Timur": a name joined by a hyphen to a compass word."""
    if text[start - 1 : start] != "-" and text[end : end + 1] != "-":
        return False
    before = _HYPHEN_BEFORE.search(text, max(0, start - 12), start)
    after = _HYPHEN_AFTER.match(text, end, end + 12)
    return bool(
        (before and before.group(1).lower() in _COMPASS) or (after and after.group(1).lower() in _COMPASS)
    )


_HEAD_WORD = re.compile(r"(\w+)\s+$")  # the word right before a span (in the 20 characters before it)
_SPACE_COMMA = WHITE_SPACE + ","


def _prev_word(text: str, start: int) -> str:
    """The word before ``start`` (in the 30 characters before it), past spaces and commas; lower-case."""
    return last_word(text[max(0, start - 30) : start], _SPACE_COMMA).lower()


_NAME_LEAD = re.compile(r"[\s,]*")
_NON_SPACE = re.compile(r"\S+")
_NAME_END = ',.;:)”"'


def _name_after(text: str, pos: int, stop: frozenset[str], limit: int) -> tuple[int, int] | None:
    """A capitalised personal name (1-4 tokens) right after ``pos``, allowing a comma."""
    m = _NAME_LEAD.match(text, pos, limit)
    start = i = m.end() if m else pos
    end = None
    count = 0
    for tok in _NON_SPACE.finditer(text, i, limit):
        word = tok.group().rstrip(_NAME_END)
        if not _CAP_TOKEN.fullmatch(word) or word.lower() in stop or count >= 4:
            break
        end = tok.start() + len(word)
        count += 1
        if tok.end() - tok.start() != len(word):  # punctuation closes the name
            break
    if end is None:
        return None
    return start, end


def find_mentions(
    text: str, sentences: list[Sentence], pack: LanguagePack, when: date | None = None
) -> list[Mention]:
    """Actor and place mentions of one article, resolved within the document; ``when`` (the article's date,
    if known) picks the office a name held that day ("Stoltenberg" in 2023: NATO's, not Norway's)."""
    gz = gazetteer(pack)
    mentions: list[Mention] = []
    people: dict[str, tuple[str, str | None, str]] = {}  # surname/first name -> (code, sector, full name)
    offices: dict[str, str] = {}  # a title with a "home" ("kemlu") -> the state the article last gave it
    # sentences as sentences.split makes them (slices of the text, in order) are matched in one pass
    sliced = all(text[s.start : s.end] == s.text for s in sentences) and all(
        a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False)
    )
    if sliced:
        per_sentence = gz.find_in(text, [(s.start, s.end) for s in sentences])
    else:
        per_sentence = [[(s.start + a, s.start + b, e) for a, b, e in gz.find(s.text)] for s in sentences]
    if when is not None and gz.terms:
        per_sentence = [
            [(a, b, gz.dated(e, when)) if e.kind == "person" else (a, b, e) for a, b, e in hits]
            for hits in per_sentence
        ]
    for s, hits in zip(sentences, per_sentence, strict=True):
        found = _compose(text, s, hits, gz, people, offices)
        unexplained = _unexplained(s, found, gz)
        if unexplained:
            found = _recognise(text, s, found, unexplained, gz, people)
        found = _context(text, s, found, gz, people)
        # a currency's state ("dolar AS") was kept only so that the recogniser need not look at it
        mentions.extend(m for m in found if m.role != "currency")
    # second pass: people introduced once are recognised by their name parts
    mentions.extend(_name_parts(text, sentences, mentions, people, gz))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return _dedupe(mentions)


def _compose(
    text: str,
    s: Sentence,
    hits: list[tuple[int, int, Entry]],
    gz: Gazetteer,
    people: dict[str, tuple[str, str | None, str]],
    offices: dict[str, str] | None = None,
) -> list[Mention]:
    out: list[Mention] = []
    offices = {} if offices is None else offices
    i = 0
    while i < len(hits):
        start, end, e = hits[i]
        code, sector, name, kind = e.code, e.sector, e.person, e.kind
        j = i + 1
        if e.kind == "title":
            # title [title] (state | metonym | igo) [name]
            homed = [e] if e.home else []  # titles of the chain that mean a country by themselves ("Kemlu")
            while j < len(hits) and hits[j][2].kind == "title" and _joinable(text, end, hits[j][0]):
                end = hits[j][1]
                sector = sector or hits[j][2].sector
                if hits[j][2].home:
                    homed.append(hits[j][2])
                j += 1
            if (
                j < len(hits)
                and hits[j][2].kind in {"state", "metonym", "capital", "igo"}
                and _joinable(text, end, hits[j][0])
            ):
                code = hits[j][2].code
                end = hits[j][1]
                j += 1
                # "Duta Besar AS untuk Filipina MaryKay Carlson": the host country is not the actor's
                if (
                    j < len(hits)
                    and hits[j][2].kind in {"state", "igo"}
                    and text[end : hits[j][0]].strip().lower() == "untuk"
                ):
                    end = hits[j][1]
                    j += 1
            if j < len(hits) and hits[j][2].kind == "person" and _gap(text, end, hits[j][0]) <= 1:
                p = hits[j][2]
                code, name, end = code or p.code, p.person, hits[j][1]
                j += 1
            else:
                span = _name_after(text, end, gz.stop, s.end)
                if span and not any(h[0] < span[1] and h[1] > span[0] for h in hits[j:]):
                    name, end = text[span[0] : span[1]], span[1]
            kind = "person" if name else ("title" if not code else "state")
            if not code and name:
                known = known_person(name, gz)
                intro = _introduced(name, people)
                if known:
                    code, name = known.code, known.person
                elif intro:
                    code, name = intro[0], intro[2]
            for t in homed:
                key = t.name.lower()
                if code:
                    offices[key] = code  # "Kemlu China": a later bare "Kemlu" is China's
                else:
                    code = offices.get(key, t.home)  # "Kemlu menyatakan ...": Indonesia's
                    kind = "person" if name else "state"
        elif e.kind in {"state", "metonym", "capital", "igo"}:
            # "Rusia Sergei Lavrov", "koleganya dari Rusia, Sergey Lavrov"
            comma = j < len(hits) and "," in text[end : hits[j][0]]
            if (
                j < len(hits)
                and hits[j][2].kind == "person"
                and _gap(text, end, hits[j][0]) == 0
                and (not comma or _prev_word(text, start) == "dari")  # "koleganya dari Rusia, Sergey Lavrov"
            ):
                p = hits[j][2]
                name, end, kind, sector = p.person, hits[j][1], "person", p.sector or sector
                j += 1
        elif e.kind == "person":
            # one name, several offices ("Stoltenberg": NATO, then Norway): the office the document
            # introduced the person in wins over the lexicon's first row
            intro = people.get(text[start:end].lower())
            if intro and intro[2] == e.person:
                code, sector = intro[0], intro[1]
        role = "actor"
        if e.kind in {"capital", "metonym"} and kind != "person":
            head = _HEAD_WORD.search(text, max(0, start - 20), start)
            if head and head.group(1)[0].isupper() and head.group(1).lower() in TREATY_HEADS:
                i = j  # "Statuta Roma", "Konvensi Jenewa": the city names a treaty, not a government
                continue
        if e.kind == "place" or (
            e.kind in {"state", "capital"}
            and kind != "person"
            and (prev := _prev_word(text, start)) in PLACE_PREPS
            and prev not in AFFILIATION_WORDS
        ):
            role = "place"
        if e.kind == "igo" and kind != "person" and text[max(0, start - 4) : start].lower() == " di ":
            role = "place"  # "Perwakilan Israel di PBB menuduh ...": where, not who
        compass = e.kind in {"state", "metonym", "bloc"} and _compass_compound(text, start, end)
        if compass and kind != "person":
            i = j  # "jalur MRT Timur-Barat": a direction in a compound, not the West
            continue
        if (
            e.kind in {"state", "capital"}
            and kind != "person"
            and out
            and out[-1].role == "place"
            and out[-1].code == code
            and text[out[-1].end : start].strip() == ","
        ):
            role = "place"  # "di Goa, India": the state says where the place is
        if (
            e.kind in {"state", "capital"}
            and kind != "person"
            and out
            and out[-1].role == "place"
            and text[out[-1].end : start].strip().lower() in {"dan", "serta"}
            and _prev_word(text, out[-1].start) == "di"
        ):
            role = "place"  # "WNI di Iran dan Israel": both say where
        if e.kind == "state" and kind != "person" and _prev_word(text, start) in CURRENCY_HEADS:
            role = "currency"  # "hibah senilai 10 juta dolar AS kepada Filipina": the money, not the US
        if name and code:
            _remember(people, name, code, sector)
        out.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                code=code,
                sector=sector,
                name=e.place.name if e.place and role == "place" else name,
                kind=kind,
                sentence=s.index,
                role=role,
            )
        )
        i = j
    return out


def _remember(people: People, full: str, code: str, sector: str | None) -> None:
    """A coded person: later mentions by first name, surname or full name resolve to them."""
    parts = full.split()
    for part in {parts[0], parts[-1]}:
        if len(part) >= 3:
            people.setdefault(part.lower(), (code, sector, full))
    if len(parts) == 2 and len(parts[0]) == 2 and parts[0].lower() not in _PARTICLES:
        people.setdefault(parts[0].lower(), (code, sector, full))  # Chinese surnames: "Fu Cong" -> "Fu"
    people.setdefault(full.lower(), (code, sector, full))


_PARTICLES = {"al", "el", "de", "di", "da", "du", "le", "la", "ul", "bin"}


_OPENING = re.compile(r"[\s\W]*")


def _coverage(spans: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts of ``spans`` in order, and for each k the furthest end among the first k+1 of them: a span
    (a, b) is covered when, with k = bisect_left(starts, b), k > 0 and reach[k - 1] > a."""
    covered = sorted(spans)
    return [x for x, _ in covered], list(accumulate((y for _, y in covered), max))


def _open_word(stop: frozenset[str], form: str) -> str:
    """For ``Gazetteer.open_words``: ``form`` lower-cased without a final full stop, or "" when that is a
    single character or a stop word."""
    word = form.rstrip(".").lower()
    return "" if len(word) < 2 or word in stop else word


def _unexplained(s: Sentence, found: list[Mention], gz: Gazetteer) -> list[tuple[int, int]]:
    """The capitalised words of the sentence (offsets in ``s.text``) that no mention covers, other than stop
    words and a common word capitalised because it opens the sentence: the recogniser looks only there."""
    starts: list[int] | None = None  # worked out at the first word that is not a stop word
    out = []
    open_words = gz.open_words
    for m in _CAP_TOKEN.finditer(s.text):
        word = open_words[m.group()]
        if not word:
            continue
        if starts is None:
            starts, reach = _coverage((x.start - s.start, x.end - s.start) for x in found)
            opening = _OPENING.match(s.text)
            first = opening.end() if opening else 0
        a, b = m.span()
        k = bisect_left(starts, b)  # the spans that start before the word ends; one of them may cover it
        if k and reach[k - 1] > a:
            continue
        if a <= first and ner._in_lexicon(word):
            continue
        out.append((a, b))
    return out


_WINDOW = 5  # tokens of context either side of an unexplained word given to the recogniser


def _windows(toks: list[tuple[str, int, int]], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token ranges around the unexplained words, widened to whole runs of capitalised tokens, merged."""
    ranges: list[tuple[int, int]] = []
    if not spans:
        return ranges
    # tokens are in order and do not overlap: those ending after a follow those that do not, and those
    # starting before b precede those that do not
    starts = [x for _, x, _ in toks]
    ends = [y for _, _, y in toks]
    for a, b in spans:
        first, last = bisect_right(ends, a), bisect_left(starts, b) - 1  # the tokens that overlap (a, b)
        if first > last:
            continue
        lo, hi = max(0, first - _WINDOW), min(len(toks), last + 1 + _WINDOW)
        while lo > 0 and toks[lo][0][:1].isupper():
            lo -= 1
        while hi < len(toks) and toks[hi - 1][0][:1].isupper():
            hi += 1
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        else:
            ranges.append((lo, hi))
    return ranges


_APPOSITION = re.compile(r"\s*,\s*((?:[a-z][\w-]*\s+){0,3})")  # ", penasihat utama " before the role
_DARI = re.compile(r"\s+dari\s+")
_ROLE_KINDS = {"state", "metonym", "capital", "igo", "bloc"}


def _plausible(name: str, gz: Gazetteer) -> bool:
    """A recognised name worth a mention: capitalised, not a stop word, not one common Indonesian word."""
    words = name.split()
    if not words or not name[:1].isupper() or len(name) < 2:
        return False
    if len(words) > 1 and words[0].isupper() and len(words[0]) <= 4:
        return False  # "USS Theodore Roosevelt", "KRI Bima Suci": a ship, not a person
    if all(w.lower().strip(".,") in gz.stop or not w[:1].isupper() for w in words):
        return False
    return not (len(words) == 1 and not name.isupper() and ner._in_lexicon(name.lower()) == "root")


def _recognise(
    text: str,
    s: Sentence,
    found: list[Mention],
    unexplained: list[tuple[int, int]],
    gz: Gazetteer,
    people: People,
) -> list[Mention]:
    """Add the names the recogniser finds around the unexplained words of ``s`` (uncoded: see _context)."""
    toks = ner.tokenize(s.text)
    ents: list[tuple[int, int, str]] = []
    for lo, hi in _windows(toks, unexplained):
        tags = ner.tag([t for t, _, _ in toks[lo:hi]])
        ents.extend((lo + i, lo + j, typ) for i, j, typ in ner.spans(tags))
    out = list(found)
    for i, j, typ in ents:
        while i < j and toks[i][0].lower() in gz.stop:
            i += 1
        while j > i and (toks[j - 1][0].lower() in gz.stop or not toks[j - 1][0][:1].isalnum()):
            j -= 1  # "Reuters Jumat": the weekday is not part of the name
        if i == j:
            continue
        a, b = s.start + toks[i][1], s.start + toks[j - 1][2]
        inside = [m for m in out if m.start < b and m.end > a]
        if inside and typ == "PER" and all(m.kind in _ROLE_KINDS | {"title"} and not m.name for m in inside):
            # "Ukraina Oksana Melnyk" tagged as one name: the name starts after the state (or title)
            a = max(m.end for m in inside)
            a += len(text[a:b]) - len(text[a:b].lstrip())
            inside = [] if a < b else inside
        if inside:
            if typ == "ORG":
                out = _organisation_over(text, s, out, inside, a, b)
            continue
        if not _plausible(text[a:b], gz):
            continue
        nxt = [m for m in out if m.start >= b]
        after = min(nxt, key=lambda m: m.start) if nxt else None
        if typ == "PER" or (len(text[a:b].split()) == 1 and _introduced(text[a:b], people)):
            out.append(Mention(a, b, text[a:b], "", None, text[a:b], "person", s.index, "actor"))
        elif typ == "ORG":
            out = _organisation(text, s, out, a, b, after)
        else:
            # "Wiesbaden, Jerman"
            in_state = after is not None and after.kind == "state" and text[b : after.start].strip() == ","
            code = after.code if in_state and after is not None else ""
            out.append(Mention(a, b, text[a:b], code, None, text[a:b], "place", s.index, "place"))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _before(text: str, out: list[Mention], a: int) -> Mention | None:
    """The coded state-like actor mention that ends right before ``a`` (only spaces between)."""
    for m in out:
        if m.end <= a and not text[m.end : a].strip() and m.code and m.kind in _ROLE_KINDS and not m.name:
            return m if m.role == "actor" else None
    return None


def _context(text: str, s: Sentence, found: list[Mention], gz: Gazetteer, people: People) -> list[Mention]:
    """Code the sentence's named but uncoded people from what surrounds them."""
    out = sorted(found, key=lambda m: (m.start, -m.end))
    if not any(m.kind == "person" and not m.code and m.name for m in out):
        return out
    for m in list(out):
        if m.kind == "person" and not m.code and m.name and m in out:
            out = _code_person(text, s, out, m, gz, people)
    return sorted(out, key=lambda m: (m.start, -m.end))


def _code_person(
    text: str, s: Sentence, out: list[Mention], m: Mention, gz: Gazetteer, people: People
) -> list[Mention]:
    name = m.name or m.text
    code, sector, full, start, b = "", m.sector, name, m.start, m.end
    known = known_person(name, gz)
    intro = None if known else _introduced(name, people)
    prev = _before(text, out, start)
    nxt = [x for x in out if x.start >= b]
    after = min(nxt, key=lambda x: x.start) if nxt else None
    app = _APPOSITION.fullmatch(text, b, after.start) if after else None
    if known:
        code, sector, full = known.code, sector or known.sector, known.person or name
    elif intro:
        code, sector, full = intro[0], sector or intro[1], intro[2]
    elif local := _office_in_place(text, out, start):
        # "Gubernur Belgorod Vyacheslav Gladkov": a title for a place of a state, then the name
        title, place = local
        out = [x for x in out if x is not title and x is not place]
        code, sector, start = place.code, title.sector or sector, title.start
    elif prev:  # "Ombudsman Ukraina Dmytro Lubinets": the state (with its title) before the name
        out = [x for x in out if x is not prev]
        code, sector, start = prev.code, prev.sector or sector, prev.start  # the role, then the rank
    elif app and after and after.code and after.role == "actor" and _role_after(app.group(1), after, gz):
        # "Li Hui, utusan khusus China untuk Ukraina," / "Mikhail Podoliak, penasihat utama Zelensky,"
        code, sector = after.code, sector or after.sector
    elif lead := _role_before(text, out, start, b):
        # "Juru bicara Penjaga Pantai Filipina untuk Laut Filipina Barat, Komodor Jay Tarriela, menuduh"
        code, sector = lead.code, sector or lead.sector
    elif after and after.kind in _ROLE_KINDS and after.code and _DARI.fullmatch(text, b, after.start):
        code = after.code  # "Li Hui dari China"
    if not code:
        return out
    _remember(people, full, code, sector)
    coded = Mention(start, b, text[start:b], code, sector, full, "person", s.index, "actor")
    return [coded if x is m else x for x in out]


def _office_in_place(text: str, out: list[Mention], a: int) -> tuple[Mention, Mention] | None:
    """(title, place) when an uncoded title and a coded place stand right before ``a``."""
    place = next((x for x in out if x.end <= a and not text[x.end : a].strip()), None)
    if place is None or place.kind != "place" or not place.code:
        return None
    title = next((x for x in out if x.end <= place.start and not text[x.end : place.start].strip()), None)
    if title is None or title.kind != "title" or title.code or not title.sector:
        return None
    return title, place


def _role_after(between: str, after: Mention, gz: Gazetteer) -> bool:
    """Whether the mention after an apposition comma says who the name is: a coded title
    ("utusan khusus China") right after the comma, or "penasihat utama" + a coded person."""
    if not between:
        return not after.name and after.sector is not None
    return after.kind == "person" and between.split()[0] in gz.title_heads


def _role_before(text: str, out: list[Mention], a: int, b: int) -> Mention | None:
    """A coded title ending at most seven words before ``a``, a comma, the name, a comma or a full stop."""
    if not re.match(r"\s*[,.]", text[b : b + 3]):
        return None
    for m in reversed(out):
        if m.end > a or m.role == "place":
            continue
        between = text[m.end : a]
        if (
            m.role == "actor"
            and m.code
            and m.sector
            and not m.name
            and between.rstrip().endswith(",")
            and between.count(",") == 1
            and len(between.split()) <= 7
            and not re.search(r"[.;:“”\"]", between)
        ):
            return m
        return None
    return None


def _organisation(
    text: str, s: Sentence, out: list[Mention], a: int, b: int, after: Mention | None
) -> list[Mention]:
    code, end = "", b
    if after and after.kind == "state" and after.code and after.role == "actor" and not after.name:
        if not text[b : after.start].strip():  # "Badan Keamanan Laut Indonesia" when the name stops short
            out = [m for m in out if m is not after]
            code, end = after.code, after.end
        elif _DARI.fullmatch(text, b, after.start):
            code = after.code
    out.append(Mention(a, end, text[a:end], code, None, None, "org", s.index, "actor"))
    return out


def _organisation_over(
    text: str, s: Sentence, out: list[Mention], inside: list[Mention], a: int, b: int
) -> list[Mention]:
    """A recognised organisation around gazetteer mentions that ends in a state ("Komando Indo-Pasifik AS",
    "Dewan Keamanan Nasional Filipina") is one actor of that state, with the sector of a title inside."""
    inside = sorted(inside, key=lambda m: m.start)
    last = inside[-1]
    if len(inside) == 1 and last.kind in {"capital", "metonym"} and last.end == b and last.start > a:
        # "Statuta Roma", "Universitas Moskow": the city names the organisation, not a government
        rest = [m for m in out if m is not last]
        rest.append(Mention(a, b, text[a:b], "", None, None, "org", s.index, "actor"))
        return rest
    if (
        last.end != b
        or inside[0].start <= a
        or any(m.start < a or m.name or m.kind not in _ROLE_KINDS | {"title"} for m in inside)
        or last.kind not in {"state", "igo"}
        or not last.code
        or last.role != "actor"
    ):
        return out
    sector = next((m.sector for m in inside if m.sector), None)
    rest = [m for m in out if m not in inside]
    rest.append(Mention(a, b, text[a:b], last.code, sector, None, "org", s.index, "actor"))
    return rest


# a word between a title and a state that keeps them apart: "kunjungan Ketua DPR ke Taiwan" is not Taiwan's
_LINKS_APART = frozenset(
    PLACE_PREPS | {"untuk", "kepada", "dengan", "atas", "terhadap", "bagi", "dan", "serta", "oleh"}
)


def _joinable(text: str, a: int, b: int) -> bool:
    """Whether a title ending at ``a`` and the title or state starting at ``b`` name one office: at most one
    word between ("Presiden terpilih AS"), and not a preposition or a verb ("kunjungan Ketua DPR ke Taiwan",
    "Kemlu memanggil Duta Besar Rusia")."""
    words = text[a:b].replace(",", " ").split()  # as _gap counts them
    if b < a or len(words) > 1:
        return False
    return not any(w.lower() in _LINKS_APART or (w.islower() and w.startswith(_VERB_PREFIXES)) for w in words)


_VERB_PREFIXES = ("me", "ber", "di")  # "memanggil", "bertemu", "dikritik"; not "terpilih"


def _gap(text: str, a: int, b: int) -> int:
    """Words (or other marks) between two spans: 0 when only spaces or a comma separate them."""
    between = text[a:b].replace(",", " ").split()
    return len(between) if b >= a else 99


def _name_parts(
    text: str,
    sentences: list[Sentence],
    found: list[Mention],
    people: dict[str, tuple[str, str | None, str]],
    gz: Gazetteer,
) -> list[Mention]:
    if not people:
        return []
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for m in found:
        by_sentence.setdefault(m.sentence, []).append((m.start, m.end))
    # what _introduced needs of a one-word name to find anything: the name itself among the keys, or
    # (5 letters or more) a key as long with its first letter, which the fuzzy match then compares
    firsts = {key[0] for key in people if len(key) >= 5}
    any_first = any(c.isspace() for c in firsts)
    out: list[Mention] = []
    for s in sentences:
        starts: list[int] | None = None
        for cap in _CAP_TOKEN.finditer(s.text):
            word = cap.group().rstrip(".")
            key = word.lower()
            if key in gz.stop:
                continue
            if key not in people and (len(key) < 5 or not (any_first or key[0] in firsts)):
                continue  # _introduced would find nothing
            if starts is None:
                starts, reach = _coverage(by_sentence.get(s.index, []))
            a, b = s.start + cap.start(), s.start + cap.start() + len(word)
            k = bisect_left(starts, b)  # the spans that start before the word ends; one may cover it
            if k and reach[k - 1] > a:
                continue
            intro = _introduced(word, people)  # "Zelenskiy" after "Presiden Volodymyr Zelensky"
            if intro is None:
                continue
            code, sector, full = intro
            out.append(
                Mention(
                    start=a,
                    end=b,
                    text=word,
                    code=code,
                    sector=sector,
                    name=full,
                    kind="person",
                    sentence=s.index,
                    role="actor",
                )
            )
    return out


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def place_of(m: Mention, pack: LanguagePack) -> Location | None:
    """The Location a place-role mention names (a state named alone stays a country: no coordinates)."""
    return _place_named(m.text, m.code, pack)


@lru_cache(maxsize=20_000)
def _place_named(text: str, code: str, pack: LanguagePack) -> Location | None:
    """:func:`place_of` for a mention's text and code (cached: a story names its places again and again)."""
    gz = gazetteer(pack)
    for a, b, e in gz.find(text):
        if (a, b) != (0, len(text)):
            continue  # "Statuta Roma" found by the recogniser is not Rome
        if e.place:
            return e.place
        if e.kind == "state":
            return Location(name=text, code=e.code)
    return Location(name=text, code=code or None) if code else None

"""Actor and place mentions: gazetteer matching (Aho-Corasick) and resolution inside one document.

First version (issue 2): the lexicons of the language pack (states, metonyms, IGOs, titles, people,
places) are matched on word boundaries; a title followed by a state and a capitalised name
("Menteri Luar Negeri China Qin Gang") becomes one actor CHN/GOV/"Qin Gang"; a person introduced so is
recognised again by surname ("Qin") later in the document; a state or city after "di", "ke", "dari"
is a place, not an actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

import ahocorasick

from warta.lang import LanguagePack
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


_WORDCHAR = re.compile(r"\w", re.UNICODE)
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
}
AFFILIATION_WORDS = {"mitranya", "koleganya", "mitra", "kolega", "rekannya", "sejawatnya", "counterpart"}


@dataclass(frozen=True)
class Gazetteer:
    automaton: ahocorasick.Automaton
    stop: frozenset[str]

    def find(self, text: str) -> list[tuple[int, int, Entry]]:
        """Non-overlapping longest matches on word boundaries, left to right."""
        low = text.lower()
        hits: list[tuple[int, int, Entry]] = []
        for end_idx, entries in self.automaton.iter(low):
            end = end_idx + 1
            for entry in entries:
                start = end - len(entry.name)
                if not _bounded(text, start, end):
                    continue
                if entry.case_sensitive and text[start:end] != entry.name:
                    continue
                if entry.kind != "title" and entry.name[:1].isupper() and not text[start].isupper():
                    continue  # proper nouns are capitalised: "wilayah barat" is a direction, not the West
                hits.append((start, end, entry))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0]), _kind_rank(h[2])))
        out: list[tuple[int, int, Entry]] = []
        last_end = -1
        for h in hits:
            if h[0] >= last_end:
                out.append(h)
                last_end = h[1]
        return out


def _kind_rank(e: Entry) -> int:
    return {
        "person": 0,
        "igo": 1,
        "bloc": 1,
        "state": 2,
        "metonym": 3,
        "capital": 4,
        "title": 5,
        "place": 6,
    }.get(e.kind, 9)


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _WORDCHAR.match(before) and not _WORDCHAR.match(after)


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
        yield Entry(r["title"], "", r["sector"] or None, "title", case_sensitive=cs(r["title"]))
    for r in pack.tsv("people.tsv"):
        names = [r["name"], *[a.strip() for a in (r.get("aliases") or "").split("|") if a.strip()]]
        for n in names:
            yield Entry(n, r["code"], r.get("sector") or None, "person", person=r["name"])
    for r in pack.tsv("places.tsv"):
        loc = Location(r["place"], r.get("code") or None, _f(r.get("lat")), _f(r.get("lon")))
        yield Entry(r["name"], r.get("code") or "", None, "place", place=loc)


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
        auto.add_word(key, entries)
    auto.make_automaton()
    return Gazetteer(auto, stop)


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"(\w+)[\s,]*$", text[max(0, start - 30) : start])
    return m.group(1).lower() if m else ""


def _name_after(text: str, pos: int, stop: frozenset[str], limit: int) -> tuple[int, int] | None:
    """A capitalised personal name (1-4 tokens) right after ``pos``, allowing a comma."""
    m = re.match(r"[\s,]*", text[pos:limit])
    i = pos + (m.end() if m else 0)
    start = i
    end = None
    count = 0
    for tok in re.finditer(r"\S+", text[i:limit]):
        word = tok.group().rstrip(',.;:)”"')
        if not _CAP_TOKEN.fullmatch(word) or word.lower() in stop or count >= 4:
            break
        end = i + tok.start() + len(word)
        count += 1
        if tok.group() != word:  # punctuation closes the name
            break
    if end is None:
        return None
    return start, end


def find_mentions(text: str, sentences: list[Sentence], pack: LanguagePack) -> list[Mention]:
    """Actor and place mentions of one article, resolved within the document."""
    gz = gazetteer(pack)
    mentions: list[Mention] = []
    people: dict[str, tuple[str, str | None, str]] = {}  # surname/first name -> (code, sector, full name)
    for s in sentences:
        hits = [(s.start + a, s.start + b, e) for a, b, e in gz.find(s.text)]
        mentions.extend(_compose(text, s, hits, gz, people))
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
) -> list[Mention]:
    out: list[Mention] = []
    i = 0
    while i < len(hits):
        start, end, e = hits[i]
        code, sector, name, kind = e.code, e.sector, e.person, e.kind
        j = i + 1
        if e.kind == "title":
            # title [title] (state | metonym | igo) [name]
            while j < len(hits) and hits[j][2].kind == "title" and _gap(text, end, hits[j][0]) <= 1:
                end = hits[j][1]
                sector = sector or hits[j][2].sector
                j += 1
            if (
                j < len(hits)
                and hits[j][2].kind in {"state", "metonym", "capital", "igo"}
                and _gap(text, end, hits[j][0]) <= 1
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
            if not code and name and name.split()[-1].lower() in people:
                code = people[name.split()[-1].lower()][0]
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
            # "Sergey Lavrov, Menteri Luar Negeri Rusia"
            pass
        role = "actor"
        if e.kind == "place" or (
            e.kind in {"state", "capital"}
            and _prev_word(text, start) in PLACE_PREPS
            and _prev_word(text, start) not in AFFILIATION_WORDS
            and kind != "person"
        ):
            role = "place"
        if (
            e.kind in {"state", "capital"}
            and role == "place"
            and out
            and out[-1].role == "place"
            and text[out[-1].end : start].strip() == ","
        ):
            role = "place"  # "di Goa, India"
        if name and code:
            full = name
            for part in {full.split()[0], full.split()[-1]}:
                if len(part) >= 3:
                    people.setdefault(part.lower(), (code, sector, full))
            people.setdefault(full.lower(), (code, sector, full))
        out.append(
            Mention(
                start=start,
                end=end,
                text=text[start:end],
                code=code,
                sector=sector,
                name=name,
                kind=kind,
                sentence=s.index,
                role=role,
            )
        )
        if e.place and role == "place":
            out[-1] = replace(out[-1], name=e.place.name)
        i = j
    return out


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
    covered = [(m.start, m.end) for m in found]
    out = []
    for s in sentences:
        for m in _CAP_TOKEN.finditer(s.text):
            word = m.group().rstrip(".")
            key = word.lower()
            if key not in people or key in gz.stop:
                continue
            a, b = s.start + m.start(), s.start + m.start() + len(word)
            if any(x < b and y > a for x, y in covered):
                continue
            code, sector, full = people[key]
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
    gz = gazetteer(pack)
    for _a, _b, e in gz.find(m.text):
        if e.place:
            return e.place
        if e.kind == "state":
            return Location(name=m.text, code=e.code)
    return Location(name=m.text, code=m.code or None) if m.code else None

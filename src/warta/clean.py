"""Cleaning scraped article text: boilerplate out, story in, metadata taken first.

Pure functions of one text. The cue lists live in the language pack (``boilerplate.yaml``,
``outlets.tsv``); this module only knows the shape of a news page: a header (rubric, title, teaser,
captions, byline, date line), a story that starts with an optional dateline, and a tail of links and
headline lists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from warta.lang import LanguagePack

_SPACE_CHARS = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# a run of space characters, made one space by normalise; a lone plain space, already what it would become,
# is not matched (half the time of the plain pattern, which replaced each space between two words by itself).
# Each branch opens with a character (a space, or another space character), not a look-ahead: the regex
# engine then skips ahead to where a branch can begin (2.4 times faster than "(?! )..." as the second branch)
_SPACE = re.compile(rf" {_SPACE_CHARS}+|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]{_SPACE_CHARS}*")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_BULLET = re.compile(r"^[•·▪►»◆■\-–—*]+\s+")
# _BULLET at the start of every line, in one pass over the text: the white space it takes stays on the line
_BULLETS = re.compile(r"^[•·▪►»◆■\-–—*]+[^\S\n]+", re.M)
_WORD = re.compile(r"\w+", re.UNICODE)
_CLOSERS = "\"'”’»)]"
_DATE_LINE = re.compile(
    r"^(?:[A-Za-z']+,?\s+)?\(?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}\)?(?:[\s,|-]+\d{1,2}[:.]\d{2}(?:\s*[A-Za-z]{2,4})?)?"
    r"|^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}.*)?$"
    r"|^(?:[A-Za-z']+,?\s+)?\d{1,2}/\d{1,2}/\d{4}(?:[\s,|-]+\d{1,2}[:.]\d{2}.*)?$",
)
_BYLINE = re.compile(
    r"^(?:rep|red|laporan|penulis|reporter|pewarta|editor)\s*(?::\s*|\s)(?P<name>[^/|]+)", re.I
)
_SOURCE = re.compile(r"^sumber\s*:\s*(?P<src>[^/|]+)", re.I)

_PLACE = r"[A-Z][A-Z.'’]*(?:[ -][A-Z][A-Z.'’]*){0,3}(?:,\s?[A-Z]{2})?"
_OUTLET = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,6}){1,2}"
_DASH = r"(?:\s+[-–—]{1,2}\s*|[-–—]{1,2}\s+)"  # a dash with space on one side at least: not "RI-Malaysia"
_DATELINES = [
    # REPUBLIKA.CO.ID, MOSKOW --   /   Liputan6.com, Jakarta -
    re.compile(rf"^(?P<outlet>{_OUTLET})\s*,\s*(?P<place>[A-Z][\w.'’ ]{{1,30}}?){_DASH}"),
    # JAKARTA, KOMPAS.com -
    re.compile(rf"^(?P<place>[A-Z][\w.'’ ]{{1,30}}?)\s*,\s*(?P<outlet>{_OUTLET}){_DASH}"),
    # Beijing | EGINDO.co –
    re.compile(rf"^(?P<place>[A-Z][\w.'’ ]{{1,30}}?)\s*\|\s*(?P<outlet>{_OUTLET}){_DASH}"),
    # Jakarta (ANTARA) -   /   JAKARTA (ANTARA) -
    re.compile(rf"^(?P<place>[A-Z][\w.'’ ]{{1,30}}?)\s*\((?P<outlet>[A-Za-z .]{{2,20}})\){_DASH}"),
    # SINDOnews.com -
    re.compile(rf"^(?P<outlet>{_OUTLET}){_DASH}"),
    # ANTARA -
    re.compile(r"^(?P<outlet>ANTARA|AFP|REUTERS|AP)\s*[-–—]{1,2}\s+"),
    # BEIJING-   /   NEW DELHI -   /   WASHINGTON, DC -   /   WASHINGTON —
    re.compile(rf"^(?P<place>{_PLACE}){_DASH}(?=\S)"),
]
# "Jakarta, CNBC Indonesia - ..." (an outlet name with spaces, checked against outlets.tsv); "Seoul - ..."
_DATELINE_NAMED = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ]{1,30}?)\s*,\s*(?P<outlet>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\s*[-–—]{1,2}\s+"
)
_DATELINE_CITY = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+[-–—]{1,2}\s+")
_DATELINES.append(_DATELINE_CITY)
# a dateline alone on its line: "Jakarta, CNN Indonesia --"
_DATELINE_ALONE = re.compile(
    r"^(?P<place>[A-Z][\w.'’ ]{1,30}?)\s*,\s*(?P<outlet>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\s*[-–—]{1,2}$"
)
_DATELINES_NAMED = (*_DATELINES, _DATELINE_NAMED)
_DATELINES_PLAIN = tuple(_DATELINES)


def _may_open_with_dateline(line: str) -> bool:
    """False when no dateline pattern (_DATELINES, _DATELINE_NAMED, _DATELINE_ALONE) can match ``line``:
    each of them needs a dash."""
    return "-" in line or "–" in line or "—" in line


@dataclass(frozen=True)
class Rules:
    drop_exact: frozenset[str]
    drop_prefix: tuple[str, ...]
    drop_regex: tuple[re.Pattern[str], ...]
    list_headers: frozenset[str]
    section_labels: frozenset[str]
    outlets: tuple[tuple[str, str], ...]
    outlet_names: frozenset[str]  # the canonical names of outlets.tsv: Indonesian outlets
    places: frozenset[str]  # city names (lower case) that may open a dateline in title case: "Seoul -"
    # drop_regex as one alternation (a line matches it whole when it matches one of them whole); None when
    # the patterns cannot be joined (numbered back-references, flags for the whole pattern, ...)
    drop_any: re.Pattern[str] | None = None
    # agency codes of sign-offs ("rtr" -> "Reuters"); not hashed: rules are cached and compared whole
    signoff_agencies: dict[str, str] = field(default_factory=dict, hash=False, compare=False)


def _joined(patterns: list[str]) -> re.Pattern[str] | None:
    if not patterns or any(re.search(r"\\[1-9]|\(\?P=|\(\?\(", p) for p in patterns):
        return None
    try:
        return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
    except re.error:
        return None


@cache
def rules_for(pack: LanguagePack) -> Rules:
    bp = pack.yaml("boilerplate.yaml")
    for key, entries in bp.items():
        bad = [e for e in entries or [] if not isinstance(e, str)]
        if bad:
            raise ValueError(
                f"{pack.path('boilerplate.yaml')}: '{key}' has a non-text entry {bad[0]!r}; "
                "quote entries that contain ': ' or end with ':'"
            )
    outlets = tuple((r["marker"].lower(), r["outlet"]) for r in pack.tsv("outlets.tsv"))
    return Rules(
        drop_exact=frozenset(s.lower() for s in bp["drop_exact"]),
        drop_prefix=tuple(s.lower() for s in bp["drop_prefix"]),
        drop_regex=tuple(re.compile(p, re.I) for p in bp["drop_regex"]),
        list_headers=frozenset(s.lower() for s in bp["list_headers"]),
        section_labels=frozenset(s.lower() for s in bp["section_labels"]),
        outlets=tuple(sorted(outlets, key=lambda o: -len(o[0]))),
        outlet_names=frozenset(name for _, name in outlets),
        places=frozenset(
            r["name"].lower()
            for name in ("places.tsv", "metonyms.tsv")
            for r in pack.tsv(name)
            if r.get("place") or r.get("kind") == "city"
        ),
        drop_any=_joined(bp["drop_regex"]),
        signoff_agencies={
            code.strip().lower(): name.strip()
            for code, _, name in (e.partition("=") for e in bp.get("signoff_agencies") or [])
            if name.strip()
        },
    )


@dataclass
class Cleaned:
    text: str
    paragraphs: list[str]
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    byline: str | None = None
    date_text: str | None = None  # the page's own date line, unparsed
    relays: list[str] = field(default_factory=list)
    removed_lines: int = 0


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text)  # over the whole text: a run of _SPACE never crosses a line break
    return "\n".join(map(str.strip, text.split("\n")))


def words(line: str) -> list[str]:
    return _WORD.findall(line.lower())


def _terminal(line: str) -> bool:
    r"""Whether the line ends with a stop and any closing quotes or brackets, or with a closing quote, as
    ``re.search(r"[.!?…]["'”’»)\]]*$|["”’»]$", line)`` tells (``$`` also before a final line break), read
    from its end instead of scanned for."""
    if line.endswith("\n"):
        return _terminal_at_end(line) or _terminal_at_end(line[:-1])
    return _terminal_at_end(line)


def _terminal_at_end(line: str) -> bool:
    if not line:
        return False
    if line[-1] in '"”’»':
        return True
    rest = line.rstrip(_CLOSERS)
    return bool(rest) and rest[-1] in ".!?…"


def _sentence_like(line: str, n_words: int, min_words: int = 8) -> bool:
    """A line of at least ``min_words`` words (``n_words``: ``len(words(line))``) that ends a sentence."""
    return n_words >= min_words and _terminal(line)


def outlet_name(marker: str | None, rules: Rules) -> str | None:
    if not marker:
        return None
    low = marker.lower()
    for key, name in rules.outlets:
        if key in low:
            return name
    return marker.strip()


def _outlet_in(line: str, rules: Rules, n_words: int | None = None) -> str | None:
    """An outlet named in a short header line ("CNN Indonesia", "Rita Maharani - detikNews")."""
    if (len(words(line)) if n_words is None else n_words) > 6:
        return None
    low = line.lower()
    for key, name in rules.outlets:
        for cand in (key, name.lower()):
            if cand in low and re.search(rf"(?<!\w){re.escape(cand)}(?!\w)", low):
                return name
    return None


def _is_boilerplate(line: str, rules: Rules, low: str | None = None) -> bool:
    """``low``: ``line.lower()``, when the caller has it."""
    low = line.lower() if low is None else low
    if low.rstrip(" :") in rules.drop_exact or low in rules.drop_exact:
        return True
    if low.startswith(rules.drop_prefix):
        return True
    if rules.drop_any is not None:
        return rules.drop_any.fullmatch(line) is not None
    return any(rx.fullmatch(line) for rx in rules.drop_regex)


def _is_list_header(low: str, rules: Rules) -> bool:
    """``low``: the line lower-cased."""
    return low.rstrip(" :") in rules.list_headers


def _is_date_line(line: str, n_words: int | None = None) -> bool:
    """``n_words``: ``len(words(line))``, when the caller has it."""
    return bool(_DATE_LINE.match(line)) and (len(words(line)) if n_words is None else n_words) <= 14


def match_dateline(paragraph: str, rules: Rules | None = None) -> tuple[str | None, str | None, int] | None:
    """(place, outlet marker, length of the dateline prefix) when a paragraph opens with a dateline."""
    for rx in _DATELINES_NAMED if rules else _DATELINES_PLAIN:
        m = rx.match(paragraph)
        if not m:
            continue
        rest = paragraph[m.end() :]
        if len(words(rest)) < 4 or not (rest[:1].isalpha() or rest[:1] in "“\"'‘("):
            continue  # the story opens with a word: "Kompas.com - 13/02/2025, 17:05 WIB" is a date line
        place = m.groupdict().get("place")
        if place:
            place = place.strip(" ,")
            if place.lower() in {"baca juga", "foto", "sumber", "video"} or len(place) > 30:
                continue
            # a title-case place is a dateline when an outlet follows it or it is a known city ("Seoul -")
            if (
                not place.isupper()
                and not m.groupdict().get("outlet")
                and not (rules and place.lower() in rules.places)
            ):
                continue
            if rx is _DATELINE_NAMED and not (rules and _outlet_in(m["outlet"], rules)):
                continue
            place = _title_place(place)
        return place, m.groupdict().get("outlet"), m.end()
    return None


def _title_place(place: str) -> str:
    if not place.isupper():
        return place
    parts = re.split(r"(\s|-)", place.lower())
    out = "".join(p.capitalize() if len(p) > 2 else p for p in parts)
    return re.sub(r",\s?(\w{2})$", lambda m: ", " + m.group(1).upper(), out)


def _contained(short: list[str], long: list[str], bag: set[str], threshold: float = 0.9) -> bool:
    """Nine in ten words of the shorter paragraph ``short`` are words of ``long`` (``bag``: its word set)."""
    if not short or len(short) >= len(long):
        return False
    return sum(1 for w in short if w in bag) / len(short) >= threshold


def clean(text: str, pack: LanguagePack, *, title_hint: str | None = None) -> Cleaned:
    """Split a scraped page's text into story paragraphs and metadata."""
    rules = rules_for(pack)
    lines = _BULLETS.sub("", normalise(text)).split("\n")
    out = Cleaned(text="", paragraphs=[])

    # Each kept line travels with its words (``words(line)``), found once.
    # 1. Drop boilerplate lines and headline lists, keeping what they say about the article.
    kept: list[str] = []
    kept_words: list[list[str]] = []
    in_list = False
    story_seen = False
    removed = 0
    for line in lines:
        if not line:
            continue
        w = words(line)
        if not story_seen and _is_date_line(line, len(w)):
            kept.append(line)  # the page's own date line: header metadata, read in step 3
            kept_words.append(w)
            continue
        if in_list and not _sentence_like(line, len(w), 12):
            removed += 1
            continue
        in_list = False
        low = line.lower()
        if _is_list_header(low, rules):
            in_list = True
            removed += 1
            continue
        if _is_boilerplate(line, rules, low):
            _harvest(line, out, rules)
            removed += 1
            continue
        story_seen = story_seen or _sentence_like(line, len(w))
        kept.append(line)
        kept_words.append(w)

    # 2. Find where the story starts: a dateline paragraph, else the first sentence-like line.
    start = None
    for i, line in enumerate(kept[:25]):
        if not _may_open_with_dateline(line):
            continue
        alone = _DATELINE_ALONE.match(line)
        if alone and i + 1 < len(kept):
            out.dateline, out.outlet = _title_place(alone["place"]), outlet_name(alone["outlet"], rules)
            removed += 1
            del kept[i]
            del kept_words[i]
            start = i
            break
        dl = match_dateline(line, rules)
        if dl:
            place, marker, cut = dl
            out.dateline, out.outlet = place, outlet_name(marker, rules)
            kept[i] = line[cut:].lstrip()
            kept_words[i] = words(kept[i])
            start = i
            break
    if start is None:
        start = next(
            (
                i
                for i, (ln, w) in enumerate(zip(kept, kept_words, strict=True))
                if _sentence_like(ln, len(w)) and not _is_date_line(ln, len(w))
            ),
            0,
        )

    # 3. The header gives title, byline and date; its captions and teasers are not story.
    header, body = kept[:start], kept[start:]
    body_words = kept_words[start:]
    for line, w in zip(header, kept_words[:start], strict=True):
        removed += 1
        low = line.lower()
        if low in rules.section_labels:
            continue
        parts = re.split(r"\s+[-–—|]\s+", line)
        if (
            len(parts) > 1
            and any(_is_date_line(p) for p in parts)
            and any(_outlet_in(p, rules) for p in parts)
        ):
            # "Kompas.com - 13/02/2025, 17:05 WIB"
            out.date_text = out.date_text or next(p for p in parts if _is_date_line(p))
            out.outlet = out.outlet or next(o for o in map(lambda p: _outlet_in(p, rules), parts) if o)
            continue
        if _is_date_line(line, len(w)):
            parts = [p.strip() for p in line.split("|")]
            out.date_text = out.date_text or " ".join(p for p in parts if not _BYLINE.match(p))
            for p in parts:
                _harvest(p, out)
            continue
        if out.title is None and title_hint is None and len(w) >= 3 and not line.endswith("."):
            out.title = line
            continue
        named = _outlet_in(line, rules, len(w))
        if named:
            out.outlet = out.outlet or named
            byline = re.split(r"\s+[-–—|]\s+", line)[0]  # "Rita Maharani - detikNews"
            if out.byline is None and byline != line and _looks_like_name(byline):
                out.byline = byline
            continue
        name = re.sub(r"^(?:oleh|by)\s+", "", line, flags=re.I)
        if out.byline is None and _looks_like_name(name):
            out.byline = name
    out.title = title_hint or out.title
    if (
        out.title is None
        and body
        and not _sentence_like(body[0], len(body_words[0]))
        and len(body_words[0]) >= 3
    ):
        out.title = body.pop(0)
        body_words.pop(0)
        removed += 1

    # 4. Story paragraphs: rejoin wrapped lines, drop labels, repeats and captions of the lead.
    paragraphs: list[str] = []
    bags: list[list[str]] = []  # words(paragraph) of each
    for line, w in zip(body, body_words, strict=True):
        if line.lower() in rules.section_labels or (out.title and line == out.title):
            removed += 1
            continue
        if len(w) <= 8 and _is_date_line(line, len(w)):
            out.date_text = out.date_text or line
            removed += 1
            continue
        if paragraphs and _continues(paragraphs[-1], line, len(bags[-1]), len(w)):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
            # the words of the joined text: \w+ runs and lower() (final sigma included) end at the space
            bags[-1] = bags[-1] + w
            continue
        paragraphs.append(line)
        bags.append(w)

    story: list[str] = []
    seen: set[str] = set()
    sets = [set(b) for b in bags]
    for i, para in enumerate(paragraphs):
        bag = bags[i]
        key = " ".join(bag)
        if (
            not key
            or key in seen
            or (len(bag) <= 6 and not _terminal(para))  # a short label
            or (len(bag) < 60 and _is_caption(i, bags, sets))
        ):
            removed += 1
            continue
        seen.add(key)
        story.append(para)

    out.paragraphs = story
    out.text = "\n\n".join(story)
    out.removed_lines = removed
    return out


def _is_caption(i: int, bags: list[list[str]], sets: list[set[str]]) -> bool:
    """Paragraph ``i`` is contained in a longer one (``_contained``); ``sets``: the word set of each."""
    short, short_set = bags[i], sets[i]
    n = len(short)
    for j, long in enumerate(bags):
        if j == i or len(long) <= n:
            continue  # _contained wants the other paragraph longer
        # each distinct word missing from the longer paragraph is one missing word at least: over a fifth
        # missing, under 80 % are contained
        if (len(short_set) - len(short_set & sets[j])) * 5 > n:
            continue
        if _contained(short, long, sets[j]):
            return True
    return False


def _continues(prev: str, line: str, prev_words: int | None = None, line_words: int | None = None) -> bool:
    """A line that carries on a sentence cut by a stray line break (``*_words``: word counts, if known)."""
    return (
        (len(words(prev)) if prev_words is None else prev_words) >= 6
        and not _terminal(prev)
        and not prev.endswith(":")
        and bool(line)
        and (line[0].islower() or (len(words(line)) if line_words is None else line_words) >= 3)
    )


def _looks_like_name(line: str) -> bool:
    toks = line.split()
    return 2 <= len(toks) <= 5 and all(t[:1].isupper() for t in toks) and not any(c.isdigit() for c in line)


_SIGNOFF = re.compile(r"^\((\w{1,10}(?:/\w{1,10})*)\)$")  # "(afp/rtr)", "(reuters)", "(nds/dil)"


def _harvest(line: str, out: Cleaned, rules: Rules | None = None) -> None:
    sign = _SIGNOFF.match(line.strip())
    if sign and rules is not None:
        for code in sign.group(1).lower().split("/"):
            agency = rules.signoff_agencies.get(code)
            if agency and agency not in out.relays:
                out.relays.append(agency)
        return
    m = _BYLINE.match(line)
    if m and out.byline is None:
        name = m.group("name").strip(" ,;")
        if name:
            out.byline = name.title() if name.isupper() else name
        return
    m = _SOURCE.match(line)
    if m:
        src = m.group("src").strip(" ,;")
        if src and src not in out.relays:
            out.relays.append(src)

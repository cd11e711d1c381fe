"""The typed records that carry data between pipeline stages.

Data flows one way: Document -> Article -> (Sentence, Mention, Timex) -> (Event, Quote).
Every stage adds records; none mutates what an earlier stage produced. All offsets are
character offsets into ``Article.text`` (the cleaned text) unless a field says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Document:
    """One input item as read from its source, before any cleaning."""

    id: str  # sha256 of the raw content (hex, 16 chars) -- the idempotency key
    origin: str  # file path, or "path#line" for a JSON-lines record
    text: str  # decoded text (plain text, or the HTML source when ``is_html``)
    is_html: bool = False
    url: str | None = None
    title: str | None = None  # given by the source (JSONL field, HTML <title>)
    published: str | None = None  # as given by the source, not yet parsed
    outlet: str | None = None  # as given by the source
    encoding: str = "utf-8"
    mtime: float | None = None  # file modification time (POSIX seconds), last-resort date


@dataclass(frozen=True)
class Article:
    """A cleaned news article with its metadata."""

    id: str  # sha256 of the normalised clean text (hex, 16 chars): exact duplicates share it
    document_id: str
    text: str  # clean story text, paragraphs separated by a blank line
    title: str | None
    outlet: str | None
    published: date | None
    published_source: str  # page | metadata | inferred | mtime | none
    dateline: str | None  # place named in the dateline, e.g. "Beijing"
    byline: str | None
    language: str
    url: str | None = None
    relays: tuple[str, ...] = ()  # agencies the article relays: Reuters, RIA Novosti, ...
    removed_lines: int = 0  # how many boilerplate/duplicate lines the cleaner dropped


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


@dataclass(frozen=True)
class Mention:
    """A span of text that names an actor or a place."""

    start: int
    end: int
    text: str
    code: str  # ISO 3166 alpha-3, IGO acronym, WST, ... ("" when unknown)
    sector: str | None  # GOV, MIL, ... when the mention says so
    name: str | None  # the person behind it, when one is named
    kind: str  # state | capital | metonym | igo | bloc | person | title | place
    sentence: int = -1
    role: str = "actor"  # actor | place


@dataclass(frozen=True)
class Actor:
    """The actor of an event, in the export's shape."""

    text: str  # actorText: the words in the sentence
    code: str
    sector: str | None = None
    name: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"actorText": self.text, "code": self.code, "sector": self.sector, "name": self.name}

    @classmethod
    def of(cls, m: Mention) -> Actor:
        """The actor a mention names, in the words of its sentence."""
        return cls(m.text, m.code, m.sector, m.name)


@dataclass(frozen=True)
class Timex:
    """A temporal expression, normalised against a reference date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TimeML value: 2023-05-04, 2023-04, 2023-W17, 2020, P7D, PAST_REF, ...
    precision: str | None = None  # day | week | month | year (None when not a calendar date)
    first_day: date | None = None  # the first day of the period, when it is one


@dataclass(frozen=True)
class Location:
    name: str
    code: str | None = None  # ISO 3166 alpha-3 of the country it lies in
    lat: float | None = None
    lon: float | None = None

    def as_json(self) -> dict[str, object]:
        return {"name": self.name, "code": self.code, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True)
class Event:
    """One coded interaction, with its evidence."""

    article_id: str
    sentence: int
    event: str  # PLOVER type
    mode: str | None
    context: str | None
    cameo: str
    goldstein: float
    modality: str  # asserted | intended | alleged | conditional
    negated: bool
    source: tuple[Actor, ...]
    target: tuple[Actor, ...]
    date: date | None
    # day | week | month | year | on_or_before (the text gives no date: that day or earlier) | on_or_after
    # (likewise for an intended event: that day or later)
    date_precision: str
    # timex (its sentence) | episode (an occasion told earlier) | paragraph (earlier in the paragraph)
    # | report (the day of the relayed report) | publication | none -- see warta.event_dates
    date_source: str
    location: Location | None
    text: str  # the evidence sentence
    verb_start: int  # offsets of the verb span in Article.text
    verb_end: int
    verb_text: str
    speaker: Actor | None = None


@dataclass(frozen=True)
class Quote:
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    speaker: Actor | None
    speaker_text: str | None
    cue: str | None  # kata, ujar, ungkap, mengatakan, ...
    direct: bool = True


@dataclass
class Analysis:
    """Everything the per-document stages produced for one document."""

    document: Document
    article: Article | None = None
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    minhash: list[int] | None = None  # MinHash signature of the article text, for near-duplicates
    error: str | None = None  # one-line reason when the document was skipped
    warnings: list[str] = field(default_factory=list)  # one-line notes on a stored document (a bad date)

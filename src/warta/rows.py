"""An analysis as the rows the store writes: plain tuples in each table's column order.

A worker turns its analyses into rows before they cross to the one writer. Tuples of strings and numbers
cost a fifth as much to pickle and unpickle as the record objects, and the writer turns them into
columns with one ``zip``. Work that depends only on the article is done here too: the event ids and
merge blocks, the JSON of the actors, an event coded twice in one article kept once. So the writer,
which all workers wait on, does only what needs the database: duplicates, near-duplicates, the insert.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from warta import merge
from warta.records import Actor, Analysis, Document, Event, Location
from warta.sources import content_id

Row = tuple[Any, ...]

# Each table's columns in the order of its rows (the database's own order is free: inserts name them).
# The article's row lacks what the writer adds: its document, duplicate link, signature and ingest time.
ARTICLE = (
    "id url title outlet published published_source dateline byline language text removed_lines relays"
).split()
SENTENCE = ["idx", "start", "end", "paragraph", "own_text"]  # own_text: None for a slice of the article
MENTION = "sentence start end text code sector name kind role".split()
TIMEX = "start end text type value precision first_day".split()
_EVENT_FIELDS = (
    "sentence event mode context cameo goldstein modality negated date date_precision date_source text "
    "verb_start verb_end verb_text"
).split()
EVENT = [
    "id",
    "block_key",
    *_EVENT_FIELDS,
    "source",
    "target",
    "source_codes",
    "target_codes",
    "location",
    "speaker",
]
_QUOTE_FIELDS = "sentence start end text speaker_text cue direct".split()
QUOTE = [*_QUOTE_FIELDS, "speaker", "speaker_code"]

# where the writer looks into a row
ARTICLE_ID, ARTICLE_PUBLISHED = ARTICLE.index("id"), ARTICLE.index("published")
EVENT_DATE, EVENT_DATE_SOURCE = EVENT.index("date"), EVENT.index("date_source")
EVENT_NEGATED = EVENT.index("negated")

_article_fields = attrgetter(*ARTICLE[:-1])  # relays: a list, not the tuple
_sentence = attrgetter("index", "start", "end", "paragraph")
_mention = attrgetter(*MENTION)
_timex = attrgetter(*TIMEX)
_event_fields = attrgetter(*_EVENT_FIELDS)
_quote_fields = attrgetter(*_QUOTE_FIELDS)


class Rows(NamedTuple):
    """What the writer stores of one document (an :class:`Analysis`, in rows)."""

    document: Document
    error: str | None = None
    warnings: Sequence[str] = ()
    minhash: list[int] | None = None
    article: Row | None = None  # ARTICLE
    sentences: Sequence[Row] = ()
    mentions: Sequence[Row] = ()
    timexes: Sequence[Row] = ()
    events: Sequence[Row] = ()  # each article's events once (by id), in their order
    quotes: Sequence[Row] = ()


def of(an: Analysis, document: Document | None = None) -> Rows:
    """The rows of ``an`` (with ``document`` in place of its own, when given)."""
    doc = an.document if document is None else document
    art = an.article
    if art is None:
        return Rows(doc, an.error, an.warnings, an.minhash)
    events: list[Row] = []
    seen: set[str] = set()
    for ev in an.events:
        eid = event_id(art.id, ev)
        if eid in seen:
            continue
        seen.add(eid)
        events.append(
            (
                eid,
                block_key(ev),
                *_event_fields(ev),
                _actor_json(ev.source),
                _actor_json(ev.target),
                [a.code for a in ev.source],
                [a.code for a in ev.target],
                _json_of(ev.location),
                _json_of(ev.speaker),
            )
        )
    quotes = [
        (*_quote_fields(q), _json_of(q.speaker), q.speaker.code if q.speaker else None) for q in an.quotes
    ]
    return Rows(
        doc,
        an.error,
        an.warnings,
        an.minhash,
        (*_article_fields(art), list(art.relays)),
        [(*_sentence(s), None if art.text[s.start : s.end] == s.text else s.text) for s in an.sentences],
        list(map(_mention, an.mentions)),
        list(map(_timex, an.timexes)),
        events,
        quotes,
    )


def columns(names: list[str], rows: Sequence[Row]) -> dict[str, list[Any]]:
    """Rows as a column per name."""
    if not rows:
        return {name: [] for name in names}
    return dict(zip(names, map(list, zip(*rows, strict=True)), strict=True))


# json.dumps(obj, ensure_ascii=False) makes a new encoder at every call; this is the same encoder, made once
_encode = json.JSONEncoder(ensure_ascii=False).encode


def _json_of(record: Actor | Location | None) -> str | None:
    return _encode(record.as_json()) if record else None


@lru_cache(maxsize=4096)
def _actor_json(actors: tuple[Actor, ...]) -> str:
    """The JSON of an event's side. Cached: a corpus names the same actors again and again, and an actor's
    fields are strings, so equal actors encode alike. (A Location is not cached: its 0.0 and -0.0 are equal
    but encode differently.)"""
    return _encode([a.as_json() for a in actors])


def event_id(article_id: str, ev: Event) -> str:
    key = "|".join(
        [
            article_id,
            str(ev.sentence),
            str(ev.verb_start),
            ev.event,
            ",".join(a.code for a in ev.source),
            ",".join(a.code for a in ev.target),
        ]
    )
    return content_id(key)


def block_key(ev: Event) -> str:
    """Events that may be one real-world event share this key: type, actors (either order for meetings,
    agreements and cooperation) and modality. Which of them are one event also depends on their dates:
    that is the corpus-level merge (:mod:`warta.merge`), run after every batch."""
    return merge.block_key(
        ev.event, ev.mode, (a.code for a in ev.source), (a.code for a in ev.target), ev.modality
    )

"""The per-document pipeline: Document -> Analysis. A pure function of one document (and the
language pack), so it runs in any worker process; nothing here touches the database."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from warta import coder, dedupe, langid, quotes, sentences, timex
from warta.actors import find_mentions
from warta.clean import Rules, clean, outlet_name, rules_for
from warta.html import extract
from warta.lang import LanguagePack, load_pack
from warta.records import Analysis, Article, Document
from warta.relays import find_relays
from warta.sources import content_id, no_surrogates

MAX_ARTICLE_CHARS = 200_000  # longer "articles" are dumps, not news stories


def load_resources(pack: LanguagePack) -> None:
    """Load and check every language-pack resource once, so that a broken file fails the run at start-up
    (one clear error) instead of every document."""
    from warta.actors import gazetteer

    rules_for(pack)
    gazetteer(pack)
    coder.lexicon(pack)
    sentences.split("Uji. Coba.", pack)
    timex.find_timexes("pada Senin (1/1/2024)", date(2024, 1, 1))


def analyse(doc: Document, pack: LanguagePack | None = None, *, today: date | None = None) -> Analysis:
    """Clean, gate, split, find actors and dates, code events and quotes for one document."""
    pack = pack or load_pack()
    doc = _storable(doc)
    try:
        return _analyse(doc, pack, today or date.today())
    except Exception as exc:  # a bug must not stop the batch: report it against the file
        return Analysis(document=doc, error=f"internal error while analysing ({type(exc).__name__}: {exc})")


_STRING_FIELDS = ("id", "origin", "text", "title", "outlet", "url", "published", "encoding")


def _storable(doc: Document) -> Document:
    """The document with any lone surrogate (from a caller's own decoding) replaced by U+FFFD, as the
    reader does: the database, and UTF-8 generally, cannot hold one."""
    bad: dict[str, Any] = {}
    for name in _STRING_FIELDS:
        value = getattr(doc, name, None)
        if isinstance(value, str) and not value.isascii() and (fixed := no_surrogates(value)) != value:
            bad[name] = fixed
    return replace(doc, **bad) if bad else doc


def _analyse(doc: Document, pack: LanguagePack, today: date) -> Analysis:
    title_hint, page_date, outlet_hint, url = doc.title, None, doc.outlet, doc.url
    text = doc.text
    if doc.is_html:
        ex = extract(doc.text)
        if ex is None:
            return Analysis(document=doc, error="HTML page has no article text")
        text = ex.text
        title_hint = title_hint or ex.title
        page_date = ex.date
        outlet_hint = outlet_hint or ex.sitename
        url = url or ex.url
    if len(text) > MAX_ARTICLE_CHARS:
        return Analysis(document=doc, error=f"text too long for one article ({len(text):,} characters)")
    cleaned = clean(text, pack, title_hint=title_hint)
    rules = rules_for(pack)
    outlet = cleaned.outlet or outlet_name(outlet_hint, rules) or _outlet_from_url(url, rules)
    # a short brief from an Indonesian outlet about Malaysia reads much like Malay to the model
    reason = langid.check(cleaned.text, indonesian_outlet=outlet in rules.outlet_names)
    if reason:
        return Analysis(document=doc, error=reason)

    published, source = _publication_date(doc, cleaned.date_text, page_date, cleaned.text, today)
    warnings = _date_warnings(doc.published, published, source, today)
    if doc.encoding.startswith("utf-8 ("):  # sources.decode replaced some broken bytes
        warnings.append(f"text is not valid UTF-8; read as {doc.encoding}")
    article = Article(
        # the same text from the same outlet is one article; another outlet carrying it is a copy (linked by
        # the near-duplicate index in the store), which keeps both outlets in the event's documents
        id=content_id(f"{outlet or ''}\n" + one_space(cleaned.text.lower())),
        document_id=doc.id,
        text=cleaned.text,
        title=cleaned.title,
        outlet=outlet,
        published=published,
        published_source=source,
        dateline=cleaned.dateline,
        byline=cleaned.byline,
        language="id",
        url=url,
        relays=tuple(dict.fromkeys([*cleaned.relays, *find_relays(cleaned.text, pack)])),
        removed_lines=cleaned.removed_lines,
    )
    sents = sentences.split(article.text, pack)
    mentions = find_mentions(article.text, sents, pack, published)
    timexes = timex.find_timexes(article.text, published)
    qs = [replace(q, article_id=article.id) for q in quotes.find_quotes(article.text, sents, mentions, pack)]
    events = coder.code_article(article, sents, mentions, timexes, pack, qs)
    return Analysis(
        document=doc,
        article=article,
        sentences=sents,
        mentions=mentions,
        timexes=timexes,
        events=events,
        quotes=qs,
        minhash=dedupe.signature(article.text),
        warnings=warnings,
    )


def one_space(text: str) -> str:
    """``re.sub(r"\\s+", " ", text)`` (what article ids have always been computed from), three times as fast:
    ``str.split`` breaks at the same white space (``str.isspace``, as ``\\s`` in a ``str`` pattern)."""
    words = text.split()
    out = " ".join(words)
    if text[:1].isspace():
        out = " " + out
    if words and text[-1:].isspace():
        out += " "
    return out


def _publication_date(
    doc: Document, date_text: str | None, page_date: str | None, text: str, today: date
) -> tuple[date | None, str]:
    """The page's own date, else the source's metadata, else a year inferred from the text, else mtime."""
    for raw, source in ((date_text, "page"), (page_date, "page"), (doc.published, "metadata")):
        if raw:
            d = timex.parse_publication_date(raw)
            if d and d <= today:
                return d, source
    # no date on the page: the latest explicit day in the story ("Sabtu (6/5/2023)", "Selasa (9 April)"),
    # its year inferred from weekday + date pairs when the text gives none
    year = timex.infer_year(text, today)
    anchor = (date(year, 12, 31) if year < today.year else today) if year else None
    days = [
        t.first_day
        for t in timex.find_timexes(text[:5000], anchor)
        if t.precision == "day" and t.first_day and t.first_day <= today and _explicit_day(t.text)
    ]
    if days:
        return max(days), "inferred"
    if doc.mtime:
        return datetime.fromtimestamp(doc.mtime, tz=UTC).date(), "mtime"
    return None, "none"


def _date_warnings(given: str | None, used: date | None, source: str, today: date) -> list[str]:
    """A publication date the source gave but warta could not use, said in one line."""
    if not given or source == "metadata":
        return []
    d = timex.parse_publication_date(given)
    if d and d <= today:
        return []  # readable; the page's own date line was preferred
    why = "is in the future" if d and d > today else "is not a date warta can read"
    instead = f"used {used.isoformat()} ({source})" if used else "the article has no date"
    return [f"published date {given[:40]!r} {why}; {instead}"]


def _explicit_day(expr: str) -> bool:
    """A day written with its number ("9 April", "6/5/2023"), not a bare weekday or "kemarin"."""
    return any(c.isdigit() for c in expr)


def _outlet_from_url(url: str | None, rules: Rules) -> str | None:
    if not url:
        return None
    m = re.match(r"^[a-z]+://(?:www\.)?([^/:]+)", url, re.I)
    return outlet_name(m.group(1), rules) if m else None

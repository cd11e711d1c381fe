"""HTML pages to main text and metadata, through trafilatura (no network)."""

from __future__ import annotations

import warnings
from dataclasses import dataclass


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None  # ISO date as the page states it (meta tags, JSON-LD, visible text)
    sitename: str | None
    url: str | None


def extract(html: str) -> HtmlExtract | None:
    """Main text of a page, or None when the page has no article text."""
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            doc = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                deduplicate=False,
            )
        except Exception:  # trafilatura raises assorted lxml errors on broken pages
            return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        return None
    return HtmlExtract(
        text=text,
        title=_clean(data.get("title")),
        date=_clean(data.get("date")),
        sitename=_clean(data.get("sitename")),
        url=_clean(data.get("url")),
    )


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

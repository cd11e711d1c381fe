"""HTML pages to main text and metadata, through trafilatura (no network)."""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HtmlExtract:
    text: str
    title: str | None
    date: str | None  # ISO date as the page states it (meta tags, JSON-LD, visible text)
    sitename: str | None
    url: str | None


MAX_DEPTH = 100  # layout wrappers kept, at most; libxml2 stops reading a page 256 elements deep
_WRAPPER_TAG = re.compile(r"<(/?)(?:div|span|section|font|center)\b[^>]*>", re.I)


def extract(html: str) -> HtmlExtract | None:
    """Main text of a page, or None when the page has no article text."""
    doc = _bare_extraction(html)
    if doc is None:
        flat = _flattened(html)  # a page nested deeper than the parser goes (5,000 <div>s): try once more
        doc = _bare_extraction(flat) if flat is not None else None
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


def _bare_extraction(page: object) -> Any:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return trafilatura.bare_extraction(
                page,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                deduplicate=False,
            )
        except Exception:  # trafilatura raises assorted lxml errors on broken pages
            return None


def _flattened(html: str) -> str | None:
    """The page with the layout wrappers (``div``, ``span``, ...) nested deeper than MAX_DEPTH taken out
    (their text and children kept), or None when the page is not that deep. libxml2 silently drops
    everything below its depth limit, so this is done on the text, before parsing."""
    depth = deepest = 0

    def keep_shallow(m: re.Match[str]) -> str:
        nonlocal depth, deepest
        if m.group(1):  # a closing tag: of the element opened at this depth
            keep = depth <= MAX_DEPTH
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
            keep = depth <= MAX_DEPTH
        return m.group(0) if keep else " "

    flat = _WRAPPER_TAG.sub(keep_shallow, html)
    return flat if deepest > MAX_DEPTH else None


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None

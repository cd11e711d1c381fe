"""Whom an article relays: "Mengutip Reuters", "dikutip dari Global Times", "menurut kantor berita RIA
Novosti", "seperti dilansir Russia Today".

The cues (``relay_cues``) and the agencies (``news_agencies``) are lists in cues.yaml; an agency is named
right after a cue, optionally with a word such as "kantor berita" or "laman" between. Agencies are
returned as the text writes them, first mention first, each once (case-insensitively).
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang import LanguagePack, lower_for_probe, phrase_alternation, trie_alternation

_BETWEEN = (
    r"(?:(?:kantor\s+berita|media|laman(?:\s+resmi)?|situs(?:\s+web)?|surat\s+kabar|harian"
    r"|stasiun\s+televisi|televisi|koran)\s+)?"
)


@cache
def _regex(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str] | None] | None:
    """The relay pattern, a pattern for the first words of its cues (where a match can start), and the
    same first words as a case-sensitive pattern for lower-cased text (None unless they are ASCII)."""
    y = pack.yaml("cues.yaml")
    cues = [str(c).lower() for c in y.get("relay_cues", []) if not str(c).endswith(":")] + ["menurut"]
    agencies = [str(a) for a in y.get("news_agencies", [])]
    if not agencies:
        return None
    firsts = {c.split()[0] for c in cues if c.split()}
    return (
        re.compile(
            rf"\b(?:{phrase_alternation(cues)})\s+{_BETWEEN}(?P<agency>{phrase_alternation(agencies)})\b",
            re.I,
        ),
        re.compile(rf"\b(?:{phrase_alternation(firsts)})", re.I),
        _probe(firsts),
    )


def _probe(firsts: set[str]) -> re.Pattern[str] | None:
    """The cues' first words as a case-sensitive trie for lower-cased text (a scan then tries each shared
    prefix once); None unless each is ASCII word characters."""
    if not firsts or not all(w.isascii() and re.fullmatch(r"\w+", w) for w in firsts):
        return None
    return re.compile(trie_alternation(firsts))


def _matches(
    text: str, rx: re.Pattern[str], starts: re.Pattern[str], probe: re.Pattern[str] | None = None
) -> list[re.Match[str]]:
    """``rx.finditer(text)``, tried only where a cue's first word begins: the long alternation is slow to
    try at every character of an article.

    With ``probe``, the places where a first word may begin are found in the lower-cased text, and each
    is checked with ``starts``. Every place ``starts`` matches is among them: it begins an occurrence of
    a first word in the lower-cased text, and the scan finds each such occurrence unless it is inside an
    earlier one -- where a word character precedes it, so that ``starts`` (``\\b`` first) cannot match.
    The places are then the ones ``starts.finditer`` yields: its matches are words, no ``\\b`` inside."""
    low = lower_for_probe(text) if probe is not None else None
    if probe is None or low is None:
        places = (s.start() for s in starts.finditer(text))
    else:
        places = (p.start() for p in probe.finditer(low) if starts.match(text, p.start()))
    out: list[re.Match[str]] = []
    end = 0
    for at in places:
        if at < end:
            continue
        m = rx.match(text, at)
        if m:
            out.append(m)
            end = m.end()
    return out


def find_relays(text: str, pack: LanguagePack) -> list[str]:
    rxs = _regex(pack)
    if rxs is None:
        return []
    out: list[str] = []
    seen: set[str] = set()
    for m in _matches(text, *rxs):
        name = " ".join(m.group("agency").split())
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out

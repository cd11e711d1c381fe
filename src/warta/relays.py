"""Whom an article relays: "Mengutip Reuters", "dikutip dari Global Times", "menurut kantor berita RIA
Novosti", "seperti dilansir Russia Today".

The cues (``relay_cues``) and the agencies (``news_agencies``) are lists in cues.yaml; an agency is named
right after a cue, optionally with a word such as "kantor berita" or "laman" between. Agencies are
returned as the text writes them, first mention first, each once (case-insensitively).
"""

from __future__ import annotations

import re
from functools import cache

from warta.lang import LanguagePack, phrase_alternation

_BETWEEN = (
    r"(?:(?:kantor\s+berita|media|laman(?:\s+resmi)?|situs(?:\s+web)?|surat\s+kabar|harian"
    r"|stasiun\s+televisi|televisi|koran)\s+)?"
)


@cache
def _regex(pack: LanguagePack) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """The relay pattern, and a pattern for the first words of its cues (where a match can start)."""
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
    )


def _matches(text: str, rx: re.Pattern[str], starts: re.Pattern[str]) -> list[re.Match[str]]:
    """``rx.finditer(text)``, tried only where a cue's first word begins: the long alternation is slow to
    try at every character of an article."""
    out: list[re.Match[str]] = []
    end = 0
    for s in starts.finditer(text):
        if s.start() < end:
            continue
        m = rx.match(text, s.start())
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


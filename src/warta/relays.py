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
def _regex(pack: LanguagePack) -> re.Pattern[str] | None:
    y = pack.yaml("cues.yaml")
    cues = [str(c).lower() for c in y.get("relay_cues", []) if not str(c).endswith(":")] + ["menurut"]
    agencies = [str(a) for a in y.get("news_agencies", [])]
    if not agencies:
        return None
    return re.compile(
        rf"\b(?:{phrase_alternation(cues)})\s+{_BETWEEN}(?P<agency>{phrase_alternation(agencies)})\b", re.I
    )


def find_relays(text: str, pack: LanguagePack) -> list[str]:
    rx = _regex(pack)
    if rx is None:
        return []
    out: list[str] = []
    seen: set[str] = set()
    for m in rx.finditer(text):
        name = " ".join(m.group("agency").split())
        if name.lower() not in seen:
            seen.add(name.lower())
            out.append(name)
    return out


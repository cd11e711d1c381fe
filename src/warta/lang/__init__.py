"""Language packs: the Indonesian knowledge warta uses, kept as data files a user can read and extend.

A pack is a folder (``warta/lang/<code>/``) of TSV and YAML files. Code reads them through
:func:`load_pack`; nothing here knows what the files say.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PACKS_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class LanguagePack:
    code: str
    root: Path

    def path(self, name: str) -> Path:
        return self.root / name

    def yaml(self, name: str) -> Any:
        return _read_yaml(self.root / name)

    def tsv(self, name: str) -> list[dict[str, str]]:
        return _read_tsv(self.root / name)

    def words(self, name: str) -> list[str]:
        """A plain word list: one entry per line, ``#`` starts a comment."""
        text = (self.root / name).read_text(encoding="utf-8")
        return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def phrase_alternation(phrases: Iterable[object]) -> str:
    """A regular-expression alternation of lexicon phrases, longest first, each escaped; a space inside a
    phrase matches any run of whitespace ("kantor berita" also matches a line break between the words)."""
    words = sorted((str(p) for p in phrases), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


def trie_alternation(words: Iterable[object]) -> str:
    """A regex matching any of the literal ``words`` (lower-cased), as a prefix trie.

    Python's ``re`` tries alternatives one by one at every position; factoring the common prefixes makes a
    scan several times faster. A space inside a word matches any run of whitespace.
    """
    trie: dict[str, Any] = {}
    for w in {str(x).lower() for x in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_rx(trie)


def _trie_rx(node: dict[str, Any]) -> str:
    end = "" in node
    branches = [
        (r"\s+" if ch == " " else re.escape(ch)) + _trie_rx(sub) for ch, sub in sorted(node.items()) if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


# every character for which str.isspace() is true (what \s matches in a str pattern), for str.strip
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_FIRST_WORD = re.compile(r"\w+")


def last_word(segment: str, trailing: str = "") -> str:
    r"""The word (``\w+``) that ends ``segment`` once the characters in ``trailing`` are taken off its end, as
    ``re.search(r"(\w+)[<trailing>]*$", segment).group(1)`` finds it ("" if there is none), without the
    search's trial at every position of the segment."""
    core = segment.rstrip(trailing) if trailing else segment
    m = _FIRST_WORD.match(core[::-1])
    return m.group()[::-1] if m else ""


def word_char(c: str) -> bool:
    r"""Whether one character is a word character (what ``re.match(r"\w", c)`` tells, without the call)."""
    return c.isalnum() or c == "_"


# the characters that match an ASCII letter under re.IGNORECASE without lower-casing to it ("ı" matches
# "i", "ſ" matches "s"); "İ" lower-cases to two characters, caught by the length check
_CASE_ODD = ("\u0131", "\u017f")


def lower_for_probe(text: str) -> str | None:
    """``text`` lower-cased, when an ASCII word matches it case-insensitively exactly where it matches the
    lower-cased text (one character for one, and none of the characters that match an ASCII letter without
    lower-casing to it); else None. A case-sensitive scan of it for lower-case cue words then finds every
    place a case-insensitive pattern of those words can match in ``text``."""
    low = text.lower()
    if len(low) != len(text) or any(c in text for c in _CASE_ODD):
        return None
    return low


@cache
def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated file with a header; ``#`` lines are comments."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items() if k is not None} for row in reader]


@cache
def load_pack(code: str = "id") -> LanguagePack:
    root = PACKS_DIR / code
    if not root.is_dir():
        raise ValueError(f"no language pack '{code}' in {PACKS_DIR}")
    return LanguagePack(code=code, root=root)

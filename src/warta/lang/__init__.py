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

"""Language gate: is this article Indonesian? (py3langid, offline)."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from warta.lang import load_pack

ACCEPT = "id"
MIN_CHARS = 40
SAMPLE = 2000  # characters classified: a few hundred words settle the language; more only costs time


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return ident


def load_model() -> None:
    """Load py3langid's model now (87 MB, 0.4 s) instead of at the first article that needs it."""
    _identifier()


def unload_model() -> None:
    """Let go of this process's reference to the model (it is loaded again when needed)."""
    _identifier.cache_clear()


_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def _markers() -> tuple[int, frozenset[str], frozenset[str]]:
    y = load_pack().yaml("langid.yaml")
    indonesian = frozenset(str(w).lower() for w in y.get("indonesian_only", []))
    malay = frozenset(str(w).lower() for w in y.get("malay_only", []))
    return int(y.get("min_markers", 4)), indonesian, malay


def clearly_indonesian(text: str) -> bool:
    """Enough Indonesian-only words and no Malay-only one: no need to ask the model."""
    need, indonesian, malay = _markers()
    sample = text[:SAMPLE].lower()
    words = set(_WORD.findall(sample))
    if _has_malay(sample, words, malay):
        return False
    return len(words & indonesian) >= need


def _has_malay(sample: str, words: set[str], malay: frozenset[str]) -> bool:
    return bool(words & malay) or any(" " in m and m in sample for m in malay)


def detect(text: str) -> tuple[str, float]:
    """The most likely language code of ``text`` and its probability."""
    sample = text[:SAMPLE]
    lang, prob = _identifier().classify(sample)
    return str(lang), float(prob)


def check(text: str, *, indonesian_outlet: bool = False) -> str | None:
    """None when the text is Indonesian, else a one-line reason. ``indonesian_outlet``: the text comes from an
    outlet of ``outlets.tsv``; the model's "Malay" is then overruled unless a Malay-only word is in the text
    (a brief about Malaysia, full of Malaysian names and titles, reads much like Malay to the model)."""
    if len(text.strip()) < MIN_CHARS:
        return "no article text after cleaning (too short to be a news story)"
    if clearly_indonesian(text):
        return None
    lang, prob = detect(text)
    if lang == ACCEPT:
        return None
    if lang == "ms":
        # Malay and Indonesian share most words; a close call on Indonesian spelling stays Indonesian.
        ranked = dict(_identifier().rank(text[:SAMPLE])[:2])
        if ranked.get(ACCEPT, 0.0) >= 0.25:
            return None
        if indonesian_outlet:
            _, _, malay = _markers()
            sample = text[:SAMPLE].lower()
            if not _has_malay(sample, set(_WORD.findall(sample)), malay):
                return None
        return f"not Indonesian (looks like Malay, p={prob:.2f})"
    return f"not Indonesian (language '{lang}', p={prob:.2f})"

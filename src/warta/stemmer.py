"""One Indonesian stemmer for the whole pipeline (PySastrawi), cached per word."""

from __future__ import annotations

from functools import cache, lru_cache


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The root of an Indonesian word, lower-case: "mengecam" -> "kecam", "pertemuan" -> "temu"."""
    return _stemmer().stem(word.lower()) or word.lower()


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()

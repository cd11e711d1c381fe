"""One Indonesian stemmer for the whole pipeline (PySastrawi), cached per word in a bounded cache.

PySastrawi's own stemmer (``StemmerFactory().create_stemmer()``) keeps every word it has stemmed in a
dict that never shrinks: on a real corpus, whose vocabulary keeps growing (names, numbers, spellings),
that is memory growing with the corpus in every worker (about 135 bytes a word form, a million forms
and more over millions of articles). warta calls the uncached stemmer inside, word by word exactly as
the cached one does, and keeps the answers in an LRU cache of fixed size instead.
"""

from __future__ import annotations

from functools import cache, lru_cache

STEM_CACHE = 50_000  # word forms; the coder keeps the stems of the forms it has seen (coder._FORMS)


def stem(word: str) -> str:
    """The root of an Indonesian word, lower-case: "mengecam" -> "kecam", "pertemuan" -> "temu"."""
    return _stem_lower(word.lower())


@lru_cache(maxsize=STEM_CACHE)
def _stem_lower(low: str) -> str:
    """:func:`stem` of a lower-case word, cached by it: "Pemerintah" and "pemerintah" are stemmed once."""
    return _stem_text(low) or low


def _stem_text(text: str) -> str:
    """What PySastrawi's cached stemmer returns for ``text``: its normalised words stemmed one by one."""
    from Sastrawi.Stemmer.Filter import TextNormalizer

    stemmer = _stemmer()
    return " ".join(stemmer.stem(w) for w in TextNormalizer.normalize_text(text).split(" "))


@cache
def _stemmer():  # type: ignore[no-untyped-def]
    """PySastrawi's stemmer without its unbounded result cache."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return Stemmer(ArrayDictionary(StemmerFactory().get_words()))

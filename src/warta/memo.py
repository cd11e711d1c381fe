"""A per-word-form memo for the hot loops of the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Forms a memo (and each per-form lru_cache of the pipeline) holds before it starts again: a corpus's
# vocabulary keeps growing, and so did the workers with it. On a synthetic corpus with ten unseen forms an
# article (bench_scale --new-words 10) one worker in process plateaued at 175 MB with 20,000, 227 MB with
# 50,000 and 343 MB with 200,000 (a 100,000-article run with two workers: 909 MB PSS), at the same speed
# (126-128 articles/s): a form missed costs about 0.05 ms (stem and recogniser features) once more.
MAX_FORMS = 20_000


class PerForm(dict[str, Any]):
    """word form -> a value worked out once per form by ``make``, at the first look-up (``__missing__``
    keeps a look-up of a known form in C); emptied when it holds ``MAX_FORMS`` forms."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, form: str) -> Any:
        if len(self) >= MAX_FORMS:
            self.clear()
        got = self[form] = self.make(form)
        return got

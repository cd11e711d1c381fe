"""A per-word-form memo for the hot loops of the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

MAX_FORMS = 200_000  # forms a memo holds before it starts again (a corpus's vocabulary keeps growing)


class PerForm(dict):  # type: ignore[type-arg]
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

"""Counts shown in a pane's header (computed in the loading worker for big documents)."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def count_words(text: str) -> int:
    """Words in ``text`` (letters/digits runs, with inner apostrophes)."""
    return sum(1 for _ in _WORD.finditer(text))

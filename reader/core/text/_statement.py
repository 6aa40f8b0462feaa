"""One statement of a document: a sentence-like unit with its exact offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Statement:
    """One sentence-like unit: ``text == document.text[start:end]``, stripped, non-empty."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0

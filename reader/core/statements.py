"""Split a document's text into paragraphs and statements (sentences) with exact offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.documents import Document


@dataclass(frozen=True)
class Statement:
    """One sentence-like unit: ``text == document.text[start:end]``, stripped, non-empty."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v]*\n\s*")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of paragraphs (separated by blank lines), stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_stripped_span(text, pos, match.start()))
        pos = match.end()
    spans.extend(_stripped_span(text, pos, len(text)))
    return spans


def _stripped_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def split_statements(text: str) -> list[Statement]:
    """Statements of ``text`` in order, covering every non-whitespace character once."""
    statements: list[Statement] = []
    for para_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        pos = p_start
        chunk = text[p_start:p_end]
        cuts = [p_start + m.end() for m in _BOUNDARY.finditer(chunk)]
        for cut in cuts + [p_end]:
            for s, e in _stripped_span(text, pos, cut):
                statements.append(Statement(len(statements), s, e, text[s:e], para_index))
            pos = cut
    return statements


def segment_document(document: Document) -> list[Statement]:
    """Statements of a Document."""
    return split_statements(document.text)

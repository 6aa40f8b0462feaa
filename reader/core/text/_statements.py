"""Split a document's text into paragraphs and statements (sentences) with exact offsets.

The text is cut in three passes, each one only ever adding cuts, so every non-whitespace
character ends up in exactly one statement:

1. paragraphs, separated by blank lines;
2. blocks: inside a paragraph, a line break is kept as a hard break before a list item or an
   attribution dash, after a short line (headline, address, verse) and after a title-cased
   line; the lines of a hard-wrapped paragraph are joined into running text;
3. list items written inline ("1.) first 2.) second"), then sentences (`reader.core.text._boundaries`).
"""

from __future__ import annotations

import re

from reader.core.text._boundaries import sentence_cuts
from reader.core.text._documents import Document
from reader.core.text._statement import Statement
from reader.core.text._statement_list import StatementList

__all__ = ["Statement", "StatementList", "segment_document", "split_paragraphs",
           "split_statements"]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\f\v\r]*\n\s*")
_NEWLINE = re.compile(r"\n")
# A line that starts a list item, a heading or an attribution ("- x", "2. x", "a) x", "—Elon").
_ITEM_LINE = re.compile(
    r"[ \t]*(?:[-*+\u2022\u2043\u25aa\u2023\u25e6\u25cf\u25a0\u25ba\u25b8](?=\s)|#{1,6}\s"
    r"|[\u2013\u2014\u2015]|\(?(?:\d{1,3}|[A-Za-z]|[ivx]{1,4})[.)]\s)"
)
# An inline list: "1.) a 2.) b", "a. x b. y", "• 9. x • 10. y".
_LIST_START = re.compile(
    r"(?P<bullet>[\u2022\u2043\u25aa\u2023\u25e6\u25cf\u25a0\u25ba\u25b8])"
    r"|(?P<number>\d{1,3}|[a-zA-Z])(?P<style>\.\)|\)|\.)\s"
)
_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor with by from as vs".split())
_WRAP_MIN_WIDTH = 30  # lines narrower than this are never treated as hard-wrapped prose
_WRAP_FULL_RATIO = 0.6  # a wrapped line fills at least this share of the widest line


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of paragraphs (separated by blank lines), stripped."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        _append_stripped(spans, text, pos, match.start())
        pos = match.end()
    _append_stripped(spans, text, pos, len(text))
    return spans


def split_statements(text: str) -> StatementList:
    """Statements of ``text`` in order, covering every non-whitespace character once (held
    compactly: a ``Statement`` is made when one is read)."""
    statements = StatementList(text)
    starts, ends, paragraphs = statements.starts, statements.ends, statements.paragraphs
    for paragraph, (p_start, p_end) in enumerate(split_paragraphs(text)):
        spans: list[tuple[int, int]] = []
        for b_start, b_end in _blocks(text, p_start, p_end):
            for i_start, i_end in _list_items(text, b_start, b_end):
                pos = i_start
                for cut in sentence_cuts(text, i_start, i_end):
                    _append_stripped(spans, text, pos, cut)
                    pos = cut
                _append_stripped(spans, text, pos, i_end)
        for start, end in spans:
            starts.append(start)
            ends.append(end)
            paragraphs.append(paragraph)
    return statements


def segment_document(document: Document) -> StatementList:
    """Statements of a Document."""
    return split_statements(document.text)


def _append_stripped(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append ``[start, end)`` without its surrounding whitespace, unless nothing is left."""
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return
    start += len(piece) - len(stripped)
    end = start + len(stripped.rstrip())
    spans.append((start, end))


def _blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a paragraph at the line breaks that end a unit; join hard-wrapped lines."""
    if text.find("\n", start, end) < 0:
        return [(start, end)]
    lines: list[tuple[int, int]] = []
    pos = start
    for newline in _NEWLINE.finditer(text, start, end):
        lines.append((pos, newline.start()))
        pos = newline.end()
    lines.append((pos, end))
    widths = [len(text[s:e].strip()) for s, e in lines]
    widest = max(widths)
    blocks: list[tuple[int, int]] = []
    block_start = start
    for k in range(len(lines) - 1):
        if _hard_break(text, lines[k], lines[k + 1], widths[k], widest):
            blocks.append((block_start, lines[k][1]))
            block_start = lines[k + 1][0]
    blocks.append((block_start, end))
    return blocks


def _hard_break(
    text: str, line: tuple[int, int], next_line: tuple[int, int], width: int, widest: int
) -> bool:
    """True if the break after ``line`` ends a unit rather than wrapping running text."""
    if width == 0 or _ITEM_LINE.match(text, next_line[0], next_line[1]):
        return True
    if widest < _WRAP_MIN_WIDTH or width < _WRAP_FULL_RATIO * widest:
        return True  # a short line: headline, address, verse, last line before a new unit
    return _title_line(text[line[0] : line[1]]) and text[next_line[0] : next_line[1]].lstrip(
        "\"'\u201c\u2018("
    )[:1].isupper()


def _title_line(line: str) -> bool:
    """A headline-looking line: no end punctuation or commas, most words capitalised."""
    line = line.strip()
    if not line or not line[-1].isalnum() or "," in line or ";" in line:
        return False
    words = [w for w in line.split() if w.lower() not in _SMALL_WORDS]
    if len(words) < 2 or len(words) > 15:
        return False
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capitalised >= 0.8 * len(words)


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a block that starts with a list marker before each following item of that list."""
    match = _LIST_START.match(text, start, end)
    if match is None:
        return [(start, end)]
    if match["bullet"]:
        markers = _bullet_positions(text, match["bullet"], start, end)
    else:
        markers = _numbered_positions(text, match["number"], match["style"], start, end)
    bounds = [start, *markers, end]
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _bullet_positions(text: str, bullet: str, start: int, end: int) -> list[int]:
    """Offsets of later occurrences of the same bullet after whitespace."""
    found = []
    pos = text.find(bullet, start + 1, end)
    while pos >= 0:
        if text[pos - 1].isspace():
            found.append(pos)
        pos = text.find(bullet, pos + 1, end)
    return found


def _numbered_positions(text: str, first: str, style: str, start: int, end: int) -> list[int]:
    """Offsets of "2.)", "3.)"... (or "b.", "c."...) that follow "1.)" (or "a.") in order."""
    if first not in "1aA" and first != "0":
        return []
    found = []
    current = first
    pos = start
    while True:
        current = str(int(current) + 1) if current.isdigit() else chr(ord(current) + 1)
        marker = current + style
        pos = text.find(marker, pos + 1, end)
        while pos >= 0 and not _standalone(text, pos, pos + len(marker), end):
            pos = text.find(marker, pos + 1, end)
        if pos < 0:
            return found
        found.append(pos)


def _standalone(text: str, start: int, stop: int, end: int) -> bool:
    """True if ``text[start:stop]`` has whitespace on both sides (inside the block)."""
    return text[start - 1].isspace() and stop < end and text[stop].isspace()

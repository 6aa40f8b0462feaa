"""Selecting text with the mouse or Shift+Left/Right: a part of one statement, or whole
statements.

A selection inside one statement becomes ``Pane.span_ends`` (a kind key then tags exactly
that part); a selection over two or more statements selects those statements (a kind key
tags each of them, as with Shift+J/K). Shift+Right and Shift+Left move the free end of the
part word by word inside the current statement.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.core.anchoring import best_statement
from reader.core.text import statement_starts

if TYPE_CHECKING:
    from reader.core.session._pane import Pane
    from reader.core.session._session import ReadingSession

_WORD = re.compile(r"\S+")


def select_text(session: ReadingSession, pane_index: int, start: int, end: int) -> None:
    """The reader selected ``[start, end)`` of a pane's text (offsets in code points)."""
    pane = session.panes[pane_index]
    if not pane.statements:
        return
    text = pane.document.text
    start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    session.focus(pane_index)
    starts = statement_starts(pane.statements)
    first = best_statement(pane.statements, starts, start, start + 1)
    last = best_statement(pane.statements, starts, max(start, end - 1), max(start + 1, end))
    if first is None or last is None:
        return
    if start >= end:  # a click: no part selected
        session.move_to(pane_index, first)
    elif first != last:
        session.move_to(pane_index, first)
        session.move_to(pane_index, last, extend=True)
    else:
        session.move_to(pane_index, first)
        statement = pane.statements[first]
        pane.span_ends = whole_words(text, start, end, statement.start, statement.end)
        session.announce(pane_index)


def whole_words(text: str, start: int, end: int, low: int = 0, high: int = -1) -> tuple[int, int]:
    """``[start, end)`` widened to whole words, within ``[low, high)``: a drag that begins or
    ends inside a word ("t the decisi") takes the word, as a reader meant ("that the
    decision"); punctuation and spaces at the ends are left as selected."""
    high = len(text) if high < 0 else high
    while low < start < high and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while low < end < high and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _stops(pane: Pane) -> list[int]:
    """Word starts and ends of the current statement (where the free end may stop)."""
    statement = pane.statements[pane.current]
    stops = set()
    for match in _WORD.finditer(statement.text):
        stops.update((statement.start + match.start(), statement.start + match.end()))
    return sorted(stops)


def _extend(session: ReadingSession, forward: bool) -> None:
    pane = session.focused_pane()
    if pane is None or pane.current < 0:
        return
    stops = _stops(pane)
    if not stops:
        return
    if pane.span_ends is None:
        fixed = head = stops[0] if forward else stops[-1]
    else:
        fixed, head = pane.span_ends
    if forward:
        later = [p for p in stops if p > head]
        head = later[1] if later and later[0] in _starts(pane) and len(later) > 1 else (
            later[0] if later else head)
    else:
        earlier = [p for p in stops if p < head]
        head = earlier[-2] if earlier and earlier[-1] not in _starts(pane) and len(
            earlier) > 1 else (earlier[-1] if earlier else head)
    pane.span_ends = (fixed, head)
    session.announce(session.focused)


def _starts(pane: Pane) -> set[int]:
    statement = pane.statements[pane.current]
    return {statement.start + m.start() for m in _WORD.finditer(statement.text)}


def extend_part_right(session: ReadingSession) -> None:
    """Select one more word of the current statement (Shift+Right)."""
    _extend(session, True)


def extend_part_left(session: ReadingSession) -> None:
    """Select one word less, or one more to the left (Shift+Left)."""
    _extend(session, False)

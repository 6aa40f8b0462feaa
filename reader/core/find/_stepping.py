"""Stepping through matches spread over several documents in order: the next or previous
match after a position, moving on to the next document with matches, wrapping around."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Sequence


def step_match(starts: Sequence[Sequence[int]], pane: int, position: int,
               direction: int) -> tuple[int, int] | None:
    """(document, match index) of the match after (``direction`` +1) or before (-1)
    ``position`` in document ``pane``, given each document's sorted match starts; the
    search moves on document by document and wraps. None when there is no match at all.

    ``position`` is the start of the current match; to include a match starting exactly
    at a place (a first step from the reader's statement), pass that place minus one
    going forward."""
    count = len(starts)
    if not 0 <= pane < count:
        return None
    for turn in range(count + 1):
        document = (pane + direction * turn) % count
        hits = starts[document]
        if not len(hits):
            continue
        if turn == 0:
            index = bisect_right(hits, position) if direction > 0 \
                else bisect_left(hits, position) - 1
            if 0 <= index < len(hits):
                return document, index
            if count > 1:
                continue          # on to the next document
            return document, 0 if direction > 0 else len(hits) - 1   # wrap in one
        return document, 0 if direction > 0 else len(hits) - 1
    return None

"""Convert core offsets (Python code points) to Qt text positions (UTF-16 units) and back.

Every character outside the Basic Multilingual Plane (emoji, some CJK, math letters) is one
code point in Python but two UTF-16 units in Qt. An OffsetMap remembers where those
characters are, so a highlight after an emoji still lands on the right words.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Sequence

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class OffsetMap:
    """Code-point <-> UTF-16 conversion for one text, in O(log n) per call.

    ``astral`` holds the code-point index of every astral character, sorted. A text with
    none (the common case) converts with no lookups at all.
    """

    __slots__ = ("astral", "_astral_qt", "length", "qt_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        if text.isascii():
            self.astral: list[int] = []
        else:
            self.astral = [m.start() for m in _ASTRAL.finditer(text)]
        # Qt position of the i-th astral character (its high surrogate).
        self._astral_qt = [cp + i for i, cp in enumerate(self.astral)]
        self.qt_length = self.length + len(self.astral)

    @property
    def identity(self) -> bool:
        """True when both counts agree everywhere (no astral characters)."""
        return not self.astral

    def to_qt(self, offset: int) -> int:
        """Qt position of code-point ``offset`` (clamped to the text)."""
        offset = min(max(offset, 0), self.length)
        if not self.astral:
            return offset
        return offset + bisect_left(self.astral, offset)

    def to_core(self, position: int) -> int:
        """Code-point offset of Qt ``position``; inside a surrogate pair rounds forward."""
        position = min(max(position, 0), self.qt_length)
        if not self._astral_qt:
            return position
        # Astral characters whose both units lie before ``position`` each add one unit.
        whole = bisect_left(self._astral_qt, position - 1)
        return position - whole

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        """A [start, end) code-point span as Qt positions."""
        return self.to_qt(start), self.to_qt(end)

    def many_to_qt(self, offsets: Sequence[int]) -> list[int]:
        """Convert a sorted sequence of offsets in one pass (statement starts, ends)."""
        if not self.astral:
            return [min(max(o, 0), self.length) for o in offsets]
        out: list[int] = []
        k = 0
        astral = self.astral
        n = len(astral)
        for offset in offsets:
            offset = min(max(offset, 0), self.length)
            if k and k <= n and astral[k - 1] >= offset:
                k = bisect_left(astral, offset)  # unsorted input: fall back to a search
            while k < n and astral[k] < offset:
                k += 1
            out.append(offset + k)
        return out


@dataclass(frozen=True)
class TextPositions:
    """A text's OffsetMap and its statements' Qt start and end positions (computed in the
    loading worker so the GUI thread only has to show them)."""

    offsets: OffsetMap
    starts: Sequence[int]   # shared with a StatementList when the text has no astral chars
    ends: Sequence[int]

    @classmethod
    def of(cls, text: str, statements: Sequence[Any]) -> "TextPositions":
        """Positions for ``statements`` of ``text``."""
        from reader.core.text._statement_list import statement_ends, statement_starts

        offsets = OffsetMap(text)
        starts, ends = statement_starts(statements), statement_ends(statements)
        if offsets.identity:  # the common case: Qt positions are the offsets themselves
            return cls(offsets, starts, ends)
        return cls(offsets, offsets.many_to_qt(starts), offsets.many_to_qt(ends))

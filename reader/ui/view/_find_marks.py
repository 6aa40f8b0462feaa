"""Find matches drawn in a DocumentView and its overview strip.

The window's find controller hands each pane a FindMarks (the matches as sorted core
offsets, and which one is current); painting looks up only the matches on screen, by
bisection, so 400,000 matches cost no more to draw than ten.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

if TYPE_CHECKING:
    from reader.ui.view._document_view import DocumentView

#: At most this many matches are painted per frame (a screen rarely shows more).
MAX_PAINTED = 3000


@dataclass
class FindMarks:
    """Matches of the find bar in one pane: ``[starts[i], ends[i])`` in core offsets,
    sorted; ``current`` is the start of the match the reader is at (-1: none here)."""

    starts: Sequence[int] = field(default_factory=list)
    ends: Sequence[int] = field(default_factory=list)
    current: int = -1

    def __len__(self) -> int:
        return len(self.starts)

    def visible(self, first: int, last: int) -> range:
        """Indices of the matches overlapping core offsets ``[first, last)``."""
        return range(bisect_right(self.ends, first), bisect_left(self.starts, last))


def find_colors(view: "DocumentView") -> tuple[QColor, QColor]:
    """Fill of every match and of the current one (light or dark palette)."""
    dark = view.palette().base().color().lightness() < 128
    if dark:
        return QColor(180, 150, 40, 150), QColor(255, 140, 40, 210)
    return QColor(255, 221, 87, 190), QColor(255, 150, 50, 230)


def paint_find_marks(view: "DocumentView", painter: QPainter) -> None:
    """Fill the matches on screen under the text; the current one stronger, outlined."""
    marks = view.marks.find
    if marks is None or not len(marks):
        return
    first, last = view.visible_span()
    fill, current_fill = find_colors(view)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    offsets = view.offsets
    shown = marks.visible(first, last)
    for index in shown[:MAX_PAINTED]:
        rects = view.span_rects(offsets.to_qt(marks.starts[index]), offsets.to_qt(marks.ends[index]))
        is_current = marks.starts[index] == marks.current
        color = current_fill if is_current else fill
        for rect in rects:
            painter.fillRect(rect.adjusted(-1, 0, 1, 0), color)
        if is_current:
            painter.setPen(view.pen(current_fill.darker(150), 1.5))
            for rect in rects:
                painter.drawRoundedRect(rect.adjusted(-1.5, -0.5, 1.5, 0.5), 2, 2)
            painter.setPen(Qt.PenStyle.NoPen)
    painter.restore()


def paint_find_ticks(view: "DocumentView", painter: QPainter, width: float,
                     height: float) -> None:
    """One tick per pixel row of the overview strip that holds a match."""
    marks = view.marks.find
    length = view.offsets.length
    if marks is None or not len(marks) or length <= 0:
        return
    fill, _current = find_colors(view)
    fill.setAlpha(255)
    rows = max(1, int(height))
    for row in range(rows):
        low = row * length // rows
        high = (row + 1) * length // rows
        if bisect_left(marks.starts, low) < bisect_left(marks.starts, max(high, low + 1)):
            painter.fillRect(QRectF(2, row, width - 4, 1.5), fill)

"""Where things are in a DocumentView: visible blocks and statements, line rectangles,
heights of spans, scrolling a position to a given height. A mixin of DocumentView (a
QPlainTextEdit); results are cached until the view scrolls or lays out again.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Sequence

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QFontMetricsF, QTextBlock

from reader.core.text import OffsetMap


class ViewGeometry:
    """Geometry queries over the visible part of a QPlainTextEdit showing statements."""

    offsets: OffsetMap
    starts: list[int]
    ends: list[int]
    statements: Sequence[Any]
    _blocks: list[tuple[QTextBlock, float, float]] | None
    _block_starts: list[int]
    _rects: dict[int, list[QRectF]] | None

    def visible_blocks(self) -> list[tuple[QTextBlock, float, float]]:
        """(block, top, height) of every block on screen, in viewport coordinates."""
        if self._blocks is None:
            blocks = []
            block = self.firstVisibleBlock()
            top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
            bottom_limit = self.viewport().height()
            while block.isValid() and top <= bottom_limit:
                height = self.blockBoundingRect(block).height()
                if block.isVisible():
                    blocks.append((block, top, height))
                top += height
                block = block.next()
            self._blocks = blocks
            self._block_starts = [b.position() for b, _t, _h in blocks]
        return self._blocks

    def visible_statements(self) -> range:
        """Indices of statements at least partly on screen."""
        blocks = self.visible_blocks()
        if not blocks or not self.starts:
            return range(0)
        first = blocks[0][0].position()
        last_block = blocks[-1][0]
        last = last_block.position() + last_block.length()
        return range(bisect_right(self.ends, first), bisect_left(self.starts, last))

    def span_rects(self, qs: int, qe: int) -> list[QRectF]:
        """One rectangle per visible line piece of the Qt span [qs, qe), viewport coords."""
        rects: list[QRectF] = []
        x_offset = self.contentOffset().x()
        blocks = self.visible_blocks()
        first = max(0, bisect_right(self._block_starts, qs) - 1)
        for block, top, _height in blocks[first:]:
            bpos = block.position()
            if bpos + block.length() <= qs:
                continue
            if bpos >= qe:
                break
            layout = block.layout()
            for li in range(layout.lineCount()):
                line = layout.lineAt(li)
                ls = bpos + line.textStart()
                le = ls + line.textLength()
                a, b = max(qs, ls), min(qe, le)
                if a >= b:
                    continue
                x0 = line.cursorToX(a - bpos)[0]
                x1 = line.cursorToX(b - bpos)[0]
                rects.append(QRectF(x_offset + x0, top + line.y(), max(1.0, x1 - x0),
                                    line.height()))
        return rects

    def statement_rects(self, index: int) -> list[QRectF]:
        """Visible line rectangles of statement ``index``."""
        return self.visible_rects().get(index, [])

    def visible_rects(self) -> dict[int, list[QRectF]]:
        """Line rectangles of every statement on screen, found in one pass over the visible
        lines and kept until the view scrolls or re-lays out (painting asks many times)."""
        if self._rects is None:
            rects: dict[int, list[QRectF]] = {}
            x_offset = self.contentOffset().x()
            starts, ends = self.starts, self.ends
            count = len(starts)
            for block, top, _height in self.visible_blocks():
                bpos = block.position()
                layout = block.layout()
                for li in range(layout.lineCount()):
                    line = layout.lineAt(li)
                    ls = bpos + line.textStart()
                    le = ls + line.textLength()
                    y, h = top + line.y(), line.height()
                    i = bisect_right(ends, ls)
                    while i < count and starts[i] < le:
                        a, b = max(ls, starts[i]), min(le, ends[i])
                        if a < b:
                            x0 = line.cursorToX(a - bpos)[0]
                            x1 = line.cursorToX(b - bpos)[0]
                            rects.setdefault(i, []).append(
                                QRectF(x_offset + x0, y, max(1.0, x1 - x0), h))
                        i += 1
            self._rects = rects
        return self._rects

    def visible_span(self) -> tuple[int, int]:
        """Core offsets of the first and last character on screen (roughly, by block)."""
        blocks = self.visible_blocks()
        if not blocks:
            return (0, 0)
        last = blocks[-1][0]
        return (self.offsets.to_core(blocks[0][0].position()),
                self.offsets.to_core(last.position() + last.length()))

    def span_y(self, qs: int, qe: int) -> tuple[float, float]:
        """Top and bottom of a Qt span in viewport y; off-screen parts clamp just outside."""
        blocks = self.visible_blocks()
        height = self.viewport().height()
        if not blocks:
            return (-4.0, -2.0)
        first_pos = blocks[0][0].position()
        last_block = blocks[-1][0]
        end_pos = last_block.position() + last_block.length()
        above, below = -6.0, height + 6.0
        if qe <= first_pos:
            return (above - 2, above)
        if qs >= end_pos:
            return (below, below + 2)
        top = above if qs < first_pos else self._y_at(qs, top_edge=True)
        bottom = below if qe > end_pos else self._y_at(max(qs, qe - 1), top_edge=False)
        return (top, max(bottom, top + 2))

    def _y_at(self, position: int, top_edge: bool) -> float:
        blocks = self.visible_blocks()
        i = bisect_right(self._block_starts, position) - 1
        if 0 <= i < len(blocks):
            block, top, height = blocks[i]
            bpos = block.position()
            if position < bpos + block.length():
                line = block.layout().lineForTextPosition(position - bpos)
                if not line.isValid():
                    return top if top_edge else top + height
                return top + line.y() + (0.0 if top_edge else line.height())
        return self.viewport().height() + 6.0

    def statement_y(self, index: int) -> tuple[float, float]:
        """Viewport y range of statement ``index`` (clamped just outside when off screen)."""
        return self.span_y(self.starts[index], self.ends[index])

    def statement_at_qt(self, position: int) -> int:
        """Statement holding Qt ``position``, else the nearest one before it (or the first)."""
        if not self.starts:
            return -1
        i = bisect_right(self.starts, position) - 1
        return max(0, i)

    def statement_at_point(self, point: QPoint) -> int:
        """Statement under a viewport point (-1 if there are none)."""
        return self.statement_at_qt(self.cursorForPosition(point).position())

    def position_at_y(self, y: float) -> int:
        """Core offset of the text at viewport height ``y``."""
        qt = self.cursorForPosition(QPoint(8, int(y))).position()
        return self.offsets.to_core(qt)

    def line_number_of(self, qt_position: int) -> int:
        """Visual line number (the vertical scroll bar's unit) of a Qt position."""
        block = self.document().findBlock(qt_position)
        if not block.isValid():
            return 0
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out
        line = block.layout().lineForTextPosition(qt_position - block.position())
        return block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)

    def line_height(self) -> float:
        """Height of one text line in pixels."""
        return QFontMetricsF(self.font()).lineSpacing()

    def scroll_position_to(self, core_offset: int, y_fraction: float) -> None:
        """Scroll so the line holding ``core_offset`` sits at ``y_fraction`` of the height."""
        line_no = self.line_number_of(self.offsets.to_qt(core_offset))
        lines_above = int(y_fraction * self.viewport().height() / max(1.0, self.line_height()))
        bar = self.verticalScrollBar()
        bar.setValue(max(bar.minimum(), min(bar.maximum(), line_no - lines_above)))

    def statement_visible(self, index: int, margin: float = 0.0) -> bool:
        """True when the whole statement (or all that fits) is on screen."""
        if not 0 <= index < len(self.starts):
            return False  # a pane whose text is not in yet (a session switch reopens many)
        top, bottom = self.statement_y(index)
        height = self.viewport().height()
        if bottom - top > height:
            return top < height and bottom > 0
        return top >= -margin and bottom <= height + margin

    def reveal_statement(self, index: int, y_fraction: float = 0.3) -> None:
        """Scroll statement ``index`` into view unless it already is."""
        if 0 <= index < len(self.starts) and not self.statement_visible(index):
            self.scroll_position_to(self.statements[index].start, y_fraction)

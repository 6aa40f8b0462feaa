"""The text of one document: a read-only QPlainTextEdit that paints statement marks.

QPlainTextEdit only lays out what is on screen, so a 1 MB document opens and scrolls fast.
Marks (current statement, selection, tags, suggestions, linked partners, word differences)
are painted under the text for the visible statements only, so their cost does not grow
with the document. Positions cross from core offsets to Qt positions through OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (QColor, QFontMetricsF, QKeyEvent, QMouseEvent, QPainter,
                           QPainterPath, QPaintEvent, QPen, QResizeEvent, QTextBlock,
                           QTextOption, QWheelEvent)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from reader.ui.offsets import OffsetMap
from reader.ui.tag_style import ViewColors
from reader.ui.view_tooltip import statement_tooltip

#: Characters per line above which extra width becomes side margins (a comfortable measure).
MEASURE_CHARS = 84


@dataclass
class PaneMarks:
    """What the window wants shown in one pane; the view only reads it when painting."""

    tags: dict[int, Any] = field(default_factory=dict)          # statement -> store Tag
    suggestions: Sequence[Any] | None = None                     # per statement, or None
    current: int = -1
    selection: tuple[int, ...] = ()
    focused: bool = False
    partners: dict[int, float] = field(default_factory=dict)     # statement -> link score
    linked: frozenset[int] = frozenset()                          # statements with any link
    diff: list[tuple[int, int, str]] = field(default_factory=list)  # core start, end, op
    suggest_min: float = 0.8        # suggestions below this confidence show only when current
    link_sides: tuple[bool, bool] = (False, False)   # a linked pane on the left / right


class DocumentView(QPlainTextEdit):
    """Read-only text of one document with statement marks; see module docstring."""

    statementClicked = Signal(int)
    viewportMoved = Signal()
    zoomRequested = Signal(int)     # +1 / -1 steps (Ctrl+wheel)
    focusEntered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        self.marks = PaneMarks()
        self.colors = ViewColors.from_palette(self.palette())
        self.offsets = OffsetMap("")
        self.starts: list[int] = []     # Qt position of each statement's start
        self.ends: list[int] = []
        self.statements: Sequence[Any] = ()
        #: Called with a key event the shortcuts did not take; True if it was handled.
        self.key_fallback: Callable[[QKeyEvent], bool] | None = None
        self._blocks: list[tuple[QTextBlock, float, float]] | None = None
        self._block_starts: list[int] = []
        self._rects: dict[int, list[QRectF]] | None = None
        from reader.ui.mark_margin import MarkMargin

        self.margin = MarkMargin(self)
        self.verticalScrollBar().valueChanged.connect(self._moved)
        self.updateRequest.connect(self._update_requested)
        self._update_margins()

    # -- content ---------------------------------------------------------------------------

    def set_document(self, text: str, statements: Sequence[Any]) -> None:
        """Show ``text`` and remember where its statements lie."""
        self.offsets = OffsetMap(text)
        self.statements = statements
        self.starts = self.offsets.many_to_qt([s.start for s in statements])
        self.ends = self.offsets.many_to_qt([s.end for s in statements])
        self.setPlainText(text)
        self._moved()

    def set_statements(self, statements: Sequence[Any]) -> None:
        """Replace the statement boundaries (same text)."""
        self.statements = statements
        self.starts = self.offsets.many_to_qt([s.start for s in statements])
        self.ends = self.offsets.many_to_qt([s.end for s in statements])
        self.viewport().update()

    def set_colors(self, colors: ViewColors) -> None:
        """Use a new colour set (palette change)."""
        self.colors = colors
        self.viewport().update()
        self.margin.update()

    def refresh(self) -> None:
        """Repaint after ``marks`` changed."""
        self.viewport().update()
        self.margin.update()

    # -- geometry ---------------------------------------------------------------------------

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
        top, bottom = self.statement_y(index)
        height = self.viewport().height()
        if bottom - top > height:
            return top < height and bottom > 0
        return top >= -margin and bottom <= height + margin

    def reveal_statement(self, index: int, y_fraction: float = 0.3) -> None:
        """Scroll statement ``index`` into view unless it already is."""
        if 0 <= index < len(self.starts) and not self.statement_visible(index):
            self.scroll_position_to(self.statements[index].start, y_fraction)

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint marks under the text, then the text, then outlines over it."""
        from reader.ui.mark_painter import paint_overlays, paint_underlays

        if self.starts:
            painter = QPainter(self.viewport())
            try:
                paint_underlays(self, painter)
            finally:
                painter.end()
        super().paintEvent(event)
        if self.starts:
            painter = QPainter(self.viewport())
            try:
                paint_overlays(self, painter)
            finally:
                painter.end()

    def _moved(self, *_: object) -> None:
        self._blocks = None
        self._rects = None
        self.margin.update()
        self.viewportMoved.emit()

    def _update_requested(self, rect: Any, dy: int) -> None:
        self._blocks = None
        self._rects = None
        if dy:
            self.margin.scroll(0, dy)
        else:
            self.margin.update(0, rect.y(), self.margin.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Keep a comfortable measure and place the mark margin."""
        super().resizeEvent(event)
        self._update_margins()
        self._moved()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Zoom changes the margins; a palette change the colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_margins()
            self._moved()
        elif event.type() == QEvent.Type.PaletteChange:
            self.set_colors(ViewColors.from_palette(self.palette()))

    def _update_margins(self) -> None:
        metrics = QFontMetricsF(self.font())
        mark_width = int(metrics.height() * 1.9)
        char = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz ") / 27
        measure = int(char * MEASURE_CHARS)
        spare = max(0, self.width() - mark_width - measure - 24)
        left = mark_width + spare // 2
        self.setViewportMargins(left, 0, spare - spare // 2, 0)
        rect = self.contentsRect()
        self.margin.setGeometry(rect.left(), rect.top(), left, rect.height())
        self.margin.mark_width = mark_width

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click makes the statement under the pointer current."""
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.starts:
            index = self.statement_at_point(event.position().toPoint())
            if index >= 0:
                self.statementClicked.emit(index)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        """Ctrl+wheel zooms every pane together (the window decides)."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoomRequested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Keys the window's shortcuts missed (e.g. '?' on some layouts) go to the keymap."""
        if self.key_fallback is not None and self.key_fallback(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Focus changes the current-statement mark from dim to bright."""
        super().focusInEvent(event)
        self.refresh()
        self.focusEntered.emit()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Tooltips: the tag, note and suggestion of the statement under the pointer."""
        if event.type() == QEvent.Type.ToolTip and self.starts:
            point = event.pos()
            index = self.statement_at_point(point)
            text = statement_tooltip(self, index) if index >= 0 else ""
            if text and any(r.contains(point) for r in self.statement_rects(index)):
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def edge_color(self) -> QColor:
        """Colour of the current statement's outline (dim when the pane lacks focus)."""
        return self.colors.current_edge if self.marks.focused else self.colors.current_dim

    @staticmethod
    def outline_path(rects: list[QRectF], grow: float = 1.5) -> QPainterPath:
        """One rounded outline around a statement's line rectangles."""
        path = QPainterPath()
        for rect in rects:
            path.addRoundedRect(rect.adjusted(-grow, -0.5, grow, 0.5), 3, 3)
        return path.simplified()

    @staticmethod
    def pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
        """A cosmetic pen (helper for the painters)."""
        pen = QPen(color, width, style)
        pen.setCosmetic(True)
        return pen

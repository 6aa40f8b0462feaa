"""The overview strip beside a pane (Meld's chunk map): where links and tags lie along the
whole document, the visible region boxed; click or drag to move there.

Positions are fractions of the text length, both for the marks and for the visible box, so
the strip never has to lay out the whole document. The marks are drawn once into a pixmap
and redrawn only when tags, links or the size change; scrolling just moves the box.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Collection, Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPixmap, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.core.text import statement_starts
from reader.ui.view._find_marks import paint_find_ticks

if TYPE_CHECKING:
    from reader.ui.view import DocumentView

STRIP_WIDTH = 16


def link_rows(starts: Sequence[int], linked: Collection[int], length: int,
              rows: int) -> set[int]:
    """The strip rows (0 .. ``rows``) of the ``linked`` statements, a statement at
    ``starts[i] / length`` of the text: found with a bisection per row drawn, not a step
    per linked statement (a million-statement document may have 100,000 links)."""
    order = sorted(linked)

    def row(i: int) -> int:
        return int(min(1.0, max(0.0, starts[i] / length)) * rows)

    k, end = bisect_left(order, 0), bisect_left(order, len(starts))
    found: set[int] = set()
    while k < end:     # rows grow with the statement: skip past this row's statements
        here = row(order[k])
        found.add(here)
        k = bisect_right(order, here, k + 1, end, key=row)
    return found


class OverviewStrip(QWidget):
    """Vertical map of one DocumentView; doubles as its scroll bar."""

    def __init__(self, view: "DocumentView", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFixedWidth(STRIP_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Overview: links (left) and tags (right); click or drag to move")
        self._pixmap: QPixmap | None = None
        #: Rows of the linked statements, kept while the links and the size stay (a tag
        #: key redraws the marks; a million-statement document may have 100,000 links).
        self._link_rows: tuple[object, tuple[int, int, int], set[int]] | None = None
        view.viewportMoved.connect(self.update)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Fixed width, any height."""
        return QSize(STRIP_WIDTH, 100)

    def invalidate(self) -> None:
        """Tags or links changed: redraw the marks on the next paint."""
        self._pixmap = None
        self.update()

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt API
        """New height: the marks move."""
        self._pixmap = None

    def _fraction(self, offset: int) -> float:
        length = max(1, self.view.offsets.length)
        return min(1.0, max(0.0, offset / length))

    def _marks_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        view = self.view
        colors = view.colors
        pixmap.fill(view.palette().base().color())
        painter = QPainter(pixmap)
        painter.fillRect(QRectF(0, 0, 1, self.height()), view.palette().mid())
        height = self.height()
        width = self.width()
        starts = statement_starts(view.statements)   # a million statements: no objects
        half = width / 2
        marks = view.marks
        # one row per pixel is enough: the strip is at most a few hundred pixels high
        rows: dict[int, str] = {}
        for index, tag in marks.tags.items():
            if 0 <= index < len(starts):
                rows.setdefault(int(self._fraction(starts[index]) * (height - 2)), tag.kind)
        link_rows = self._linked_rows(starts, height)
        link_color = colors.link
        for row in link_rows:
            painter.fillRect(QRectF(2, row, half - 3, 2), link_color)
        for row, kind in rows.items():
            painter.fillRect(QRectF(half, row, half - 2, 2), colors.kind.get(kind, link_color))
        paint_find_ticks(view, painter, width, height - 2)
        painter.end()
        return pixmap

    def _linked_rows(self, starts: Sequence[int], height: int) -> set[int]:
        linked = self.view.marks.linked
        size = (height, len(starts), self.view.offsets.length)
        cached = self._link_rows
        if cached is not None and cached[0] is linked and cached[1] == size:
            return cached[2]
        rows = link_rows(starts, linked, max(1, self.view.offsets.length), height - 2)
        self._link_rows = (linked, size, rows)
        return rows

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Marks from the cached pixmap, then the current statement and the visible box."""
        if self._pixmap is None or self._pixmap.deviceIndependentSize().toSize() != self.size():
            self._pixmap = self._marks_pixmap()
        painter = QPainter(self)
        try:
            painter.drawPixmap(0, 0, self._pixmap)
            self._paint_position(painter)
        finally:
            painter.end()

    def _paint_position(self, painter: QPainter) -> None:
        view = self.view
        height = self.height() - 2
        current = view.marks.current
        if 0 <= current < len(view.statements):
            y = self._fraction(view.statements[current].start) * height
            painter.fillRect(QRectF(0, y - 1, self.width(), 3), view.edge_color())
        top, bottom = self.visible_fractions()
        box = QRectF(0.5, top * height, self.width() - 1, max(4.0, (bottom - top) * height))
        painter.fillRect(box, view.colors.overview_view)
        painter.setPen(view.colors.margin_text)
        painter.drawRect(box)

    def visible_fractions(self) -> tuple[float, float]:
        """Start and end of the visible text as fractions of the document."""
        view = self.view
        if not view.offsets.length:
            return (0.0, 1.0)
        top = view.position_at_y(0)
        bottom = view.position_at_y(view.viewport().height() - 1)
        return (self._fraction(top), self._fraction(max(bottom, top)))

    def _jump(self, y: float) -> None:
        fraction = min(1.0, max(0.0, y / max(1, self.height())))
        self.view.scroll_position_to(int(fraction * self.view.offsets.length), 0.5)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """Click: centre that part of the document."""
        self._jump(event.position().y())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """Drag: follow the pointer."""
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._jump(event.position().y())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt API
        """The wheel over the strip scrolls the text."""
        self.view.wheelEvent(event)

"""The left margin of a DocumentView: a shape per tag (● opinion, ■ claim, ❝ quotation, the
library's own kinds as smaller shapes beside it), hollow shapes for suggestions and for
statements of which only a part is tagged, a pencil for notes and a bar beside the current
statement. While coders are compared, a statement where they differ shows a split mark: each
coder's shape side by side in their order ("–" for a statement the coder left untagged)
beside a dashed bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from reader.ui.view._painter import paint_link_edge, suggestion_kind
from reader.ui.tag_style import note_font, paint_mark

if TYPE_CHECKING:
    from reader.ui.view._document_view import DocumentView


class MarkMargin(QWidget):
    """Child of the view covering its left viewport margin; marks sit at its right edge."""

    def __init__(self, view: "DocumentView") -> None:
        super().__init__(view)
        self.view = view
        self.mark_width = 24
        self.setAccessibleName("Tag marks")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Draw the marks of the statements on screen."""
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self.view.palette().base())
            if self.view.starts:
                self._paint_marks(painter)
        finally:
            painter.end()

    def _paint_marks(self, painter: QPainter) -> None:
        view = self.view
        marks, colors = view.marks, view.colors
        column = self.width() - self.mark_width
        size = min(self.mark_width * 0.5, view.line_height() * 0.62)
        selection = set(marks.selection) if len(marks.selection) > 1 else set()
        painter.setFont(note_font(view.font()))
        if marks.link_sides[0]:
            paint_link_edge(view, painter, 0.0)
        for index in view.visible_statements():
            rects = view.statement_rects(index)
            if not rects:
                continue
            top, bottom = rects[0].top(), rects[-1].bottom()
            center = QPointF(column + self.mark_width * 0.55, rects[0].center().y())
            if index == marks.current or index in selection:
                color = view.edge_color() if index == marks.current else colors.selection_fill
                painter.fillRect(QRectF(column, top, 3.0, bottom - top), color)
            values = marks.compare.get(index)
            if values:
                self._paint_split(painter, values, top, bottom, center.y(), size)
                continue
            left = column + self.mark_width * 0.1  # labels, then the note, leftwards
            small = size * 0.75
            for label in marks.labels.get(index, ()):
                if label.kind in colors.kind and left - small * 1.4 > 0:
                    left -= small * 1.4
                    paint_mark(painter, colors.shape(label.kind),
                               QPointF(left + small * 0.7, center.y()), small,
                               colors.kind[label.kind])
            if marks.notes.get(index):
                painter.setPen(colors.margin_text)
                width = self.mark_width * 0.6
                left = max(0.0, left - width)
                painter.drawText(QRectF(left, rects[0].top(), width, rects[0].height()),
                                 Qt.AlignmentFlag.AlignCenter, "✎")
            tag = marks.tags.get(index)
            if tag is not None and tag.kind in colors.kind:
                paint_mark(painter, colors.shape(tag.kind), center, size, colors.kind[tag.kind])
                continue
            kind = suggestion_kind(view, index)
            if kind is not None and kind in colors.kind:
                paint_mark(painter, kind, center, size, colors.kind[kind], hollow=True)
            elif marks.parts.get(index):  # only a part is tagged: its kind, small and hollow
                part = marks.parts[index][0]
                if part.kind in colors.kind:
                    paint_mark(painter, colors.shape(part.kind), center, small,
                               colors.kind[part.kind], hollow=True)

    def _paint_split(self, painter: QPainter, values: tuple[str, ...], top: float,
                     bottom: float, y: float, size: float) -> None:
        """One coder's value per slot, first coder leftmost, ending at the usual mark."""
        colors = self.view.colors
        column = self.width() - self.mark_width
        pen = QPen(colors.changed, 2.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(column + 1.0, top), QPointF(column + 1.0, bottom))
        small = size * 0.8
        step = small * 1.35
        right = column + self.mark_width * 0.55
        for slot, value in enumerate(values):
            x = right - (len(values) - 1 - slot) * step
            if value in colors.kind:
                paint_mark(painter, value, QPointF(x, y), small, colors.kind[value])
            elif value:  # "none": the coder left it untagged
                painter.setPen(colors.margin_text)
                painter.drawText(QRectF(x - step / 2, y - small, step, small * 2),
                                 Qt.AlignmentFlag.AlignCenter, "–")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click in the margin selects the statement on that line."""
        view = self.view
        point = event.position().toPoint()
        index = view.statement_at_point(point.__class__(4, point.y()))
        if index >= 0:
            view.statementClicked.emit(index)
            view.setFocus(Qt.FocusReason.MouseFocusReason)

"""Painting of statement marks inside a DocumentView: under the text (fills) and over it
(outlines, underlines). Only statements on screen are visited."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from reader.ui.view._find_marks import paint_find_marks

if TYPE_CHECKING:
    from reader.ui.view._document_view import DocumentView

def suggestion_kind(view: "DocumentView", index: int, outline: bool = False) -> str | None:
    """The kind suggested for an untagged statement, or None when there is none worth
    showing (``outline``: worth outlining in the text, i.e. confident or current)."""
    marks = view.marks
    suggestions = marks.suggestions
    if not suggestions or index >= len(suggestions) or index in marks.tags:
        return None
    suggestion = suggestions[index]
    kind = getattr(suggestion, "kind", None) if suggestion is not None else None
    if not kind:
        return None
    confidence = float(getattr(suggestion, "confidence", 0.0) or 0.0)
    if index == marks.current and (marks.focused or not outline):
        return kind     # the current statement shows what Space would do
    if outline:
        return None     # in the text only the current statement's suggestion is outlined
    return kind if confidence >= marks.suggest_min else None


def paint_underlays(view: "DocumentView", painter: QPainter) -> None:
    """Fills: tag tints, selection, linked partners, current statement, word differences."""
    marks, colors = view.marks, view.colors
    selection = set(marks.selection) if len(marks.selection) > 1 else set()
    painter.setPen(Qt.PenStyle.NoPen)
    for index in view.visible_statements():
        rects = view.statement_rects(index)
        if not rects:
            continue
        fills: list[QColor] = []
        tag = marks.tags.get(index)
        if tag is not None and tag.kind in colors.tint:
            fills.append(colors.tint[tag.kind])
        if index in marks.partners:
            fills.append(colors.partner_fill)
        if index in selection:
            fills.append(colors.selection_fill)
        elif index == marks.current and marks.focused:
            fills.append(colors.current_fill)
        for color in fills:
            for rect in rects:
                painter.fillRect(rect, color)
        for tag in marks.parts.get(index, ()):
            if tag.kind in colors.tint:
                for rect in _part_rects(view, tag):
                    painter.fillRect(rect, colors.tint[tag.kind])
    paint_find_marks(view, painter)


def _part_rects(view: "DocumentView", tag: object) -> list[QRectF]:
    start, end = view.offsets.span_to_qt(tag.start, tag.end)  # type: ignore[attr-defined]
    return view.span_rects(start, end)


def paint_parts(view: "DocumentView", painter: QPainter) -> None:
    """Tags of parts of statements: a solid underline in the kind's colour under exactly
    the tagged words (whole statements are tinted, never underlined)."""
    marks, colors = view.marks, view.colors
    for index in view.visible_statements():
        for tag in marks.parts.get(index, ()):
            color = colors.kind.get(tag.kind, colors.margin_text)
            for rect in _part_rects(view, tag):
                painter.fillRect(QRectF(rect.left(), rect.bottom() - 2.5, rect.width(), 2.5),
                                 color)


def paint_overlays(view: "DocumentView", painter: QPainter) -> None:
    """Outlines: suggestions (dashed, in the kind colour), partners, the current statement's
    candidates (dashed) and the one `l` links (solid), the current statement;
    and a thick underline under differing words."""
    marks, colors = view.marks, view.colors
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for index in view.visible_statements():
        kind = suggestion_kind(view, index, outline=True)
        is_partner = index in marks.partners
        is_current = index == marks.current
        is_candidate = index in marks.candidates or index == marks.target
        if kind is None and not is_partner and not is_current and not is_candidate:
            continue
        rects = view.statement_rects(index)
        if not rects:
            continue
        if kind is not None and kind in colors.kind:
            painter.setPen(view.pen(colors.kind[kind], 1.5, Qt.PenStyle.DashLine))
            painter.drawPath(view.outline_path(rects, grow=2.5))
        if is_partner:
            painter.setPen(view.pen(colors.partner_edge, 1.5))
            painter.drawPath(view.outline_path(rects))
        if is_candidate:
            # the current statement's candidates: dashed; the one `l` links: solid, thicker
            target = index == marks.target
            painter.setPen(view.pen(colors.partner_edge, 2.4 if target else 1.3,
                                    Qt.PenStyle.SolidLine if target else Qt.PenStyle.DashLine))
            painter.drawPath(view.outline_path(rects, grow=3.0 if target else 1.5))
        if is_current:
            width = 2.0 if marks.focused else 1.0
            painter.setPen(view.pen(view.edge_color(), width))
            painter.drawPath(view.outline_path(rects))
    paint_parts(view, painter)
    for rect, op in _diff_rects(view):
        # differences are underlined, never filled: fills mean tags
        color = _diff_color(view, op)
        base = rect.bottom() - 1.5
        if op == "removed":
            pen = view.pen(color, 2.0, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(rect.left(), base), QPointF(rect.right(), base))
        else:
            painter.fillRect(QRectF(rect.left(), base - 1.0, rect.width(), 2.0), color)
    if marks.link_sides[1]:
        paint_link_edge(view, painter, view.viewport().width() - LINK_EDGE)


LINK_EDGE = 4.0


def paint_link_edge(view: "DocumentView", painter: QPainter, x: float) -> None:
    """A bar beside each linked statement on the side facing the link gutter, so the
    ribbons visibly end at the passages they join."""
    marks, colors = view.marks, view.colors
    if not marks.linked:
        return
    hot = {marks.current} if marks.focused else set(marks.partners)
    for index in view.visible_statements():
        if index not in marks.linked:
            continue
        top, bottom = view.statement_y(index)
        color = colors.link_current if index in hot else colors.link
        painter.fillRect(QRectF(x, top, LINK_EDGE, bottom - top), color)


def _diff_color(view: "DocumentView", op: str) -> QColor:
    colors = view.colors
    return {"removed": colors.removed, "added": colors.added}.get(op, colors.changed)


def _diff_rects(view: "DocumentView") -> list[tuple[QRectF, str]]:
    out: list[tuple[QRectF, str]] = []
    if not view.marks.diff:
        return out
    offsets = view.offsets
    for start, end, op in view.marks.diff:
        for rect in view.span_rects(offsets.to_qt(start), offsets.to_qt(end)):
            out.append((rect, op))
    return out

"""The link map between two adjacent panes: curved ribbons joining linked passages.

Each ribbon runs from a passage's lines in the left pane to its partner's lines in the right
pane (two cubic curves, as in Meld's link map), filled more strongly the higher the score.
Ribbons touching the current statement (or its partners) are drawn last, bright and outlined.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import QPoint, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from reader.ui.view import PaneWidget

GUTTER_WIDTH = 72
#: Cool ribbons are shaded in this many steps of score.
SCORE_BANDS = 3
#: With more links than this between two panes, cool ribbons are drawn without
#: antialiasing (it costs several milliseconds per scroll step).
SMOOTH_RIBBONS = 200


class LinkGutter(QWidget):
    """Draws the links between ``left`` and ``right`` panes; ``links`` are core PassageLinks
    oriented left -> right (left_span in the left pane's document)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left: "PaneWidget | None" = None
        self.right: "PaneWidget | None" = None
        self.links: Sequence[Any] = ()
        #: (left span, right span, score) of the current statement's possible partners.
        self.possible: tuple[tuple[tuple[int, int], tuple[int, int], float], ...] = ()
        self.setMinimumWidth(GUTTER_WIDTH // 2)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between panes")
        self.setToolTip("Linked passages: darker ribbons score higher; the bright one belongs "
                        "to the current statement; dashed ones are its possible partners")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """The gutter's natural width."""
        return QSize(GUTTER_WIDTH, 200)

    def set_panes(self, left: "PaneWidget", right: "PaneWidget") -> None:
        """Join these two panes; repaint when either scrolls."""
        for pane in (self.left, self.right):
            if pane is not None:
                try:
                    pane.view.viewportMoved.disconnect(self.update)
                except (RuntimeError, TypeError):
                    pass
        self.left, self.right = left, right
        left.view.viewportMoved.connect(self.update)
        right.view.viewportMoved.connect(self.update)
        self.setAccessibleName(f"Links between {left.title} and {right.title}")
        self.update()

    def set_links(self, links: Sequence[Any]) -> None:
        """Show these links (left -> right)."""
        self.links = tuple(links)
        self._by_left = _SpanIndex([link.left_span for link in self.links])
        self._by_right = _SpanIndex([link.right_span for link in self.links])
        self.update()

    def set_possible(self, items: Sequence[tuple[tuple[int, int], tuple[int, int], float]]
                     ) -> None:
        """Show these unconfirmed candidate pairs (left span, right span, score) dashed."""
        items = tuple(items)
        if items != self.possible:
            self.possible = items
            self.update()

    _by_left: "_SpanIndex | None" = None
    _by_right: "_SpanIndex | None" = None

    def _candidates(self) -> list[Any]:
        """Links with an end on screen in either pane (others cannot be seen)."""
        assert self.left is not None and self.right is not None
        if self._by_left is None or self._by_right is None:
            return list(self.links)
        found = self._by_left.overlapping(*self.left.view.visible_span())
        found |= self._by_right.overlapping(*self.right.view.visible_span())
        return [self.links[i] for i in sorted(found)]

    def _viewport_top(self, pane: "PaneWidget") -> float:
        viewport = pane.view.viewport()
        return float(self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).y())

    def ribbons(self) -> list[tuple[QPainterPath, float, bool]]:
        """(path, score, hot) for every link with at least one end on screen."""
        if self.left is None or self.right is None or not self.links:
            return []
        lhot, rhot = self.left.hot_statements(), self.right.hot_statements()
        out = []
        for link in self._candidates():
            path = self._path(link.left_span, link.right_span)
            if path is None:
                continue
            hot = bool(lhot.intersection(link.left_statements)
                       or rhot.intersection(link.right_statements))
            out.append((path, float(link.score), hot))
        return out

    def possible_ribbons(self) -> list[tuple[QPainterPath, float]]:
        """(path, score) for each possible partner of the current statement on screen."""
        if self.left is None or self.right is None:
            return []
        out = []
        for left_span, right_span, score in self.possible:
            path = self._path(left_span, right_span)
            if path is not None:
                out.append((path, score))
        return out

    def _path(self, left_span: tuple[int, int], right_span: tuple[int, int]
              ) -> QPainterPath | None:
        """The ribbon joining two spans, or None when both ends are off screen."""
        assert self.left is not None and self.right is not None
        lview, rview = self.left.view, self.right.view
        if not lview.starts or not rview.starts:
            return None
        ltop, rtop = self._viewport_top(self.left), self._viewport_top(self.right)
        l0, l1 = lview.span_y(*lview.offsets.span_to_qt(*left_span))
        r0, r1 = rview.span_y(*rview.offsets.span_to_qt(*right_span))
        l0, l1, r0, r1 = l0 + ltop, l1 + ltop, r0 + rtop, r1 + rtop
        lbottom = ltop + lview.viewport().height()
        rbottom = rtop + rview.viewport().height()
        if (l1 < ltop and r1 < rtop) or (l0 > lbottom and r0 > rbottom):
            return None
        return _ribbon(float(self.width()), l0, l1, r0, r1)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Cool ribbons first, the hot ones on top."""
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self.palette().window())
            if self.left is not None:
                self._paint_ribbons(painter)
        finally:
            painter.end()

    def _paint_ribbons(self, painter: QPainter) -> None:
        assert self.left is not None
        colors = self.left.view.colors
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        # Cool ribbons go in three bands of score, one fill each (a scroll step then
        # costs three fills, not one per ribbon); hot ones are drawn on top, outlined.
        bands: dict[int, QPainterPath] = {}
        hot_paths = []
        for path, score, hot in self.ribbons():
            if hot:
                hot_paths.append((score, path))
                continue
            band = min(SCORE_BANDS - 1, max(0, int(score * SCORE_BANDS)))
            merged = bands.setdefault(band, QPainterPath())
            merged.setFillRule(Qt.FillRule.WindingFill)
            merged.addPath(path)
        # smooth edges unless many ribbons are on screen (then speed matters more)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                              len(self.links) <= SMOOTH_RIBBONS)
        for band, merged in sorted(bands.items()):
            fill = QColor(colors.link)
            fill.setAlpha(int(40 + 150 * (band + 0.5) / SCORE_BANDS))
            painter.fillPath(merged, fill)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for score, path in sorted(hot_paths, key=lambda item: item[0]):
            fill = QColor(colors.link_current)
            fill.setAlpha(int(170 + 70 * min(1.0, max(0.0, score))))
            painter.fillPath(path, fill)
            painter.strokePath(path, QPen(colors.link_current, 1.6))
        # possible partners: a faint fill and a dashed outline (not links, candidates)
        for path, _score in self.possible_ribbons():
            fill = QColor(colors.link_current)
            fill.setAlpha(40)
            painter.fillPath(path, fill)
            painter.strokePath(path, QPen(colors.link_current, 1.4, Qt.PenStyle.DashLine))


class _SpanIndex:
    """Spans sorted by start, to find those overlapping a range without a full scan."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        order = sorted(range(len(spans)), key=lambda i: spans[i][0])
        self.order = order
        self.starts = [spans[i][0] for i in order]
        self.ends = [spans[i][1] for i in order]
        self.longest = max((e - s for s, e in spans), default=0)

    def overlapping(self, start: int, end: int) -> set[int]:
        """Indices (into the original list) of spans meeting [start, end)."""
        low = bisect_left(self.starts, start - self.longest)
        high = bisect_left(self.starts, end)
        return {self.order[k] for k in range(low, high) if self.ends[k] > start}


def _ribbon(width: float, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
    """Closed band: down the left edge, curve across, up the right edge, curve back."""
    mid = width / 2
    path = QPainterPath(QPointF(0, l0))
    path.cubicTo(QPointF(mid, l0), QPointF(mid, r0), QPointF(width, r0))
    path.lineTo(QPointF(width, r1))
    path.cubicTo(QPointF(mid, r1), QPointF(mid, l1), QPointF(0, l1))
    path.closeSubpath()
    return path


def flip_link(link: Any) -> Any:
    """The same passage link seen from the other side (right becomes left)."""
    return type(link)(left=link.right, right=link.left, left_statements=link.right_statements,
                      right_statements=link.left_statements, left_span=link.right_span,
                      right_span=link.left_span, score=link.score, manual=link.manual)


"""The link map between two adjacent panes (Meld's link map, for prose).

Drawn back to front:
1. related paragraphs: wide, very faint bands joining whole paragraphs;
2. candidates: every statement's best partners that are not linked, as thin curves whose
   width and opacity grow with the score (from the floor up to the link threshold);
3. links: filled ribbons between linked passages, darker the higher the score;
4. the current statement: its links bright and outlined; its candidates as faint ribbons with
   a dashed edge, and the one `l` would link with a solid edge.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.ui.links._gutter_paint import SMOOTH_RIBBONS, paint_gutter
from reader.ui.links._ribbons import CurrentEnds, curve, meets, ribbon
from reader.ui.models import PairIndex, Passage, passages, visible_faint, visible_links

if TYPE_CHECKING:
    from reader.ui.view import PaneWidget

GUTTER_WIDTH = 96


class LinkGutter(QWidget):
    """Draws the correspondence between the ``left`` and ``right`` panes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left: "PaneWidget | None" = None
        self.right: "PaneWidget | None" = None
        self.index = PairIndex()
        self.threshold = 1.0
        self.floor = 0.0
        self.current: CurrentEnds | None = None
        #: ((index, threshold, visible rows), their passages): a paint during a key press
        #: or a load draws the same rows again, and grouping them takes tens of ms
        self._passages: tuple[tuple[object, ...], list[Passage]] | None = None
        self.setMinimumWidth(GUTTER_WIDTH // 2)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Links between panes")
        self.setToolTip("Filled ribbons: links (darker scores higher). Thin curves: each "
                        "statement's best candidates, thicker when stronger. Wide pale bands: "
                        "related paragraphs. The current statement's candidates are outlined; "
                        "the solid one is what l links.")

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

    def set_correspondence(self, index: PairIndex, threshold: float, floor: float) -> None:
        """Draw this pair's correspondence with links from ``threshold`` (candidates from
        ``floor``); nothing else is worked out until painting, for what is on screen."""
        if index is not self.index or (threshold, floor) != (self.threshold, self.floor):
            self.index, self.threshold, self.floor = index, threshold, floor
            self.update()

    def set_current(self, ends: CurrentEnds | None) -> None:
        """The current statement's end of this gutter, or None when it is not beside it."""
        if ends != self.current:
            self.current = ends
            self.update()

    # -- geometry ---------------------------------------------------------------------------

    def _viewport_top(self, pane: "PaneWidget") -> float:
        viewport = pane.view.viewport()
        return float(self.mapFromGlobal(viewport.mapToGlobal(QPoint(0, 0))).y())

    def _frame(self) -> tuple[float, float]:
        """Where both panes' viewports start, in gutter y (once per drawing pass)."""
        assert self.left is not None and self.right is not None
        return self._viewport_top(self.left), self._viewport_top(self.right)

    def _ends(self, left_span: tuple[int, int], right_span: tuple[int, int],
              frame: tuple[float, float]) -> tuple[float, float, float, float] | None:
        """Gutter y of both spans' tops and bottoms, or None when both are off screen."""
        assert self.left is not None and self.right is not None
        lview, rview = self.left.view, self.right.view
        if not lview.starts or not rview.starts:
            return None
        ltop, rtop = frame
        l0, l1 = lview.span_y(*lview.offsets.span_to_qt(*left_span))
        r0, r1 = rview.span_y(*rview.offsets.span_to_qt(*right_span))
        l0, l1, r0, r1 = l0 + ltop, l1 + ltop, r0 + rtop, r1 + rtop
        lbottom = ltop + lview.viewport().height()
        rbottom = rtop + rview.viewport().height()
        if (l1 < ltop and r1 < rtop) or (l0 > lbottom and r0 > rbottom):
            return None
        return l0, l1, r0, r1

    def _path(self, left_span: tuple[int, int], right_span: tuple[int, int],
              frame: tuple[float, float]) -> QPainterPath | None:
        ends = self._ends(left_span, right_span, frame)
        return None if ends is None else ribbon(float(self.width()), *ends)

    def _rows(self) -> tuple[range, range]:
        assert self.left is not None and self.right is not None
        return self.left.view.visible_statements(), self.right.view.visible_statements()

    def passages(self) -> list[Passage]:
        """Linked passages with an end on screen (adjacent linked pairs grouped)."""
        if self.left is None or self.right is None or not self.index.links_left:
            return []
        rows = self._rows()
        cached = self._passages
        if (cached is not None and cached[0][0] is self.index
                and cached[0][1:] == (self.threshold, rows)):
            return list(cached[1])
        found = passages(visible_links(self.index, self.threshold, *rows))
        self._passages = ((self.index, self.threshold, rows), found)
        return list(found)

    @property
    def links(self) -> list[Passage]:
        """The linked passages on screen (the same as ``passages()``)."""
        return self.passages()

    def _passage_spans(self, passage: Passage) -> tuple[tuple[int, int], tuple[int, int]] | None:
        assert self.left is not None and self.right is not None
        lst, rst = self.left.view.statements, self.right.view.statements
        first, last = passage.left_statements[0], passage.left_statements[-1]
        top, bottom = passage.right_statements[0], passage.right_statements[-1]
        if last >= len(lst) or bottom >= len(rst):
            return None
        return (lst[first].start, lst[last].end), (rst[top].start, rst[bottom].end)

    def ribbons(self) -> list[tuple[QPainterPath, float, bool]]:
        """(path, score, hot) for every linked passage with at least one end on screen."""
        if self.left is None or self.right is None:
            return []
        lhot, rhot = self.left.hot_statements(), self.right.hot_statements()
        out = []
        frame = self._frame()
        for passage in self.passages():
            spans = self._passage_spans(passage)
            path = None if spans is None else self._path(*spans, frame)
            if path is None:
                continue
            hot = bool(lhot.intersection(passage.left_statements)
                       or rhot.intersection(passage.right_statements))
            out.append((path, float(passage.score), hot))
        return out

    def faint_curves(self) -> list[tuple[QPainterPath, float, int, int]]:
        """(curve, score, left statement, right statement) for each unlinked candidate pair
        with an end on screen (the current statement's own are drawn apart). Between
        documents with many links, only for statements without one (speed, and clutter)."""
        if self.left is None or self.right is None or not self.index.by_left:
            return []
        lview, rview = self.left.view, self.right.view
        out = []
        frame = self._frame()
        skip = self._current_pairs()
        busy = len(self.index.links_left) > SMOOTH_RIBBONS
        index, threshold = self.index, self.threshold
        for i, j, score in visible_faint(index, threshold, *self._rows()):
            if (i, j) in skip or not (0 <= i < len(lview.statements)
                                      and 0 <= j < len(rview.statements)):
                continue
            if busy and (index.linked(i, True, threshold) or index.linked(j, False, threshold)):
                continue
            ls, rs = lview.statements[i], rview.statements[j]
            ends = self._ends((ls.start, ls.end), (rs.start, rs.end), frame)
            if ends is not None:
                out.append((curve(float(self.width()), *ends), score, i, j))
        return out

    def bands(self) -> list[tuple[QPainterPath, float]]:
        """(band, score) for related paragraphs with an end on screen, behind the statement
        ribbons. Between documents with many links only those no link joins are drawn (there
        the ribbons already say it, and overlapping bands cost most of a scroll step)."""
        if self.left is None or self.right is None:
            return []
        out = []
        frame = self._frame()
        lview, rview = self.left.view, self.right.view
        linked: list[tuple[tuple[int, int], tuple[int, int]]] = []
        if len(self.index.links_left) > SMOOTH_RIBBONS:
            linked = [spans for spans in map(self._passage_spans, self.passages()) if spans]
        for band in self.index.bands_near(lview.visible_span(), rview.visible_span()):
            if any(meets(band.left_span, ls) and meets(band.right_span, rs)
                   for ls, rs in linked):
                continue
            path = self._path(band.left_span, band.right_span, frame)
            if path is not None:
                out.append((path, band.score))
        return out

    def current_ribbons(self) -> list[tuple[QPainterPath, float, bool]]:
        """(ribbon, score, is the `l` target) for the current statement's unlinked
        candidates on the other side of this gutter."""
        ends = self.current
        if ends is None or self.left is None:
            return []
        out = []
        frame = self._frame()
        for other, (score, linked) in ends.partners.items():
            if linked or other not in ends.spans:
                continue
            spans = (ends.span, ends.spans[other]) if ends.left_side else \
                (ends.spans[other], ends.span)
            path = self._path(*spans, frame)
            if path is not None:
                out.append((path, score, other == ends.target))
        return out

    def _current_pairs(self) -> set[tuple[int, int]]:
        ends = self.current
        if ends is None:
            return set()
        return {(ends.statement, o) if ends.left_side else (o, ends.statement)
                for o in ends.partners}

    # -- painting ---------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Bands, candidates, links, then the current statement's on top."""
        painter = QPainter(self)
        try:
            painter.fillRect(event.rect(), self.palette().window())
            if self.left is not None:
                paint_gutter(self, painter)
        finally:
            painter.end()

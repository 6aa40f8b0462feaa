"""The text of one document: a read-only QPlainTextEdit that paints statement marks.

QPlainTextEdit only lays out what is on screen, so a 1 MB document opens and scrolls fast.
Marks (current statement, selection, tags, suggestions, partners, word differences) are
painted under the visible statements only; core offsets cross to Qt through OffsetMap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QContextMenuEvent, QFontMetricsF, QKeyEvent, QMouseEvent,
                           QPainter, QPainterPath, QPaintEvent, QPalette, QPen, QResizeEvent,
                           QTextBlock, QTextCursor, QTextOption, QWheelEvent)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from reader.core.text import OffsetMap, TextPositions, statement_ends, statement_starts
from reader.ui.tag_style import ViewColors
from reader.ui.view._filling import TextFiller
from reader.ui.view._find_marks import FindMarks
from reader.ui.view._geometry import ViewGeometry
from reader.ui.view._tooltip import statement_tooltip

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
    candidates: dict[int, float] = field(default_factory=dict)   # unlinked, drawn: -> score
    target: int = -1                # the statement `l` would link the current one to
    linked: frozenset[int] = frozenset()                          # statements with any link
    diff: list[tuple[int, int, str]] = field(default_factory=list)  # core start, end, op
    suggest_min: float = 0.8        # suggestions below this confidence show only when current
    link_sides: tuple[bool, bool] = (False, False)   # a linked pane on the left / right
    #: While comparing coders: statement -> each coder's value where they differ
    #: (a kind, "none", or "" for a coder who did not code the document)
    compare: dict[int, tuple[str, ...]] = field(default_factory=dict)
    labels: dict[int, list[Any]] = field(default_factory=dict)  # statement -> own-kind tags
    parts: dict[int, list[Any]] = field(default_factory=dict)   # statement -> tags of parts
    notes: dict[int, list[str]] = field(default_factory=dict)   # statement -> note texts
    span: tuple[int, int] | None = None     # a selected part of the current statement
    find: FindMarks | None = None                    # matches of the find bar


class DocumentView(ViewGeometry, QPlainTextEdit):
    """Read-only text of one document with statement marks; see module docstring."""

    statementClicked = Signal(int)
    textSelected = Signal(int, int)             # core start, end of a mouse selection
    contextRequested = Signal(int, QPoint)      # statement, global position
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
        self.kinds: tuple[Any, ...] = ()    # the library's codebook (colours, shapes)
        self.colors = ViewColors.from_palette(self.palette())
        self.offsets = OffsetMap("")
        self._text = ""
        self.starts: Sequence[int] = []     # Qt position of each statement's start
        self.ends: Sequence[int] = []
        self.statements: Sequence[Any] = ()
        #: Called with a key event the shortcuts did not take; True if it was handled.
        self.key_fallback: Callable[[QKeyEvent], bool] | None = None
        self._blocks: list[tuple[QTextBlock, float, float]] | None = None
        self._block_starts: list[int] = []
        self._rects: dict[int, list[QRectF]] | None = None
        from reader.ui.view._margin import MarkMargin

        self.margin = MarkMargin(self)
        self.filler = TextFiller(self)
        self.verticalScrollBar().valueChanged.connect(self._moved)
        self.updateRequest.connect(self._update_requested)
        self._update_margins(self.viewport().size())
        self.setBackgroundRole(QPalette.ColorRole.Base)   # the side margins read as page
        self.setAutoFillBackground(True)

    # -- content ---------------------------------------------------------------------------

    def set_document(self, text: str, statements: Sequence[Any],
                     positions: TextPositions | None = None) -> None:
        """Show ``text`` and remember where its statements lie (``positions`` computed
        already, or None)."""
        positions = positions or TextPositions.of(text, statements)
        self.offsets = positions.offsets
        self._text = text
        self.statements = statements
        self.starts = positions.starts
        self.ends = positions.ends
        self.filler.fill(text)   # a big text in pieces: the window keeps answering keys
        self._moved()

    def set_statements(self, statements: Sequence[Any]) -> None:
        """Replace the statement boundaries (same text)."""
        self.statements = statements
        starts, ends = statement_starts(statements), statement_ends(statements)
        if not self.offsets.identity:
            starts, ends = self.offsets.many_to_qt(starts), self.offsets.many_to_qt(ends)
        self.starts, self.ends = starts, ends
        self.viewport().update()

    def set_colors(self, colors: ViewColors) -> None:
        """Use a new colour set (palette change)."""
        self.colors = colors
        self.viewport().update()
        self.margin.update()

    def document_text(self) -> str:
        """The document's text as the core sees it (for tooltips of tagged parts)."""
        return self._text

    def set_kinds(self, kinds: Sequence[Any]) -> None:
        """Use the library's codebook for the colours and shapes of its own kinds."""
        self.kinds = tuple(kinds)
        self.set_colors(ViewColors.from_palette(self.palette(), self.kinds))

    def show_span(self, span: tuple[int, int] | None) -> None:
        """Select a part of the text (core offsets) as the text selection, or clear the
        selection: what is selected is always what a kind key would tag."""
        cursor = self.textCursor()
        if span is None:
            if cursor.hasSelection():
                cursor.clearSelection()
                self.setTextCursor(cursor)
            return
        start, end = self.offsets.span_to_qt(*span)
        if (cursor.selectionStart(), cursor.selectionEnd()) != (start, end):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def refresh(self) -> None:
        """Repaint after ``marks`` changed."""
        self.viewport().update()
        self.margin.update()

    # -- painting ----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Paint marks under the text, then the text, then outlines over it."""
        from reader.ui.view._painter import paint_overlays, paint_underlays

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
        self._update_margins(event.size())
        self._moved()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Zoom changes the margins; a palette change the colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._update_margins(self.viewport().size())
            self._moved()
        elif event.type() == QEvent.Type.PaletteChange:
            self.set_colors(ViewColors.from_palette(self.palette(), self.kinds))

    def _update_margins(self, wrapped_at: QSize) -> None:
        """Side margins for the measure (``wrapped_at``: the size the text is wrapped for)."""
        metrics = QFontMetricsF(self.font())
        mark_width = int(metrics.height() * 1.9)
        char = metrics.horizontalAdvance("abcdefghijklmnopqrstuvwxyz ") / 27
        measure = int(char * MEASURE_CHARS)
        # room left of the mark for a note's pencil and the labels of the library's kinds
        extra = int(metrics.height() * 1.9)
        spare = max(0, self.width() - mark_width - extra - measure - 24)
        left = mark_width + extra + spare // 2
        self.setViewportMargins(left, 0, spare - spare // 2, 0)
        rect = self.contentsRect()
        self.margin.setGeometry(rect.left(), rect.top(), left, rect.height())
        self.margin.mark_width = mark_width
        if self.viewport().width() != wrapped_at.width():
            # set inside a resize, Qt's nested event hides the change: wrap again ourselves
            super().resizeEvent(QResizeEvent(self.viewport().size(), wrapped_at))

    # -- input ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A click makes the statement under the pointer current."""
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.starts:
            index = self.statement_at_point(event.position().toPoint())
            if index >= 0:
                self.statementClicked.emit(index)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt API
        """A drag over text selects it: a part of a statement, or whole statements."""
        super().mouseReleaseEvent(event)
        cursor = self.textCursor()
        if event.button() == Qt.MouseButton.LeftButton and cursor.hasSelection():
            self.textSelected.emit(self.offsets.to_core(cursor.selectionStart()),
                                   self.offsets.to_core(cursor.selectionEnd()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt API
        """Right-click on a statement: the window offers what can be done with it."""
        index = self.statement_at_point(event.pos()) if self.starts else -1
        if index < 0:
            super().contextMenuEvent(event)
            return
        self.contextRequested.emit(index, event.globalPos())
        event.accept()

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

"""One document pane: a header (title, counts, move and close buttons), the text, and the
overview strip that doubles as its scroll bar."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QSizePolicy, QToolButton, QVBoxLayout,
                               QWidget)

from reader.ui.view._document_view import DocumentView
from reader.ui.view._elided import ElidedLabel
from reader.ui.view._notice import NoticeBar
from reader.ui.icons import set_icon
from reader.ui.view._overview import OverviewStrip
from reader.core.text import count_words

class PaneWidget(QFrame):
    """Header + DocumentView + OverviewStrip for one open document."""

    closeRequested = Signal()
    moveRequested = Signal(int)       # -1 left, +1 right
    wholePageRequested = Signal()     # the notice's button: read the whole web page instead

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pane")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.title = title
        self.words = 0
        self.key: Any = None              # the session Pane this widget shows
        self.filled = False               # the text is in (set_document was called)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = QWidget(self)
        self.header.setObjectName("paneHeaderBox")
        self.header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        head = QHBoxLayout(self.header)
        head.setContentsMargins(8, 4, 4, 4)
        head.setSpacing(4)
        # Both shorten when the pane narrows (a side panel opens): the counts to a shorter
        # wording, the title with "…" (see _balance_header).
        self.title_label = ElidedLabel(title, self.header)
        self.title_label.setObjectName("paneHeader")
        self.title_label.setToolTip(title)
        self.stats_label = ElidedLabel("", self.header)
        self.stats_label.setObjectName("paneStats")
        self.stats_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Preferred)
        head.addWidget(self.title_label)
        head.addWidget(self.stats_label, 1)
        self._head = head
        self.left_button = self._tool("mdi6.arrow-left", "Move pane left (Ctrl+Shift+Left)",
                                      lambda: self.moveRequested.emit(-1))
        self.right_button = self._tool("mdi6.arrow-right", "Move pane right (Ctrl+Shift+Right)",
                                       lambda: self.moveRequested.emit(1))
        self.close_button = self._tool("mdi6.close", "Close pane (Ctrl+W)",
                                       self.closeRequested.emit)
        for button in (self.left_button, self.right_button, self.close_button):
            head.addWidget(button)
        layout.addWidget(self.header)
        self.notice = NoticeBar(self)
        self.notice.actionRequested.connect(self.wholePageRequested.emit)
        layout.addWidget(self.notice)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        self.view = DocumentView(self)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.overview = OverviewStrip(self.view, self)
        body.addWidget(self.view, 1)
        body.addWidget(self.overview)
        layout.addLayout(body, 1)
        self.setFocusProxy(self.view)
        self._set_names()

    def _tool(self, icon_name: str, tip: str, slot: Any) -> QToolButton:
        button = QToolButton(self.header)
        set_icon(button, icon_name)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # keys stay with the text
        button.clicked.connect(slot)
        return button

    def _set_names(self) -> None:
        self.setAccessibleName(f"Document pane: {self.title}")
        self.view.setAccessibleName(f"Text of {self.title}")
        self.view.setAccessibleDescription(
            "Read-only text; j and k move between statements, o c q tag the current one")
        self.overview.setAccessibleName(f"Overview of {self.title}")

    def set_document(self, title: str, text: str, statements: Sequence[Any],
                     words: int = -1, positions: Any = None) -> None:
        """Show a document and fill the header (``words`` counted already, or -1;
        ``positions`` a TextPositions computed already, or None)."""
        self.title = title
        self.title_label.setText(title)
        self.title_label.setToolTip(title)
        self._balance_header()
        self.words = words if words >= 0 else count_words(text)
        self.view.set_document(text, statements, positions)
        self._set_names()
        self.update_stats()

    def set_notice(self, text: str, whole_page: bool = False) -> None:
        """Show a note on how the text was obtained ('' hides it); ``whole_page`` adds a
        button that asks for the web page's whole text (``wholePageRequested``)."""
        self.notice.show_notice(text, "Show whole page" if whole_page and text else "")

    def set_title(self, title: str) -> None:
        """Show another title in the header (the document was renamed)."""
        self.title = title
        self.title_label.setText(title)
        self.title_label.setToolTip(title)
        self._set_names()

    def update_stats(self) -> None:
        """Refresh the counts in the header."""
        statements = len(self.view.statements)
        tagged = len(self.view.marks.tags)
        text = f"{self.words:,} words · {statements:,} statements"
        shorter = [f"{statements:,} statements"]
        if tagged:
            text += f" · {tagged:,} tagged"
            shorter = [f"{statements:,} statements · {tagged:,} tagged",
                       f"{tagged:,} of {statements:,} tagged"]
        self.stats_label.set_texts(text, *shorter, "")
        self.stats_label.setToolTip(text)
        self._balance_header()

    def _balance_header(self) -> None:
        """The title takes what it needs but leaves room for the shortest wording of the
        counts; the counts take the rest (their longest wording that fits)."""
        head = self._head
        margins = head.contentsMargins()
        buttons = sum(b.sizeHint().width() + head.spacing()
                      for b in (self.left_button, self.right_button, self.close_button))
        stats = self.stats_label
        metrics = stats.fontMetrics()
        counts = min((metrics.horizontalAdvance(t) for t in (stats.text(), *stats.shorter) if t),
                     default=0) + stats.contentsMargins().left() + stats.contentsMargins().right()
        space = self.width() - margins.left() - margins.right() - buttons - head.spacing()
        title = self.title_label
        readable = min(title.natural_width(), title.fontMetrics().horizontalAdvance("M" * 10))
        # in a very narrow pane the title, which says which document this is, wins: the
        # counts step aside (their last wording is empty) rather than leave "Elo…"
        room = space - counts if space - counts >= readable else space
        title.setMaximumWidth(max(title.minimumSizeHint().width(),
                                  min(title.natural_width(), room)))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Share the header again at the new width."""
        super().resizeEvent(event)
        self._balance_header()

    def set_position(self, index: int, count: int) -> None:
        """Enable the move buttons that make sense at this place."""
        self.left_button.setEnabled(index > 0)
        self.right_button.setEnabled(index < count - 1)

    def set_focused(self, focused: bool) -> None:
        """Show whether this pane receives the keys."""
        if self.view.marks.focused != focused:
            self.view.marks.focused = focused
            self.setProperty("focusedPane", focused)
            self.header.setProperty("focusedPane", focused)
            self.header.style().unpolish(self.header)
            self.header.style().polish(self.header)
            self.view.refresh()
            self.overview.update()

    def refresh(self) -> None:
        """Repaint text marks, overview and counts after the marks changed."""
        self.view.refresh()
        self.overview.invalidate()
        self.update_stats()

    def hot_statements(self) -> set[int]:
        """Statements whose links stand out: the current one in the focused pane, else the
        partners of the focused pane's current statement."""
        marks = self.view.marks
        if marks.focused:
            return {marks.current} if marks.current >= 0 else set()
        return set(marks.partners)

"""Status bar progress with a cancel button, and the message banner for problems (a bad
file, a store that cannot be written) that must be seen but must not block the window."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QProgressBar, QScrollArea,
                               QToolButton, QWidget)

from reader.ui.icons import set_icon
from reader.ui.jobs import TaskRunner

#: Lines the banner shows before it scrolls.
VISIBLE_LINES = 8


class ProgressStatus(QWidget):
    """"Linking a ↔ b  [=====   ]  (x)": shown while the runner has work."""

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName("Background work progress")
        self.cancel_button = QToolButton(self)
        set_icon(self.cancel_button, "mdi6.stop-circle-outline")
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.cancel_button.setAutoRaise(True)
        self.cancel_button.setToolTip("Stop loading and linking (Esc)")
        self.cancel_button.setAccessibleName("Cancel background work")
        self.cancel_button.clicked.connect(runner.cancel_all)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.busyChanged.connect(self.setVisible)
        runner.progressChanged.connect(self._progress)
        self.setVisible(runner.busy)

    def _progress(self, label: str, done: int, total: int) -> None:
        self.label.setText(label)
        # an import or merge cannot be stopped half-way with a message: no button for it
        self.cancel_button.setVisible(self.runner.cancellable)
        if total <= 0:
            self.bar.setRange(0, 0)      # busy indicator
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(done)


class MessageBanner(QFrame):
    """A dismissible strip above the panes listing every current problem.

    A message given a ``key`` replaces the earlier one with that key (the library's state
    is one line, however often it changes) and ``remove(key)`` takes it back when the
    problem is over; identical messages are listed once. Past ``VISIBLE_LINES`` the list
    scrolls, so none is dropped.
    """

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Messages")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon_label = QLabel(self)
        set_icon(self.icon_label, "mdi6.alert-circle-outline")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setAccessibleName("Message text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.text)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        close = QToolButton(self)
        set_icon(close, "mdi6.close")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss messages")
        close.clicked.connect(self.dismiss)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self._entries: list[tuple[str | None, str]] = []
        self.hide()

    @property
    def lines(self) -> list[str]:
        """The messages shown, oldest first."""
        return [message for _key, message in self._entries]

    def add(self, message: str, key: str | None = None) -> None:
        """Show ``message``; with ``key`` it replaces the message shown under that key."""
        self._entries = [(k, m) for k, m in self._entries
                         if (key is None or k != key) and m != message]
        self._entries.append((key, message))
        self._refresh()

    def remove(self, key: str) -> None:
        """Take back the message shown under ``key`` (the problem is over)."""
        self._entries = [(k, m) for k, m in self._entries if k != key]
        self._refresh()

    def dismiss(self) -> None:
        """Hide and forget the messages."""
        self._entries = []
        self.hide()
        self.dismissed.emit()

    def _refresh(self) -> None:
        if not self._entries:
            self.hide()
            return
        self.text.setText("\n".join(self.lines))
        line = self.text.fontMetrics().lineSpacing()
        shown = min(len(self._entries) * 2, VISIBLE_LINES)   # a message may wrap once
        self.scroll.setFixedHeight(line * shown + 6)
        self.show()


class RetryTimer(QObject):
    """Calls ``retry`` every ``interval_ms`` while started: writes kept in memory reach the
    library once it can be written again (disk space freed, lock released) without
    waiting for the reader's next key."""

    def __init__(self, retry: Callable[[], object], interval_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(retry)

    @property
    def active(self) -> bool:
        """True while retrying."""
        return self._timer.isActive()

    def start(self) -> None:
        """Retry from now on (again and again until ``stop``)."""
        if not self._timer.isActive():
            self._timer.start()

    def stop(self) -> None:
        """Stop retrying."""
        self._timer.stop()

class AuthorStatus(QLabel):
    """"Tagging as ann" in the status bar, with who is compared or shown while that is on:
    a colleague's tags are never changed by the keys, so the reader should see whose tags
    the keys write."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("authorStatus")
        self.setAccessibleName("Tagging as")
        self.setToolTip("The author of the tags you make (Edit > Settings)")
        self.refresh()

    def refresh(self) -> None:
        """Read the author, the compared coders and the author filter again."""
        session = self.session
        if session is None:
            self.setText("")
            return
        parts = [f"Tagging as {session.author or '(no name)'}"]
        if session.comparing:
            parts.append("comparing " + ", ".join(session.comparing))
        if session.shown_author is not None:
            parts.append(f"showing {session.shown_author or '(no author)'}'s tags")
        self.setText(" · ".join(parts))

"""Status bar progress with a cancel button, and the message banner for problems (a bad
file, a store that cannot be written) that must be seen but must not block the window."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QProgressBar, QToolButton,
                               QWidget)

from reader.ui.icons import set_icon
from reader.ui.jobs import TaskRunner

MAX_BANNER_LINES = 4


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
        if total <= 0:
            self.bar.setRange(0, 0)      # busy indicator
        else:
            self.bar.setRange(0, total)
            self.bar.setValue(done)


class MessageBanner(QFrame):
    """A dismissible strip above the panes listing recent problems."""

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
        close = QToolButton(self)
        set_icon(close, "mdi6.close")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        close.setAccessibleName("Dismiss messages")
        close.clicked.connect(self.dismiss)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.lines: list[str] = []
        self.hide()

    def add(self, message: str) -> None:
        """Show ``message`` (the newest few stay listed)."""
        self.lines = (self.lines + [message])[-MAX_BANNER_LINES:]
        self.text.setText("\n".join(self.lines))
        self.show()

    def dismiss(self) -> None:
        """Hide and forget the messages."""
        self.lines = []
        self.hide()
        self.dismissed.emit()


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

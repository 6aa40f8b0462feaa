"""A one-line banner under a pane's header: something the reader should know about how
the text was obtained (a web page whose extracted article looks too short), with one
button that acts on it (open the whole page instead)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QFrame):
    """Hidden until ``show_notice``; ``actionRequested`` fires when its button is clicked."""

    actionRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paneNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#paneNotice { background: #fff4ce; border-bottom: 1px solid #e0c96b; }"
                           "#paneNotice QLabel { color: #4a3b00; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 3, 4, 3)
        row.setSpacing(6)
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.button = QPushButton("", self)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay with the text
        self.button.clicked.connect(self.actionRequested.emit)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.setAccessibleName("Notice about this document")
        self.hide()

    def show_notice(self, text: str, action: str = "") -> None:
        """Show ``text`` (hide the bar when empty) with a button labelled ``action``."""
        self.label.setText(text)
        self.button.setText(action)
        self.button.setAccessibleName(action)
        self.button.setVisible(bool(action))
        self.setVisible(bool(text))

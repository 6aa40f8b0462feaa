"""The inline note editor: a one-line field under the current statement (Enter saves,
Escape cancels). While it is open every key goes to it, not to the window's shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class NoteEditor(QLineEdit):
    """One-line note field placed over a pane's viewport."""

    saved = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("noteEditor")
        self.setAccessibleName("Note editor")
        self.setPlaceholderText("Note on this statement (Enter saves, Escape cancels)")
        self.setClearButtonEnabled(True)
        self.setFrame(True)
        self._original = ""
        self._closing = False
        self.hide()

    def open_at(self, rect: QRect, text: str) -> None:
        """Show at ``rect`` (parent coordinates) holding ``text``, and take the focus."""
        self._original = text
        self._closing = False
        self.setText(text)
        self.setGeometry(rect)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.selectAll()

    @property
    def is_open(self) -> bool:
        """True while the editor is shown."""
        return self.isVisible()

    def event(self, event: QEvent) -> bool:  # noqa: D401 - Qt API
        """Claim every key before the window's single-letter shortcuts can."""
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter saves, Escape cancels, other keys edit."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish(save=True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finish(save=False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt API
        """Leaving the field keeps what was typed (like committing a table cell)."""
        super().focusOutEvent(event)
        if self.isVisible() and not self._closing:
            self._finish(save=self.text() != self._original)

    def _finish(self, save: bool) -> None:
        if self._closing:
            return
        self._closing = True
        text = self.text()
        self.hide()
        if save:
            self.saved.emit(text.strip())
        else:
            self.cancelled.emit()

"""Dialogs for named reading sessions: a name (New Session, Rename Session, and renaming a
document), and the list of sessions to open one. Each has an ``ask`` classmethod."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout, QWidget)

from reader.core.store import NamedSession


class NameDialog(QDialog):
    """Ask for a short name (a session's or a document's title)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        prompt = QLabel(label, self)
        prompt.setWordWrap(True)
        layout.addWidget(prompt)
        self.edit = QLineEdit(text, self)
        self.edit.setAccessibleName(title)
        self.edit.selectAll()
        prompt.setBuddy(self.edit)
        layout.addWidget(self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """The name typed (trimmed), or None when cancelled."""
        dialog = cls(parent, title, label, text)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.edit.text().strip()


class OpenSessionDialog(QDialog):
    """Pick one of the library's sessions (the most recently opened first)."""

    def __init__(self, parent: QWidget | None, sessions: Sequence[NamedSession],
                 current: int | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open Session")
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Sessions")
        for session in sessions:
            count = len(session.documents)
            opened = session.opened_at[:16].replace("T", " ")
            item = QListWidgetItem(f"{session.name}   ({count} document{'s' * (count != 1)}, "
                                   f"last opened {opened})")
            item.setData(Qt.ItemDataRole.UserRole, session.name)
            item.setToolTip("\n".join(d.path for d in session.documents) or "No documents")
            if session.id == current:
                item.setText(item.text() + "  — open now")
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open
                                   | QDialogButtonBox.StandardButton.Cancel, parent=self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)

    def chosen(self) -> str | None:
        """The name of the selected session."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    @classmethod
    def ask(cls, parent: QWidget | None, sessions: Sequence[NamedSession],
            current: int | None = None) -> str | None:
        """The name of the session to open, or None when cancelled."""
        dialog = cls(parent, sessions, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()

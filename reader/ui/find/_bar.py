"""The find bar under the panes: the query, its options, the scope, the count, and buttons
to step. Typing searches as you go; Enter and Shift+Enter step; Escape closes."""

from __future__ import annotations

from typing import Callable, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton,
                               QWidget)

from reader.core.find import FindQuery
from reader.ui.icons import set_icon

#: Typing pauses this long before a search starts (each key would restart it anyway).
TYPING_PAUSE_MS = 120


class _QueryEdit(QLineEdit):
    """The query field: Enter / Shift+Enter step, Escape closes."""

    step = Signal(int)
    escape = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter steps forward, Shift+Enter back; Escape leaves the bar."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            back = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step.emit(-1 if back else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        super().keyPressEvent(event)



class QueryFields(Protocol):
    """A query field and its three options (the find bar, the Find in Library panel)."""

    edit: QLineEdit
    case: QCheckBox
    whole_word: QCheckBox
    regex: QCheckBox


def typed_query(fields: QueryFields) -> FindQuery | None:
    """The query as typed with its options, or None when the field is empty."""
    text = fields.edit.text()
    if not text:
        return None
    return FindQuery(text, regex=fields.regex.isChecked(), case=fields.case.isChecked(),
                     whole_word=fields.whole_word.isChecked())

class FindBar(QWidget):
    """See module docstring. ``changed`` fires (after a short pause) with the new query;
    ``step(+1/-1)`` asks for the next or previous match; ``closed`` when dismissed."""

    changed = Signal()
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAccessibleName("Find bar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 4, 3)
        layout.setSpacing(4)
        self.edit = _QueryEdit(self)
        self.edit.setObjectName("findQuery")
        self.edit.setPlaceholderText("Find in this document")
        self.edit.setAccessibleName("Find")
        self.edit.setClearButtonEnabled(True)
        self.edit.setMinimumWidth(240)
        self.edit.setMaximumWidth(460)
        layout.addWidget(self.edit, 1)
        self.previous_button = self._button("mdi6.chevron-up", "Previous match (Shift+F3)",
                                            lambda: self.step.emit(-1))
        self.next_button = self._button("mdi6.chevron-down", "Next match (F3)",
                                        lambda: self.step.emit(1))
        self.count = QLabel("", self)
        self.count.setObjectName("findCount")
        self.count.setAccessibleName("Matches")
        self.count.setMinimumWidth(110)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        self.case = self._toggle("Match &case", "Upper and lower case must match")
        self.whole_word = self._toggle("&Whole words", "Only whole words, not parts of words")
        self.regex = self._toggle("Rege&x", "The query is a Python regular expression")
        self.all_panes = self._toggle("&All documents", "Find in every open document "
                                      "(Ctrl+Shift+F), not only the focused one")
        for box in (self.case, self.whole_word, self.regex, self.all_panes):
            layout.addWidget(box)
        layout.addStretch(2)
        self.close_button = self._button("mdi6.close", "Close the find bar (Escape)",
                                         self.dismiss)
        layout.addWidget(self.close_button)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.changed.emit)
        self.edit.textChanged.connect(lambda _text: self._pause.start())
        self.edit.step.connect(self._step_now)
        self.edit.escape.connect(self.dismiss)
        self.all_panes.toggled.connect(self._scope_changed)
        self.hide()

    def _button(self, icon: str, tip: str, slot: Callable[[], object]) -> QToolButton:
        button = QToolButton(self)
        set_icon(button, icon)
        if button.icon().isNull():
            button.setText({"mdi6.chevron-up": "▲", "mdi6.chevron-down": "▼"}.get(icon, "✕"))
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(slot)
        return button

    def _toggle(self, text: str, tip: str) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setToolTip(tip)
        box.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        box.toggled.connect(lambda _on: self.changed.emit())
        return box

    def _scope_changed(self, all_panes: bool) -> None:
        self.edit.setPlaceholderText("Find in all open documents" if all_panes
                                     else "Find in this document")

    def _step_now(self, direction: int) -> None:
        if self._pause.isActive():   # Enter right after typing: search first
            self._pause.stop()
            self.changed.emit()
        self.step.emit(direction)

    # -- state ----------------------------------------------------------------------------

    def query(self) -> FindQuery | None:
        """The query as typed, or None when the field is empty."""
        return typed_query(self)

    def open(self, all_panes: bool, text: str = "") -> None:
        """Show the bar with the query selected, for the focused pane or every pane."""
        self.all_panes.setChecked(all_panes)
        if text:
            self.edit.setText(text)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def dismiss(self) -> None:
        """Hide the bar (the window clears the highlights and gives the pane the keys)."""
        self._pause.stop()
        self.hide()
        self.closed.emit()

    def flush(self) -> None:
        """Search now for what is typed (no pause)."""
        if self._pause.isActive():
            self._pause.stop()
            self.changed.emit()

    def show_count(self, text: str, problem: bool = False) -> None:
        """The count ("3 of 17"), or a problem with the query in red."""
        self.count.setText(text)
        self.count.setProperty("problem", problem)
        self.edit.setProperty("problem", problem)
        for widget in (self.count, self.edit):
            widget.style().unpolish(widget)
            widget.style().polish(widget)

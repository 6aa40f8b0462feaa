"""“Accept suggestions above N% in this document”: a small panel, plus a menu action.

- ``SuggestionsPanel(bridge, parent=None, threshold=None)`` (accessible name "Suggestions"):
  a percent spin box (default: the settings' threshold), "N suggestions at or above it in
  <document>" for the focused pane, and an Accept button. Accepting calls the core's
  ``accept_suggestions_above(session, pane, threshold / 100)`` (one undo step) and reports
  how many were tagged; below, ``table`` lists the document's open suggestions, surest
  first (bold: at or above the threshold). Signals: ``jumpRequested(int, int)`` when a row
  is clicked, ``accepted(int pane, int count)``, ``message(str)`` for the status bar.
- ``count_above(pane, fraction)``: untagged statements whose suggestion reaches ``fraction``.
- ``accept_above(bridge, percent) -> (count, message)``: do it on the focused pane.
- ``make_accept_action(bridge, parent, report)``: a QAction "Accept Suggestions Above
  Threshold" using the settings' threshold; ``report(message)`` receives the result.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from reader.ui.labels import icon, kind_icon, kind_label, short_text

#: The list shows at most this many suggestions (the surest).
MAX_LISTED = 300


def count_above(session: Any, pane_index: int, fraction: float) -> int:
    """How many untagged statements of a pane have a suggestion at least ``fraction`` sure."""
    return sum(1 for _i, _kind, sure in open_suggestions(session, pane_index)
               if sure >= fraction)


def open_suggestions(session: Any, pane_index: int) -> list[tuple[int, str, float]]:
    """(statement, kind, confidence) of every statement of a pane that has a suggestion and
    no tag of a built-in kind, the surest first."""
    pane = session.panes[pane_index]
    found = []
    for i, item in enumerate((pane.suggestions or ())[:len(pane.statements)]):
        kind = getattr(item, "kind", None) if item is not None else None
        if kind is not None and pane.tags.builtin_tag(i) is None:
            found.append((i, kind, float(getattr(item, "confidence", 0.0) or 0.0)))
    found.sort(key=lambda f: (-f[2], f[0]))
    return found


def accept_above(bridge: Any, percent: int) -> tuple[int, str]:
    """Accept the focused pane's suggestions at or above ``percent``: (how many, message)."""
    from reader.core.session import accept_suggestions_above

    session = bridge.session
    if session is None or not session.panes:
        return 0, "No document is open."
    pane = session.focused
    if session.panes[pane].suggestions is None:
        return 0, "Suggestions are not ready yet for this document."
    count = accept_suggestions_above(session, pane, percent / 100)
    title = session.panes[pane].document.display_name
    if not count:
        return 0, f"No untagged suggestion at or above {percent}% in {title}."
    return count, (f"Accepted {count} suggestion{'s' if count != 1 else ''} at or above "
                   f"{percent}% in {title} (Ctrl+Z undoes them all).")


class SuggestionsPanel(QWidget):
    """Accepts every suggestion above a threshold in the focused document."""

    jumpRequested = Signal(int, int)
    accepted = Signal(int, int)
    message = Signal(str)

    def __init__(self, bridge: Any, parent: QWidget | None = None,
                 threshold: int | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Suggestions")
        self.setObjectName("suggestionsPanel")
        self._bridge = bridge
        if threshold is None:
            from reader.ui.settings import load_settings

            threshold = load_settings().suggestion_threshold
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        label = QLabel("Accept suggestions &above", self)
        self.threshold_spin = QSpinBox(self)
        self.threshold_spin.setRange(0, 100)
        self.threshold_spin.setSuffix(" %")
        self.threshold_spin.setValue(threshold)
        self.threshold_spin.setAccessibleName("Suggestion threshold")
        label.setBuddy(self.threshold_spin)
        self.accept_button = QPushButton(icon("fa6s.wand-magic-sparkles"), "A&ccept", self)
        self.accept_button.setToolTip("Tag every untagged statement of this document whose "
                                      "suggestion is at least this confident (one undo step)")
        self.accept_button.clicked.connect(self.accept_now)
        row.addWidget(label)
        row.addWidget(self.threshold_spin)
        row.addWidget(self.accept_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.preview_label = QLabel(self)
        self.preview_label.setAccessibleName("Suggestions that would be accepted")
        self.preview_label.setWordWrap(True)
        layout.addWidget(self.preview_label)
        # Every open suggestion of the document, surest first: a click goes there, where
        # Space accepts it (those at or above the threshold are in bold).
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName("Suggested tags")
        self.table.setHorizontalHeaderLabels(("Kind", "Sure", "Statement"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self._jump)
        self.table.cellActivated.connect(self._jump)
        layout.addWidget(self.table, 1)
        self.threshold_spin.valueChanged.connect(lambda _v: self.refresh())
        # Every tag key changes the list: rebuild it only while the panel is on screen
        # (hidden behind another tab it would cost each key a full table rebuild).
        self._stale = False
        bridge.suggestionsChanged.connect(lambda _p: self._refresh_when_shown())
        bridge.focusChanged.connect(lambda _p: self._refresh_when_shown())
        bridge.tagsChanged.connect(lambda _p: self._refresh_when_shown())
        bridge.panesChanged.connect(self._refresh_when_shown)
        self.refresh()

    def _refresh_when_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt name)
        """Catch up with what changed while hidden."""
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Recount what Accept would tag in the focused pane, and list the suggestions."""
        self._stale = False
        session = self._bridge.session
        count = 0
        found: list[tuple[int, str, float]] = []
        if session is None or not session.panes:
            text = "No document is open."
        elif session.panes[session.focused].suggestions is None:
            text = "Suggestions are being prepared…"
        else:
            found = open_suggestions(session, session.focused)
            fraction = self.threshold_spin.value() / 100
            count = sum(1 for _i, _kind, sure in found if sure >= fraction)
            title = session.panes[session.focused].document.display_name
            text = (f"{count} untagged statement{'s' if count != 1 else ''} in {title} "
                    f"{'have' if count != 1 else 'has'} a suggestion at or above "
                    f"{self.threshold_spin.value()}%.")
        self.preview_label.setText(text)
        self.accept_button.setEnabled(count > 0)
        self._fill_table(found[:MAX_LISTED])

    def _fill_table(self, found: list[tuple[int, str, float]]) -> None:
        session = self._bridge.session
        threshold = self.threshold_spin.value() / 100
        pane = session.panes[session.focused] if found else None
        self.table.setRowCount(len(found))
        for row, (statement, kind, sure) in enumerate(found):
            cells = (kind_label(kind), f"{sure:.0%}",
                     short_text(pane.statements[statement].text))  # type: ignore[union-attr]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, statement)
                if sure >= threshold:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                if column == 0:
                    item.setIcon(kind_icon(kind))
                self.table.setItem(row, column, item)

    def _jump(self, row: int, _column: int) -> None:
        session = self._bridge.session
        item = self.table.item(row, 0)
        if session is not None and session.panes and item is not None:
            self.jumpRequested.emit(session.focused, int(item.data(Qt.ItemDataRole.UserRole)))

    def accept_now(self) -> int:
        """Accept the suggestions above the threshold in the focused pane; returns how many."""
        session = self._bridge.session
        if session is None or not session.panes:
            return 0
        pane = session.focused
        count, text = accept_above(self._bridge, self.threshold_spin.value())
        self.message.emit(text)
        self.accepted.emit(pane, count)
        self.refresh()
        return count


def make_accept_action(bridge: Any, parent: QObject,
                       report: Callable[[str], None]) -> QAction:
    """A menu action accepting the focused pane's suggestions at the settings' threshold."""
    from reader.ui.settings import load_settings

    action = QAction(icon("fa6s.wand-magic-sparkles"), "Accept Suggestions Above Threshold",
                     parent)
    action.setToolTip("Accept every suggestion at or above the threshold set in Settings")
    action.triggered.connect(
        lambda: report(accept_above(bridge, load_settings().suggestion_threshold)[1]))
    return action

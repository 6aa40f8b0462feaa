"""The Orphans section of the Tags panel: tags that lost their text, never dropped silently.

``OrphansSection(bridge, parent=None)``: a group box "Orphaned tags (N)" with a table over
OrphansModel and two buttons. Re-attach moves the selected orphan onto the focused pane's
current statement (``reattach_orphan(session, tag_id)``); Delete removes it after the user
confirms (``delete_orphan(session, tag_id)``; the confirmation is ``confirm_delete``, which
tests patch). Hidden while there are no orphans. Signal ``problem(str)`` carries a message
when the session refuses (the window shows it in the status bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView,
                               QMessageBox, QPushButton, QTableView, QVBoxLayout, QWidget)

from reader.core.errors import ReaderError
from reader.ui.models import OrphansModel
from reader.ui.labels import icon


class OrphansSection(QGroupBox):
    """Orphaned tags with their text, and Re-attach / Delete."""

    problem = Signal(str)

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__("Orphaned tags", parent)
        self.setAccessibleName("Orphaned tags")
        self._bridge = bridge
        self.model = OrphansModel(bridge, self)
        layout = QVBoxLayout(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Orphaned tag list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Orphans are few: room for about four rows, the tagged list keeps the rest.
        rows = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(self.table.horizontalHeader().sizeHint().height()
                                    + 4 * rows + 2 * self.table.frameWidth())
        self.table.setToolTip("Tags whose text could not be found again after the document "
                              "changed")
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.reattach_button = QPushButton(icon("fa6s.link"), "&Re-attach", self)
        self.reattach_button.setToolTip("Put the selected tag on the current statement")
        self.reattach_button.clicked.connect(self.reattach_selected)
        self.delete_button = QPushButton(icon("fa6s.trash"), "De&lete", self)
        self.delete_button.setToolTip("Delete the selected orphaned tag")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons.addWidget(self.reattach_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.model.modelReset.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        count = self.model.rowCount()
        self.setTitle(f"Orphaned tags ({count})")
        self.setVisible(count > 0)
        if count and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        chosen = self.selected_tag_id() is not None
        self.reattach_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_tag_id(self) -> int | None:
        """The id of the selected orphan, or None."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.tag_id(rows[0].row()) if rows else None

    def reattach_selected(self) -> None:
        """Re-attach the selected orphan to the current statement of the focused pane."""
        from reader.core.session import reattach_orphan

        self._call(reattach_orphan)

    def delete_selected(self) -> None:
        """Delete the selected orphan once the user confirms."""
        from reader.core.session import delete_orphan

        if self.selected_tag_id() is not None and self.confirm_delete():
            self._call(delete_orphan)

    def confirm_delete(self) -> bool:
        """Ask before deleting (tests patch this)."""
        answer = QMessageBox.question(self, "Delete orphaned tag",
                                      "Delete this tag? Its text cannot be found in the "
                                      "document any more.")
        return answer == QMessageBox.StandardButton.Yes

    def _call(self, action: Any) -> None:
        tag_id = self.selected_tag_id()
        session = self._bridge.session
        if tag_id is None or session is None:
            return
        try:
            action(session, tag_id)
        except ReaderError as exc:
            self.problem.emit(str(exc))
            return
        self.model.reload()  # the session may not emit for a pane-less change

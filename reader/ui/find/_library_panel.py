"""The Find in Library panel: a query with the find bar's options, searched in every
document the library knows (in a worker), the matches listed; activating one (Enter,
double-click) asks the window to open its document at that statement."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from reader.core.find import FindError, FindQuery, LibraryHit, LibraryResult
from reader.ui.find._bar import typed_query
from reader.ui.find._jobs import describe
from reader.ui.models import LibraryHitsModel

#: Matches listed at most (the status line says when there are more).
LIBRARY_LIMIT = 1000
#: Typing pauses this long before the library is searched.
TYPING_PAUSE_MS = 250


class _HitsView(QTableView):
    """The result list; Enter opens the current match."""

    activatedByKey = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """Enter opens the selected match."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedByKey.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LibraryFindPanel(QWidget):
    """See module docstring. ``search(query, limit, on_done)`` is the window's way of
    running a search job; the panel shows its LibraryResult or its one-line failure."""

    openRequested = Signal(object)       # LibraryHit

    def __init__(self, search: Callable[[FindQuery, int, Callable[[LibraryResult], None],
                                         Callable[[str], None]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryFind")
        self._search = search
        self._generation = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("libraryQuery")
        self.edit.setPlaceholderText("Find in every document of the library")
        self.edit.setAccessibleName("Find in Library")
        self.edit.setClearButtonEnabled(True)
        layout.addWidget(self.edit)
        options = QHBoxLayout()
        self.case = QCheckBox("Match case", self)
        self.whole_word = QCheckBox("Whole words", self)
        self.regex = QCheckBox("Regex", self)
        for box in (self.case, self.whole_word, self.regex):
            box.toggled.connect(lambda _on: self._pause.start())
            options.addWidget(box)
        options.addStretch(1)
        layout.addLayout(options)
        self.status = QLabel("Type to search every document the library knows.", self)
        self.status.setObjectName("libraryStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.model = LibraryHitsModel(self)
        self.view = _HitsView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Matches in the library")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setColumnWidth(0, 160)
        layout.addWidget(self.view, 1)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.run_search)
        self.edit.textChanged.connect(lambda _t: self._pause.start())
        self.edit.returnPressed.connect(self._enter)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        self.view.activatedByKey.connect(self._open)
        self.searching = False

    def query(self) -> FindQuery | None:
        """The query as typed, or None when empty."""
        return typed_query(self)

    def focus_query(self) -> None:
        """Put the keys in the query field, its text selected."""
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def _enter(self) -> None:
        if self._pause.isActive() or not self.model.rowCount():
            self.run_search()
        else:
            self.view.setFocus()
            self.view.selectRow(0)

    def run_search(self) -> None:
        """Search the library now for what is typed."""
        self._pause.stop()
        query = self.query()
        self._generation += 1
        generation = self._generation
        if query is None:
            self.model.set_hits([])
            self.status.setText("Type to search every document the library knows.")
            return
        try:
            query.compile()
        except FindError as exc:
            self.model.set_hits([])
            self.status.setText(str(exc))
            return
        self.searching = True
        self.status.setText("Searching…")
        self._search(query, LIBRARY_LIMIT,
                     lambda result: self._show(generation, result),
                     lambda message: self._failed(generation, message))

    def _show(self, generation: int, result: LibraryResult) -> None:
        if generation != self._generation:
            return   # an older query answered late
        self.searching = False
        self.model.set_hits(result.hits)
        self.status.setText(describe(result))

    def _failed(self, generation: int, message: str) -> None:
        if generation == self._generation:
            self.searching = False
            self.status.setText(message)

    def _open(self, row: int) -> None:
        hit: LibraryHit | None = self.model.hit(row)
        if hit is not None:
            self.openRequested.emit(hit)

"""The Tags panel: every tagged statement of the open documents, filtered, counted, and the
orphaned tags with Re-attach and Delete.

``TagsPanel(bridge, parent=None)`` (a QWidget, accessible name "Tags").
Signals: ``jumpRequested(int pane, int statement)`` when a row is selected or activated
(click, arrows, Enter). Attributes for the window and tests: ``model`` (TagsModel),
``proxy`` (TagFilterProxy), ``table`` (QTableView), the filters ``kind_combo``,
``document_combo``, ``author_combo``, ``search_edit``, ``counts_label``, and
``orphans`` (OrphansSection). ``focus_search()`` puts the cursor in the search box;
``refresh_summary()`` updates counts and filter choices at once (else ~150 ms after changes).
Re-attach calls ``reader.core.session._session.reattach_orphan(session, tag_id)`` (onto the focused
pane's current statement); Delete calls ``delete_orphan(session, tag_id)``.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHeaderView, QLabel,
                               QLineEdit, QTableView, QVBoxLayout, QWidget)

from reader.ui.models import PaneRole, StatementRole, TagsModel
from reader.ui.labels import KIND_LABELS, icon, kind_icon, kind_label
from reader.ui.panels._orphans import OrphansSection
from reader.ui.panels._tag_filter import TagFilterProxy

ANY = "Any"
SUMMARY_DELAY_MS = 150


class TagsPanel(QWidget):
    """Lists tagged statements across documents; selecting one jumps to it."""

    jumpRequested = Signal(int, int)

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Tags")
        self.setObjectName("tagsPanel")
        self._bridge = bridge
        self.model = TagsModel(bridge, self)
        self.proxy = TagFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self._build_filters())
        self.counts_label = QLabel(self)
        self.counts_label.setAccessibleName("Tag counts")
        self.counts_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.counts_label)
        self.table = QTableView(self)
        self.table.setAccessibleName("Tagged statements")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSortingEnabled(False)  # document order is the reading order
        self.table.verticalHeader().hide()
        # one-line rows of one height: inserting a row needs no re-measuring of the others
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The statement gets the room; the others get fixed, user-resizable widths (resizing
        # to contents would measure a thousand rows on every insert, too slow per key press).
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in ((0, 13 * em), (1, 7 * em), (3, 6 * em), (4, 6 * em)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._jump_to)
        layout.addWidget(self.table, 1)
        self.setFocusProxy(self.table)
        self.orphans = OrphansSection(bridge, self)
        layout.addWidget(self.orphans)
        # The summary (counts, filter choices) is refreshed shortly after a burst of changes,
        # not on every key press: relaying out the rich-text counts costs a frame.
        self._summary_timer = QTimer(self)
        self._summary_timer.setSingleShot(True)
        self._summary_timer.setInterval(SUMMARY_DELAY_MS)
        self._summary_timer.timeout.connect(self.refresh_summary)
        for signal in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.dataChanged):
            signal.connect(self._summary_timer.start)
        self.refresh_summary()

    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName("Filter by kind")
        self.kind_combo.addItem(icon("fa6s.filter"), ANY, None)
        for kind, label in KIND_LABELS:
            self.kind_combo.addItem(kind_icon(kind), label, kind)
        self.kind_combo.addItem(icon("mdi6.note-edit-outline"), "Notes", "note")
        self.kind_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_kind(self.kind_combo.currentData()))
        self.document_combo = QComboBox(self)
        self.document_combo.setAccessibleName("Filter by document")
        self.document_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_document(self.document_combo.currentData()))
        self.author_combo = QComboBox(self)
        self.author_combo.setAccessibleName("Filter by author")
        self.author_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_author(self.author_combo.currentData()))
        self.search_edit = QLineEdit(self)
        self.search_edit.setAccessibleName("Search tagged statements")
        self.search_edit.setPlaceholderText("Search text and notes")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.addAction(icon("fa6s.magnifying-glass"),
                                   QLineEdit.ActionPosition.LeadingPosition)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        for column, (text, widget) in enumerate((("&Kind", self.kind_combo),
                                                 ("&Document", self.document_combo),
                                                 ("A&uthor", self.author_combo))):
            label = QLabel(text, self)
            label.setBuddy(widget)
            grid.addWidget(label, 0, 2 * column)
            grid.addWidget(widget, 0, 2 * column + 1)
        grid.addWidget(self.search_edit, 1, 0, 1, 6)
        return grid

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        """Follow a light/dark switch in the kind icons."""
        if event.type() == QEvent.Type.PaletteChange:
            self.model.palette_changed()
            self.orphans.model.palette_changed()
        super().changeEvent(event)

    def focus_search(self) -> None:
        """Put the keyboard focus in the search box."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def refresh_summary(self) -> None:
        """Update the counts and the document and author choices now."""
        self._summary_timer.stop()
        self._add_own_kinds()
        _refill(self.document_combo, self.model.documents())
        _refill(self.author_combo, self.model.authors())
        self.counts_label.setText(counts_html(self.model.counts()))

    def _add_own_kinds(self) -> None:
        """Offer the library's own kinds (from the codebook and the rows) in the kind filter."""
        store = getattr(self._bridge.session, "store", None)
        names: list[str] = []
        try:
            names = [k.name for k in store.kinds.all() if not k.builtin] if store else []
        except Exception:  # an unreadable library: the kinds on the rows still show
            pass
        names += [k for row in self.model.rows() for k in row.kinds]
        known = {self.kind_combo.itemData(i) for i in range(self.kind_combo.count())}
        for name in dict.fromkeys(names):
            if name not in known:
                self.kind_combo.addItem(self.model._icons.kind(name), name, name)
                known.add(name)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self._jump_to(indexes[0])

    def _jump_to(self, index: QModelIndex) -> None:
        if index.isValid():
            self.jumpRequested.emit(int(index.data(PaneRole)), int(index.data(StatementRole)))


def _refill(combo: QComboBox, values: list[str]) -> None:
    """Replace a filter combo's choices, keeping the chosen one when it still exists."""
    current = combo.currentData()
    if [combo.itemData(i) for i in range(1, combo.count())] == values and combo.count():
        return
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(ANY, None)
    for value in values:
        combo.addItem(value or "(no author)", value)
    position = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(0, position))
    combo.blockSignals(False)
    if position < 0:  # the chosen value vanished: the filter must follow the combo
        combo.currentIndexChanged.emit(0)


def counts_html(counts: dict[tuple[str, str], int]) -> str:
    """A small table: one row per document, one column per kind (built-in kinds first, then
    the library's own kinds and notes in the order met), plus totals."""
    if not counts:
        return "No tags yet."
    documents = sorted({document for document, _kind in counts})
    builtin = [kind for kind, _label in KIND_LABELS]
    kinds = builtin + sorted({kind for _document, kind in counts} - set(builtin))
    head = "".join(f"<th>{escape(kind_label(kind))}</th>" for kind in kinds)
    lines = [f"<table cellspacing='0' cellpadding='2'><tr><th align='left'>Document</th>{head}"
             "</tr>"]
    for document in documents:
        cells = "".join(f"<td align='right'>{counts.get((document, kind), 0)}</td>"
                        for kind in kinds)
        lines.append(f"<tr><td>{escape(document)}</td>{cells}</tr>")
    lines.append("</table>")
    return "".join(lines)

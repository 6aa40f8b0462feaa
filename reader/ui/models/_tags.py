"""Table model of the tagged statements of every open pane (the Tags panel's source).

``TagsModel(bridge, parent=None)``: one row per tagged statement, ordered by pane and
statement; columns Kind, Document, Statement, Note, Author. Custom roles give the raw values
for filtering and jumping (``PaneRole``, ``StatementRole``, ``KindRole``, ``DocumentRole``,
``AuthorRole``, ``SearchRole``). It follows the bridge: ``tagsChangedAt(pane, statements)``
(or ``tagsChanged(pane)``) removes, inserts and updates just those rows (napari style);
``panesChanged`` and large batches reset. ``counts()``, ``documents()`` and ``authors()`` are
kept up to date as rows change, so the panel's summary costs nothing per key press.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex,
                            Qt)

from reader.ui.labels import IconCache, column_header, kind_label, short_text

PaneRole = Qt.ItemDataRole.UserRole + 1
StatementRole = Qt.ItemDataRole.UserRole + 2
KindRole = Qt.ItemDataRole.UserRole + 3
DocumentRole = Qt.ItemDataRole.UserRole + 4
AuthorRole = Qt.ItemDataRole.UserRole + 5    # every author of the statement's tags
SearchRole = Qt.ItemDataRole.UserRole + 6
TagIdRole = Qt.ItemDataRole.UserRole + 7
KindsRole = Qt.ItemDataRole.UserRole + 8

COLUMNS = ("Kind", "Document", "Statement", "Note", "Author")
DISPLAY = Qt.ItemDataRole.DisplayRole
DECORATION = Qt.ItemDataRole.DecorationRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ROLES = frozenset({DISPLAY, DECORATION, TOOLTIP, PaneRole, StatementRole, KindRole,
                    DocumentRole, AuthorRole, SearchRole, TagIdRole, KindsRole})
#: Above this many changed rows in one pane a reset is cheaper than row-by-row signals.
RESET_THRESHOLD = 64

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TagRow:
    """One tagged statement as listed."""

    pane: int
    statement: int
    kind: str
    document: str
    text: str
    note: str
    author: str
    tag_id: int
    kinds: tuple[str, ...] = ()  # every kind on the statement: labels, parts, notes too
    authors: tuple[str, ...] = ()  # who tagged it: the shown tag's author first


def tag_row(session: Any, pane_index: int, statement: int, tag: Any = None) -> TagRow | None:
    """The row of one statement with tags (the tag shown there, else its first tag of a part
    or note), or None when it has none."""
    pane = session.panes[pane_index]
    every = pane.tags.tags_at(statement)
    tag = tag or pane.tags.shown_tag(statement) or min(every, key=lambda t: (t.start, t.id),
                                                       default=None)
    if tag is None:
        return None
    text = pane.statements[statement].text if 0 <= statement < len(pane.statements) \
        else tag.exact
    kinds = tuple(dict.fromkeys([tag.kind, *sorted(t.kind for t in every)]))
    notes = [t.note for t in sorted(every, key=lambda t: t is not tag) if t.note]
    authors = tuple(dict.fromkeys([tag.author, *sorted(t.author for t in every)]))
    return TagRow(pane_index, statement, tag.kind, pane.document.display_name, text,
                  "\n".join(dict.fromkeys(notes)), tag.author, tag.id, kinds, authors)


def pane_rows(session: Any, pane_index: int) -> list[TagRow]:
    """The rows of one pane, by statement index."""
    rows = (tag_row(session, pane_index, statement)
            for statement in session.panes[pane_index].tags.statements())
    return [row for row in rows if row is not None]


def _key(row: TagRow) -> tuple[int, int]:
    return (row.pane, row.statement)


class TagTableModel(QAbstractTableModel):
    """Base of the tag tables (tags, orphans): rows in ``_rows``, titles in ``columns``."""

    columns: tuple[str, ...] = COLUMNS

    def __init__(self, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._rows: list[Any] = []
        self._icons = IconCache()

    def palette_changed(self) -> None:
        """Redraw the kind icons in the new palette's colours (light/dark switch)."""
        self._icons.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.columns) - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        """Number of rows (no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        """Number of columns, one per title in ``columns``."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        return column_header(self.columns, section, orientation, role)


class TagsModel(TagTableModel):
    """Tagged statements across documents, kept in step with the session."""

    _rows: list[TagRow]

    def __init__(self, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(bridge, parent)
        self._counts: Counter[tuple[str, str]] = Counter()
        self._authors: Counter[str] = Counter()
        # tagsChangedAt names the statements a change touched: no full-pane rescan
        bridge.tagsChangedAt.connect(self.refresh_statements)
        bridge.panesChanged.connect(self.reload)
        self.reload()

    # -- reading -------------------------------------------------------------------------

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        """Cell text, kind icon, tooltip, and the raw values through the custom roles.

        Views call this thousands of times per repaint: unknown roles leave at once and only
        the asked column is computed.
        """
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            if column == 2:
                return short_text(row.text)
            if column == 0:
                return " + ".join(kind_label(k) for k in row.kinds) or kind_label(row.kind)
            if column == 1:
                return row.document
            # "Claim + Opinion" by two coders names both, not only the shown tag's author
            return short_text(row.note, 80) if column == 3 else ", ".join(
                row.authors or (row.author,))
        if role == DECORATION:
            return self._icons.kind(row.kind) if column == 0 else None
        if role == TOOLTIP:
            return row.text if column == 2 else (row.note or None) if column == 3 else None
        if role == SearchRole:
            return f"{row.text}\n{row.note}"
        return {PaneRole: row.pane, StatementRole: row.statement, KindRole: row.kind,
                DocumentRole: row.document, AuthorRole: row.authors or (row.author,),
                TagIdRole: row.tag_id,
                KindsRole: row.kinds}[role]

    def row(self, number: int) -> TagRow:
        """The row record at ``number``."""
        return self._rows[number]

    def rows(self) -> list[TagRow]:
        """Every row record, in order."""
        return list(self._rows)

    def counts(self) -> dict[tuple[str, str], int]:
        """(document title, kind) -> number of tagged statements."""
        return {key: n for key, n in self._counts.items() if n > 0}

    def documents(self) -> list[str]:
        """Titles of the documents with tags, sorted."""
        return sorted({document for (document, _kind), n in self._counts.items() if n > 0})

    def authors(self) -> list[str]:
        """Authors of the listed tags, sorted."""
        return sorted(author for author, n in self._authors.items() if n > 0)

    # -- following the session ------------------------------------------------------------

    def _count(self, row: TagRow, delta: int) -> None:
        self._counts[(row.document, row.kind)] += delta
        for author in row.authors or (row.author,):
            self._authors[author] += delta

    def reload(self) -> None:
        """Rebuild every row (panes opened, closed or moved)."""
        session = self._bridge.session
        store = getattr(session, "store", None)
        if store is not None:
            try:
                self._icons.set_codebook(store.kinds.all())
            except Exception:  # an unreadable library: the built-in icons still work
                pass
        self.beginResetModel()
        self._rows = [] if session is None else [
            row for i in range(len(session.panes)) for row in pane_rows(session, i)]
        self._counts.clear()
        self._authors.clear()
        for row in self._rows:
            self._count(row, 1)
        self.endResetModel()

    def refresh_pane(self, pane_index: int) -> None:
        """Bring every row of one pane up to date (when the changed statements are unknown)."""
        session = self._bridge.session
        if session is None or not 0 <= pane_index < len(session.panes):
            self.reload()
            return
        listed = {r.statement for r in self._rows if r.pane == pane_index}
        self.refresh_statements(pane_index, tuple(
            listed | set(session.panes[pane_index].tags.statements())))

    def refresh_statements(self, pane_index: int, statements: tuple[int, ...]) -> None:
        """Update the rows of these statements of a pane with row-level signals
        (O(log n) each, so a key press stays cheap with thousands of tags)."""
        session = self._bridge.session
        if session is None or not 0 <= pane_index < len(session.panes):
            self.reload()
            return
        if len(statements) > RESET_THRESHOLD:
            self.reload()
            return
        for statement in sorted(set(statements)):
            key = (pane_index, statement)
            position = bisect_left(self._rows, key, key=_key)
            here = position < len(self._rows) and _key(self._rows[position]) == key
            row = tag_row(session, pane_index, statement)
            if row is None:
                if here:
                    self.beginRemoveRows(QModelIndex(), position, position)
                    self._count(self._rows.pop(position), -1)
                    self.endRemoveRows()
                continue
            if not here:
                self.beginInsertRows(QModelIndex(), position, position)
                self._rows.insert(position, row)
                self._count(row, 1)
                self.endInsertRows()
            elif self._rows[position] != row:
                self._count(self._rows[position], -1)
                self._rows[position] = row
                self._count(row, 1)
                self.dataChanged.emit(self.index(position, 0),
                                      self.index(position, len(COLUMNS) - 1))

"""Table model of orphaned tags: tags whose text could not be re-found in a changed document.

``OrphansModel(bridge, parent=None)``: rows from ``session.orphans()`` (document record or
None, Tag); columns Document, Kind, Text, Note, Author. ``TagIdRole`` gives the tag id for
Re-attach / Delete. Reset on ``orphansChanged``, ``tagsChanged`` and ``panesChanged``
(orphans are few).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.ui.models._tags import TagIdRole, TagTableModel
from reader.ui.labels import kind_label, short_text

COLUMNS = ("Document", "Kind", "Text", "Note", "Author")
Index = QModelIndex | QPersistentModelIndex


class OrphansModel(TagTableModel):
    """Orphaned tags of the library's open documents, listed with their text."""

    columns = COLUMNS
    _rows: list[tuple[Any, Any]]

    def __init__(self, bridge: Any, parent: QObject | None = None) -> None:
        super().__init__(bridge, parent)
        bridge.tagsChanged.connect(lambda _pane: self.reload())
        bridge.panesChanged.connect(self.reload)
        bridge.orphansChanged.connect(lambda _count: self.reload())
        self.reload()

    def reload(self) -> None:
        """Read the orphans again from the session."""
        session = self._bridge.session
        self.beginResetModel()
        self._rows = [] if session is None else list(session.orphans())
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, kind icon, the full text as tooltip, tag id through TagIdRole."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record, tag = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            document = (record.title or record.path) if record is not None else "(unknown)"
            return (document, kind_label(tag.kind), short_text(tag.exact),
                    short_text(tag.note, 80), tag.author)[index.column()]
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 1:
            return self._icons.kind(tag.kind)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return tag.exact
        if role == TagIdRole:
            return tag.id
        return None

    def tag_id(self, row: int) -> int:
        """The id of the orphaned tag at ``row``."""
        return self._rows[row][1].id

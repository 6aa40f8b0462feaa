"""Table model of Find in Library results: one row per match, with its document, the
statement's number and the statement's text around the match.

``LibraryHitsModel(parent=None)``: ``set_hits(hits)`` replaces the rows (a reset: a new
query replaces every row); ``hit(row)`` gives the core LibraryHit back.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.core.find import LibraryHit

COLUMNS = ("Document", "Statement", "Text")
#: Characters of context shown either side of a match.
CONTEXT = 60
Index = QModelIndex | QPersistentModelIndex


def context_text(hit: LibraryHit, context: int = CONTEXT) -> str:
    """The statement's text around the match, the match in «guillemets», one line."""
    local_start = hit.start - hit.statement_start
    local_end = hit.end - hit.statement_start
    before = hit.text[max(0, local_start - context):local_start]
    after = hit.text[local_end:local_end + context]
    text = (("…" if local_start > context else "") + before + "«" + hit.match + "»" + after
            + ("…" if local_end + context < len(hit.text) else ""))
    return " ".join(text.split())


class LibraryHitsModel(QAbstractTableModel):
    """Matches found in the library; see module docstring."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[LibraryHit] = []

    def set_hits(self, hits: Sequence[LibraryHit]) -> None:
        """Show these matches instead."""
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> LibraryHit | None:
        """The match on ``row``."""
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        """Matches (none under an item: a flat table)."""
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        """Document, statement, text."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; the whole statement and the file as tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (hit.document.title or hit.document.path, f"{hit.statement + 1:,}",
                    context_text(hit))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.document.path if column == 0 else hit.text
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

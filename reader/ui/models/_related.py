"""Tree model of the current statement's related candidates, grouped by the other pane.

``RelatedModel(bridge, parent=None)``: top-level rows are the other open documents (title,
number of candidates); their children are candidates (the whole statement text, numbered
1..9 for Ctrl+number, score as a percent, "linked" when a link joins them at the window's
link threshold). ``PaneRole`` / ``StatementRole`` /
``ScoreRole`` / ``LinkedRole`` give raw values. It recomputes (model reset) on
``currentChanged``, ``focusChanged``, ``alignmentChanged``, ``linksChanged`` and
``panesChanged``; the candidates come from ``_correspondence.related_groups``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from reader.ui.models._correspondence import Candidate, RelatedGroup, related_groups
from reader.ui.labels import IconCache, column_header

PaneRole = Qt.ItemDataRole.UserRole + 1
StatementRole = Qt.ItemDataRole.UserRole + 2
ScoreRole = Qt.ItemDataRole.UserRole + 3
LinkedRole = Qt.ItemDataRole.UserRole + 4

COLUMNS = ("Statement", "Score")
#: Candidates numbered for Ctrl+1..9.
KEYED = 9
Index = QModelIndex | QPersistentModelIndex


class RelatedModel(QAbstractItemModel):
    """Candidates in each other document for the focused pane's current statement."""

    def __init__(self, bridge: Any, parent: QObject | None = None, top: int = 5) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self.top = top
        self._groups: list[RelatedGroup] = []
        self._icons = IconCache()
        bridge.currentChanged.connect(lambda _p, _s: self.reload())
        bridge.focusChanged.connect(lambda _p: self.reload())
        for signal in (bridge.alignmentChanged, bridge.linksChanged, bridge.panesChanged):
            signal.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Recompute the candidates of the focused pane's current statement."""
        session = self._bridge.session
        self.beginResetModel()
        self._groups = []
        if session is not None and session.panes:
            pane = session.focused
            if 0 <= pane < len(session.panes) and session.panes[pane].current >= 0:
                self._groups = related_groups(self._bridge, pane, session.panes[pane].current,
                                              self.top)
        self.endResetModel()

    def groups(self) -> list[RelatedGroup]:
        """The groups as shown."""
        return list(self._groups)

    def number(self, index: Index) -> int:
        """1-based place of a candidate row in the whole list (Ctrl+number links it)."""
        group = index.internalId() - 1
        return sum(len(g.candidates) for g in self._groups[:group]) + index.row() + 1

    def candidate(self, index: Index) -> Candidate | None:
        """The candidate at ``index`` (None for a document row)."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1].candidates[index.row()]

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        """Top-level rows carry id 0; a candidate carries its group's row + 1."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        """A candidate's parent is its document row."""
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        """Documents at the top, candidates below each."""
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()].candidates)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        """Statement and Score."""
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        return column_header(COLUMNS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Document rows: title and count; candidate rows: text, score, link mark."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            group = self._groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return group.title if index.column() == 0 else f"{len(group.candidates)}"
            if role == PaneRole:
                return group.pane
            return None
        item = self.candidate(index)
        assert item is not None
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 1:
                return f"{item.score:.0%}"
            number = self.number(index)     # the whole text: the panel wraps it
            return f"{number} · {item.text}" if number <= KEYED else item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            how = "manual link" if item.manual else "link" if item.linked else "candidate"
            number = self.number(index)
            key = f"; Ctrl+{number} links it" if number <= KEYED else ""
            return f"{how}, score {item.score:.2f}{key}"
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            # every row has an icon so the texts line up; linked ones stand out
            return self._icons.named("fa6s.thumbtack" if item.manual else "fa6s.link"
                                     if item.linked else "mdi6.approximately-equal")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return {PaneRole: item.pane, StatementRole: item.statement, ScoreRole: item.score,
                LinkedRole: item.linked}.get(role)

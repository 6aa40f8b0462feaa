"""The Related panel: for the current statement, its best candidates in each other document.

``RelatedPanel(bridge, parent=None, top=5)`` (a QWidget, accessible name "Related").
Signal ``jumpRequested(int pane, int statement)`` on a click on a candidate or Enter on it.
Attributes: ``model`` (RelatedModel), ``tree`` (QTreeView), ``heading`` (the current
statement), ``empty_label`` (why nothing is listed). Candidates joined to the statement by a
passage link come first with a link icon (a pin for manual links), then the best-scoring
others; scores are shown as percents.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QStyledItemDelegate,
                               QStyleOptionViewItem, QTreeView, QVBoxLayout,
                               QWidget)

from reader.ui.models import PaneRole, RelatedModel, StatementRole
from reader.ui.labels import short_text


class _WrappedText(QStyledItemDelegate):
    """Candidate rows as tall as their whole text wrapped to the column's width."""

    def __init__(self, tree: QTreeView) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Wrapped height for a candidate's text; the usual size for everything else."""
        size = super().sizeHint(option, index)
        if index.column() != 0 or not index.parent().isValid():
            return size
        depth = self.tree.indentation() * 2
        icon = self.tree.iconSize().width() if self.tree.iconSize().isValid() else 16
        width = max(60, self.tree.columnWidth(0) - depth - icon - 14)
        text = str(index.data() or "")
        bounds = option.fontMetrics.boundingRect(QRect(0, 0, width, 100_000),
                                                 int(Qt.TextFlag.TextWordWrap), text)
        return QSize(size.width(), max(size.height(), bounds.height() + 6))


class _CandidateTree(QTreeView):
    """A tree where Enter activates the current row on every platform, and rows follow the
    width when the panel is resized (their text wraps)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        """Wrap the texts again to the new width."""
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Enter or Return activates; other keys navigate as usual."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class RelatedPanel(QWidget):
    """Lists the current statement's related statements in the other panes."""

    jumpRequested = Signal(int, int)

    def __init__(self, bridge: Any, parent: QWidget | None = None, top: int = 5) -> None:
        super().__init__(parent)
        self.setAccessibleName("Related")
        self.setObjectName("relatedPanel")
        self._bridge = bridge
        self.model = RelatedModel(bridge, self, top=top)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Current statement")
        layout.addWidget(self.heading)
        self.tree = _CandidateTree(self)
        self.tree.setAccessibleName("Related statements")
        self.tree.setModel(self.model)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # each candidate's whole text, wrapped to the panel's width
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(_WrappedText(self.tree))
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setToolTip("Click or press Enter to go to a statement; Ctrl+number links it")
        self.tree.header().sectionResized.connect(
            lambda *_: self.tree.scheduleDelayedItemsLayout())
        self.tree.clicked.connect(self._jump_to)
        self.tree.activated.connect(self._jump_to)
        layout.addWidget(self.tree, 1)
        self.setFocusProxy(self.tree)  # focusing the panel (dock shortcut) lands in the list
        self.empty_label = QLabel(self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName("Related status")
        layout.addWidget(self.empty_label)
        self.model.modelReset.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        self.tree.expandAll()
        session = self._bridge.session
        statement = None
        if session is not None and session.panes and 0 <= session.focused < len(session.panes):
            pane = session.panes[session.focused]
            if 0 <= pane.current < len(pane.statements):
                statement = pane.statements[pane.current].text
        self.heading.setText(f"“{short_text(statement, 200)}”" if statement else "")
        groups = self.model.groups()
        if statement is None:
            message = "No statement selected."
        elif not groups:
            message = "Open another document to see related statements."
        elif not any(group.candidates for group in groups):
            message = "Nothing related found yet (alignment may still be running)."
        else:
            message = ""
            first = self.model.index(0, 0, self.model.index(
                next(i for i, g in enumerate(groups) if g.candidates), 0))
            self.tree.setCurrentIndex(first)
        self.empty_label.setText(message)
        self.empty_label.setVisible(bool(message))

    def _jump_to(self, index: QModelIndex) -> None:
        statement = index.data(StatementRole)
        if statement is not None:
            self.jumpRequested.emit(int(index.data(PaneRole)), int(statement))

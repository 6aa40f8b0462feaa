"""The key remapping table of the settings dialog: one row per action, two key columns.

``KeymapTable(defaults, overrides, parent=None)``: ``defaults`` is the session keymap
(key text -> action), ``overrides`` action -> tuple of key texts. Enter, F2 or a double
click records a new key with a QKeySequenceEdit; Delete clears a cell. Signal ``changed()``.
``overrides()`` returns the actions whose keys differ from the defaults, ``conflicts()`` the
keys given to more than one action.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QKeySequenceEdit,
                               QStyledItemDelegate, QStyleOptionViewItem, QTableWidget,
                               QTableWidgetItem, QWidget)

from reader.ui.dialogs._keymap_text import action_text, keys_by_action, ordered_actions
from reader.ui.labels import key_text

KEY_COLUMNS = 2
KeyRole = Qt.ItemDataRole.UserRole + 1
ActionRole = Qt.ItemDataRole.UserRole + 2


class KeySequenceDelegate(QStyledItemDelegate):
    """Edits a key cell with a QKeySequenceEdit that records one key and closes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        """A one-key recorder that commits as soon as a key is pressed."""
        editor = QKeySequenceEdit(parent)
        editor.setMaximumSequenceLength(1)
        editor.setAccessibleName("New key")
        editor.editingFinished.connect(lambda: self._finish(editor))
        return editor

    def _finish(self, editor: QKeySequenceEdit) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget,  # noqa: N802 (Qt override)
                      index: QModelIndex | QPersistentModelIndex) -> None:
        """Start from an empty recorder so the next key press is the new key."""
        assert isinstance(editor, QKeySequenceEdit)
        editor.clear()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> None:
        """Store the recorded key (portable text) in the cell."""
        assert isinstance(editor, QKeySequenceEdit)
        sequence = editor.keySequence()
        if sequence.isEmpty():
            return  # closed without a key: keep the old one
        text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        model.setData(index, text, KeyRole)
        model.setData(index, key_text(text), Qt.ItemDataRole.DisplayRole)


class KeymapTable(QTableWidget):
    """Action | Key | Alternative key, editable from the keyboard."""

    changed = Signal()

    def __init__(self, defaults: dict[str, str], overrides: dict[str, tuple[str, ...]],
                 parent: QWidget | None = None) -> None:
        super().__init__(0, 1 + KEY_COLUMNS, parent)
        self.setAccessibleName("Key remapping")
        self.setHorizontalHeaderLabels(["Action", "Key", "Alternative"])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().hide()
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setItemDelegate(KeySequenceDelegate(self))
        self._defaults = keys_by_action(defaults)
        self._actions = ordered_actions(defaults)
        self.activated.connect(self._edit_if_key_cell)
        self.itemChanged.connect(lambda _item: self.changed.emit())
        self._fill(overrides)

    def _fill(self, overrides: dict[str, tuple[str, ...]]) -> None:
        self.blockSignals(True)
        self.setRowCount(len(self._actions))
        for row, action in enumerate(self._actions):
            name = QTableWidgetItem(action_text(action))
            name.setData(ActionRole, action)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.setItem(row, 0, name)
            keys = list(overrides.get(action, self._defaults.get(action, ())))
            for column in range(KEY_COLUMNS):
                key = keys[column] if column < len(keys) else ""
                item = QTableWidgetItem(key_text(key) if key else "")
                item.setData(KeyRole, key)
                item.setToolTip("Enter or F2 to record a new key; Delete to clear")
                self.setItem(row, 1 + column, item)
        self.blockSignals(False)
        self.changed.emit()

    def _edit_if_key_cell(self, index: QModelIndex) -> None:
        if index.column() >= 1:
            self.edit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Delete or Backspace clears the current key cell."""
        item = self.currentItem()
        if (event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None
                and item.column() >= 1 and self.state() != self.State.EditingState):
            item.setData(KeyRole, "")
            item.setText("")
            return
        super().keyPressEvent(event)

    def set_key(self, action: str, column: int, key: str) -> None:
        """Give ``action`` this key in key column ``column`` (0 or 1); "" clears it."""
        item = self.item(self._actions.index(action), 1 + column)
        item.setData(KeyRole, key)
        item.setText(key_text(key) if key else "")

    def keys(self) -> dict[str, tuple[str, ...]]:
        """Every action's keys as shown."""
        out: dict[str, tuple[str, ...]] = {}
        for row, action in enumerate(self._actions):
            keys = (self.item(row, 1 + c).data(KeyRole) for c in range(KEY_COLUMNS))
            out[action] = tuple(k for k in keys if k)
        return out

    def overrides(self) -> dict[str, tuple[str, ...]]:
        """Actions whose keys differ from the defaults."""
        return {action: keys for action, keys in self.keys().items()
                if keys != tuple(self._defaults.get(action, ()))[:KEY_COLUMNS]}

    def conflicts(self) -> dict[str, list[str]]:
        """Readable key -> the actions that share it, for keys used more than once."""
        users: dict[str, list[str]] = {}
        for action, keys in self.keys().items():
            for key in keys:
                users.setdefault(_normal(key), []).append(action_text(action))
        return {key_text(k): names for k, names in users.items() if len(names) > 1}

    def reset_to_defaults(self) -> None:
        """Show the default keys again."""
        self._fill({})


def _normal(key: str) -> str:
    """One spelling per key so "shift+g" and "Shift+G" count as the same."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) or key

"""Help > Keyboard Shortcuts, and the translucent overlay shown on ``?``.

- ``ShortcutsDialog(keymap=None, parent=None)``: a table "Action | Keys" grouped by Move,
  Tag, Links, Edit, Help. ``ShortcutsDialog.ask(parent, keymap=None)`` shows it modally and
  returns None. ``keymap`` is the session's form (key text -> action name); None means the
  default keymap merged with the user's settings.
- ``ShortcutsOverlay(parent_window, keymap=None)``: a child widget covering its parent with
  the same list on a translucent backdrop. ``popup()`` shows it over the window and takes the
  keyboard focus; any key (Escape included) or a click hides it and gives focus back.
  Signal ``dismissed()`` after it hides. ``set_keymap(keymap)`` after a remapping.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QGridLayout,
                               QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from reader.ui.dialogs._keymap_text import default_keymap, keymap_rows


class ShortcutsDialog(QDialog):
    """Lists every keyboard action with its keys, grouped."""

    def __init__(self, keymap: dict[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.resize(640, 600)
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Shortcut list")
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.set_keymap(keymap if keymap is not None else default_keymap())

    def set_keymap(self, keymap: dict[str, str]) -> None:
        """Show this keymap."""
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for group, action, text, keys in keymap_rows(keymap):
            if group not in groups:
                groups[group] = QTreeWidgetItem(self.tree, [group])
                font = groups[group].font(0)
                font.setBold(True)
                groups[group].setFont(0, font)
                groups[group].setFirstColumnSpanned(True)
            item = QTreeWidgetItem(groups[group], [text, keys])
            item.setData(0, Qt.ItemDataRole.UserRole, action)
        self.tree.expandAll()

    def rows(self) -> list[tuple[str, str]]:
        """(description, keys) as shown, for tests and screen readers."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out.extend((group.child(j).text(0), group.child(j).text(1))
                       for j in range(group.childCount()))
        return out

    @classmethod
    def ask(cls, parent: QWidget | None = None, keymap: dict[str, str] | None = None) -> None:
        """Show the list modally; returns None."""
        cls(keymap, parent).exec()
        return None


class ShortcutsOverlay(QWidget):
    """A translucent sheet over the window listing the keys; any key or click dismisses it."""

    dismissed = Signal()

    def __init__(self, parent_window: QWidget, keymap: dict[str, str] | None = None) -> None:
        super().__init__(parent_window)
        self.setObjectName("shortcutsOverlay")
        self.setAccessibleName("Keyboard shortcuts overlay")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self._previous_focus: QWidget | None = None
        self._sheet = QWidget(self)
        self._sheet.setObjectName("shortcutsSheet")
        self._sheet.setAutoFillBackground(True)
        self._grid = QGridLayout(self._sheet)
        self._grid.setHorizontalSpacing(14)
        self._grid.setVerticalSpacing(4)
        self._grid.setContentsMargins(24, 18, 24, 18)
        self._grid.setColumnMinimumWidth(2, 60)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self._sheet, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        parent_window.installEventFilter(self)
        self.hide()
        self.set_keymap(keymap if keymap is not None else default_keymap())

    def set_keymap(self, keymap: dict[str, str]) -> None:
        """Show this keymap: groups with a heading each, in two balanced columns."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        title = QLabel("<b>Keyboard shortcuts</b> — press any key to close", self._sheet)
        self._grid.addWidget(title, 0, 0, 1, 4, Qt.AlignmentFlag.AlignHCenter)
        groups: dict[str, list[tuple[str, str]]] = {}
        for group, _action, text, keys in keymap_rows(keymap):
            groups.setdefault(group, []).append((text, keys))
        total = sum(len(rows) + 1 for rows in groups.values())
        self.entries = [entry for rows in groups.values() for entry in rows]
        column, row, used = 0, 1, 0
        for group, rows in groups.items():
            if column == 0 and used and used + len(rows) / 2 > total / 2:
                column, row = 2, 1  # start the right column where it balances best
            heading = QLabel(f"<i>{group}</i>", self._sheet)
            self._grid.addWidget(heading, row, column + 1)
            row += 1
            for text, keys in rows:
                key_label = QLabel(f"<b>{escape(keys, quote=False)}</b>", self._sheet)
                key_label.setTextFormat(Qt.TextFormat.RichText)
                text_label = QLabel(text, self._sheet)
                text_label.setTextFormat(Qt.TextFormat.PlainText)
                self._grid.addWidget(key_label, row, column, Qt.AlignmentFlag.AlignRight)
                self._grid.addWidget(text_label, row, column + 1)
                row += 1
            used += len(rows) + 1
        font = self._sheet.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # read from a distance, at a glance
        self._sheet.setFont(font)

    def popup(self) -> None:
        """Cover the parent window, show the list and take the keyboard focus."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        app_focus = self.window().focusWidget()
        self._previous_focus = app_focus if app_focus is not self else None
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.PopupFocusReason)

    def dismiss(self) -> None:
        """Hide and give the focus back to the widget that had it."""
        if not self.isVisible():
            return
        self.hide()
        if self._previous_focus is not None:
            self._previous_focus.setFocus(Qt.FocusReason.PopupFocusReason)
        self.dismissed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        """Any key hides the overlay (modifier keys alone do not)."""
        if event.key() in (Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt,
                           Qt.Key.Key_Meta):
            return
        event.accept()
        self.dismiss()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        """A click anywhere hides the overlay."""
        event.accept()
        self.dismiss()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        """Dim the window under the sheet."""
        painter = QPainter(self)
        base = self.palette().color(self.palette().ColorRole.Shadow)
        painter.fillRect(self.rect(), QColor(base.red(), base.green(), base.blue(), 150))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Follow the parent's size while shown."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize \
                and self.isVisible():
            self.setGeometry(self.parentWidget().rect())
        return False

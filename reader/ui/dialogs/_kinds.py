"""Tag > Edit Kinds…: the library's codebook. Add kinds, rename them, give them a key, a
colour and a margin shape, retire them; the built-in kinds are listed but fixed.

``KindsDialog.ask(parent, store, taken_keys)`` returns True when the codebook changed.
Changes are written on OK, one kind per transaction; a kind that cannot be written (a name
taken, a key the keymap uses) is named in the dialog, which stays open. Kinds are never
deleted: a retired kind keeps its tags, shows them and exports them, but has no key and is
not offered for new tags.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QComboBox, QDialog,
                               QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from reader.core.session import normalize_key
from reader.core.store import NEW_KIND_COLORS, SHAPES, Kind, KindError
from reader.ui.tag_style import shape_icon

COLUMNS = ("Name", "Description", "Key", "Colour", "Shape", "Retired", "Tags")
NAME, DESCRIPTION, KEY, COLOR, SHAPE, RETIRED, COUNT = range(len(COLUMNS))
_FIXED = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class KindsDialog(QDialog):
    """The codebook as a table; see the module doc."""

    def __init__(self, store: Any, taken_keys: set[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Kinds")
        self.setAccessibleName("Edit kinds")
        self.resize(880, 400)
        self.store = store
        self.taken_keys = {normalize_key(k) for k in taken_keys if k}
        self.changed = False
        self.renamed: dict[str, str] = {}  # old name -> new name, for the open session
        self._original: dict[int, Kind] = {}  # row -> the kind as stored
        layout = QVBoxLayout(self)
        intro = QLabel("Opinion, claim and quotation are built in: one of them per statement. "
                       "Kinds of this library are labels added on top (a verdict, a code); "
                       "their key toggles them. Retired kinds keep their tags.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setAccessibleName("Kinds")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # every column in view (no sideways scrolling to find Retired and Tags); the
        # description takes what is left and wraps
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton("&Add Kind", self)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.color_button = QPushButton("&Colour…", self)
        self.color_button.clicked.connect(self.pick_color)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.color_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.error_label = QLabel("", self)
        self.error_label.setAccessibleName("Problem")
        self.error_label.setStyleSheet("color: #B42318")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        usage = store.kinds.usage()
        for kind in store.kinds.all():
            self._add(kind, usage.get(kind.name, 0))

    # -- rows ------------------------------------------------------------------------------

    def _add(self, kind: Kind, count: int, new: bool = False) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = (kind.name, kind.description, kind.key, kind.color)
        for column, value in zip((NAME, DESCRIPTION, KEY, COLOR), values):
            item = QTableWidgetItem(value)
            if kind.builtin:
                item.setFlags(_FIXED)
            self.table.setItem(row, column, item)
        self._paint_color(row)
        shape = QComboBox(self.table)
        shape.setAccessibleName(f"Shape of {kind.name or 'the new kind'}")
        color = QColor(kind.color or "#57606A")
        for name in SHAPES:
            shape.addItem(shape_icon(name, color), name, name)
        if kind.builtin:
            shape.clear()
            shape.addItem(shape_icon(kind.name, color), kind.shape, kind.shape)
            shape.setEnabled(False)
        else:
            shape.setCurrentIndex(max(0, SHAPES.index(kind.shape) if kind.shape in SHAPES
                                      else 0))
        self.table.setCellWidget(row, SHAPE, shape)
        retired = QTableWidgetItem("")
        retired.setFlags(_FIXED if kind.builtin else _FIXED | Qt.ItemFlag.ItemIsUserCheckable)
        if not kind.builtin:
            retired.setCheckState(Qt.CheckState.Checked if kind.retired
                                  else Qt.CheckState.Unchecked)
        self.table.setItem(row, RETIRED, retired)
        counted = QTableWidgetItem(str(count))
        counted.setFlags(_FIXED)
        self.table.setItem(row, COUNT, counted)
        if not new:
            self._original[row] = kind
        return row

    def add_row(self, name: str = "") -> int:
        """A new, empty kind at the end (named ``name``); its name cell is being edited."""
        own = sum(1 for k in self._original.values() if not k.builtin)
        color = NEW_KIND_COLORS[(own + self.table.rowCount()) % len(NEW_KIND_COLORS)]
        row = self._add(Kind(name, color=color), 0, new=True)
        self.table.setCurrentCell(row, NAME)
        if not name:
            self.table.editItem(self.table.item(row, NAME))
        return row

    def _paint_color(self, row: int) -> None:
        item = self.table.item(row, COLOR)
        color = QColor(item.text())
        if color.isValid():
            item.setData(Qt.ItemDataRole.DecorationRole, color)

    @staticmethod
    def ask_color(parent: QWidget, initial: QColor) -> QColor:
        """The colour picker (tests patch this)."""
        return QColorDialog.getColor(initial, parent, "Colour of the kind")

    def pick_color(self) -> None:
        """Choose the colour of the selected kind."""
        row = self.table.currentRow()
        if row < 0 or self._row_kind(row).builtin:
            return
        color = self.ask_color(self, QColor(self.table.item(row, COLOR).text()))
        if color.isValid():
            self.table.item(row, COLOR).setText(color.name().upper())
            self._paint_color(row)

    def _row_kind(self, row: int) -> Kind:
        original = self._original.get(row)
        if original is not None and original.builtin:
            return original
        shape = self.table.cellWidget(row, SHAPE)
        return Kind(self.table.item(row, NAME).text(), self.table.item(row, DESCRIPTION).text(),
                    self.table.item(row, KEY).text().strip(),
                    self.table.item(row, COLOR).text().strip(),
                    shape.currentData() if isinstance(shape, QComboBox) else "diamond",
                    self.table.item(row, RETIRED).checkState() == Qt.CheckState.Checked)

    # -- writing ----------------------------------------------------------------------------

    def _check_keys(self, rows: list[tuple[int, Kind]]) -> None:
        seen: dict[str, str] = {}
        for _row, kind in rows:
            if not kind.key or kind.builtin or kind.retired:
                continue
            key = normalize_key(kind.key)
            if key in self.taken_keys:
                raise KindError(f"{kind.name}: the key {kind.key!r} is used by another action")
            if key in seen:
                raise KindError(f"{kind.name}: the key {kind.key!r} is taken by {seen[key]}")
            seen[key] = kind.name

    def apply(self) -> bool:
        """Write every change; False (and the problem shown) when one cannot be written."""
        rows = [(row, self._row_kind(row)) for row in range(self.table.rowCount())]
        try:
            self._check_keys(rows)
            for row, kind in rows:
                if kind.builtin:
                    continue
                key = normalize_key(kind.key) if kind.key else ""
                old = self._original.get(row)
                if old is None:
                    if not kind.name.strip():
                        continue  # an added row left empty
                    stored = self.store.kinds.add(kind.name, kind.description, key, kind.color,
                                                  kind.shape)
                    if kind.retired:
                        stored = self.store.kinds.update(stored.name, retired=True)
                    self.changed = True
                elif (kind.name, kind.description, key, kind.color.upper(), kind.shape,
                      kind.retired) != (old.name, old.description, old.key, old.color,
                                        old.shape, old.retired):
                    stored = self.store.kinds.update(
                        old.name, new_name=kind.name, description=kind.description, key=key,
                        color=kind.color, shape=kind.shape, retired=kind.retired)
                    if stored.name != old.name:
                        first = next((k for k, v in self.renamed.items() if v == old.name),
                                     old.name)
                        self.renamed[first] = stored.name
                    self.changed = True
                else:
                    continue
                self._original[row] = stored
        except KindError as exc:
            self.error_label.setText(str(exc))
            return False
        return True

    def accept(self) -> None:
        """OK: write the changes, or stay open naming the problem."""
        if self.apply():
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, store: Any,
            taken_keys: set[str]) -> dict[str, str] | None:
        """Show the dialog; None when the codebook did not change, else the kinds renamed
        (old name -> new name; empty when none was)."""
        dialog = cls(store, taken_keys, parent)
        dialog.exec()
        return dialog.renamed if dialog.changed else None

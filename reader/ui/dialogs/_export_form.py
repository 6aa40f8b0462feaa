"""The widgets of the export dialog, apart from the dialog's logic so both stay short.

``ExportForm(store, formats, checked_paths, parent)``: ``formats`` is a list of (name,
label, suffix). Signals ``changed()`` on any edit and ``browse_requested()``.
``filters()`` builds the core ExportFilter (raises ExportError for a bad one), ``path()``
the destination or None, ``format_spec()`` the chosen (name, label, suffix),
``show_count(n, error=None)`` updates the count line and the OK button.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout, QWidget)

from reader.core.export import ExportFilter
from reader.ui.labels import KIND_LABELS, icon, kind_icon
from reader.ui.tag_style import shape_icon

ANY_AUTHOR = "Any author"


class ExportForm(QObject):
    """Format, kind, document, author, date and destination inputs with a count line."""

    changed = Signal()
    browse_requested = Signal()

    def __init__(self, store: Any, formats: list[tuple[str, str, str]],
                 checked_paths: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._formats = formats
        self.format_combo = QComboBox(parent)
        self.format_combo.setAccessibleName("Export format")
        for name, label, suffix in formats:
            self.format_combo.addItem(f"{label} ({suffix})", name)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.kind_boxes: dict[str, QCheckBox] = {}
        codebook = {k.name: k for k in store.kinds.all()}
        own = [(k.name, k.name) for k in codebook.values() if not k.builtin]
        for kind, label in [*KIND_LABELS, ("note", "Notes"), *own]:
            box = QCheckBox(label, parent)
            entry = codebook.get(kind)
            # the library's own kinds and notes in their margin shape and colour, as the
            # built-in ones are
            box.setIcon(kind_icon(kind) if entry is None or kind in dict(KIND_LABELS)
                        else shape_icon(entry.shape, QColor(entry.color or "#57606A")))
            box.setChecked(True)
            box.setAccessibleName(f"Export {label.lower()} tags")
            box.toggled.connect(self.changed)
            self.kind_boxes[kind] = box
        self.document_list = QListWidget(parent)
        self.document_list.setAccessibleName("Documents to export (none checked: all)")
        self.document_list.setToolTip("Check documents to export only those; none checked "
                                      "exports every document")
        checked = set(checked_paths) | {_absolute(p) for p in checked_paths}
        seen: set[str] = set()
        for record in store.documents():
            if record.path in seen:
                continue  # older versions of the same file share its path
            seen.add(record.path)
            item = QListWidgetItem(record.title or record.path or "(untitled)",
                                   self.document_list)
            item.setToolTip(record.path)
            item.setData(Qt.ItemDataRole.UserRole, record.path)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if record.path in checked
                               else Qt.CheckState.Unchecked)
        self.document_list.itemChanged.connect(lambda _item: self.changed.emit())
        self.author_combo = QComboBox(parent)
        self.author_combo.setAccessibleName("Author")
        self.author_combo.addItem(ANY_AUTHOR, None)
        for author in sorted({tag.author for tag in store.tag_table.tags()}):
            self.author_combo.addItem(author or "(no author)", author)
        self.author_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.since_box = QCheckBox("Only tagged &since", parent)
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1), parent)
        self.since_edit.setCalendarPopup(True)
        self.since_edit.setDisplayFormat("yyyy-MM-dd")
        self.since_edit.setAccessibleName("Tagged since date")
        self.since_edit.setEnabled(False)
        self.since_box.toggled.connect(self.since_edit.setEnabled)
        self.since_box.toggled.connect(self.changed)
        self.since_edit.dateChanged.connect(lambda _d: self.changed.emit())
        self.path_edit = QLineEdit(parent)
        self.path_edit.setAccessibleName("Destination file")
        self.path_edit.setPlaceholderText("Choose a file…")
        self.path_edit.textChanged.connect(lambda _t: self.changed.emit())
        self.browse_button = QPushButton(icon("fa6s.folder-open"), "&Browse…", parent)
        self.browse_button.clicked.connect(self.browse_requested)
        self.count_label = QLabel(parent)
        self.count_label.setAccessibleName("Number of tags to export")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, parent)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("&Export")
        self._count_ok = False

    def install(self, dialog: QWidget) -> None:
        """Lay the widgets out on ``dialog``."""
        layout = QVBoxLayout(dialog)
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        kinds = QHBoxLayout()
        for box in self.kind_boxes.values():
            kinds.addWidget(box)
        kinds.addStretch(1)
        form.addRow("Kinds:", kinds)
        form.addRow("&Documents:", self.document_list)
        form.addRow("&Author:", self.author_combo)
        since = QHBoxLayout()
        since.addWidget(self.since_box)
        since.addWidget(self.since_edit)
        since.addStretch(1)
        form.addRow("", since)
        destination = QHBoxLayout()
        destination.addWidget(self.path_edit, 1)
        destination.addWidget(self.browse_button)
        to_label = QLabel("&To file:", dialog)
        to_label.setBuddy(self.path_edit)  # a row of widgets gets no buddy by itself
        form.addRow(to_label, destination)
        layout.addLayout(form)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)

    def format_spec(self) -> tuple[str, str, str]:
        """The chosen (format name, label, suffix)."""
        return self._formats[max(0, self.format_combo.currentIndex())]

    def _format_changed(self, _index: int) -> None:
        """Keep the destination's suffix in step with the format."""
        text = self.path_edit.text().strip()
        if text:
            suffixes = {suffix for _n, _l, suffix in self._formats}
            path = Path(text)
            if path.suffix in suffixes:
                self.path_edit.setText(str(path.with_suffix(self.format_spec()[2])))
        self.changed.emit()

    def set_path(self, path: str) -> None:
        """Use this destination, adding the format's suffix when it has none."""
        chosen = Path(path)
        if not chosen.suffix:
            chosen = chosen.with_suffix(self.format_spec()[2])
        self.path_edit.setText(str(chosen))

    def path(self) -> Path | None:
        """The destination file, or None when empty."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def filters(self) -> ExportFilter:
        """The filter the inputs describe."""
        kinds = tuple(kind for kind, box in self.kind_boxes.items() if box.isChecked())
        paths = tuple(self.document_list.item(i).data(Qt.ItemDataRole.UserRole)
                      for i in range(self.document_list.count())
                      if self.document_list.item(i).checkState() == Qt.CheckState.Checked)
        author = self.author_combo.currentData()
        since = self.since_edit.date().toString("yyyy-MM-dd") if self.since_box.isChecked() \
            else None
        if not kinds:
            # No kind checked means nothing, not "no restriction"; say so rather than export all.
            from reader.core.export import ExportError

            raise ExportError("check at least one kind")
        all_kinds = len(kinds) == len(self.kind_boxes)
        return ExportFilter(kinds=() if all_kinds else kinds, document_paths=paths,
                            authors=(author,) if author is not None else (), since=since)

    def show_count(self, count: int | None, error: str | None = None) -> None:
        """Show how many tags match (or why none can), and enable Export accordingly."""
        if count is None:
            self.count_label.setText(f"Nothing to export: {error}")
        elif count == 0:
            self.count_label.setText("No tags match these filters.")
        else:
            self.count_label.setText(f"{count} tag{'s' if count != 1 else ''} will be exported.")
        self._count_ok = bool(count)
        self.ok_button.setEnabled(self._count_ok and self.path() is not None)


def _absolute(path: str) -> str:
    """The form the library remembers a path in (absolute, links resolved)."""
    try:
        return str(Path(path).expanduser().resolve())
    except OSError:
        return path

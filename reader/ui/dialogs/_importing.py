"""File > Import: choose a JSON, JSONL or W3C file, preview it, merge it into the library.

- ``ImportDialog(parent=None, path=None)``: a destination-free form: the file (with
  Browse...), and a preview line ("12 tags for 2 documents") or the error naming the line or
  field at fault; Import stays disabled until the file reads cleanly.
  ``ImportDialog.ask(parent, path=None) -> Path | None``.
- ``report_import(window, path, outcome) -> str``: after the window's import job (run off
  the GUI thread, on its own connection), tell the user what was added, what stopped it
  part-way (what it merged is kept; again, it adds the rest) or why nothing was; the
  status-bar line. The window then reloads the open panes' tags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from reader.core.errors import ReaderError
from reader.core.store import BUILTIN_CODEBOOK
from reader.ui.labels import icon

BUILTIN_CODEBOOK_NAMES = frozenset(k.name for k in BUILTIN_CODEBOOK)

FILE_FILTER = ("Tag files (*.json *.jsonl *.jsonld);;JSON (*.json);;JSON Lines (*.jsonl);;"
               "W3C Web Annotation (*.jsonld *.json);;All files (*)")


def preview(path: Path) -> tuple[str, bool]:
    """A one-line description of what ``path`` holds, and whether it can be imported."""
    from reader.core.export import read_import_file

    try:
        read = read_import_file(path)
    except ReaderError as exc:
        return str(exc), False
    tags = read.tags
    documents = {(tag.document.sha256, tag.document.path) for tag in tags}
    if not tags:
        return "The file holds no tags.", False
    kinds = sorted({k.name for k in read.kinds} | {t.kind for t in tags
                                                   if t.kind not in BUILTIN_CODEBOOK_NAMES})
    own = f" Kinds of its own: {', '.join(kinds)}." if kinds else ""
    return (f"{len(tags)} tag{'s' if len(tags) != 1 else ''} for {len(documents)} "
            f"document{'s' if len(documents) != 1 else ''}.{own}"), True


class ImportDialog(QDialog):
    """Picks a file to import and says what it holds before anything is written."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Tags")
        self.setAccessibleName("Import tags")
        self.setWindowIcon(icon("fa6s.file-import"))
        self.resize(520, 160)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(path) if path else "", self)
        self.path_edit.setAccessibleName("File to import")
        self.path_edit.setPlaceholderText("A JSON, JSONL or W3C annotation file")
        self.browse_button = QPushButton(icon("fa6s.folder-open"), "&Browse…", self)
        self.browse_button.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form.addRow("&File:", row)
        layout.addLayout(form)
        self.preview_label = QLabel(self)
        self.preview_label.setWordWrap(True)
        self.preview_label.setAccessibleName("What the file holds")
        layout.addWidget(self.preview_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText("&Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.path_edit.editingFinished.connect(self._update)
        self.path_edit.textChanged.connect(lambda _t: self.import_button.setEnabled(False))
        self._update()

    def _browse(self) -> None:
        path, _selected = QFileDialog.getOpenFileName(self, "Import tags",
                                                      self.path_edit.text(), FILE_FILTER)
        if path:
            self.path_edit.setText(path)
            self._update()

    def _update(self) -> None:
        path = self.path()
        if path is None:
            self.preview_label.setText("Choose a file exported by Source Reader, or a W3C "
                                       "Web Annotation file.")
            self.import_button.setEnabled(False)
            return
        message, ok = preview(path)
        self.preview_label.setText(message)
        self.import_button.setEnabled(ok)

    def path(self) -> Path | None:
        """The chosen file, or None."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    @classmethod
    def ask(cls, parent: QWidget | None = None, path: Path | None = None) -> Path | None:
        """Show the dialog; the file to import on Import, None on Cancel."""
        dialog = cls(parent, path)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.path()


def report_import(window: QWidget | None, path: Path, outcome: Any) -> str:
    """Tell the user what an import did, in a message box; the status-bar line.

    ``outcome``: the import job's ImportOutcome, or its error message (then nothing was
    imported)."""
    if isinstance(outcome, str):
        QMessageBox.warning(window, "Import failed", f"{outcome}\n\nNothing was imported.")
        return f"Import of {path.name} failed; the library is unchanged"
    if outcome.stopped:
        QMessageBox.warning(window, "Import stopped",
                            f"{outcome.stopped}\n\nWhat was imported before it is kept.")
        return f"Import of {path.name} stopped part-way; importing it again adds the rest"
    QMessageBox.information(window, "Import finished",
                            outcome.result.summary().capitalize() + ".")
    return f"{path.name}: {outcome.result.summary()}"

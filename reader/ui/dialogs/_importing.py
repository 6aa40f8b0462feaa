"""File > Import: choose a JSON, JSONL or W3C file, preview it, merge it into the library.

- ``ImportDialog(parent=None, path=None, runner=None)``: a destination-free form: the file
  (with Browse...), and a preview line ("12 tags for 2 documents") or the error naming the
  line or field at fault; Import stays disabled until the file reads cleanly. Given the
  window's ``runner``, a big file is read in its helper process ("Reading NAME…" meanwhile).
  ``ImportDialog.ask(parent, path=None, runner=None) -> Path | None``.
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

from shiboken6 import isValid

from reader.core.export import describe_import_file
from reader.ui.jobs import is_big_file
from reader.ui.labels import icon

FILE_FILTER = ("Tag files (*.json *.jsonl *.jsonld);;JSON (*.json);;JSON Lines (*.jsonl);;"
               "W3C Web Annotation (*.jsonld *.json);;All files (*)")


class ImportDialog(QDialog):
    """Picks a file to import and says what it holds before anything is written."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None,
                 runner: Any = None) -> None:
        super().__init__(parent)
        #: the window's TaskRunner: big files are read for the preview in its helper
        #: process (2.2 s for 100,000 tags), so the dialog keeps answering meanwhile
        self.runner = runner
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
        if self.runner is not None and is_big_file(path):
            self.preview_label.setText(f"Reading {path.name}…")
            self.import_button.setEnabled(False)
            self.runner.submit_job(
                "preview_import", str(path), in_process=True, label=f"Reading {path.name}",
                on_success=lambda result, asked=path: self._previewed(asked, *result),
                on_failure=lambda message, asked=path: self._previewed(asked, message, False))
            return
        self._previewed(path, *describe_import_file(path))

    def _previewed(self, path: Path, message: str, ok: bool) -> None:
        if not isValid(self) or path != self.path():
            return   # closed, or another file chosen meanwhile: its own preview follows
        self.preview_label.setText(message)
        self.import_button.setEnabled(ok)

    def path(self) -> Path | None:
        """The chosen file, or None."""
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    @classmethod
    def ask(cls, parent: QWidget | None = None, path: Path | None = None,
            runner: Any = None) -> Path | None:
        """Show the dialog; the file to import on Import, None on Cancel."""
        dialog = cls(parent, path, runner)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.path()


def report_import(window: QWidget | None, path: Path, outcome: Any) -> str:
    """Tell the user what an import did, in a message box; the status-bar line."""
    return report_outcome(window, path, outcome, ("Import", "imported", "importing"))


def report_outcome(parent: QWidget | None, path: Path, outcome: Any,
                   verb: tuple[str, str, str]) -> str:
    """Tell the user what an import or merge did, in a message box; the status-bar line.

    ``outcome``: the job's ImportOutcome, or its error message (then nothing was written);
    ``verb``: ("Import", "imported", "importing") or the like."""
    name, done, doing = verb
    if isinstance(outcome, str):
        QMessageBox.warning(parent, f"{name} failed", f"{outcome}\n\nNothing was {done}.")
        return f"{name} of {path.name} failed; the library is unchanged"
    if outcome.stopped:
        QMessageBox.warning(parent, f"{name} stopped",
                            f"{outcome.stopped}\n\nWhat was {done} before it is kept.")
        return f"{name} of {path.name} stopped part-way; {doing} it again adds the rest"
    QMessageBox.information(parent, f"{name} finished",
                            outcome.result.summary().capitalize() + ".")
    return f"{path.name}: {outcome.result.summary()}"

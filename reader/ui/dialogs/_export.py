"""File > Export... (Ctrl+E): format, filters, destination, and a live count.

- ``ExportDialog(store, parent=None, documents=None)``: ``store`` is the open core Store;
  ``documents`` optionally the paths to pre-check (the open panes). Shows the formats of
  ``reader.core.export._formats``, kind checkboxes, a checkable document list, an author choice, an
  optional "tagged since" date, a destination with Browse..., and "N tags will be exported"
  updated on every change. OK stays disabled while nothing would be exported or no
  destination is chosen.
- ``ExportDialog.ask(parent, store, documents=None) -> ExportChoice | None``.
- ``export_to_file(store, choice) -> int`` writes the file and returns the number of tags.
- ``export_interactively(parent, store, documents=None) -> str | None``: ask, write, and
  return a status-bar message (or None when cancelled); errors are shown in a message box.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from reader.core.errors import ReaderError
from reader.core.export import ExportFilter
from reader.ui.dialogs._export_form import ExportForm
from reader.ui.labels import icon


@dataclass(frozen=True)
class ExportChoice:
    """What the user asked for: a format name, the filter, and the file to write."""

    fmt: str
    filters: ExportFilter
    path: Path


def default_export_path(suffix: str, today: date | None = None) -> Path:
    """Where an export goes unless the reader picks a file: the Documents folder (else the
    home folder), named by the date, never over an existing file."""
    home = Path.home()
    folder = home / "Documents" if (home / "Documents").is_dir() else home
    stem = f"source-reader-tags-{(today or date.today()).isoformat()}"
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{suffix}"
        number += 1
    return path


def export_formats() -> list[tuple[str, str, str]]:
    """(format name, label, file suffix) of every format the core can write."""
    from reader.core.export import FORMATS

    return [(name, spec.label, spec.suffix) for name, spec in FORMATS.items()]


def count_for(store: Any, filters: ExportFilter) -> int:
    """How many tags ``filters`` selects (the core's count)."""
    from reader.core.export import count_records

    return count_records(store, filters)


def export_to_file(store: Any, choice: ExportChoice) -> int:
    """Write the chosen export to its file; returns how many tags were written."""
    from reader.core.export import export_tags

    return export_tags(store, choice.fmt, choice.filters, choice.path)


class ExportDialog(QDialog):
    """Chooses format, filters and destination; shows how many tags match."""

    def __init__(self, store: Any, parent: QWidget | None = None,
                 documents: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Tags")
        self.setAccessibleName("Export tags")
        self.setWindowIcon(icon("fa6s.file-export"))
        self._store = store
        self.form = ExportForm(store, export_formats(), documents or [], self)
        self.form.browse_requested.connect(self._browse)
        self.form.changed.connect(self._update)
        self.form.buttons.accepted.connect(self.accept)
        self.form.buttons.rejected.connect(self.reject)
        self.form.install(self)
        if not self.form.path_edit.text():
            self.form.set_path(str(default_export_path(self.form.format_spec()[2])))
        self._update()

    def _browse(self) -> None:
        fmt, label, suffix = self.form.format_spec()
        start = self.form.path_edit.text() or str(Path.home() / f"tags{suffix}")
        path, _selected = QFileDialog.getSaveFileName(self, "Export to", start,
                                                      f"{label} (*{suffix});;All files (*)")
        if path:
            self.form.set_path(path)

    def _update(self) -> None:
        try:
            filters = self.form.filters()
            count = count_for(self._store, filters)
        except ReaderError as exc:
            self.form.show_count(None, str(exc))
            return
        self.form.show_count(count)

    def choice(self) -> ExportChoice | None:
        """The current choice, or None when the form is not complete."""
        path = self.form.path()
        if path is None:
            return None
        try:
            filters = self.form.filters()
        except ReaderError:
            return None
        return ExportChoice(self.form.format_spec()[0], filters, path)

    @classmethod
    def ask(cls, parent: QWidget | None, store: Any,
            documents: list[str] | None = None) -> ExportChoice | None:
        """Show the dialog; the user's choice on OK, None on Cancel."""
        dialog = cls(store, parent, documents)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()


def export_interactively(parent: QWidget | None, store: Any,
                         documents: list[str] | None = None) -> str | None:
    """Ask, export, and return a message for the status bar (None when cancelled)."""
    choice = ExportDialog.ask(parent, store, documents)
    if choice is None:
        return None
    try:
        count = export_to_file(store, choice)
    except (ReaderError, OSError) as exc:
        QMessageBox.warning(parent, "Export failed", str(exc))
        return f"Export failed: {exc}"
    return f"Exported {count} tag{'s' if count != 1 else ''} to {choice.path}"

"""File > Merge Library…: bring a colleague's whole library file in, keeping its authors.

``ask_library_file(parent) -> Path | None`` is the file dialog (tests patch it);
``merge_interactively(window, store) -> str | None`` asks, merges in one transaction and
returns a status-bar message (None when cancelled). A refused file (damaged, not a
library, made by a newer version) is shown in one line and left as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.errors import ReaderError

FILE_FILTER = "Source Reader libraries (*.sqlite3 *.sqlite *.db);;All files (*)"


def ask_library_file(parent: QWidget | None) -> Path | None:
    """The library file to merge, or None when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, "Merge Library", "", FILE_FILTER)
    return Path(path) if path else None


def merge_file(parent: QWidget | None, store: Any, path: Path) -> Any:
    """Merge ``path`` into ``store`` and say what was added; the MergeResult, or None."""
    from reader.core.store import merge_library

    try:
        result = merge_library(store, path)
    except ReaderError as exc:
        QMessageBox.warning(parent, "Merge failed", f"{exc}\n\nNothing was merged.")
        return None
    QMessageBox.information(parent, "Merge finished", result.summary().capitalize() + ".")
    return result


def merge_interactively(parent: QWidget | None, store: Any) -> str | None:
    """Ask for a library file, merge it, and return a status-bar message."""
    path = ask_library_file(parent)
    if path is None:
        return None
    result = merge_file(parent, store, path)
    if result is None:
        return f"Merge of {path.name} failed; the library is unchanged"
    return f"{path.name}: {result.summary()}"

"""File > Merge Library…: bring a colleague's whole library file in, keeping its authors.

``ask_library_file(parent) -> Path | None`` is the file dialog (tests patch it;
``choose_library`` calls it); the window merges the file off the GUI thread, then
``report_merge(parent, path, outcome) -> str`` tells the user what was merged and returns
a status-bar line. A refused file (damaged, not a library, made by a newer version) is
shown in one line and left as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.ui.dialogs._importing import report_outcome


FILE_FILTER = "Source Reader libraries (*.sqlite3 *.sqlite *.db);;All files (*)"


def ask_library_file(parent: QWidget | None) -> Path | None:
    """The library file to merge, or None when cancelled."""
    path, _selected = QFileDialog.getOpenFileName(parent, "Merge Library", "", FILE_FILTER)
    return Path(path) if path else None


def choose_library(parent: QWidget | None) -> Path | None:
    """The library file to merge (``ask_library_file``), or None when cancelled."""
    return ask_library_file(parent)


def report_merge(parent: QWidget | None, path: Path, outcome: Any) -> str:
    """Tell the user what a merge did, in a message box; the status-bar line."""
    return report_outcome(parent, path, outcome, ("Merge", "merged", "merging"))

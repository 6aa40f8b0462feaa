"""The main window: one read-only pane per document, side by side."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMainWindow, QMessageBox, QPlainTextEdit, QSplitter

from reader import APP_NAME
from reader.core.documents import load_document
from reader.core.errors import ReaderError
from reader.core.statements import segment_document


class MainWindow(QMainWindow):
    """Documents in panes side by side."""

    def __init__(self, db_path: Path | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.resize(1400, 900)
        self.db_path = db_path
        self.splitter = QSplitter(self)
        self.setCentralWidget(self.splitter)

    def open_paths(self, paths: list[Path]) -> None:
        """Load each path into a new pane; a bad file shows a message and is skipped."""
        for path in paths:
            try:
                document = load_document(path)
            except ReaderError as exc:
                QMessageBox.warning(self, APP_NAME, str(exc))
                continue
            pane = QPlainTextEdit(self.splitter)
            pane.setReadOnly(True)
            pane.setPlainText(document.text)
            pane.setAccessibleName(document.display_name)
            self.statusBar().showMessage(
                f"{document.display_name}: {len(segment_document(document))} statements")

"""Create the QApplication and show the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Sequence

from reader import APP_NAME, __version__


def run_app(files: Sequence[str], db: str | None = None, restore: bool = True) -> int:
    """Open the reader window on ``files`` and run the event loop until it closes."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from reader.resources import resource_path
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("source-reader")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(resource_path("icons/app.svg"))))
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    window = MainWindow(db_path=Path(db) if db else None)
    window.show()
    window.open_paths([Path(f) for f in files])
    return app.exec()

"""Create the QApplication and show the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Sequence

from reader import APP_NAME, __version__


def apply_color_scheme(app: object) -> None:
    """Fusion with a palette that follows the system's light or dark scheme (Qt 6.5+),
    and again whenever the scheme changes."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QPalette

    def update(scheme: Qt.ColorScheme | None = None) -> None:
        hints = QGuiApplication.styleHints()
        scheme = scheme if scheme is not None else hints.colorScheme()
        forced = os.environ.get("READER_COLOR_SCHEME", "").lower()
        dark = forced == "dark" or (forced != "light" and scheme == Qt.ColorScheme.Dark)
        app.setPalette(dark_palette() if dark else QPalette(app.style().standardPalette()))

    update()
    QGuiApplication.styleHints().colorSchemeChanged.connect(update)


def dark_palette() -> "object":
    """A calm dark palette for Fusion."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    colors = {role.Window: "#25282c", role.WindowText: "#e4e4e4", role.Base: "#1d1f22",
              role.AlternateBase: "#2a2d31", role.ToolTipBase: "#33363b",
              role.ToolTipText: "#eeeeee", role.Text: "#e6e6e6", role.Button: "#2d3035",
              role.ButtonText: "#e4e4e4", role.BrightText: "#ffffff", role.Link: "#6cb6ff",
              role.Highlight: "#3d7fd9", role.HighlightedText: "#ffffff",
              role.PlaceholderText: "#8a8f96", role.Mid: "#4a4e54", role.Dark: "#16181a",
              role.Light: "#3a3e44"}
    for key, value in colors.items():
        palette.setColor(key, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for key in (role.Text, role.ButtonText, role.WindowText):
        palette.setColor(disabled, key, QColor("#7a7e84"))
    return palette


def create_application() -> "object":
    """The QApplication with name, icon, style and stylesheet set."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from reader.resources import resource_path

    # Workers run Python too: hand the GIL back to the GUI thread every millisecond
    # (default 5 ms), so a busy worker never holds up painting for long.
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("source-reader")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("source-reader")
    app.setWindowIcon(QIcon(str(resource_path("icons/app.svg"))))
    app.setStyle("Fusion")
    apply_color_scheme(app)
    app.setStyleSheet(resource_path("style.qss").read_text(encoding="utf-8"))
    return app


def run_app(files: Sequence[str], db: str | None = None, restore: bool = True,
            session: str | None = None) -> int:
    """Open the reader window on ``files`` and run the event loop until it closes.

    Without files the previous session's documents are reopened (unless ``restore`` is
    False, i.e. ``--fresh``); ``session`` names the reading session to open or create.
    Without a display: ReaderError, one sentence (Qt would abort).
    """
    from reader.core.errors import ReaderError
    from reader.ui.display import display_problem

    problem = display_problem(os.environ, sys.platform)
    if problem:
        raise ReaderError(problem)
    app = create_application()
    from reader.ui.window import MainWindow

    window = MainWindow(db_path=Path(db) if db else None, restore=restore, session_name=session)
    window.show()
    keys = os.environ.get("READER_TEST_KEYS", "")
    if keys:
        from reader.ui.window import KeyReplay, parse_keys

        replay = KeyReplay(window, parse_keys(keys), expected_panes=len(files))
        replay.start()
    if os.environ.get("READER_BENCH_EVENTS"):
        report_milestones(window, len(files))
    window.documents.start(files)
    return app.exec()


def report_milestones(window: object, expected: int) -> None:
    """Print "bench shown", "bench documents" and "bench links" as each first appears on
    screen (bench/bench_gui.py times them from process start)."""
    from PySide6.QtCore import QTimer

    said: set[str] = set()

    def say(name: str) -> None:
        if name not in said:
            said.add(name)
            print(f"bench {name}", flush=True)

    def poll() -> None:
        panes = window.panes  # type: ignore[attr-defined]
        if len(panes) >= expected > 0 and window.documents.documents_shown():  # type: ignore[attr-defined]
            for pane in panes:
                pane.repaint()
            say("documents")
        gutters = window.gutters  # type: ignore[attr-defined]
        if gutters and any(g.links for g in gutters):
            for gutter in gutters:
                gutter.repaint()
            say("links")
            timer.stop()

    QTimer.singleShot(0, lambda: say("shown"))
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(poll)
    timer.start()

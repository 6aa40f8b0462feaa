"""Replay key presses through the window's real key dispatch (tests and demos).

``READER_TEST_KEYS="c,j,o"`` makes the window, once its documents are open, press each key
(Qt's portable key text, comma separated; "Comma" for a comma) on the focused widget, one per
event-loop turn, and print one line per committed action to stdout. A test can then kill the
process right after the last line and check that every action reached the library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow


def parse_keys(spec: str) -> list[str]:
    """Key texts from a comma-separated list ("c,j,Shift+J,Comma")."""
    keys = []
    for part in spec.split(","):
        part = part.strip()
        if part:
            keys.append("," if part.lower() == "comma" else part)
    return keys


def press(key: str) -> None:
    """Press and release ``key`` on the widget that has the focus (as a user would)."""
    from PySide6.QtTest import QTest

    target = QApplication.focusWidget() or QApplication.activeWindow()
    if target is None:
        return
    if len(key) == 1 and not key.isalnum():
        QTest.keyClick(target, key)        # punctuation: send the character itself
        return
    combination = QKeySequence(key)[0]
    QTest.keyClick(target, combination.key(), combination.keyboardModifiers())


class KeyReplay(QObject):
    """Waits until the window's documents are open, then presses the keys one by one."""

    def __init__(self, window: "MainWindow", keys: list[str], expected_panes: int) -> None:
        super().__init__(window)
        self.window = window
        self.keys = list(keys)
        self.expected_panes = expected_panes
        self._timer = QTimer(self)
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._step)
        self._started = False

    def start(self) -> None:
        """Begin polling for readiness."""
        self.window.echo_actions = True
        self._timer.start()

    def _ready(self) -> bool:
        window = self.window
        return (len(window.session.panes) >= self.expected_panes and window.documents.documents_shown()
                and window.focused_pane() is not None)

    def _step(self) -> None:
        if not self._started:
            if not self._ready():
                return
            self._started = True
            pane = self.window.focused_pane()
            self.window.activateWindow()
            if pane is not None:
                pane.view.setFocus(Qt.FocusReason.OtherFocusReason)
            print("replay ready", flush=True)
            return
        if not self.keys:
            self._timer.stop()
            print("replay done", flush=True)
            return
        press(self.keys.pop(0))

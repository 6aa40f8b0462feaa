"""A long session must not run None's reference count down (PySide6 6.12.0 on Python 3.11
drops one reference per void call, and the process dies with none_dealloc); reader.ui guards
against it. Run in a child process, since failure is a crash."""

from __future__ import annotations

import os
import subprocess
import sys

#: More void calls than None has references in a fresh interpreter (about 20,000).
CALLS = 200_000

CHILD = f"""
import reader.ui  # installs the guard where it is needed
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

app = QApplication([])
image = QImage(8, 8, QImage.Format.Format_ARGB32)
painter = QPainter(image)
rect, color = QRectF(0, 0, 2, 2), QColor(1, 2, 3)
for _ in range({CALLS}):
    painter.fillRect(rect, color)       # returns None
painter.end()
for _ in range({CALLS}):
    image.isNull()                      # returns a bool
print("alive")
"""


def test_many_void_qt_calls_leave_none_alive() -> None:
    result = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                            timeout=120, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "alive"

"""A long session must not run None's reference count down (PySide6 6.12.0 on Python 3.11
drops one reference per void call); reader.ui guards against it."""

from __future__ import annotations

import sys

import reader.ui  # noqa: F401  (installs the guard)

#: More void calls than None has references in a fresh interpreter (about 20,000).
CALLS = 200_000


def test_many_void_qt_calls_leave_none_alive(qapp) -> None:
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    rect, color = QRectF(0, 0, 2, 2), QColor(1, 2, 3)
    for _ in range(CALLS):               # without the guard the process dies in here
        painter.fillRect(rect, color)
    painter.end()
    assert sys.getrefcount(None) > CALLS
    view_is_visible = image.isNull
    for _ in range(CALLS):               # bool results: True/False lose a reference each
        view_is_visible()
    assert sys.getrefcount(False) > CALLS

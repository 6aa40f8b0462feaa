"""Putting a big text into a QPlainTextEdit a piece at a time.

``setPlainText`` of an 18 MB text holds the GUI thread for about two seconds (a key press
waits that long). ``TextFiller`` sets the first piece at once and appends the rest in
pieces of ``PIECE`` characters, each cut after a line break, one per turn of the event
loop (about 25 ms each), so the window answers keys while the text streams in. The end
result is the same document as ``setPlainText`` would give.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

#: Texts up to this many characters go in at once.
WHOLE = 1_000_000
PIECE = 200_000


class TextFiller(QObject):
    """Fills ``view`` with a text, in pieces when it is big; ``done`` once all is in."""

    done = Signal()

    def __init__(self, view: QPlainTextEdit) -> None:
        super().__init__(view)
        self._view = view
        self._text = ""
        self._at = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._append)

    @property
    def filling(self) -> bool:
        """True while part of the text is still to come."""
        return self._at < len(self._text)

    def fill(self, text: str) -> None:
        """Show ``text`` (replacing what was shown)."""
        self._timer.stop()
        self._text = text
        self._at = len(text) if len(text) <= WHOLE else _cut(text, 0)
        self._view.setPlainText(text if self._at == len(text) else text[:self._at])
        self._next()

    def _append(self) -> None:
        end = _cut(self._text, self._at)
        cursor = QTextCursor(self._view.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(self._text[self._at:end])
        self._at = end
        self._next()

    def _next(self) -> None:
        if self.filling:
            self._timer.start()
        else:
            self._text = ""   # the document holds it now
            self._at = 0
            self.done.emit()


def _cut(text: str, start: int) -> int:
    """End of the piece starting at ``start``: just after a line break when there is one."""
    end = start + PIECE
    if end >= len(text):
        return len(text)
    newline = text.rfind("\n", start, end)
    return newline + 1 if newline >= start else end

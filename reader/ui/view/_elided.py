"""A one-line label that shortens its text with an ellipsis instead of cutting it off."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    """Shows as much of its text as fits, ending in "…" (the full text in its tooltip), so
    a narrow pane header reads "Elon Musk Backs Out…" rather than a clipped "Elon Musk Ba"."""

    def __init__(self, text: str = "", parent: QWidget | None = None,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
        super().__init__(text, parent)
        self.mode = mode
        self.shorter: tuple[str, ...] = ()   # shorter wordings, tried before an ellipsis
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_texts(self, text: str, *shorter: str) -> None:
        """Show ``text``, or when it does not fit the first of ``shorter`` that does (so
        "365 words · 15 statements · 6 tagged" becomes "6 of 15 tagged", not "365 wo…")."""
        self.shorter = shorter
        self.setText(text)
        self.update()

    def natural_width(self) -> int:
        """Pixels the whole text needs (margins included)."""
        margins = self.contentsMargins()
        return self.fontMetrics().horizontalAdvance(self.text()) + margins.left() + margins.right()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for a few characters and the ellipsis."""
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance("Mmm…"), metrics.height())

    def shown_text(self) -> str:
        """The text as drawn at the current width."""
        metrics, width = self.fontMetrics(), self.contentsRect().width()
        candidates = (self.text(), *self.shorter)
        for candidate in candidates:
            if metrics.horizontalAdvance(candidate) <= width:
                return candidate
        return metrics.elidedText(candidates[-1], self.mode, width)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Draw the elided text where QLabel would draw the whole of it."""
        painter = QPainter(self)
        try:
            painter.setPen(self.palette().color(self.foregroundRole()))
            painter.drawText(self.contentsRect(), int(self.alignment()) | int(
                Qt.AlignmentFlag.AlignVCenter), self.shown_text())
        finally:
            painter.end()

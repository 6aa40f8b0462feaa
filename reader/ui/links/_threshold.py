"""The link threshold control: a tool-bar slider with a legend, and View menu entries.

The threshold lives on the bridge (``bridge.link_threshold``: None means the core's own);
moving it re-cuts the links from scores already computed (nothing is aligned again), so
the window redraws at once. The reader's choice is remembered in the window's settings.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from reader.ui.tag_style import ViewColors

#: The slider works in whole percents up to this (from the core's lowest threshold).
HIGHEST = 95
#: One step of "Show More Links" / "Show Fewer Links".
STEP = 5
SETTING = "view/link_threshold"
SAVE_DELAY_MS = 800


class LinkThreshold(QObject):
    """Reads, sets and remembers the bridge's link threshold; ``changed()`` runs at once on
    every change, the settings are written once the reader stops moving it (writing the file
    on every slider step would cost more than the redraw)."""

    #: The reader stopped moving the threshold (it was written to the settings).
    settled = Signal()

    def __init__(self, bridge: Any, settings: Any, default: float, lowest: float,
                 changed: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.default = default
        self.lowest = round(lowest * 100)
        self._changed = changed
        self._save = QTimer(self)
        self._save.setSingleShot(True)
        self._save.setInterval(SAVE_DELAY_MS)
        self._save.timeout.connect(self.remember)
        bridge.link_threshold = self._stored(settings.value(SETTING, None))

    @property
    def value(self) -> float:
        """The threshold in effect (the core's own when the reader chose none)."""
        chosen = self.bridge.link_threshold
        return self.default if chosen is None else chosen

    @property
    def automatic(self) -> bool:
        """True while the core's own threshold is used."""
        return self.bridge.link_threshold is None

    def set(self, value: float | None) -> None:
        """Use ``value`` (None: automatic), remember it and redraw."""
        if value is not None:
            value = round(min(HIGHEST, max(self.lowest, value * 100))) / 100
            if abs(value - self.default) < 1e-9:
                value = None
        if value == self.bridge.link_threshold:
            return
        self.bridge.link_threshold = value
        self._changed()
        self._save.start()

    def remember(self) -> None:
        """Write the threshold in effect to the settings (none: automatic)."""
        value = self.bridge.link_threshold
        if value is None:
            self.settings.remove(SETTING)
        else:
            self.settings.setValue(SETTING, float(value))
        self.settled.emit()

    def flush(self) -> None:
        """Write a change still waiting for the reader to let go (the window is closing)."""
        if self._save.isActive():
            self._save.stop()
            self.remember()

    def step(self, direction: int) -> None:
        """More links (-1: lower the threshold) or fewer (+1)."""
        self.set(self.value + direction * STEP / 100)

    def _stored(self, value: Any) -> float | None:
        """A remembered threshold, if it is a number in range."""
        try:
            number = float(value)
        except (TypeError, ValueError):
            return None
        return number if self.lowest / 100 <= number <= HIGHEST / 100 else None




class ThresholdSlider(QWidget):
    """Tool-bar widget: "Links" label, slider, the value, and a legend of the ribbons."""

    def __init__(self, threshold: LinkThreshold, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold
        self.setObjectName("linkThreshold")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(6)
        title = QLabel("Links from", self)
        layout.addWidget(title)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(threshold.lowest, HIGHEST)
        self.slider.setPageStep(STEP)
        self.slider.setFixedWidth(120)
        self.slider.setAccessibleName("Link threshold")
        self.slider.setToolTip("Score a pair needs to be drawn as a link; weaker candidates "
                               "are drawn as thin curves (Ctrl+[ fewer, Ctrl+] more)")
        layout.addWidget(self.slider)
        self.value_label = QLabel(self)
        # a fixed width: a new value must not lay out the tool bar (and window) again
        self.value_label.setFixedWidth(self.fontMetrics().horizontalAdvance("100% auto") + 4)
        self.value_label.setAccessibleName("Link threshold value")
        layout.addWidget(self.value_label)
        self.legend = RibbonLegend(self)
        layout.addWidget(self.legend)
        self.sync()
        self.slider.valueChanged.connect(lambda v: self.threshold.set(v / 100))

    def sync(self) -> None:
        """Show the threshold in effect."""
        value = round(self.threshold.value * 100)
        if self.slider.value() != value:
            self.slider.blockSignals(True)
            self.slider.setValue(value)
            self.slider.blockSignals(False)
        auto = " auto" if self.threshold.automatic else ""
        self.value_label.setText(f"{value}%{auto}")


class RibbonLegend(QWidget):
    """A small key to the gutter: paragraph band, weak and strong candidate, link."""

    ITEMS = (("paragraphs", "band"), ("weak", 0.15), ("strong", 1.0), ("linked", "link"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Legend of the link ribbons")
        self.setToolTip("Pale bands: related paragraphs. Curves: candidates, thicker and "
                        "darker when stronger. Filled ribbons: links.")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Room for four swatches with their words."""
        metrics = self.fontMetrics()
        words = sum(metrics.horizontalAdvance(w) + 2 for w, _ in self.ITEMS)
        return QSize(words + len(self.ITEMS) * 36 + 4, max(20, metrics.height() + 4))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Swatch, word; swatch, word; ..."""
        colors = ViewColors.from_palette(self.palette())
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            x, height = 2.0, float(self.height())
            text_color = self.palette().color(self.foregroundRole())
            for word, kind in self.ITEMS:
                _swatch(painter, QRectF(x, 3, 24, height - 6), kind, colors.link)
                x += 28
                painter.setPen(text_color)
                width = self.fontMetrics().horizontalAdvance(word)
                painter.drawText(QRectF(x, 0, width + 2, height),
                                 int(Qt.AlignmentFlag.AlignVCenter), word)
                x += width + 8
        finally:
            painter.end()


def _swatch(painter: QPainter, rect: QRectF, kind: Any, base: QColor) -> None:
    color = QColor(base)
    if kind == "band":
        color.setAlpha(40)
        painter.fillRect(rect, color)
    elif kind == "link":
        color.setAlpha(170)
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(0, 2, 0, -2), 2, 2)
        painter.fillPath(path, color)
    else:
        level = float(kind)
        color.setAlpha(int(40 + 170 * level))
        y = rect.center().y()
        painter.setPen(QPen(color, 0.8 + 4.2 * level))
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))

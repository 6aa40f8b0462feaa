"""Colours and shapes of everything the panes draw, for light and dark palettes.

Tag kinds differ by shape as well as colour (● opinion, ■ claim, ❝ quotation; the
library's own kinds take a diamond, triangle, star, cross, ring or hexagon), so they stay
apart for colour-blind readers and in grey-scale prints. Hues come from the Okabe-Ito
palette, chosen to be distinguishable under the common colour-vision deficiencies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (QColor, QFont, QIcon, QPainter, QPainterPath, QPalette, QPen,
                           QPixmap, QPolygonF)

from reader.core.store import BUILTIN_CODEBOOK

KINDS = ("opinion", "claim", "quotation")
KIND_GLYPHS = {"opinion": "●", "claim": "■", "quotation": "❝"}
KIND_LABELS = {"opinion": "Opinion", "claim": "Claim", "quotation": "Quotation"}

#: The codebook's colours (exports use them too); dark palettes get lighter ones.
KIND_COLORS_LIGHT = {k.name: k.color for k in BUILTIN_CODEBOOK if k.name in KINDS}
KIND_COLORS_DARK = {"opinion": "#E8A3C9", "claim": "#56B4E9", "quotation": "#F0C050"}


def is_dark(palette: QPalette) -> bool:
    """True when the palette's base (text background) is dark."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _with_alpha(color: QColor, alpha: int) -> QColor:
    out = QColor(color)
    out.setAlpha(max(0, min(255, alpha)))
    return out


@dataclass(frozen=True)
class ViewColors:
    """Every colour the panes, gutters and overview strips use, for one palette."""

    dark: bool
    kind: dict[str, QColor]
    tint: dict[str, QColor]
    current_fill: QColor
    current_edge: QColor
    current_dim: QColor
    selection_fill: QColor
    partner_fill: QColor
    partner_edge: QColor
    link: QColor
    link_current: QColor
    removed: QColor
    added: QColor
    changed: QColor
    margin_text: QColor
    overview_view: QColor
    shapes: dict[str, str] = field(default_factory=dict)  # kind -> margin shape

    def shape(self, kind: str) -> str:
        """The margin shape of ``kind`` (built-in kinds are drawn by their name)."""
        return self.shapes.get(kind, kind)

    @classmethod
    def from_palette(cls, palette: QPalette, kinds: Sequence[Any] = ()) -> "ViewColors":
        """Colours suited to ``palette`` (light or dark); ``kinds`` (codebook entries)
        add the library's own kinds with their colours and shapes."""
        dark = is_dark(palette)
        kind = {k: QColor(v) for k, v in (KIND_COLORS_DARK if dark else KIND_COLORS_LIGHT).items()}
        shapes: dict[str, str] = {}
        for entry in kinds:
            if entry.name in kind or entry.builtin:
                continue
            color = QColor(entry.color or "#57606A")
            kind[entry.name] = color.lighter(145) if dark else color
            shapes[entry.name] = entry.shape
        highlight = palette.color(QPalette.ColorRole.Highlight)
        link = QColor("#5FB3A0" if dark else "#2A9D8F")
        link_current = QColor("#7FE0B0" if dark else "#00875A")
        return cls(
            dark=dark,
            kind=kind,
            tint={k: _with_alpha(c, 70 if dark else 58) for k, c in kind.items()},
            current_fill=_with_alpha(highlight, 46 if dark else 30),
            current_edge=_with_alpha(highlight, 255),
            current_dim=_with_alpha(palette.color(QPalette.ColorRole.Text), 90),
            selection_fill=_with_alpha(highlight, 70 if dark else 52),
            partner_fill=_with_alpha(link_current, 50 if dark else 34),
            partner_edge=_with_alpha(link_current, 220),
            link=link,
            link_current=link_current,
            removed=QColor("#FF7B6B" if dark else "#D55E00"),
            added=QColor("#5FD39A" if dark else "#009E73"),
            changed=QColor("#C9A8FF" if dark else "#7B4FBF"),
            margin_text=_with_alpha(palette.color(QPalette.ColorRole.Text), 150),
            overview_view=_with_alpha(palette.color(QPalette.ColorRole.Text), 40),
            shapes=shapes,
        )


def draw_kind_mark(painter: QPainter, kind: str, center: QPointF, size: float,
                   color: QColor, hollow: bool = False) -> None:
    """Draw the shape of ``kind`` centred on ``center``: filled for a tag, hollow (outlined,
    dashed) for a suggestion not yet accepted."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    pen = QPen(color, max(1.2, size / 7))
    if hollow:
        pen.setStyle(Qt.PenStyle.DashLine if kind != "quotation" else Qt.PenStyle.SolidLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush if hollow else color)
    half = size / 2
    if kind in ("opinion", "circle"):
        painter.drawEllipse(center, half * 0.9, half * 0.9)
    elif kind in ("claim", "square"):
        painter.drawRect(QRectF(center.x() - half * 0.8, center.y() - half * 0.8,
                                half * 1.6, half * 1.6))
    elif kind == "ring":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(color, max(1.6, size / 5)))
        painter.drawEllipse(center, half * 0.75, half * 0.75)
    elif kind in _POLYGONS:
        points = [QPointF(center.x() + x * half, center.y() + y * half) for x, y in _POLYGONS[kind]]
        painter.drawPolygon(QPolygonF(points))
    elif kind == "note":     # the margin's ✎, not a quotation mark
        font = QFont(painter.font())
        font.setPixelSize(max(6, round(size * 1.1)))
        painter.setFont(font)
        painter.drawText(QRectF(center.x() - size, center.y() - size, size * 2, size * 2),
                         int(Qt.AlignmentFlag.AlignCenter), "\u270E")
    else:
        _draw_quote(painter, center, size, color, hollow)
    painter.restore()


def _star() -> tuple[tuple[float, float], ...]:
    points = []
    for i in range(10):
        radius = 0.95 if i % 2 == 0 else 0.42
        angle = math.pi / 2 + i * math.pi / 5
        points.append((radius * math.cos(angle), -radius * math.sin(angle)))
    return tuple(points)


#: Outlines of the shapes a kind of the library's own may have, in units of half the size.
_POLYGONS: dict[str, tuple[tuple[float, float], ...]] = {
    "diamond": ((0, -0.95), (0.85, 0), (0, 0.95), (-0.85, 0)),
    "triangle": ((0, -0.9), (0.9, 0.75), (-0.9, 0.75)),
    "star": _star(),
    "cross": ((-0.3, -0.9), (0.3, -0.9), (0.3, -0.3), (0.9, -0.3), (0.9, 0.3), (0.3, 0.3),
              (0.3, 0.9), (-0.3, 0.9), (-0.3, 0.3), (-0.9, 0.3), (-0.9, -0.3), (-0.3, -0.3)),
    "hexagon": tuple((0.9 * math.cos(a), 0.9 * math.sin(a))
                     for a in (math.pi / 6 + i * math.pi / 3 for i in range(6))),
}


def _draw_quote(painter: QPainter, center: QPointF, size: float, color: QColor,
                hollow: bool) -> None:
    """A heavy opening quotation mark (❝), from the font's outline, fitted to ``size``."""
    path = _quote_path()
    box = path.boundingRect()
    if box.isEmpty():
        return
    scale = size * 1.05 / max(box.width(), box.height())
    painter.translate(center)
    painter.scale(scale, scale)
    painter.translate(-box.center())
    if hollow:
        pen = QPen(color, 1.2 / scale)
        painter.strokePath(path, pen)
    else:
        painter.fillPath(path, color)


def paint_mark(painter: QPainter, kind: str, center: QPointF, size: float, color: QColor,
               hollow: bool = False) -> None:
    """Like ``draw_kind_mark`` but from a cached pixmap: margins draw dozens per paint."""
    ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
    pixmap = _mark_pixmap(kind, round(size * 4), color.rgba(), hollow, round(ratio * 4))
    side = pixmap.width() / pixmap.devicePixelRatioF()
    painter.drawPixmap(QPointF(center.x() - side / 2, center.y() - side / 2), pixmap)


@lru_cache(maxsize=64)
def _mark_pixmap(kind: str, size4: int, rgba: int, hollow: bool, ratio4: int) -> QPixmap:
    size, ratio = size4 / 4, ratio4 / 4
    side = int(size * 1.6) + 4
    pixmap = QPixmap(int(side * ratio), int(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    draw_kind_mark(painter, kind, QPointF(side / 2, side / 2), size, QColor.fromRgba(rgba),
                   hollow)
    painter.end()
    return pixmap


@lru_cache(maxsize=1)
def _quote_path() -> QPainterPath:
    """The outline of a bold serif opening quote (made once; painting only reads it)."""
    font = QFont("DejaVu Serif")
    font.setBold(True)
    font.setPixelSize(48)
    path = QPainterPath()
    path.addText(0, 0, font, "\u201c")
    return path


def shape_icon(shape: str, color: QColor, size: int = 16) -> QIcon:
    """An icon of a kind's margin shape in its colour (menus, panels, the kinds dialog)."""
    icon = QIcon()
    for side in (size, size * 2):
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        draw_kind_mark(painter, shape, QPointF(side / 2, side / 2), side * 0.8, color)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def note_font(base: QFont) -> QFont:
    """The font of note text and margin letters, a little smaller than the text."""
    font = QFont(base)
    font.setPointSizeF(max(6.0, base.pointSizeF() * 0.8))
    return font

"""Painting the link map (``LinkGutter``): one fill per step of score and one stroke per
step of strength, so a paint costs a few calls however many bands and curves are on screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from reader.ui.links._ribbons import merged, strength

if TYPE_CHECKING:
    from reader.ui.links._gutter import LinkGutter

#: Related paragraphs are shaded in this many steps of score, candidates in this many
#: steps of strength.
BAND_STEPS = 3
CURVE_STEPS = 4
#: Links are shaded in this many steps of score (one fill per step keeps scrolling fast).
SCORE_BANDS = 3
#: Between statements of two documents with more linked statements than this, links and
#: candidates are drawn without antialiasing (it costs most of a scroll step's paint).
SMOOTH_RIBBONS = 200


def paint_gutter(gutter: "LinkGutter", painter: QPainter) -> None:
    """Bands, candidates, links, then the current statement's on top."""
    assert gutter.left is not None
    colors = gutter.left.view.colors
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    # one fill per step of score and one stroke per step of strength: a paint then costs
    # a few calls, however many bands and curves are on screen
    bands = merged((min(BAND_STEPS - 1, int(score * 2 * BAND_STEPS)), path)
                    for path, score in gutter.bands())
    # pale and wide: their edges need no smoothing (which costs most of a fill)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    for step, path in bands:
        fill = QColor(colors.link)
        fill.setAlpha(int(14 + 30 * (step + 1) / BAND_STEPS))
        painter.fillPath(path, fill)
    # smooth curves and links unless the pair has many links (then speed matters more:
    # smoothing costs most of a scroll step's paint)
    smooth = len(gutter.index.links_left) <= SMOOTH_RIBBONS
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)
    threshold = gutter.threshold
    curves = merged((min(CURVE_STEPS - 1, int(strength(score, gutter.floor, threshold)
                                               * CURVE_STEPS)), path)
                     for path, score, _i, _j in gutter.faint_curves())
    for step, path in curves:
        level = (step + 1) / CURVE_STEPS
        color = QColor(colors.link)
        color.setAlpha(int(40 + 170 * level))
        painter.strokePath(path, QPen(color, 0.8 + 4.2 * level, Qt.PenStyle.SolidLine,
                                      Qt.PenCapStyle.FlatCap))
    _paint_links(gutter, painter)
    for path, score, target in sorted(gutter.current_ribbons(), key=lambda r: r[1]):
        fill = QColor(colors.link_current)
        fill.setAlpha(int((70 if target else 30) + 60 * strength(score, gutter.floor,
                                                                    threshold)))
        painter.fillPath(path, fill)
        style = Qt.PenStyle.SolidLine if target else Qt.PenStyle.DashLine
        painter.strokePath(path, QPen(colors.link_current, 2.0 if target else 1.2, style))

def _paint_links(gutter: "LinkGutter", painter: QPainter) -> None:
    assert gutter.left is not None
    colors = gutter.left.view.colors
    groups: dict[int, QPainterPath] = {}
    hot_paths = []
    for path, score, hot in gutter.ribbons():
        if hot:
            hot_paths.append((score, path))
            continue
        step = min(SCORE_BANDS - 1, max(0, int(score * SCORE_BANDS)))
        merged = groups.setdefault(step, QPainterPath())
        merged.setFillRule(Qt.FillRule.WindingFill)
        merged.addPath(path)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing,
                          len(gutter.index.links_left) <= SMOOTH_RIBBONS)
    for step, merged in sorted(groups.items()):
        fill = QColor(colors.link)
        fill.setAlpha(int(40 + 150 * (step + 0.5) / SCORE_BANDS))
        painter.fillPath(merged, fill)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for score, path in sorted(hot_paths, key=lambda item: item[0]):
        fill = QColor(colors.link_current)
        fill.setAlpha(int(170 + 70 * min(1.0, max(0.0, score))))
        painter.fillPath(path, fill)
        painter.strokePath(path, QPen(colors.link_current, 1.6))

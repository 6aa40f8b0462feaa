"""Shapes of the link map: ribbons between spans, candidate curves, and the current
statement's ends (plain geometry and values; the gutter paints them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainterPath


@dataclass(frozen=True)
class CurrentEnds:
    """The current statement seen from one gutter: which side it is on, and its candidates
    on the other side (statement -> (score, linked)); ``target`` is what `l` links."""

    left_side: bool
    statement: int
    span: tuple[int, int]
    partners: dict[int, tuple[float, bool]] = field(default_factory=dict)
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    target: int | None = None


def strength(score: float, floor: float, threshold: float) -> float:
    """0..1: where ``score`` sits between the candidate floor and the link threshold."""
    if threshold <= floor:
        return 1.0
    return min(1.0, max(0.08, (score - floor) / (threshold - floor)))


def meets(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two [start, end) spans overlap."""
    return a[0] < b[1] and b[0] < a[1]


def merged(items: Iterable[tuple[int, QPainterPath]]) -> list[tuple[int, QPainterPath]]:
    """Paths joined per step, weakest step first."""
    joined: dict[int, QPainterPath] = {}
    for step, path in items:
        merged = joined.get(step)
        if merged is None:
            merged = joined[step] = QPainterPath()
            merged.setFillRule(Qt.FillRule.WindingFill)
        merged.addPath(path)
    return sorted(joined.items(), key=lambda item: item[0])


def ribbon(width: float, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
    """Closed band: down the left edge, curve across, up the right edge, curve back."""
    mid = width / 2
    path = QPainterPath(QPointF(0, l0))
    path.cubicTo(QPointF(mid, l0), QPointF(mid, r0), QPointF(width, r0))
    path.lineTo(QPointF(width, r1))
    path.cubicTo(QPointF(mid, r1), QPointF(mid, l1), QPointF(0, l1))
    path.closeSubpath()
    return path


def curve(width: float, l0: float, l1: float, r0: float, r1: float) -> QPainterPath:
    """An open curve from the middle of the left span to the middle of the right one."""
    mid = width / 2
    ly, ry = (l0 + l1) / 2, (r0 + r1) / 2
    path = QPainterPath(QPointF(0, ly))
    path.cubicTo(QPointF(mid, ly), QPointF(mid, ry), QPointF(width, ry))
    return path

"""An alignment's links at the reader's threshold, worked out in a worker.

Cutting a million-statement alignment at a new threshold takes a third of a second, and
the sync-scroll maps through its passages (both ways) a tenth more: too long for the GUI
thread. A ``LinkCut`` holds both, made by ``cut_links`` in a worker (when an alignment
arrives, and by ``LinkCutter`` when the reader moves the threshold). The bridge keeps one
cut per shown alignment (``bridge.link_recuts``); while a new one is on its way the window
keeps using the one it has. Small alignments are cut at once, where it is instant.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QTimer

from reader.ui.links._scroll_map import ScrollMap

#: Alignments with at most this many eligible pairs are cut on the GUI thread (a few ms).
INLINE_PAIRS = 2000
#: A big alignment is cut once the threshold has stayed this long: the worker's Python
#: shares the GIL with the GUI thread, which is drawing the new threshold meanwhile (and a
#: reader dragging the slider needs no cut of every value passed).
SETTLE_MS = 150


@dataclass(frozen=True)
class LinkCut:
    """``alignment`` cut at ``threshold`` (None: the aligner's own, ``links`` is then the
    alignment itself), with the sync-scroll anchors through its passages: ``forward`` from
    the alignment's left document to its right one, ``backward`` the other way."""

    alignment: Any
    threshold: float | None
    links: Any
    forward: ScrollMap
    backward: ScrollMap

    def scroll_map(self, flipped: bool) -> ScrollMap:
        """Anchors from the document scrolled to the other (``flipped``: from the right)."""
        return self.backward if flipped else self.forward


def cut_links(alignment: Any, threshold: float | None, progress: Any = None,
              cancel: Any = None) -> LinkCut:
    """``alignment`` cut at ``threshold`` with its scroll anchors (run in a worker)."""
    links = alignment
    if threshold is not None and hasattr(alignment, "at_threshold"):
        links = alignment.at_threshold(float(threshold))
    spans = [(tuple(link.left_span), tuple(link.right_span)) for link in links.links]
    return LinkCut(alignment, threshold, links, ScrollMap.chained(spans),
                   ScrollMap.chained([(right, left) for left, right in spans]))


def reader_threshold(bridge: Any) -> float | None:
    """The threshold the reader chose (None: the aligner's own)."""
    chosen = bridge.link_threshold
    return None if chosen is None else float(chosen)


def kept_cut(bridge: Any, alignment: Any) -> LinkCut | None:
    """The cut of ``alignment`` the bridge keeps (at whatever threshold), or None."""
    kept = bridge.link_recuts.get(id(alignment))
    return kept if kept is not None and kept.alignment is alignment else None


def keep(bridge: Any, cut: LinkCut) -> None:
    """Keep ``cut`` as its alignment's cut (replacing one at another threshold)."""
    bridge.link_recuts[id(cut.alignment)] = cut


def is_small(alignment: Any) -> bool:
    """True when cutting ``alignment`` on the GUI thread is instant."""
    return len(getattr(alignment, "eligible", ())) <= INLINE_PAIRS


class LinkCutter(QObject):
    """Keeps every shown alignment cut at the reader's threshold: small ones at once, big
    ones in the runner's thread lane once the threshold has settled (``SETTLE_MS``), one
    cut per alignment at a time. A cut that arrives after the reader moved the threshold
    again is dropped and the alignment cut anew."""

    def __init__(self, bridge: Any, runner: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.runner = runner
        self._running: dict[int, Any] = {}      # id(alignment) -> its task
        self.started = 0    # cuts started in a worker (tests count them)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._cut_big)
        bridge.alignmentChanged.connect(self.refresh)

    def refresh(self) -> None:
        """Cut every shown alignment that is not cut at the reader's threshold yet (the
        small ones now, the big ones once the threshold settles)."""
        threshold = reader_threshold(self.bridge)
        for alignment in self._uncut(threshold):
            if is_small(alignment):
                keep(self.bridge, cut_links(alignment, threshold))
            else:
                self._settle.start()

    def _uncut(self, threshold: float | None) -> list[Any]:
        out = []
        for alignment in self.bridge.alignments():
            kept = kept_cut(self.bridge, alignment)
            if kept is None or kept.threshold != threshold:
                out.append(alignment)
        return out

    def _cut_big(self) -> None:
        threshold = reader_threshold(self.bridge)
        for alignment in self._uncut(threshold):
            if not is_small(alignment) and id(alignment) not in self._running:
                self._start(alignment, threshold)

    def _start(self, alignment: Any, threshold: float | None) -> None:
        self.started += 1
        key = id(alignment)
        self._running[key] = self.runner.submit(
            cut_links, alignment, threshold, label="Drawing links", priority=1,
            on_success=lambda cut: self._arrived(key, cut),
            on_failure=lambda _message: self._running.pop(key, None),
            on_cancel=lambda: self._running.pop(key, None))

    def _arrived(self, key: int, cut: LinkCut) -> None:
        self._running.pop(key, None)
        shown = any(alignment is cut.alignment for alignment in self.bridge.alignments())
        if shown and cut.threshold == reader_threshold(self.bridge):
            keep(self.bridge, cut)
        elif shown:
            self.refresh()   # the reader moved on meanwhile: cut at the threshold now chosen

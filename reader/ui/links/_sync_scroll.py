"""Synchronized scrolling that follows the links (Meld's sync-scroll for prose).

When the user scrolls one pane, every other pane is moved so that the text matching the
sync point (see ``scroll_map.sync_point``) sits at the same height. A guard flag stops the
panes we move from moving the others in turn, so there are no feedback loops.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

from PySide6.QtCore import QObject

from reader.ui.links._state import oriented, shown_cut
from reader.ui.links._scroll_map import ScrollMap, sync_point

if TYPE_CHECKING:
    from reader.ui.view import PaneWidget


class SyncScroller(QObject):
    """Keeps the panes level while one of them scrolls."""

    def __init__(self, bridge: Any, panes: Callable[[], list["PaneWidget"]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.panes = panes
        self.enabled = True
        self._syncing = False
        #: (source sha, target sha) -> (the cut it was made from, the map)
        self._maps: dict[tuple[str, str], tuple[Any, ScrollMap]] = {}
        self._watched: set[int] = set()
        bridge.alignmentChanged.connect(self._maps.clear)

    def watch(self, pane: "PaneWidget") -> None:
        """Follow this pane's scrolling (idempotent)."""
        if id(pane) in self._watched:
            return
        self._watched.add(id(pane))
        pane.view.verticalScrollBar().valueChanged.connect(
            lambda _value, p=pane: self.follow(p))
        pane.destroyed.connect(lambda _obj=None, key=id(pane): self._watched.discard(key))

    def scroll_map(self, source: "PaneWidget", target: "PaneWidget") -> ScrollMap:
        """The map from ``source``'s document to ``target``'s through the links of the cut
        the window has (proportional without links); the anchors come ready from the
        worker that cut the links, only the documents' ends are added here."""
        sha_a = source.key.document.sha256
        sha_b = target.key.document.sha256
        alignment, flipped = oriented(self.bridge, sha_a, sha_b)
        cut = shown_cut(self.bridge, alignment) if alignment is not None else None
        kept = self._maps.get((sha_a, sha_b))
        if kept is None or kept[0] is not cut:
            anchors = ScrollMap((0,), (0,)) if cut is None else cut.scroll_map(flipped)
            kept = (cut, anchors.with_ends(source.view.offsets.length,
                                           target.view.offsets.length))
            self._maps[(sha_a, sha_b)] = kept
        return kept[1]

    def follow(self, source: "PaneWidget") -> None:
        """Move every other pane to match ``source`` (ignored while we are moving them)."""
        if self._syncing or not self.enabled or source.key is None:
            return
        view = source.view
        if not view.offsets.length:
            return
        bar = view.verticalScrollBar()
        point = sync_point(bar.value(), bar.minimum(), bar.maximum(), bar.pageStep())
        height = view.viewport().height()
        offset = view.position_at_y(point * (height - 1))
        self._syncing = True
        try:
            for target in self.panes():
                if target is source or target.key is None or not target.view.offsets.length:
                    continue
                mapped = self.scroll_map(source, target).to_right(offset)
                target.view.scroll_position_to(mapped, point)
        finally:
            self._syncing = False

    def level_with(self, source: "PaneWidget") -> None:
        """Bring the other panes level with ``source`` now (after a jump or a toggle)."""
        self.follow(source)

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Scroll panes programmatically without the others following."""
        previous = self._syncing
        self._syncing = True
        try:
            yield
        finally:
            self._syncing = previous

    @property
    def syncing(self) -> bool:
        """True while this object is moving panes."""
        return self._syncing

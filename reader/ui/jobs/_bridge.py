"""Qt face of the core reading session: session events become signals, and alignment
results computed by workers are kept here so every view reads the same state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal


class SessionBridge(QObject):
    """Owns the ReadingSession for the window and re-emits its events as Qt signals.

    Views never call the store; they call session actions through ``run_action`` and
    repaint when a signal arrives (the store commit has already happened by then).
    """

    currentChanged = Signal(int, int)        # pane, statement
    focusChanged = Signal(int)               # pane
    tagsChanged = Signal(int)                # pane
    linksChanged = Signal()
    panesChanged = Signal()
    storeProblem = Signal(str, int)          # message, pending writes
    storeRecovered = Signal(str, int)        # message, actions written after a problem
    orphansChanged = Signal(int)             # number of orphaned tags
    tagsChangedAt = Signal(int, object)      # pane, tuple of statement indices
    selectionChanged = Signal(int, object)   # pane, tuple of selected statements
    alignmentChanged = Signal()
    suggestionsChanged = Signal(int)         # pane

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session: Any = None
        #: (left pane document sha256, right pane document sha256) -> core Alignment
        self._alignments: dict[tuple[str, str], Any] = {}
        #: Values views derive from the alignments (e.g. flipped links), dropped whenever
        #: an alignment changes.
        self.derived: dict[Any, Any] = {}
        #: The score links are drawn from (None: the aligner's own threshold).
        self.link_threshold: float | None = None
        #: id(alignment) -> (alignment, rejections, what the link map reads from it), worked
        #: out in a worker when the alignment arrived; kept while the alignment is shown.
        self.link_indexes: dict[int, tuple[Any, Any, Any]] = {}
        #: id(alignment) -> its links cut at the reader's threshold with their sync-scroll
        #: anchors (a ``LinkCut``, made in a worker: a million-statement alignment takes a
        #: third of a second to cut), kept while the alignment is shown.
        self.link_recuts: dict[int, Any] = {}

    def attach(self, session: Any) -> None:
        """Use ``session`` (a core ReadingSession created with ``events=bridge.dispatch``)."""
        self.session = session

    def dispatch(self, event: Any) -> None:
        """Turn a core session event into the matching signal."""
        name = type(event).__name__
        if name == "CurrentChanged":
            self.currentChanged.emit(event.pane, event.statement)
            self.selectionChanged.emit(event.pane, tuple(getattr(event, "selection", ())))
        elif name == "FocusChanged":
            self.focusChanged.emit(event.pane)
        elif name == "TagsChanged":
            self.tagsChanged.emit(event.pane)
            self.tagsChangedAt.emit(event.pane, tuple(getattr(event, "statements", ())))
        elif name == "LinksChanged":
            self.linksChanged.emit()
        elif name == "PanesChanged":
            self.panesChanged.emit()
        elif name == "StoreProblem":
            self.storeProblem.emit(event.message, event.pending)
        elif name == "StoreRecovered":
            self.storeRecovered.emit(event.message, event.written)
        elif name == "OrphansChanged":
            self.orphansChanged.emit(event.count)

    def run_action(self, name: str) -> None:
        """Run a named core action (see reader.core.session ACTIONS, or tag_as:KIND)."""
        from reader.core.session import run_action

        if self.session is not None:
            run_action(self.session, name)

    # -- alignment results ----------------------------------------------------------------

    def set_alignment(self, left_sha: str, right_sha: str, alignment: Any) -> None:
        """Store the alignment of two documents (by sha256) and tell the views."""
        self._alignments[(left_sha, right_sha)] = alignment
        self._forget_unused()
        self.alignmentChanged.emit()

    def drop_alignments(self, sha: str) -> None:
        """Forget every alignment involving a closed document."""
        for key in [k for k in self._alignments if sha in k]:
            del self._alignments[key]
        self._forget_unused()
        self.alignmentChanged.emit()

    def _forget_unused(self) -> None:
        self.derived.clear()
        shown = {id(alignment) for alignment in self._alignments.values()}
        for key in [k for k in self.link_indexes if k not in shown]:
            del self.link_indexes[key]
        for key in [k for k in self.link_recuts if k not in shown]:
            del self.link_recuts[key]

    def alignments(self) -> list[Any]:
        """Every alignment shown."""
        return list(self._alignments.values())

    def alignment(self, left_sha: str, right_sha: str) -> Any:
        """The alignment of two documents in this order, or None if not computed yet."""
        return self._alignments.get((left_sha, right_sha))

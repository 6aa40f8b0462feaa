"""Keep every pair of open documents aligned, in workers, re-aligning only what changed.

Results are cached by (left sha, right sha, pins, rejections): opening or closing one
document only aligns the new pairs; a manual link or rejection re-aligns only its pair.
Finished alignments go to the bridge (``set_alignment``), which tells the views.
"""

from __future__ import annotations

import gc
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader.ui.jobs import Task, TaskRunner
from reader.ui.models import manual_pairs, read_index
from reader.ui.links._cuts import LinkCut, LinkCutter, cut_links, keep
from reader.ui.links._state import kept_recut

Pairs = tuple[tuple[int, int], ...]
#: Pairs with more statements than this are aligned in the helper process.
BIG_STATEMENTS = 2000


def read_pair_index(alignment: Any, rejections: Any, progress: Any = None,
                    cancel: Any = None) -> Any:
    """What the link map reads from a new alignment (left document on the left)."""
    return read_index(alignment, False, rejections)


def read_links(alignment: Any, rejections: Any, threshold: float | None, progress: Any = None,
               cancel: Any = None) -> tuple[Any, LinkCut]:
    """The link map's index of a new alignment and its links cut at the reader's
    ``threshold`` (None: the aligner's own) with their sync-scroll anchors: a third of a
    second for a million statements, done here in a worker so the GUI thread never has to
    when it first scrolls."""
    return read_pair_index(alignment, rejections), cut_links(alignment, threshold)


def refined_method(method: str, statement_count: int) -> str | None:
    """The slower second pass to run after the quick lexical one, if any: "auto" uses
    sentence embeddings when the [semantic] extra is installed and the texts are short."""
    if method == "lexical":
        return None
    try:
        from reader.core.align import resolve_method

        used = resolve_method(method, statement_count)
    except (ImportError, ValueError):
        return None
    return used if used != "lexical" else None


class AlignmentController(QObject):
    """Starts, caches and cancels the alignments of the open panes."""

    aligned = Signal(int, int)        # pane indices (at the time of the request)
    failed = Signal(str)

    def __init__(self, bridge: Any, runner: TaskRunner, top_k: int = 5, method: str = "auto",
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.runner = runner
        self.top_k = top_k
        self.method = method
        self._cache: dict[tuple, Any] = {}          # final results
        self._quick: dict[tuple, Any] = {}          # lexical results awaiting refinement
        self._jobs: dict[tuple[str, str], tuple[tuple, Task]] = {}
        #: id(alignment) -> (alignment, rejections, its PairIndex read in a worker)
        self._indexes: dict[int, tuple[Any, Any, Any]] = {}
        self.started = 0   # number of alignments started (tests check re-use)
        self.cutter = LinkCutter(bridge, runner, self)

    def refresh(self) -> None:
        """Align every pair of open panes that is not aligned yet (adjacent pairs first)."""
        session = self.bridge.session
        if session is None:
            return
        panes = session.panes
        count = len(panes)
        pairs = [(i, i + 1) for i in range(count - 1)]
        pairs += [(i, j) for i in range(count) for j in range(i + 2, count)]
        wanted: set[tuple[str, str]] = set()
        for a, b in pairs:
            sha_a, sha_b = panes[a].document.sha256, panes[b].document.sha256
            pins, rejections = manual_pairs(session, a, b)
            wanted.add((sha_a, sha_b))
            key = (sha_a, sha_b, pins, rejections)
            flipped_key = (sha_b, sha_a, _flip(pins), _flip(rejections))
            if key in self._cache:
                self._publish(sha_a, sha_b, self._cache[key])
                continue
            if flipped_key in self._cache:
                self._publish(sha_b, sha_a, self._cache[flipped_key])
                wanted.add((sha_b, sha_a))
                continue
            running = self._jobs.get((sha_a, sha_b))
            if running is not None and running[0] == key:
                continue
            if running is not None:
                running[1].cancel()
            if key in self._quick:
                self._publish(sha_a, sha_b, self._quick[key])
                self._start(key, panes[a], panes[b],
                            self._refinement(panes[a], panes[b]) or "lexical")
            else:
                self._start(key, panes[a], panes[b], "lexical")
        for pair, (_key, task) in list(self._jobs.items()):
            if pair not in wanted:
                task.cancel()
                del self._jobs[pair]

    def _publish(self, sha_a: str, sha_b: str, alignment: Any) -> None:
        ready = self._indexes.get(id(alignment))
        if ready is not None:
            self.bridge.link_indexes[id(alignment)] = ready
        if self.bridge.alignment(sha_a, sha_b) is not alignment:
            self.bridge.set_alignment(sha_a, sha_b, alignment)

    def _start(self, key: tuple, left: Any, right: Any, method: str) -> None:
        """Align the session panes ``left`` and ``right`` (Pane objects) with ``method``."""
        sha_a, sha_b, pins, rejections = key
        names = (left.document.display_name, right.document.display_name)
        verb = "Linking" if method == "lexical" else "Refining links"
        label = f"{verb} {names[0]} ↔ {names[1]}"
        self.started += 1
        store = getattr(self.bridge.session, "store", None)
        db_path = str(store.path) if store is not None and method != "lexical" else None
        big = len(left.statements) + len(right.statements) > BIG_STATEMENTS
        task = self.runner.submit_job(
            "align", left.statements, right.statements, pins, rejections,
            self.top_k, label, method, db_path, in_process=big, label=label,
            on_success=lambda result: self._done(key, result, left, right, method),
            on_failure=lambda message: self._forget(key, message),
            on_cancel=lambda: self._forget(key, ""))
        task.kind = "align"  # type: ignore[attr-defined]
        self._jobs[(sha_a, sha_b)] = (key, task)

    def _refinement(self, left: Any, right: Any) -> str | None:
        return refined_method(self.method, len(left.statements) + len(right.statements))

    def _done(self, key: tuple, alignment: Any, left: Any, right: Any, method: str) -> None:
        """Aligned: read it for the link map in a worker too (~0.5 s for two 1 MB texts, too
        long for the GUI thread), then publish it."""
        pair = (key[0], key[1])
        names = (left.document.display_name, right.document.display_name)
        chosen = self.bridge.link_threshold
        threshold = None if chosen is None else float(chosen)
        task = self.runner.submit(
            read_links, alignment, key[3], threshold,
            label=f"Drawing links {names[0]} ↔ {names[1]}",
            on_success=lambda read: self._indexed(key, alignment, read[0], left, right,
                                                  method, read[1]),
            on_failure=lambda message: self._forget(key, message),
            on_cancel=lambda: self._forget(key, ""))
        current = self._jobs.get(pair)
        if current is None or current[0] == key:
            self._jobs[pair] = (key, task)

    def _indexed(self, key: tuple, alignment: Any, index: Any, left: Any, right: Any,
                 method: str, cut: LinkCut | None = None) -> None:
        sha_a, sha_b = key[0], key[1]
        current = self._jobs.get((sha_a, sha_b))
        if current is not None and current[0] == key:
            del self._jobs[(sha_a, sha_b)]
        self._indexes[id(alignment)] = (alignment, key[3], index)
        if cut is not None:
            # before publishing: the views ask for it as soon as they hear of the alignment
            keep(self.bridge, cut)
        refine = self._refinement(left, right) if method == "lexical" else None
        if refine is None:
            self._cache[key] = alignment
            self._quick.pop(key, None)
            self._save_links(sha_a, sha_b, alignment)
        else:
            self._quick[key] = alignment
        self._publish(sha_a, sha_b, alignment)
        gc.freeze()  # the alignment lives on: spare the collector from rescanning it
        panes = self.bridge.session.panes
        if left in panes and right in panes:
            self.aligned.emit(panes.index(left), panes.index(right))
            if refine is not None and (sha_a, sha_b) not in self._jobs:
                self._start(key, left, right, refine)

    def _forget(self, key: tuple, message: str) -> None:
        current = self._jobs.get((key[0], key[1]))
        if current is not None and current[0] == key:
            del self._jobs[(key[0], key[1])]
        if message:
            self.failed.emit(message)

    def _save_links(self, sha_a: str, sha_b: str, alignment: Any) -> None:
        """Keep the automatic links in the library, for exports."""
        session = self.bridge.session
        store = getattr(session, "store", None)
        if store is None:
            return
        ids = {p.document.sha256: p.document_id for p in session.panes}
        left_id, right_id = ids.get(sha_a), ids.get(sha_b)
        if left_id is None or right_id is None:
            return
        chosen = self.bridge.link_threshold
        threshold = None if chosen is None else float(chosen)
        cut = kept_recut(self.bridge, alignment, threshold) if threshold is not None else None
        if cut is not None:
            alignment, threshold = cut, None   # already cut at that threshold
        self.runner.submit_job("save_links", str(store.path), left_id, right_id, alignment,
                               threshold,
                               label="Saving links", cancellable=False, priority=-1)

    def save_all_links(self) -> None:
        """Save every finished alignment's links again (the reader moved the threshold, and
        exports should list the links the window draws)."""
        for key, alignment in list(self._cache.items()):
            self._save_links(key[0], key[1], alignment)

    def forget_pair_cache(self) -> None:
        """Drop cached results (used by "Link Again")."""
        self._cache.clear()
        self._quick.clear()
        self._indexes.clear()

    @property
    def running(self) -> int:
        """Alignments in progress."""
        return len(self._jobs)


def _flip(pairs: Pairs) -> Pairs:
    return tuple(sorted((b, a) for a, b in pairs))

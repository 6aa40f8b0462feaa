"""Finding in the open panes: one TextScan per pane in scope, run a few milliseconds at a
time on the GUI thread between paints, every match highlighted, F3 / Shift+F3 stepping
through them pane after pane, the count shown as "3 of 17".

Why on the GUI thread: a scan step is bounded (about a window of 256K characters or
2,048 matches), the text is already here, and nothing has to cross threads; each turn of
the event loop runs steps for at most BUDGET_MS, so the window keeps painting.
"""

from __future__ import annotations

import time
from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.find import FindError, FindQuery, FoldedText, Matcher, TextScan, step_match
from reader.ui.view import FindMarks, PaneWidget

#: GUI time given to scanning per turn of the event loop.
BUDGET_MS = 12.0
#: Views repaint their growing highlights at most this often while a scan runs.
REPAINT_MS = 80


@dataclass
class _PaneScan:
    """The scan of one pane and the marks it paints."""

    widget: PaneWidget
    scan: TextScan
    marks: FindMarks


class FindController(QObject):
    """See module docstring. ``panes()`` gives the pane widgets in order, ``focused()`` the
    index of the focused one; ``jump(pane, start, end)`` moves the reader to a match."""

    countChanged = Signal(str, bool)       # "3 of 17" (or a problem), is it a problem
    finished = Signal()                    # every scan in scope is done

    def __init__(self, panes: Callable[[], Sequence[PaneWidget]], focused: Callable[[], int],
                 jump: Callable[[int, int, int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._panes = panes
        self._focused = focused
        self._jump = jump
        self.query: FindQuery | None = None
        self.all_panes = False
        self._matcher: Matcher | None = None
        self._scans: list[_PaneScan] = []
        self._folded: dict[str, FoldedText] = {}
        self._current: tuple[PaneWidget, int, int] | None = None
        self._jump_pending = False
        self._last_repaint = 0.0
        self._signature: tuple[int, ...] = ()
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._pump)

    # -- searching ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a scan is running."""
        return self._timer.isActive()

    def search(self, query: FindQuery | None, all_panes: bool, jump: bool = True) -> None:
        """Find ``query`` in the focused pane (or every pane) from the reader's place;
        None clears. The first match at or after the current statement becomes current
        as soon as it is found (when ``jump``)."""
        self._stop()
        self.query, self.all_panes = query, all_panes
        self._matcher = None
        if query is None:
            self.countChanged.emit("", False)
            return
        try:
            self._matcher = query.compile()
        except FindError as exc:
            self.countChanged.emit(_short_problem(exc), True)
            return
        widgets = list(self._panes())
        focused = self._focused()
        order = [focused] + [i for i in range(len(widgets)) if i != focused] \
            if all_panes else [focused]
        origin_pane = widgets[focused] if 0 <= focused < len(widgets) else None
        for index in order:
            if not 0 <= index < len(widgets) or not widgets[index].filled:
                continue
            widget = widgets[index]
            text = widget.key.document.text
            origin = self._origin(widget) if widget is origin_pane else 0
            scan = TextScan(self._matcher, text, self._folded_text(widget), origin)
            marks = FindMarks(scan.hits.starts, scan.hits.ends)
            widget.view.marks.find = marks
            self._scans.append(_PaneScan(widget, scan, marks))
        self._current = None
        self._jump_pending = jump
        self._timer.start()
        self._pump()

    def prepare(self, all_panes: bool = True) -> None:
        """Fold the panes' texts ahead of a search ignoring case (when the bar opens)."""
        if self._scans:
            return
        for widget in self._panes():
            if widget.filled:
                self._folded_text(widget)
        if any(not f.ready for f in self._folded.values()):
            self._timer.start()

    def clear(self) -> None:
        """Stop searching, remove every highlight, forget the folded texts (as large as
        the documents; folded again the next time the bar opens)."""
        self._stop()
        self._folded.clear()
        self.query = None
        self._current = None
        self.countChanged.emit("", False)

    def panes_changed(self) -> None:
        """Panes opened, closed or moved: search the new set again on the next turn of the
        event loop (the window rebuilds its panes first)."""
        QTimer.singleShot(0, self, self._panes_changed)

    def _panes_changed(self) -> None:
        widgets = [w for w in self._panes() if w.filled]
        signature = tuple(id(w) for w in widgets)
        if signature == self._signature:
            return
        self._signature = signature
        open_shas = {w.key.document.sha256 for w in self._panes() if w.key is not None}
        for sha in [s for s in self._folded if s not in open_shas]:
            del self._folded[sha]
        if self.query is not None:
            current = self._current
            self.search(self.query, self.all_panes, jump=False)
            if current is not None and current[0] in self._panes():
                self._set_current(*current, move=False)

    def finish(self) -> None:
        """Run every scan to the end now (tests, and a step past what is found so far)."""
        while self._timer.isActive():
            self._pump(budget_ms=1e9)

    def _stop(self) -> None:
        self._timer.stop()
        for item in self._scans:
            if item.widget.view.marks.find is item.marks:
                item.widget.view.marks.find = None
                item.widget.view.viewport().update()
                item.widget.overview.invalidate()
        self._scans = []

    def _folded_text(self, widget: PaneWidget) -> FoldedText:
        document = widget.key.document
        folded = self._folded.get(document.sha256)
        if folded is None:
            folded = self._folded[document.sha256] = FoldedText(document.text)
        return folded

    def _origin(self, widget: PaneWidget) -> int:
        pane = widget.key
        statements = pane.statements
        if 0 <= pane.current < len(statements):
            return statements[pane.current].start
        return 0

    def _pump(self, budget_ms: float = BUDGET_MS) -> None:
        deadline = time.perf_counter() + budget_ms / 1000
        pending = [item for item in self._scans if not item.scan.done]
        while pending and time.perf_counter() < deadline:
            for item in pending:
                item.scan.step()
                if self._jump_pending:
                    self._first_found()
            pending = [item for item in pending if not item.scan.done]
        if not self._scans:  # folding ahead of a search
            unready = [f for f in self._folded.values() if not f.ready]
            while unready and time.perf_counter() < deadline:
                unready[0].step()
                unready = [f for f in unready if not f.ready]
            if not unready:
                self._timer.stop()
            return
        if self._jump_pending:
            self._first_found()
        now = time.perf_counter()
        if not pending or now - self._last_repaint > REPAINT_MS / 1000:
            self._last_repaint = now
            for item in self._scans:
                item.widget.view.viewport().update()
                item.widget.overview.invalidate()
            self._show_count()
        if not pending:
            self._timer.stop()
            self._show_count()
            self.finished.emit()

    def _first_found(self) -> None:
        """Make the first match from the reader's place current once it is known: in the
        focused pane, else (every pane in scope) the first match of the next pane."""
        first = self._scans[0]
        if not first.scan.first_known:
            return
        if first.scan.first is not None:
            self._jump_pending = False
            self._set_current(first.widget, *first.scan.first)
        elif all(item.scan.done for item in self._scans):
            self._jump_pending = False
            if self.total():
                self.step(1)

    # -- stepping -------------------------------------------------------------------------

    def step(self, direction: int) -> bool:
        """Go to the next (+1) or previous (-1) match, across panes in scope, wrapping.
        False when there is none."""
        if not self._scans:
            return False
        if any(not item.scan.done for item in self._scans):
            self.finish()
        ordered = [w for w in self._panes() if any(i.widget is w for i in self._scans)]
        items = {id(i.widget): i for i in self._scans}
        if self._current is not None and self._current[0] not in ordered:
            self._current = None   # its pane was closed: start again from the reader's place
        if self._current is None:
            widget = self._scans[0].widget
            position = self._origin(widget) - (1 if direction > 0 else 0)
        else:
            widget, start, _end = self._current
            position = start
        if widget not in ordered:
            return False
        found = step_match([items[id(w)].scan.hits.starts for w in ordered],
                           ordered.index(widget), position, direction)
        if found is None:
            return False
        pane, index = found
        self._set_current(ordered[pane], *items[id(ordered[pane])].scan.hits.span(index))
        return True

    def _set_current(self, widget: PaneWidget, start: int, end: int, move: bool = True) -> None:
        for item in self._scans:
            item.marks.current = start if item.widget is widget else -1
        self._current = (widget, start, end)
        if move and widget in self._panes():
            self._jump(list(self._panes()).index(widget), start, end)
        for each in self._scans:
            each.widget.view.viewport().update()
        self._show_count()

    def _show_count(self) -> None:
        if self._matcher is None:
            return
        total = sum(len(item.scan.hits) for item in self._scans)
        running = any(not item.scan.done for item in self._scans)
        if not total and not running:
            self.countChanged.emit("No matches", True)
            return
        text = f"{total:,} matches"
        if self._current is not None and not running:
            position = 0
            for widget in self._panes():
                item = next((i for i in self._scans if i.widget is widget), None)
                if item is None:
                    continue
                if widget is self._current[0]:
                    position += bisect_left(item.scan.hits.starts, self._current[1]) + 1
                    break
                position += len(item.scan.hits)
            text = f"{position:,} of {total:,}"
        self.countChanged.emit(text + ("…" if running else ""), False)

    def current(self) -> tuple[int, int, int] | None:
        """(pane index, start, end) of the current match, if any."""
        if self._current is None or self._current[0] not in self._panes():
            return None
        widget, start, end = self._current
        return list(self._panes()).index(widget), start, end

    def total(self) -> int:
        """Matches found so far in every pane in scope."""
        return sum(len(item.scan.hits) for item in self._scans)


def _short_problem(exc: FindError) -> str:
    text = str(exc)
    if text.startswith("bad regular expression"):
        return "Bad pattern: " + text.rsplit(": ", 1)[-1]
    return text

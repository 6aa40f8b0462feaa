"""Push the correspondence into the panes and gutters: links and candidates in every gutter,
linked statements in every overview strip, and for the current statement its partners
(filled), its other candidates (dashed outline) and the one `l` links (solid outline).

Which statement `l` links: the one in the pane beside the focused one whose current
statement the reader moved to after the focused pane's (picking a partner by hand, as
before); else the strongest candidate drawn for the current statement.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Sequence

from PySide6.QtCore import QObject

from reader.ui.links._gutter import LinkGutter
from reader.ui.links._ribbons import CurrentEnds
from reader.ui.models import (Candidate, PairIndex, candidates_in, link_threshold, pair_view,
                              strongest)

if TYPE_CHECKING:
    from reader.ui.view import PaneWidget


@dataclass(frozen=True)
class LinkTarget:
    """What `l` links the current statement to."""

    pane: int
    statement: int
    score: float
    chosen: bool    # the reader moved to it by hand (not a drawn candidate)


class LinkPresenter(QObject):
    """Keeps gutters and pane marks in step with the alignments and the link threshold."""

    def __init__(self, bridge: Any, panes: Callable[[], Sequence["PaneWidget"]],
                 gutters: Callable[[], Sequence[LinkGutter]], floor: Callable[[], float],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.panes = panes
        self.gutters = gutters
        self.floor = floor
        self._moves: dict[int, int] = {}      # pane -> order of the reader's last move there
        self._last: dict[int, int] = {}       # pane -> its current statement then
        self._clock = 0
        bridge.currentChanged.connect(self._note_move)

    @property
    def session(self) -> Any:
        """The bridge's reading session."""
        return self.bridge.session

    def _in_step(self) -> bool:
        session = self.session
        return session is not None and len(self.panes()) == len(session.panes)

    def _note_move(self, pane: int, statement: int) -> None:
        """Remember the order in which the reader moved in the panes (focused moves only)."""
        session = self.session
        if session is None or self._last.get(pane) == statement:
            return
        self._last[pane] = statement
        if pane == session.focused:
            self._clock += 1
            self._moves[pane] = self._clock

    # -- links of every pair ---------------------------------------------------------------

    def refresh(self) -> list[set[int]]:
        """Links and candidates into every gutter; returns each pane's linked statements."""
        if not self._in_step():
            return []
        count = len(self.session.panes)
        threshold = link_threshold(self.bridge)
        linked: list[set[int]] = [set() for _ in range(count)]
        for a in range(count):
            for b in range(a + 1, count):
                index = pair_view(self.bridge, a, b)
                if index is None:
                    continue
                linked[a].update(index.linked_statements(threshold, left_side=True))
                linked[b].update(index.linked_statements(threshold, left_side=False))
        for a, gutter in enumerate(self.gutters()):
            index = pair_view(self.bridge, a, a + 1) if a + 1 < count else None
            gutter.set_correspondence(index or PairIndex(), threshold, self.floor())
        return linked

    # -- the current statement ---------------------------------------------------------------

    def candidates(self) -> dict[int, list[Candidate]]:
        """Other pane -> the focused current statement's drawn partners there."""
        session = self.session
        if not self._in_step() or not 0 <= session.focused < len(session.panes):
            return {}
        focused = session.focused
        current = session.panes[focused].current
        if current < 0:
            return {}
        return {other: candidates_in(self.bridge, focused, current, other)
                for other in range(len(session.panes)) if other != focused}

    def target(self) -> LinkTarget | None:
        """What `l` links now (see the module docstring), or None."""
        session = self.session
        if not self._in_step() or len(session.panes) < 2:
            return None
        focused = session.focused
        if session.panes[focused].current < 0:
            return None
        beside = focused + 1 if focused + 1 < len(session.panes) else focused - 1
        other_current = session.panes[beside].current
        if other_current >= 0 and self._moves.get(beside, 0) > self._moves.get(focused, 0):
            return LinkTarget(beside, other_current, 0.0, True)
        found = [c for group in self.candidates().values() for c in group]
        best = strongest(found, focused)
        if best is None:
            return None
        return LinkTarget(best.pane, best.statement, best.score, False)

    def show_current(self) -> dict[int, dict[int, float]]:
        """Outline the current statement's candidates and target in the other panes and draw
        its ribbons; returns other pane -> linked partners (statement -> score)."""
        if not self._in_step():
            return {}
        session, widgets = self.session, self.panes()
        found = self.candidates()
        target = self.target()
        partners: dict[int, dict[int, float]] = {}
        for index, widget in enumerate(widgets):
            marks = widget.view.marks
            group = found.get(index, [])
            partners[index] = {c.statement: c.score for c in group if c.linked}
            marks.partners = partners[index]
            marks.candidates = {c.statement: c.score for c in group if not c.linked}
            marks.target = target.statement if target is not None and target.pane == index \
                else -1
        focused = session.focused
        for index, gutter in enumerate(self.gutters()):
            gutter.set_current(self._ends(index, focused, found, target))
        return partners

    def _ends(self, gutter: int, focused: int, found: dict[int, list[Candidate]],
              target: LinkTarget | None) -> CurrentEnds | None:
        session = self.session
        if focused not in (gutter, gutter + 1) or gutter + 1 >= len(session.panes):
            return None
        own_pane = session.panes[focused]
        current = own_pane.current
        if current < 0:
            return None
        other = gutter + 1 if focused == gutter else gutter
        statements = session.panes[other].statements
        group = found.get(other, [])
        own = own_pane.statements[current]
        return CurrentEnds(
            left_side=focused == gutter, statement=current, span=(own.start, own.end),
            partners={c.statement: (c.score, c.linked) for c in group},
            spans={c.statement: (statements[c.statement].start, statements[c.statement].end)
                   for c in group},
            target=target.statement if target is not None and target.pane == other else None)

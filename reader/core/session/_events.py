"""Events a ReadingSession sends to its listener (the window repaints on them)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CurrentChanged:
    """The current statement (or the selection) of a pane moved."""

    pane: int
    statement: int
    selection: tuple[int, ...]
    span: tuple[int, int] | None = None  # a selected part of the statement (text offsets)


@dataclass(frozen=True)
class FocusChanged:
    """Another pane has the keyboard focus."""

    pane: int


@dataclass(frozen=True)
class TagsChanged:
    """Tags of these statements changed (sent after the store commit, or after the store
    failed and the change was kept in memory: see StoreProblem)."""

    pane: int
    statements: tuple[int, ...]


@dataclass(frozen=True)
class LinksChanged:
    """Manual links between these panes changed."""

    panes: tuple[int, ...]


@dataclass(frozen=True)
class PanesChanged:
    """Panes were opened, closed or reordered."""


@dataclass(frozen=True)
class OrphansChanged:
    """The list of orphaned tags (``session.orphans()``) changed."""

    count: int


@dataclass(frozen=True)
class StoreProblem:
    """The library could not be written: ``pending`` actions are kept in memory and retried
    on the next action or ``flush_pending()``. ``message`` is one line for the user."""

    message: str
    pending: int


@dataclass(frozen=True)
class StoreRecovered:
    """Every pending action has now been written to the library."""

    message: str
    written: int


SessionEvent = (CurrentChanged | FocusChanged | TagsChanged | LinksChanged | PanesChanged
                | OrphansChanged | StoreProblem | StoreRecovered)

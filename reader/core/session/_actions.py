"""Keyboard actions on a ReadingSession: plain functions, registered by name in ACTIONS.

The window only maps a key to a name (``reader.core.session._keymap``) and calls
``ACTIONS[name](session)``; every action here is testable without a window. Tag keys act
on the selection (Shift+j/k) or the current statement, then move on to the next statement;
pressing a statement's own kind again removes its tag and stays. Keys change only the
session author's own tags, never a colleague's. Every change is one undo step, written to
the store before it is shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable

from reader.core.session._compare import (adopt_first, adopt_second, adopt_third,
                                          next_disagreement, previous_disagreement)
from reader.core.session._link_actions import delete_orphan, link_current, reattach_orphan, unlink_current
from reader.core.session._spans import extend_part_left, extend_part_right, select_text
from reader.core.session._tagging import (clear_tag, current_tag, kind_action, kind_of_action,
                                          note_target, remove_tag, rename_kinds, set_note,
                                          tag_claim, tag_opinion, tag_quotation, tag_selection)
from reader.core.store import Tag, now_iso
from reader.core.session._undo import Edit, TagChange

if TYPE_CHECKING:
    from reader.core.session._session import Pane, ReadingSession


def _focused(session: ReadingSession) -> tuple[int, Pane] | None:
    pane = session.focused_pane()
    if pane is None or pane.current < 0:
        return None
    return session.focused, pane


# -- moving ------------------------------------------------------------------------------

def next_statement(session: ReadingSession) -> None:
    """Move to the next statement (and drop the selection)."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], found[1].current + 1)


def previous_statement(session: ReadingSession) -> None:
    """Move to the previous statement."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], found[1].current - 1)


def first_statement(session: ReadingSession) -> None:
    """Move to the first statement."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], 0)


def last_statement(session: ReadingSession) -> None:
    """Move to the last statement."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], len(found[1].statements) - 1)


def next_untagged(session: ReadingSession) -> None:
    """Move to the next statement without a tag (stay if there is none); while comparing
    coders, to the next statement where they differ."""
    if session.comparing:
        next_disagreement(session)
    elif (found := _focused(session)) is not None:
        index, pane = found
        shown = pane.tags.shown
        for i in range(pane.current + 1, len(pane.statements)):
            if i not in shown:
                session.move_to(index, i)
                return


def previous_untagged(session: ReadingSession) -> None:
    """Move to the previous statement without a tag (stay if there is none); while
    comparing coders, to the previous statement where they differ."""
    if session.comparing:
        previous_disagreement(session)
    elif (found := _focused(session)) is not None:
        index, pane = found
        shown = pane.tags.shown
        for i in range(pane.current - 1, -1, -1):
            if i not in shown:
                session.move_to(index, i)
                return


def extend_down(session: ReadingSession) -> None:
    """Grow the selection to the next statement."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], found[1].current + 1, extend=True)


def extend_up(session: ReadingSession) -> None:
    """Grow the selection to the previous statement."""
    if (found := _focused(session)) is not None:
        session.move_to(found[0], found[1].current - 1, extend=True)


def next_pane(session: ReadingSession) -> None:
    """Focus the next pane (wrapping around)."""
    if session.panes:
        session.focus((session.focused + 1) % len(session.panes))


def previous_pane(session: ReadingSession) -> None:
    """Focus the previous pane (wrapping around)."""
    if session.panes:
        session.focus((session.focused - 1) % len(session.panes))


def set_current(session: ReadingSession, pane_index: int, statement_index: int) -> None:
    """Focus a pane and make one of its statements current (a click)."""
    session.focus(pane_index)
    session.move_to(pane_index, statement_index)


# -- tagging -----------------------------------------------------------------------------

def _suggested_kind(pane: Pane, statement: int) -> tuple[str | None, float]:
    suggestions = pane.suggestions or ()
    if statement >= len(suggestions) or suggestions[statement] is None:
        return None, 0.0
    item: Any = suggestions[statement]
    return getattr(item, "kind", None), float(getattr(item, "confidence", 1.0) or 0.0)


def accept_suggestion(session: ReadingSession) -> None:
    """Tag the selection (or current statement) with its suggested kind, then move on."""
    if (found := _focused(session)) is None:
        return
    index, pane = found
    selected = session.selection(index)
    stamp = now_iso()
    changes = []
    for i in selected:
        kind, _ = _suggested_kind(pane, i)
        if kind is None:
            continue
        own = pane.tags.own_tag(i)
        if own is None:
            changes.append(TagChange(None, session.make_tag(pane, i, kind)))
        elif own.kind != kind:
            changes.append(TagChange(own, replace(own, kind=kind, updated_at=stamp)))
    session.commit(Edit("accept suggestion", tuple(changes)))
    session.move_to(index, max(selected) + 1)


def accept_suggestions_above(session: ReadingSession, pane_index: int,
                             threshold: float) -> int:
    """Tag every untagged statement of a pane whose suggestion is at least ``threshold``
    confident (one undo step); returns how many were tagged."""
    pane = session.panes[pane_index]
    changes = []
    for i in range(min(len(pane.suggestions or ()), len(pane.statements))):
        kind, confidence = _suggested_kind(pane, i)
        if kind is not None and confidence >= threshold and pane.tags.builtin_tag(i) is None:
            changes.append(TagChange(None, session.make_tag(pane, i, kind)))
    session.commit(Edit("accept suggestions", tuple(changes)))
    return len(changes)


# -- undo --------------------------------------------------------------------------------

def undo(session: ReadingSession) -> None:
    """Undo the last tag, note, link or orphan action and show where it was."""
    if not session.history.undo_stack:
        return
    edit = session.history.undo_stack.pop()
    applied = session.commit(edit.inverse(), record=False)
    session.history.redo_stack.append(Edit(edit.label, applied.inverse().changes))
    _reveal(session, applied)


def redo(session: ReadingSession) -> None:
    """Redo the last undone action."""
    if not session.history.redo_stack:
        return
    edit = session.history.redo_stack.pop()
    applied = session.commit(edit, record=False)
    session.history.undo_stack.append(applied)
    _reveal(session, applied)


def _reveal(session: ReadingSession, edit: Edit) -> None:
    """Make the first statement an edit touched current (so the user sees the change)."""
    for change in edit.changes:
        tag = getattr(change, "after", None) or getattr(change, "before", None)
        if not isinstance(tag, Tag) or tag.orphaned:
            continue
        for pane_index in session.panes_of(tag.document_id):
            statement = session.panes[pane_index].tags.statement_of(tag.start, tag.end)
            if statement is not None:
                session.focus(pane_index)
                session.move_to(pane_index, statement)
                return


#: Every keyed action by name (the window adds its own: edit_note, show_shortcuts).
ACTIONS: dict[str, Callable[[ReadingSession], None]] = {
    f.__name__: f for f in (
        next_statement, previous_statement, next_untagged, previous_untagged,
        first_statement, last_statement, next_pane, previous_pane, extend_down, extend_up,
        tag_opinion, tag_claim, tag_quotation, clear_tag, accept_suggestion, undo, redo,
        link_current, unlink_current, next_disagreement, previous_disagreement, adopt_first,
        adopt_second, adopt_third, extend_part_right, extend_part_left,
    )
}


def run_action(session: ReadingSession, name: str) -> bool:
    """Run a keyed action by name: one of ACTIONS, or ``tag_as:KIND`` for a kind of the
    library's own. False when the name is unknown."""
    if name in ACTIONS:
        ACTIONS[name](session)
        return True
    kind = kind_of_action(name)
    if kind:
        tag_selection(session, kind)
        return True
    return False

__all__ = [
    "ACTIONS", "accept_suggestion", "extend_part_left", "extend_part_right", "kind_action",
    "kind_of_action", "note_target", "remove_tag", "rename_kinds", "run_action", "select_text",
    "accept_suggestions_above", "clear_tag", "current_tag",
    "delete_orphan", "extend_down", "extend_up", "first_statement", "last_statement",
    "link_current", "next_pane", "next_statement", "next_untagged", "previous_pane",
    "previous_statement", "previous_untagged", "reattach_orphan", "redo", "set_current",
    "set_note", "tag_claim", "tag_opinion", "tag_quotation", "tag_selection", "undo",
    "unlink_current",
]

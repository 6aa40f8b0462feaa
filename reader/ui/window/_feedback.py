"""One line in the status bar for a key that would otherwise seem to do nothing: undo with
nothing to undo, a coder key while no coders are compared, a link key with one document.
Undo and redo also say what they undid ("Undone: tag claim")."""

from __future__ import annotations

from typing import Any

_COMPARE_ACTIONS = ("next_disagreement", "previous_disagreement", "adopt_first",
                    "adopt_second", "adopt_third")
_LINK_ACTIONS = ("link_current", "unlink_current")


def action_feedback(session: Any, name: str) -> str:
    """What to tell the reader about running action ``name`` now ("" when the screen shows
    it well enough). Asked before the action runs: undo's label is gone after it."""
    if name in ("undo", "redo"):
        stack = session.history.undo_stack if name == "undo" else session.history.redo_stack
        if not stack:
            return f"Nothing to {name}"
        return f"{'Undone' if name == 'undo' else 'Redone'}: {stack[-1].label}"
    if name in _COMPARE_ACTIONS and not session.comparing:
        return ("No coders are compared: tick them and \"Compare in the panes\" in the "
                "Coders panel (Ctrl+Shift+K)")
    if name in _LINK_ACTIONS and len(session.panes) < 2:
        return "Open a second document to link statements across documents"
    return ""

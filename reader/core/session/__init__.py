"""A reading session: open panes, keyboard actions, undo, keymap, events, writing to the store."""

from __future__ import annotations

from reader.core.session._actions import (
    ACTIONS, accept_suggestion, accept_suggestions_above, clear_tag, current_tag, extend_down,
    extend_part_left, extend_part_right, extend_up, first_statement, kind_action,
    kind_of_action, last_statement, next_pane, next_statement, next_untagged, note_target,
    previous_pane, previous_statement, previous_untagged, redo, remove_tag, rename_kinds,
    run_action,
    select_text, set_current, set_note, tag_claim, tag_opinion, tag_quotation, tag_selection,
    undo)
from reader.core.session._compare import (
    adopt, adopt_first, adopt_second, adopt_third, next_disagreement, pane_comparison,
    pane_disagreements, previous_disagreement, session_agreement, session_coders, set_comparing)
from reader.core.session._clipboard import (
    document_from_clipboard, load_stored_document, remember_clipboard_document)
from reader.core.session._events import (
    CurrentChanged, FocusChanged, LinksChanged, OrphansChanged, PanesChanged, StoreProblem,
    StoreRecovered, TagsChanged)
from reader.core.session._keymap import (
    ACTION_TITLES, DEFAULT_KEYMAP, WINDOW_ACTIONS, keymap_from_settings, normalize_key)
from reader.core.session._link_actions import (
    current_pair, delete_orphan, link_current, link_statements, reattach_orphan,
    statement_pair, unlink_current, unlink_statements)
from reader.core.session._rename import rename_document
from reader.core.session._session import ReadingSession

__all__ = [
    "ACTIONS", "ACTION_TITLES", "CurrentChanged", "DEFAULT_KEYMAP", "FocusChanged", "LinksChanged",
    "OrphansChanged", "PanesChanged", "ReadingSession", "StoreProblem", "StoreRecovered",
    "TagsChanged", "WINDOW_ACTIONS", "accept_suggestion", "accept_suggestions_above", "adopt",
    "adopt_first", "adopt_second", "adopt_third", "clear_tag",
    "current_pair", "current_tag", "delete_orphan", "document_from_clipboard", "extend_down",
    "extend_part_left", "extend_part_right", "extend_up", "first_statement", "kind_action",
    "kind_of_action", "keymap_from_settings", "last_statement", "link_current",
    "link_statements",
    "load_stored_document", "next_disagreement", "next_pane", "next_statement", "next_untagged",
    "normalize_key", "note_target", "pane_comparison", "pane_disagreements",
    "previous_disagreement", "previous_pane", "previous_statement", "previous_untagged",
    "reattach_orphan", "redo", "remember_clipboard_document", "remove_tag", "rename_document",
    "rename_kinds",
    "run_action",
    "select_text", "session_agreement", "session_coders", "set_comparing",
    "set_current", "set_note", "statement_pair", "tag_claim", "tag_opinion",
    "tag_quotation", "tag_selection", "undo", "unlink_current", "unlink_statements",
]

"""Default keys of the reading session's actions, their descriptions, and remapping.

Keys are written as Qt's portable key-sequence text ("J", "Shift+J", "Ctrl+Shift+Z"), so
the window can hand them to QKeySequence; a letter key means the unshifted letter.
"""

from __future__ import annotations

from typing import Mapping

#: Actions the window implements itself (they open an editor or a dialog).
WINDOW_ACTIONS = ("edit_note", "show_shortcuts")

#: Key sequence -> action name.
DEFAULT_KEYMAP: dict[str, str] = {
    "J": "next_statement", "Down": "next_statement",
    "K": "previous_statement", "Up": "previous_statement",
    "]": "next_untagged", "[": "previous_untagged",
    "G": "first_statement", "Shift+G": "last_statement",
    "Tab": "next_pane", "Shift+Tab": "previous_pane",
    "Shift+J": "extend_down", "Shift+Down": "extend_down",
    "Shift+K": "extend_up", "Shift+Up": "extend_up",
    "Shift+Right": "extend_part_right", "Shift+Left": "extend_part_left",
    "O": "tag_opinion", "1": "tag_opinion",
    "C": "tag_claim", "2": "tag_claim",
    "Q": "tag_quotation", "3": "tag_quotation",
    "Backspace": "clear_tag", "0": "clear_tag",
    "N": "edit_note",
    "Ctrl+Z": "undo", "Ctrl+Shift+Z": "redo", "Ctrl+Y": "redo",
    "Space": "accept_suggestion",
    "L": "link_current", "Shift+L": "unlink_current",
    "?": "show_shortcuts",
    "D": "next_disagreement", "Shift+D": "previous_disagreement",
    "Alt+1": "adopt_first", "Alt+2": "adopt_second", "Alt+3": "adopt_third",
}

#: Action name -> one line for Help > Keyboard Shortcuts and the `?` overlay.
ACTION_TITLES: dict[str, str] = {
    "next_statement": "Next statement",
    "previous_statement": "Previous statement",
    "next_untagged": "Next untagged statement",
    "previous_untagged": "Previous untagged statement",
    "first_statement": "First statement",
    "last_statement": "Last statement",
    "next_pane": "Next document",
    "previous_pane": "Previous document",
    "extend_down": "Extend the selection down",
    "extend_up": "Extend the selection up",
    "extend_part_right": "Select part of the statement: one more word",
    "extend_part_left": "Select part of the statement: one word less (or more to the left)",
    "tag_opinion": "Tag as opinion (again: remove)",
    "tag_claim": "Tag as claim (again: remove)",
    "tag_quotation": "Tag as quotation (again: remove)",
    "clear_tag": "Remove the tag",
    "edit_note": "Write or edit the tag's note",
    "undo": "Undo",
    "redo": "Redo",
    "accept_suggestion": "Accept the suggested tag",
    "link_current": "Link the current statement to its outlined candidate",
    "unlink_current": "Unlink the outlined candidate (or mark it unrelated)",
    "show_shortcuts": "Show the keyboard shortcuts",
    "next_disagreement": "Next statement where the compared coders differ (also ] then)",
    "previous_disagreement": "Previous statement where they differ (also [ then)",
    "adopt_first": "Adopt the first compared coder's tag as the agreed one",
    "adopt_second": "Adopt the second compared coder's tag as the agreed one",
    "adopt_third": "Adopt the third compared coder's tag as the agreed one",
}

_MODIFIERS = {"ctrl": "Ctrl", "control": "Ctrl", "shift": "Shift", "alt": "Alt",
              "meta": "Meta", "cmd": "Meta"}
_ORDER = ["Ctrl", "Alt", "Shift", "Meta"]


def normalize_key(text: str) -> str:
    """Portable key text: modifiers named and ordered as Qt does, single letters upper-case
    ("ctrl+shift+z" -> "Ctrl+Shift+Z", "j" -> "J")."""
    text = text.strip()
    if text.endswith("++") or text == "+":
        modifiers, key = text[:-2], "+"
    else:
        modifiers, _, key = text.rpartition("+")
    names = {_MODIFIERS.get(m.strip().lower(), m.strip().title())
             for m in modifiers.split("+") if m.strip()}
    ordered = sorted(names, key=lambda m: (_ORDER.index(m) if m in _ORDER else len(_ORDER), m))
    key = key.strip()
    key = key.upper() if len(key) == 1 else key[:1].upper() + key[1:]
    return "+".join([*ordered, key])


def keymap_from_settings(overrides: Mapping[str, str],
                         defaults: Mapping[str, str] | None = None) -> dict[str, str]:
    """The default keymap with the user's changes.

    ``overrides`` may map a key to an action name ("X": "tag_claim"; an empty name unbinds
    the key) or an action name to its keys ("tag_claim": "X, 2"; replaces its default keys;
    empty: no key). Unknown action names are ignored.
    """
    known = set(ACTION_TITLES)
    keymap = dict(DEFAULT_KEYMAP if defaults is None else defaults)
    for left, right in overrides.items():
        if left in known:
            keymap = {k: a for k, a in keymap.items() if a != left}
            for key in filter(None, (k.strip() for k in right.split(","))):
                keymap[normalize_key(key)] = left
        elif right in known:
            keymap[normalize_key(left)] = right
        elif not right:
            keymap.pop(normalize_key(left), None)
    return keymap

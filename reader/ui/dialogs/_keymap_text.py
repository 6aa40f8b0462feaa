"""Readable names for the session's keyboard actions, grouped the way a reader thinks of them.

Used by the shortcuts dialog, the overlay and the settings dialog. ``keymap`` arguments are
the session's form: key sequence text -> action name (``reader.core.session._session.DEFAULT_KEYMAP``).
"""

from __future__ import annotations

from reader.ui.labels import key_text

#: (group, action name, description) in the order they are listed; the core's
#: ``ACTION_TITLES`` wins for the description when it has one.
ACTION_TEXTS: tuple[tuple[str, str, str], ...] = (
    ("Move", "next_statement", "Next statement"),
    ("Move", "previous_statement", "Previous statement"),
    ("Move", "next_untagged", "Next untagged statement"),
    ("Move", "previous_untagged", "Previous untagged statement"),
    ("Move", "first_statement", "First statement"),
    ("Move", "last_statement", "Last statement"),
    ("Move", "next_pane", "Next pane"),
    ("Move", "previous_pane", "Previous pane"),
    ("Move", "extend_down", "Extend selection down"),
    ("Move", "extend_up", "Extend selection up"),
    ("Tag", "tag_opinion", "Tag opinion (again removes)"),
    ("Tag", "tag_claim", "Tag claim (again removes)"),
    ("Tag", "tag_quotation", "Tag quotation (again removes)"),
    ("Tag", "clear_tag", "Remove tag"),
    ("Tag", "edit_note", "Write or edit a note"),
    ("Tag", "accept_suggestion", "Accept suggested tag"),
    ("Links", "link_current", "Link to the outlined candidate"),
    ("Links", "unlink_current", "Unlink or reject the outlined candidate"),
    ("Edit", "undo", "Undo"),
    ("Edit", "redo", "Redo"),
    ("Help", "show_shortcuts", "Show keyboard shortcuts"),
)


def action_text(action: str) -> str:
    """The description of an action: the core's title, else ours, else its name spelled out."""
    from reader.core.session import ACTION_TITLES

    if action in ACTION_TITLES:
        return ACTION_TITLES[action]
    if action.startswith("tag_as:"):
        return f"Tag as {action.removeprefix('tag_as:')} (again: remove)"
    for _group, name, text in ACTION_TEXTS:
        if name == action:
            return text
    return action.replace("_", " ").capitalize()


def action_group(action: str) -> str:
    """The group an action is listed under ("Other" when unknown)."""
    for group, name, _text in ACTION_TEXTS:
        if name == action:
            return group
    return "Other"


def keys_by_action(keymap: dict[str, str]) -> dict[str, list[str]]:
    """Invert a keymap: action name -> its key sequences, in keymap order."""
    out: dict[str, list[str]] = {}
    for key, action in keymap.items():
        out.setdefault(action, []).append(key)
    return out


def ordered_actions(keymap: dict[str, str]) -> list[str]:
    """Every action of the keymap: known ones in listing order, then unknown ones by name."""
    present = set(keymap.values())
    known = [name for _g, name, _t in ACTION_TEXTS if name in present]
    return known + sorted(present - set(known))


def keymap_rows(keymap: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(group, action, description, readable keys) for each action of ``keymap``."""
    keys = keys_by_action(keymap)
    return [(action_group(a), a, action_text(a), " or ".join(key_text(k) for k in keys[a]))
            for a in ordered_actions(keymap)]


def default_keymap() -> dict[str, str]:
    """The session's default keymap merged with the user's saved remapping."""
    from reader.ui.settings import load_settings

    return load_settings().keymap()

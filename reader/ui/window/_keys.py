"""Map key sequences to session actions by name (napari style): one QAction per action,
window-wide, so single letters work while a read-only pane has the focus.

The keymap is the session's form, key text -> action name (``DEFAULT_KEYMAP`` merged with
the user's remapping). Actions the window handles itself (``edit_note``,
``show_shortcuts``) go through the same path; the window decides what a name does.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

from reader.ui.icons import set_icon
from reader.ui.labels import key_text
from reader.ui.tag_style import KIND_COLORS_DARK, KIND_COLORS_LIGHT

#: Icon of each keyed action (qtawesome names).
ACTION_ICONS: dict[str, str] = {
    "next_statement": "mdi6.arrow-down", "previous_statement": "mdi6.arrow-up",
    "next_untagged": "mdi6.skip-next", "previous_untagged": "mdi6.skip-previous",
    "first_statement": "mdi6.page-first", "last_statement": "mdi6.page-last",
    "next_pane": "mdi6.arrow-right", "previous_pane": "mdi6.arrow-left",
    "extend_down": "mdi6.chevron-double-down", "extend_up": "mdi6.chevron-double-up",
    "tag_opinion": "mdi6.circle", "tag_claim": "mdi6.square",
    "tag_quotation": "mdi6.format-quote-open", "clear_tag": "mdi6.eraser",
    "edit_note": "mdi6.note-edit-outline", "accept_suggestion": "mdi6.check",
    "link_current": "mdi6.link-variant", "unlink_current": "mdi6.link-variant-off",
    "undo": "mdi6.undo", "redo": "mdi6.redo", "show_shortcuts": "mdi6.keyboard",
}


def set_action_icon(action: QAction, name: str) -> None:
    """The icon of a keyed action; tag actions in their kind's colour."""
    kind = name.removeprefix("tag_")
    color = None
    if kind in KIND_COLORS_LIGHT:
        from PySide6.QtGui import QGuiApplication, QPalette

        dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
        color = (KIND_COLORS_DARK if dark else KIND_COLORS_LIGHT)[kind]
    if name in ACTION_ICONS:
        set_icon(action, ACTION_ICONS[name], color)


def action_label(name: str) -> str:
    """The readable name of an action for menus and tooltips."""
    try:
        from reader.ui.dialogs import action_text

        return action_text(name)
    except ImportError:
        return name.replace("_", " ").capitalize()


def show_keys(action: QAction, label: str, keys: list[str]) -> None:
    """Menu text of a keyed action: Qt would show a bare letter key in capitals ("O"), which
    reads as Shift+O, so such a key is written after a tab as typed ("o")."""
    action.setIconText(label.replace("&", ""))
    first = keys[0] if keys else ""
    bare = len(first) == 1 and first.isalpha()
    action.setText(f"{label}\t{key_text(first)}" if bare else label)


class KeyBindings(QObject):
    """Owns the keyed QActions of a window; ``triggered(name)`` when one fires."""

    triggered = Signal(str)

    def __init__(self, window: QWidget, keymap: dict[str, str],
                 reserved: Callable[[], set[str]] | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.keymap: dict[str, str] = {}
        self.dropped: list[str] = []
        self._reserved = reserved or (lambda: set())
        self.apply(keymap)

    def action(self, name: str) -> QAction:
        """The QAction of ``name`` (created on first use, even without a key)."""
        if name not in self.actions:
            action = QAction(action_label(name), self.window)
            set_action_icon(action, name)
            action.setObjectName(f"action_{name}")
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, n=name: self.triggered.emit(n))
            self.window.addAction(action)
            self.actions[name] = action
        return self.actions[name]

    def apply(self, keymap: dict[str, str]) -> None:
        """Bind exactly the keys of ``keymap``; keys the window already uses are skipped."""
        reserved = {QKeySequence(k).toString() for k in self._reserved()}
        by_action: dict[str, list[QKeySequence]] = {}
        self.dropped = []
        self.keymap = {}
        for key, name in keymap.items():
            sequence = QKeySequence(key)
            if sequence.isEmpty() or sequence.toString() in reserved:
                self.dropped.append(key)
                continue
            self.keymap[key] = name
            by_action.setdefault(name, []).append(sequence)
        for name in set(self.actions) | set(by_action):
            action = self.action(name)
            keys = by_action.get(name, [])
            action.setShortcuts(keys)
            label = action_label(name)
            show_keys(action, label, [k.toString() for k in keys])
            shown = " or ".join(key_text(k.toString()) for k in keys)
            action.setToolTip(f"{label} ({shown})" if shown else label)

    def fallback(self, event: QKeyEvent) -> bool:
        """Handle a key the shortcut system missed (e.g. '?' typed with Shift on some
        layouts); True when it matched a bound action."""
        text = event.text()
        if text and text.isprintable() and text in self.keymap and not text.isalpha():
            self.triggered.emit(self.keymap[text])
            return True
        return False

    def keys_of(self, name: str) -> list[str]:
        """Key texts bound to ``name``."""
        return [k for k, n in self.keymap.items() if n == name]


def key_hint_text(bindings: KeyBindings) -> str:
    """One line for the status bar naming the main keys as currently bound."""
    def key(name: str) -> str:
        bound = bindings.keys_of(name)
        return key_text(bound[0]) if bound else "—"

    parts = [(f"{key('next_statement')} {key('previous_statement')}", "next/previous"),
             (key("tag_opinion"), "opinion"), (key("tag_claim"), "claim"),
             (key("tag_quotation"), "quotation"), (key("edit_note"), "note"),
             (key("link_current"), "link"), (key("undo"), "undo"),
             (key("show_shortcuts"), "all keys")]
    return "    ".join(f"{k}  {what}" for k, what in parts)

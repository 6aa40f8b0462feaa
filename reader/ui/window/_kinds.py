"""The window's side of the codebook and of the mouse: kinds of the library's own as keys,
menu entries, colours and shapes; a selection of text handed to the session; the context
menu of a statement (Tag as…, Remove tag, Note…, Link to…, Copy)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction, QColor, QGuiApplication
from PySide6.QtWidgets import QMenu

from reader.core.session import (kind_action, link_statements, normalize_key, note_target,
                                 remove_tag, rename_kinds, select_text, set_current,
                                 tag_selection)
from reader.core.store import BUILTIN_CODEBOOK, BUILTIN_KINDS, NOTE_KIND, Kind
from reader.ui.dialogs import KindsDialog
from reader.ui.models import candidates_in
from reader.ui.tag_style import KIND_LABELS, ViewColors, shape_icon

if TYPE_CHECKING:
    from reader.ui.view import PaneWidget
    from reader.ui.window._main_window import MainWindow


def kind_title(name: str) -> str:
    """How a kind is named in menus ("Claim", "misleading")."""
    return KIND_LABELS.get(name, name)


class KindsController(QObject):
    """Keeps the window in step with the library's codebook; see the module doc."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.kinds: list[Kind] = list(BUILTIN_CODEBOOK)
        self._menu_actions: list[QAction] = []
        self.last_menu: QMenu | None = None  # the latest context menu (for tests)

    @property
    def own(self) -> list[Kind]:
        """The library's own kinds that take new tags (not retired)."""
        return [k for k in self.kinds if not k.builtin and not k.retired]

    def keymap(self, base: dict[str, str]) -> dict[str, str]:
        """``base`` plus a key per kind of the library's own (keys already used stay with
        their action: the kinds dialog refuses them)."""
        taken = {normalize_key(k) for k in base}
        merged = dict(base)
        for kind in self.own:
            if kind.key and normalize_key(kind.key) not in taken:
                merged[normalize_key(kind.key)] = kind_action(kind.name)
        return merged

    def reload(self) -> None:
        """Read the codebook again and apply it to keys, menus and panes."""
        store = self.window.session.store
        try:
            self.kinds = store.kinds.all() if store is not None else list(BUILTIN_CODEBOOK)
        except Exception as exc:  # an unreadable library: keep the kinds we had
            self.window.report(f"Could not read the kinds of the library: {exc}")
        window = self.window
        window.keys.apply(self.keymap(window.settings_values.keymap))
        for widget in window.panes:
            widget.view.set_kinds(self.kinds)
        self._fill_tag_menu()

    def _fill_tag_menu(self) -> None:
        menu = self.window.menus.tag
        for action in self._menu_actions:
            menu.removeAction(action)
        self._menu_actions = []
        anchor = self.window.keys.action("clear_tag")
        colors = ViewColors.from_palette(self.window.palette(), self.kinds)
        for kind in self.own:
            action = self.window.keys.action(kind_action(kind.name))
            action.setText(f"Tag as {kind.name}")
            action.setIcon(shape_icon(kind.shape, colors.kind.get(kind.name, QColor())))
            action.setToolTip(kind.description or f"Toggle the kind {kind.name}")
            menu.insertAction(anchor, action)
            self._menu_actions.append(action)
        edit = QAction("Edit &Kinds…", self.window)
        edit.setObjectName("action_edit_kinds")
        edit.triggered.connect(lambda _c=False: self.edit())
        menu.insertAction(anchor, edit)
        separator = menu.insertSeparator(anchor)
        self._menu_actions += [edit, separator]

    def edit(self) -> bool:
        """Tag > Edit Kinds…; True when the codebook changed."""
        store = self.window.session.store
        if store is None:
            self.window.report("The library cannot be written: kinds cannot be edited now.")
            return False
        own_actions = {kind_action(k.name) for k in self.kinds}
        taken = {k for k, a in self.window.keys.keymap.items() if a not in own_actions}
        renamed = KindsDialog.ask(self.window, store, taken)
        if renamed is None:
            return False
        rename_kinds(self.window.session, renamed)
        self.reload()
        self.window.presenter.panes_changed()
        return True

    # -- the mouse ----------------------------------------------------------------------------

    def text_selected(self, widget: "PaneWidget", start: int, end: int) -> None:
        """A drag over text: a part of a statement, or whole statements."""
        if widget in self.window.panes:
            select_text(self.window.session, self.window.panes.index(widget), start, end)

    def context_menu(self, widget: "PaneWidget", statement: int, where: QPoint) -> QMenu | None:
        """Right-click on a statement: make it current (keeping a selected part of it) and
        offer what can be done with it. Returns the menu (shown unless testing)."""
        window, session = self.window, self.window.session
        if widget not in window.panes:
            return None
        index = window.panes.index(widget)
        pane = session.panes[index]
        if pane.span is None or pane.current != statement:
            set_current(session, index, statement)
        else:
            session.focus(index)
        menu = QMenu(widget.view)
        menu.setObjectName("statementMenu")
        self._tag_as(menu)
        self._remove(menu, pane, statement)
        note = menu.addAction("&Note…")
        note.triggered.connect(lambda _c=False: window.edit_note())
        self._link_to(menu, index, statement)
        copy = menu.addAction("&Copy")
        copy.triggered.connect(lambda _c=False: self.copy(index, statement))
        self.last_menu = menu
        if not self.window.testing_menus:
            menu.popup(where)
        return menu

    def _tag_as(self, parent: QMenu) -> None:
        menu = parent.addMenu("&Tag as")
        session = self.window.session
        colors = ViewColors.from_palette(self.window.palette(), self.kinds)
        for kind in [k for k in self.kinds if k.name in BUILTIN_KINDS] + self.own:
            action = menu.addAction(shape_icon(colors.shape(kind.name),
                                               colors.kind.get(kind.name, QColor())),
                                    kind_title(kind.name))
            action.setObjectName(f"tag_as_{kind.name}")
            action.triggered.connect(lambda _c=False, k=kind.name: self._run(
                lambda: tag_selection(session, k)))

    def _remove(self, parent: QMenu, pane: Any, statement: int) -> None:
        tags = pane.tags.tags_at(statement)
        menu = parent.addMenu("&Remove Tag")
        menu.setEnabled(bool(tags))
        for tag in sorted(tags, key=lambda t: (t.start, t.kind)):
            text = kind_title(tag.kind) if tag.kind != NOTE_KIND else "Note"
            if pane.tags.is_part(tag, statement):
                text += f": “{pane.document.text[tag.start:tag.end][:40]}”"
            if tag.author and tag.author != self.window.session.author:
                text += f" (by {tag.author})"
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, i=tag.id: self._run(
                lambda: remove_tag(self.window.session, i)))

    def _link_to(self, parent: QMenu, index: int, statement: int) -> None:
        """The partners drawn for this statement in each other pane, strongest first (what
        `l` would link is the first), then that pane's current statement if it is not one."""
        menu = parent.addMenu("&Link to")
        session = self.window.session
        for other in range(len(session.panes)):
            if other == index:
                continue
            pane = session.panes[other]
            found = sorted(candidates_in(self.window.bridge, index, statement, other),
                           key=lambda c: -c.score)
            choices = [(c.statement, f"{c.score:.0%}") for c in found if not c.linked][:5]
            if pane.current >= 0 and pane.current not in {n for n, _ in choices}:
                choices.append((pane.current, "current"))
            for number, why in choices:
                text = pane.statements[number].text
                action = menu.addAction(f"{pane.document.display_name} ({why}): "
                                        f"“{text[:50]}{'…' if len(text) > 50 else ''}”")
                action.triggered.connect(lambda _c=False, o=other, n=number: self._run(
                    lambda: link_statements(session, index, statement, o, n)))
        menu.setEnabled(not menu.isEmpty())

    def _run(self, step: Any) -> None:
        step()
        self.window.actionCommitted.emit("context_menu")

    def copy(self, pane_index: int, statement: int) -> str:
        """Copy the selected part of a statement, or the statement, to the clipboard."""
        pane = self.window.session.panes[pane_index]
        span = pane.span if pane.current == statement else None
        s = pane.statements[statement]
        text = pane.document.text[span[0]:span[1]] if span else s.text
        QGuiApplication.clipboard().setText(text)
        return text

    def note_text(self) -> str:
        """The note the editor starts with (of ``note_target``)."""
        tag = note_target(self.window.session)
        return tag.note if tag is not None else ""

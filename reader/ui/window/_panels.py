"""The side panels (docks) and dialogs of the window, wired in when their modules exist:
Related and Tags panels, Settings, Keyboard Shortcuts and the `?` overlay, Export, Import,
New from Clipboard, About. Every panel's ``jumpRequested(pane, statement)`` moves the
current statement there."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog

from reader.ui.dialogs import (AboutDialog, ImportDialog, SettingsDialog, ShortcutsDialog,
                               ShortcutsOverlay, choose_library, export_interactively,
                               new_from_clipboard, report_import, report_merge)
from reader.ui.icons import set_icon
from reader.ui.jobs import is_big_file
from reader.ui.panels import (CodersPanel, RelatedPanel, SuggestionsPanel, TagsPanel,
                              make_accept_action)
from reader.ui.labels import key_text, with_shortcut

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow
    from reader.ui.window._menus import WindowMenus


DOCUMENT_FILTER = ("Documents (*.txt *.text *.md *.markdown *.rst *.html *.htm *.xhtml *.pdf "
                   "*.docx *.epub *.odt);;All files (*)")


def ask_open_files(window: "MainWindow") -> list[str]:
    """The File > Open dialog (tests patch this)."""
    names, _ = QFileDialog.getOpenFileNames(window, "Open Documents", "", DOCUMENT_FILTER)
    return list(names)


def _menu_action(window: "MainWindow", text: str, slot: Any, icon_name: str,
                 key: str = "") -> QAction:
    action = QAction(text, window)
    set_icon(action, icon_name)
    if key:
        action.setShortcut(QKeySequence(key))
        action.setToolTip(with_shortcut(text.replace('&', '').rstrip('.…'), key))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def install_extras(window: "MainWindow", menus: "WindowMenus") -> None:
    """Add the docks and dialog entries whose modules are present."""
    _install_docks(window, menus)
    _install_file_dialogs(window, menus)
    menus.edit.addSeparator()
    menus.actions["settings"] = _menu_action(
        window, "&Settings…", lambda: open_settings(window), "mdi6.cog", "Ctrl+,")
    menus.edit.addAction(menus.actions["settings"])
    menus.actions["shortcuts"] = _menu_action(
        window, "&Keyboard Shortcuts", lambda: ShortcutsDialog.ask(window, window.keys.keymap),
        "mdi6.keyboard", "F1")
    menus.help.addAction(menus.actions["shortcuts"])
    menus.help.addAction(window.keys.action("show_shortcuts"))
    menus.actions["about"] = _menu_action(window, "&About Source Reader",
                                          lambda: AboutDialog.ask(window),
                                          "mdi6.information-outline")
    menus.help.addAction(menus.actions["about"])


def _install_docks(window: "MainWindow", menus: "WindowMenus") -> None:
    window.docks = {}  # type: ignore[attr-defined]
    right = Qt.DockWidgetArea.RightDockWidgetArea
    specs = (("related", RelatedPanel, "Related", right, "Ctrl+Shift+R"),
             ("tags", TagsPanel, "Tags", right, "Ctrl+Shift+T"),
             ("suggestions", SuggestionsPanel, "Suggestions", right, "Ctrl+Shift+G"),
             ("coders", CodersPanel, "Coders", right, "Ctrl+Shift+K"))
    added = []
    for key, panel_class, title, area, shortcut in specs:
        dock = QDockWidget(title, window)
        dock.setObjectName(f"dock_{key}")
        dock.setAccessibleName(f"{title} panel")
        # the panel is built the first time the dock shows: a hidden panel costs nothing
        dock.visibilityChanged.connect(
            lambda visible, d=dock, c=panel_class: _fill_dock(window, d, c, visible))
        window.addDockWidget(area, dock)
        toggle = dock.toggleViewAction()
        # a panel asked for comes to the front, not as a hidden tab behind another one
        toggle.triggered.connect(lambda checked, d=dock: d.raise_() if checked else None)
        toggle.setShortcut(QKeySequence(shortcut))
        toggle.setToolTip(f"Show or hide the {title} panel ({key_text(shortcut)})")
        window.addAction(toggle)
        window.docks[key] = dock  # type: ignore[attr-defined]
        added.append(toggle)
        dock.hide()
    if added:
        menus.view.addSeparator()
        for toggle in added:
            menus.view.addAction(toggle)
    docks = list(window.docks.values())  # type: ignore[attr-defined]
    for later in docks[1:]:
        window.tabifyDockWidget(docks[0], later)


def install_late_extras(window: "MainWindow", menus: "WindowMenus") -> None:
    """Entries whose construction draws icons (so imports qtawesome): added just after the
    window first shows."""
    if "accept_above" not in menus.actions:
        action = make_accept_action(window.bridge, window,
                             lambda text: window.statusBar().showMessage(text, 8000))
        window.addAction(action)
        menus.actions["accept_above"] = action
        menus.tag.insertAction(window.keys.action("edit_note"), action)


def _fill_dock(window: "MainWindow", dock: QDockWidget, panel_class: Any,
               visible: bool) -> None:
    if visible and dock.widget() is None:
        dock.setWidget(_make_panel(window, panel_class))


def _make_panel(window: "MainWindow", panel_class: Any) -> Any:
    """Build a side panel over the window's bridge and connect it."""
    panel = panel_class(window.bridge, window)
    panel.jumpRequested.connect(lambda pane, statement: jump_to(window, pane, statement))
    problem = getattr(getattr(panel, "orphans", None), "problem", None)
    if problem is not None:
        problem.connect(window.report)
    message = getattr(panel, "message", None)
    if message is not None:
        message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    return panel


def _install_file_dialogs(window: "MainWindow", menus: "WindowMenus") -> None:
    file_menu = menus.file
    first = file_menu.actions()[2] if len(file_menu.actions()) > 2 else None
    entries = []
    entries.append(("clipboard", _menu_action(
        window, "New from &Clipboard", lambda: paste_document(window, new_from_clipboard),
        "mdi6.content-paste", "Ctrl+Shift+V")))
    entries.append(("import", _menu_action(
        window, "&Import Tags…", lambda: import_tags(window),
        "mdi6.import", "Ctrl+I")))
    entries.append(("merge_library", _menu_action(
        window, "&Merge Library…", lambda: merge_library(window),
        "mdi6.database-import")))
    entries.append(("export", _menu_action(
        window, "&Export Tags…", lambda: export_tags(window, export_interactively),
        "mdi6.export", "Ctrl+E")))
    for key, action in entries:
        menus.actions[key] = action
        file_menu.insertAction(first, action)
    if entries:
        file_menu.insertSeparator(first)


def jump_to(window: "MainWindow", pane: int, statement: int) -> None:
    """Make ``statement`` of ``pane`` current and give that pane the keys."""
    from reader.core.session import set_current

    if 0 <= pane < len(window.session.panes):
        set_current(window.session, pane, statement)
        window.panes[pane].view.setFocus()


def open_settings(window: "MainWindow") -> None:
    """Edit author, keys and threshold; apply them at once."""
    chosen = SettingsDialog.ask(window)
    if chosen is None:
        return
    from reader.ui.window._setup import reader_settings

    window.settings_values = reader_settings()
    window.kinds_ui.reload()  # the keymap with the keys of the library's own kinds
    from reader.ui.window._keys import key_hint_text

    window.key_hints.setText(key_hint_text(window.keys))
    window.session.author = window.settings_values.author
    window.author_status.refresh()
    window.presenter.panes_changed()
    if window.keys.dropped:
        window.report("Keys already used by the menus were not bound: "
                      + ", ".join(window.keys.dropped))


def show_shortcuts_overlay(window: "MainWindow") -> None:
    """The translucent list of keys shown on `?`."""
    overlay = getattr(window, "_shortcuts_overlay", None)
    if overlay is None:
        overlay = ShortcutsOverlay(window, window.keys.keymap)
        overlay.dismissed.connect(lambda: _refocus(window))
        window._shortcuts_overlay = overlay  # type: ignore[attr-defined]
    else:
        overlay.set_keymap(window.keys.keymap)
    overlay.popup()


def _refocus(window: "MainWindow") -> None:
    pane = window.focused_pane()
    if pane is not None:
        pane.view.setFocus()


def paste_document(window: "MainWindow", new_from_clipboard: Any) -> None:
    """File > New from Clipboard."""
    document = new_from_clipboard(window.bridge, window)
    if document is not None:
        window.documents.open_loaded(document)


def import_tags(window: "MainWindow") -> None:
    """File > Import Tags: a tag file merged in the background, then shown in the panes."""
    store = getattr(window.session, "store", None)
    if store is None:
        window.report("There is no library to import into.")
        return
    path = ImportDialog.ask(window, runner=window.runner)
    if path is not None:
        _merge_in_background(window, "import_tags", store, path, report_import,
                             f"Importing {path.name}")


def merge_library(window: "MainWindow") -> None:
    """File > Merge Library: a colleague's library file in, then its tags in the panes."""
    store = getattr(window.session, "store", None)
    if store is None:
        window.report("There is no library to merge into.")
        return
    path = choose_library(window)
    if path is not None:
        _merge_in_background(window, "merge_library", store, path, report_merge,
                             f"Merging {path.name}")


def _merge_in_background(window: "MainWindow", job: str, store: Any, path: Any,
                         report: Any, label: str) -> None:
    """Run the import or merge ``job`` off the GUI thread on a connection of its own (a big
    file in the helper process): the window keeps answering and tagging between its
    batches. Then ``report`` it and show the new tags in the open panes."""

    def done(outcome: Any) -> None:
        message = report(window, path, outcome)
        if not isinstance(outcome, str):
            window.session.reload_tags()
            window.presenter.panes_changed()
        window.statusBar().showMessage(message, 8000)

    window.runner.submit_job(job, str(store.path), str(path), in_process=is_big_file(path),
                             label=label, on_success=done, on_failure=done, cancellable=False)


def export_tags(window: "MainWindow", export_interactively: Any) -> None:
    """File > Export Tags."""
    store = getattr(window.session, "store", None)
    if store is None:
        window.report("There is no library to export from.")
        return
    paths = [str(p.document.path) for p in window.session.panes if p.document.path]
    message = export_interactively(window, store, paths)
    if message:
        window.statusBar().showMessage(message, 8000)

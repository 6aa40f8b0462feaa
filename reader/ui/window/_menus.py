"""Menus and the tool bar of the reader window. Keyed session actions come from
KeyBindings (so menus show the user's keys); the rest are window actions defined here."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from reader.ui.icons import set_icon
from reader.ui.links import LINK_SHORTCUTS, install_link_controls
from reader.ui.labels import with_shortcut
from reader.ui.window._keys import show_keys

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow

#: Shortcuts of window actions; the keymap may not take these.
WINDOW_SHORTCUTS = ("Ctrl+O", "Ctrl+W", "Ctrl+Q", "Ctrl+=", "Ctrl++", "Ctrl+-", "Ctrl+0",
                    "Ctrl+Shift+Left", "Ctrl+Shift+Right", "Ctrl+Shift+S", "Ctrl+Shift+D",
                    "F5", "Ctrl+E", "Ctrl+I", "Ctrl+,", "Ctrl+Shift+V", "F1", "Ctrl+Shift+R",
                    "Ctrl+Shift+T", "Ctrl+Shift+G", *LINK_SHORTCUTS,
                    "Ctrl+F", "Ctrl+Shift+F", "F3", "Shift+F3", "Ctrl+Alt+F", "F2")

@dataclass
class WindowMenus:
    """The window's menus and the actions tests and panels reach for."""

    file: QMenu
    recent: QMenu
    edit: QMenu
    view: QMenu
    navigate: QMenu
    tag: QMenu
    help: QMenu
    toolbar: QToolBar
    actions: dict[str, QAction]


def _action(window: "MainWindow", name: str, text: str, slot: Callable[..., Any],
            icon_name: str = "", keys: tuple[str, ...] = (), checkable: bool = False,
            checked: bool = False) -> QAction:
    action = QAction(text, window)
    if icon_name:
        set_icon(action, icon_name)
    action.setObjectName(f"action_{name}")
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
        show_keys(action, text, list(keys))
        action.setToolTip(with_shortcut(text.replace('&', '').rstrip('.…'), keys[0]))
    if checkable:
        action.setCheckable(True)
        action.setChecked(checked)
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)
    return action


def build_menus(window: "MainWindow") -> WindowMenus:
    """Create the menu bar and tool bar of ``window``."""
    keyed = window.keys.action
    bar = window.menuBar()
    acts: dict[str, QAction] = {}
    acts["open"] = _action(window, "open", "&Open…", lambda: open_dialog(window),
                           "mdi6.folder-open", ("Ctrl+O",))
    acts["close_pane"] = _action(window, "close_pane", "&Close Pane", window.documents.close_pane,
                                 "mdi6.close", ("Ctrl+W",))
    acts["quit"] = _action(window, "quit", "&Quit", window.close, "mdi6.exit-to-app",
                           ("Ctrl+Q",))
    acts["zoom_in"] = _action(window, "zoom_in", "Zoom &In", lambda: window.zoom(1),
                              "mdi6.magnify-plus-outline", ("Ctrl+=", "Ctrl++"))
    acts["zoom_out"] = _action(window, "zoom_out", "Zoom &Out", lambda: window.zoom(-1),
                               "mdi6.magnify-minus-outline", ("Ctrl+-",))
    acts["zoom_reset"] = _action(window, "zoom_reset", "&Actual Size", lambda: window.zoom(0),
                                 "mdi6.magnify", ("Ctrl+0",))
    acts["sync_scroll"] = _action(window, "sync_scroll", "&Synchronized Scrolling",
                                  lambda on: set_sync(window, on), "mdi6.sync",
                                  ("Ctrl+Shift+S",), checkable=True,
                                  checked=window.state.flag("sync_scroll", True))
    acts["word_diff"] = _action(window, "word_diff", "&Word Differences",
                                window.presenter.set_word_diff, "mdi6.compare",
                                ("Ctrl+Shift+D",), checkable=True,
                                checked=window.presenter.word_diff)
    acts["move_left"] = _action(window, "move_left", "Move Pane &Left",
                                lambda: window.documents.move_pane(-1), "mdi6.arrow-left-bold-box-outline",
                                ("Ctrl+Shift+Left",))
    acts["move_right"] = _action(window, "move_right", "Move Pane &Right",
                                 lambda: window.documents.move_pane(1), "mdi6.arrow-right-bold-box-outline",
                                 ("Ctrl+Shift+Right",))
    acts["realign"] = _action(window, "realign", "Link &Again", lambda: realign(window),
                              "mdi6.link-variant-plus", ("F5",))
    acts["cancel_work"] = _action(window, "cancel_work", "S&top Loading and Linking",
                                  window.runner.cancel_all, "mdi6.stop-circle-outline")
    set_sync(window, acts["sync_scroll"].isChecked(), save=False)

    file = bar.addMenu("&File")
    file.addAction(acts["open"])
    recent = file.addMenu("Open &Recent")
    set_icon(recent.menuAction(), "mdi6.history")
    recent.aboutToShow.connect(lambda: fill_recent(window, recent))
    fill_recent(window, recent)
    file.addSeparator()
    file.addAction(acts["close_pane"])
    file.addSeparator()
    file.addAction(acts["quit"])
    edit = bar.addMenu("&Edit")
    for name in ("undo", "redo"):
        edit.addAction(keyed(name))
    view = bar.addMenu("&View")
    for name in ("zoom_in", "zoom_out", "zoom_reset"):
        view.addAction(acts[name])
    view.addSeparator()
    for name in ("sync_scroll", "word_diff"):
        view.addAction(acts[name])
    view.addSeparator()
    for name in ("move_left", "move_right"):
        view.addAction(acts[name])
    view.addSeparator()
    view.addAction(acts["realign"])
    view.addAction(acts["cancel_work"])
    navigate = bar.addMenu("&Navigate")
    for name in ("next_statement", "previous_statement", "next_untagged", "previous_untagged",
                 "first_statement", "last_statement", None, "extend_down", "extend_up", None,
                 "next_pane", "previous_pane"):
        navigate.addSeparator() if name is None else navigate.addAction(keyed(name))
    tag = bar.addMenu("&Tag")
    for name in ("tag_opinion", "tag_claim", "tag_quotation", "clear_tag", None,
                 "accept_suggestion", "edit_note", None, "link_current", "unlink_current"):
        tag.addSeparator() if name is None else tag.addAction(keyed(name))
    help_menu = bar.addMenu("&Help")
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setIconSize(QSize(18, 18))
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.setAccessibleName("Main tool bar")
    toolbar.addAction(acts["open"])
    toolbar.addSeparator()
    for name in ("undo", "redo"):
        toolbar.addAction(keyed(name))
    toolbar.addSeparator()
    for name in ("tag_opinion", "tag_claim", "tag_quotation", "clear_tag", "edit_note"):
        toolbar.addAction(keyed(name))
    toolbar.addSeparator()
    for name in ("link_current", "unlink_current"):
        toolbar.addAction(keyed(name))
    toolbar.addAction(acts["sync_scroll"])
    toolbar.addAction(acts["word_diff"])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
    window.link_controls = install_link_controls(
        window, window.bridge, window.state.settings, window.presenter.links, view, tag,
        toolbar, lambda text: window.statusBar().showMessage(text, 6000))
    window.link_controls.threshold.settled.connect(window.aligner.save_all_links)
    menus = WindowMenus(file, recent, edit, view, navigate, tag, help_menu, toolbar, acts)
    from reader.ui.window._panels import install_extras

    install_extras(window, menus)
    return menus


def open_dialog(window: "MainWindow") -> None:
    """File > Open: choose one or several documents."""
    from reader.ui.window._panels import ask_open_files

    paths = ask_open_files(window)
    if paths:
        window.documents.open_paths([Path(p) for p in paths])


def fill_recent(window: "MainWindow", menu: QMenu) -> None:
    """List the recent files, newest first, with Alt+digit accelerators."""
    menu.clear()
    recent = window.state.recent()
    for number, path in enumerate(recent, start=1):
        label = f"&{number} {Path(path).name}" if number < 10 else Path(path).name
        action = menu.addAction(label)
        action.setToolTip(path)
        action.triggered.connect(lambda _c=False, p=path: window.documents.open_paths([Path(p)]))
    if not recent:
        menu.addAction("No recent documents").setEnabled(False)
    menu.addSeparator()
    clear = menu.addAction("Clear List")
    clear.setEnabled(bool(recent))
    clear.triggered.connect(window.state.clear_recent)


def set_sync(window: "MainWindow", enabled: bool, save: bool = True) -> None:
    """Turn synchronized scrolling on or off (levels the panes when turned on)."""
    window.sync.enabled = enabled
    if save:
        window.state.set_flag("sync_scroll", enabled)
    pane = window.focused_pane()
    if enabled and pane is not None:
        window.sync.level_with(pane)


def realign(window: "MainWindow") -> None:
    """Forget cached alignments and link every pair again."""
    window.aligner.forget_pair_cache()
    for pane in window.session.panes:
        window.bridge.drop_alignments(pane.document.sha256)
    window.aligner.refresh()

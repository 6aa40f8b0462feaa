"""Renaming a document from the window: File > Rename Document (F2) or a double-click on
a pane's title. The library keeps the title; panes, panels and exports show it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from reader.core.errors import ReaderError
from reader.core.session import rename_document
from reader.ui.dialogs import NameDialog
from reader.ui.icons import set_icon

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow
    from reader.ui.window._menus import WindowMenus


class WindowRename(QObject):
    """The Rename Document action and the double-click on pane titles."""

    def __init__(self, window: "MainWindow", menus: "WindowMenus") -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction("Re&name Document…", window)
        self.action.setObjectName("action_rename_document")
        set_icon(self.action, "mdi6.rename-box")
        self.action.setShortcut(QKeySequence("F2"))
        self.action.setToolTip("Give the focused document a title of your own (F2)")
        self.action.triggered.connect(lambda _checked=False: self.rename())
        window.addAction(self.action)
        close = menus.actions.get("close_pane")
        menus.file.insertAction(close, self.action)
        menus.actions["rename_document"] = self.action
        window.bridge.panesChanged.connect(lambda: QTimer.singleShot(0, self, self._watch))

    def _watch(self) -> None:
        """Listen for double-clicks on the titles of new panes."""
        for widget in self._window.panes:
            if not widget.title_label.property("renameWatched"):
                widget.title_label.setProperty("renameWatched", True)
                widget.title_label.installEventFilter(self)
                widget.title_label.setToolTip(widget.title + "\nDouble-click to rename")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """A double-click on a pane's title renames its document."""
        if event.type() == QEvent.Type.MouseButtonDblClick:
            for index, widget in enumerate(self._window.panes):
                if widget.title_label is watched:
                    self.rename(index)
                    return True
        return super().eventFilter(watched, event)

    def rename(self, index: int | None = None) -> None:
        """Ask for a title for the focused document (or pane ``index``) and keep it."""
        window = self._window
        index = window.session.focused if index is None else index
        if not 0 <= index < len(window.session.panes):
            window.statusBar().showMessage("Open a document first (Ctrl+O)", 3000)
            return
        document = window.session.panes[index].document
        title = NameDialog.ask(window, "Rename Document",
                               "Title of this document (kept in the library, used in exports):",
                               document.display_name)
        if not title or title == document.display_name:
            return
        try:
            record = rename_document(window.session, index, title)
        except ReaderError as exc:
            window.report(f"Could not rename {document.display_name}: {exc}")
            return
        for widget, pane in zip(window.panes, window.session.panes):
            if pane.document_id == record.id:
                widget.set_title(record.title)
        window.statusBar().showMessage(f"Renamed to {record.title!r}", 5000)
        if index < len(window.panes):
            window.panes[index].view.setFocus(Qt.FocusReason.OtherFocusReason)

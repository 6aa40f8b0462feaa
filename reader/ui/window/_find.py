"""Find in the window: the find bar under the panes (Ctrl+F this document, Ctrl+Shift+F
every open document), F3 / Shift+F3 to step, and Find in Library (Ctrl+Alt+F).

A match found becomes the reader's place: its statement is made current, so the tag keys
act on it as soon as the keys are back in the pane (Escape, or F3 from the pane itself).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget

from reader.core.errors import ReaderError
from reader.core.find import FindQuery, LibraryHit, LibraryResult
from reader.core.session import load_stored_document, set_current
from reader.ui.find import (FindBar, FindController, LibraryFindPanel, index_open_document,
                            search_library_job)
from reader.ui.links import BIG_STATEMENTS
from reader.ui.icons import set_icon
from reader.ui.labels import with_shortcut

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow
    from reader.ui.window._menus import WindowMenus

#: Indexing waits behind loading (priority 1) and linking (-1).
INDEX_PRIORITY = -2
#: Keys of the find actions (reserved: the keymap may not take them).
FIND_SHORTCUTS = ("Ctrl+F", "Ctrl+Shift+F", "F3", "Shift+F3", "Ctrl+Alt+F")


class WindowFind:
    """The window's find bar and controller, and the actions that drive them."""

    def __init__(self, window: "MainWindow", menus: "WindowMenus") -> None:
        self._window = window
        self.bar = FindBar(window.centralWidget())
        window.centralWidget().layout().addWidget(self.bar)
        self.controller = FindController(lambda: window.panes, lambda: window.session.focused,
                                         self._jump, window)
        self.bar.changed.connect(self.search)
        self.bar.step.connect(self.step)
        self.bar.closed.connect(self._closed)
        self.controller.countChanged.connect(self.bar.show_count)
        window.bridge.panesChanged.connect(self.controller.panes_changed)
        window.documentsShown.connect(self.controller.panes_changed)
        self.actions = {
            "find": self._action("find", "&Find…", lambda: self.open(False),
                                 "mdi6.magnify", "Ctrl+F"),
            "find_all": self._action("find_all", "Find in &All Documents…",
                                     lambda: self.open(True), "mdi6.text-search",
                                     "Ctrl+Shift+F"),
            "find_next": self._action("find_next", "Find &Next", lambda: self.step(1),
                                      "mdi6.chevron-down", "F3"),
            "find_previous": self._action("find_previous", "Find Pre&vious",
                                          lambda: self.step(-1), "mdi6.chevron-up", "Shift+F3"),
        }
        self.library = LibraryFindPanel(self._search_library, window)
        self.library.openRequested.connect(self.open_hit)
        self.dock = QDockWidget("Find in Library", window)
        self.dock.setObjectName("dock_library_find")
        self.dock.setAccessibleName("Find in Library panel")
        self.dock.setWidget(self.library)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        docks = getattr(window, "docks", None)
        if isinstance(docks, dict):
            docks["library_find"] = self.dock
        self.actions["find_library"] = self._action(
            "find_library", "Find in &Library…", self.open_library, "mdi6.database-search",
            "Ctrl+Alt+F")
        menus.edit.addSeparator()
        for action in self.actions.values():
            menus.edit.addAction(action)
        menus.actions.update(self.actions)
        #: documents indexed (or being indexed) this run, by text hash
        self._indexed: set[str] = set()
        self._index_queue: list[tuple[str, str, list[Any]]] = []
        self._indexing = False
        #: matches waiting for their document to open, by text hash
        self._pending: dict[str, LibraryHit] = {}
        window.documentsShown.connect(self._documents_shown)

    def _action(self, name: str, text: str, slot: Callable[[], Any], icon: str,
                key: str) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(f"action_{name}")
        set_icon(action, icon)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(with_shortcut(text.replace('&', '').rstrip('.…'), key))
        action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)
        return action

    # -- actions ---------------------------------------------------------------------------

    def open(self, all_panes: bool) -> None:
        """Show the find bar for the focused document (or all), with the text selected in
        the pane as the query when there is a short one."""
        widget = self._window.focused_pane()
        selected = widget.view.textCursor().selectedText() if widget is not None else ""
        text = selected if selected and len(selected) <= 200 and "\u2029" not in selected else ""
        was_all = self.bar.all_panes.isChecked()
        self.bar.open(all_panes, text)
        self.controller.prepare(all_panes)
        if self.bar.query() is not None and (text or was_all != all_panes or
                                             self.controller.query is None):
            self.search()

    def search(self) -> None:
        """Search for what the bar holds."""
        if self.bar.isVisible():
            self.controller.search(self.bar.query(), self.bar.all_panes.isChecked())

    def step(self, direction: int) -> None:
        """Next (+1) or previous (-1) match; opens the bar when there is no query yet."""
        if not self.bar.isVisible() or self.bar.query() is None:
            self.open(self.bar.all_panes.isChecked())
            return
        self.bar.flush()
        if self.controller.query is None:
            self.search()
        self.controller.step(direction)

    def _closed(self) -> None:
        self.controller.clear()
        widget = self._window.focused_pane()
        if widget is not None:
            widget.view.setFocus()

    def _jump(self, pane: int, start: int, end: int) -> None:
        """Make the match's statement current and scroll the match into view; the keys
        stay where they were (the bar, or the pane)."""
        window = self._window
        if not 0 <= pane < len(window.panes):
            return
        widget = window.panes[pane]
        view = widget.view
        keep_bar = self.bar.isVisible() and self.bar.edit.hasFocus()
        statement = view.statement_at_qt(view.offsets.to_qt(start))
        if statement >= 0:
            set_current(window.session, pane, statement)
        top, bottom = view.span_y(view.offsets.to_qt(start), view.offsets.to_qt(end))
        if top < 0 or bottom > view.viewport().height():
            view.scroll_position_to(start, 0.3)
        view.viewport().update()
        if keep_bar:
            self.bar.edit.setFocus()

    # -- Find in Library -------------------------------------------------------------------

    def open_library(self) -> None:
        """Show the Find in Library panel with the keys in its query field."""
        self.dock.show()
        self.dock.raise_()
        self.library.focus_query()

    def _search_library(self, query: FindQuery, limit: int,
                        on_done: Callable[[LibraryResult], None],
                        on_failure: Callable[[str], None]) -> None:
        store = self._window.session.store
        if store is None:
            on_failure("There is no library to search (it could not be opened).")
            return
        self._window.runner.submit(search_library_job, store.path, query, limit,
                                   label="Finding in the library", on_success=on_done,
                                   on_failure=on_failure)

    def open_hit(self, hit: LibraryHit) -> None:
        """Show a match: its pane if the document is open, else open it (from the text the
        library kept) and go there once it shows."""
        window = self._window
        for index, pane in enumerate(window.session.panes):
            if pane.document.sha256 == hit.document.sha256 and index < len(window.panes):
                self._jump(index, hit.start, hit.end)
                window.panes[index].view.setFocus()
                return
        store = window.session.store
        if store is None:
            return
        try:
            document = load_stored_document(store, hit.document)
        except ReaderError as exc:
            window.report(str(exc))
            return
        self._pending[hit.document.sha256] = hit
        window.documents.open_loaded(document)

    def _documents_shown(self) -> None:
        window = self._window
        for index, pane in enumerate(window.session.panes):
            hit = self._pending.pop(pane.document.sha256, None)
            if hit is not None and index < len(window.panes):
                self._jump(index, hit.start, hit.end)
                window.panes[index].view.setFocus()
        self._index_open_documents()

    def _index_open_documents(self) -> None:
        """Add the open documents to the library's statement index, one at a time in a
        worker, after every other job (the index of a 20 MB document takes a minute here,
        and must not hold back loading or linking)."""
        window = self._window
        if window.session.store is None:
            return
        for pane in window.session.panes:
            sha = pane.document.sha256
            if pane.document_id is not None and sha not in self._indexed:
                self._indexed.add(sha)
                self._index_queue.append((sha, pane.document.text, pane.statements))
        self._next_index()

    def _next_index(self) -> None:
        store = self._window.session.store
        if self._indexing or not self._index_queue or store is None:
            return
        sha, text, statements = self._index_queue.pop(0)
        self._indexing = True

        def done(_result: object = None) -> None:
            self._indexing = False
            self._next_index()

        def failed(message: str) -> None:
            self._index_failed(sha, message)
            done()

        callbacks = dict(label="Indexing for Find in Library", priority=INDEX_PRIORITY,
                         on_success=done, on_failure=failed, on_cancel=done)
        if len(statements) > BIG_STATEMENTS:   # a minute of SQLite work: the helper process
            self._window.runner.submit_job("index_statements", str(store.path), sha, text,
                                           statements, in_process=True, **callbacks)
        else:
            self._window.runner.submit(index_open_document, store.path, sha, text, statements,
                                       **callbacks)

    def _index_failed(self, sha: str, message: str) -> None:
        self._indexed.discard(sha)
        self._window.statusBar().showMessage(f"Find in Library: {message}", 8000)

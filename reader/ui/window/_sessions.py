"""Named reading sessions in the window: which session is open (shown in the title bar),
restoring it at start, saving it as it changes, and File > New Session, Open Session,
Recent Sessions and Rename Session.

A session keeps its documents in pane order with where each was read, the focused pane,
the zoom and which side panels were shown. Without ``--session`` the most recently
opened session comes back, as the single saved session always did.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader import APP_NAME
from reader.core.errors import ReaderError
from reader.core.session import load_stored_document
from reader.core.store import NamedSession, SessionDocument, Store
from reader.ui.dialogs import NameDialog, OpenSessionDialog
from reader.ui.icons import set_icon
from reader.ui.window._state import OpenDocument, SavedSession

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow
    from reader.ui.window._menus import WindowMenus

#: The session a library starts with.
DEFAULT_SESSION = "Default"
#: Panes opened, closed or moved are saved to the session this long after the last change.
AUTOSAVE_MS = 1500
#: Sessions listed under File > Recent Sessions.
RECENT_SESSIONS = 9


class WindowSessions:
    """The window's named sessions; see module docstring."""

    def __init__(self, window: "MainWindow", name: str | None, menus: "WindowMenus") -> None:
        self._window = window
        self.explicit = name is not None
        self.current: NamedSession | None = None
        store = self.store
        if store is not None:
            try:
                self.current = self._pick(store, name)
            except ReaderError as exc:
                window.report(f"Session {name!r}: {exc}")
                try:
                    self.current = self._pick(store, None)
                except ReaderError:
                    self.current = None
        self._autosave = QTimer(window)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._save_when_settled)
        window.bridge.panesChanged.connect(self._autosave.start)
        self.actions = self._install_menus(menus)
        self.update_title()

    @property
    def store(self) -> Store | None:
        """The library, when it could be opened."""
        return self._window.session.store

    def _pick(self, store: Store, name: str | None) -> NamedSession:
        if name is not None:
            return store.sessions.open(name)
        last = store.sessions.last()
        if last is not None:
            return last
        made = store.sessions.create(DEFAULT_SESSION)
        # The documents earlier versions reopened (kept in the user's settings) come along.
        saved = self._window.state.session()
        if saved.documents:
            store.sessions.save(made.id, [SessionDocument(d.path, None, d.top_offset, d.current)
                                          for d in saved.documents], saved.focused)
        return store.sessions.get_id(made.id) or made

    def update_title(self) -> None:
        """The title bar names the session."""
        name = self.current.name if self.current is not None else ""
        self._window.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    # -- restoring ---------------------------------------------------------------------------

    def restore_at_start(self, files_given: bool) -> None:
        """Reopen the session's documents when there are no files to open or the session
        was named (``reader FILES --session NAME`` adds FILES to it)."""
        window = self._window
        if self.current is None:
            if not files_given and window._restore:
                window.documents.restore(window.state.session())
            return
        if self.explicit or (not files_given and window._restore):
            self._apply(self.current)

    def _apply(self, session: NamedSession) -> None:
        window = self._window
        if session.zoom:
            window.set_point_size(session.zoom, save=False)
        docks = getattr(window, "docks", {})
        if session.panels or session.documents:
            for key, dock in docks.items():
                dock.setVisible(key in session.panels)
        on_disk = []
        for document in session.documents:
            if document.path and Path(document.path).is_file():
                on_disk.append(OpenDocument(document.path, document.top_offset, document.current))
            elif document.document_id is not None:
                self._open_stored(document.document_id)
        window.documents.restore(SavedSession(tuple(on_disk), session.focused))

    def _open_stored(self, document_id: int) -> None:
        """A document whose file is gone (or pasted text): its text from the library."""
        store = self.store
        record = store.document(document_id) if store is not None else None
        if store is None or record is None:
            return
        try:
            self._window.documents.open_loaded(load_stored_document(store, record))
        except ReaderError as exc:
            self._window.report(str(exc))

    # -- saving ------------------------------------------------------------------------------

    def layout(self) -> list[SessionDocument]:
        """The open panes as a session keeps them."""
        window = self._window
        widgets = window.panes if len(window.panes) == len(window.session.panes) else []
        documents = []
        for index, pane in enumerate(window.session.panes):
            path = str(pane.document.path.resolve()) if pane.document.path else ""
            top = 0
            if widgets and widgets[index].view.offsets.length:
                top = widgets[index].view.position_at_y(0)
            documents.append(SessionDocument(path, pane.document_id, top, max(0, pane.current)))
        shown = {document.path for document in documents}
        for pending in window.loader.pending_paths():  # still opening: part of it too
            path = str(pending.resolve())
            if path not in shown:
                documents.append(SessionDocument(path, None, 0, 0))
        return documents

    def save(self) -> None:
        """Write the open panes, zoom and panels to the current session."""
        store, session = self.store, self.current
        if store is None or session is None or store.readonly:
            return
        docks = getattr(self._window, "docks", {})
        panels = [key for key, dock in docks.items() if dock.toggleViewAction().isChecked()]
        try:
            store.sessions.save(session.id, self.layout(), self._window.session.focused,
                                self._window.point_size, panels)
        except ReaderError as exc:
            self._window.statusBar().showMessage(f"The session was not saved: {exc}", 8000)

    def _save_when_settled(self) -> None:
        """Autosave, once no document is still opening (a half-restored session would
        otherwise be saved over the whole one). A closed window saved already, and its
        library is closed."""
        if not self._window.isVisible():
            return
        if self._window.loader.pending or not self._window.documents.documents_shown():
            self._autosave.start()
            return
        self.save()

    # -- switching ---------------------------------------------------------------------------

    def switch_to(self, name: str, create: bool = False) -> bool:
        """Save this session, close its documents and open session ``name``."""
        store = self.store
        if store is None:
            self._window.report("Sessions need the library, which could not be opened.")
            return False
        self.save()
        try:
            session = store.sessions.create(name) if create else store.sessions.open(name, False)
        except ReaderError as exc:
            self._window.report(str(exc))
            return False
        window = self._window
        window.loader.drop_pending()  # documents still opening belong to the session we leave
        while window.session.panes:
            window.documents.close_pane(len(window.session.panes) - 1)
        self.current = session
        self.explicit = True
        self.update_title()
        if create:
            self.save()
        else:
            self._apply(session)
        window.statusBar().showMessage(f"Session {session.name!r}", 5000)
        return True

    def new_session(self) -> None:
        """File > New Session: a name, then an empty session."""
        name = NameDialog.ask(self._window, "New Session", "Name of the new reading session:")
        if name:
            self.switch_to(name, create=True)

    def open_session(self) -> None:
        """File > Open Session: pick one of the library's sessions."""
        store = self.store
        if store is None:
            self._window.report("Sessions need the library, which could not be opened.")
            return
        current = self.current.id if self.current is not None else None
        name = OpenSessionDialog.ask(self._window, store.sessions.all(), current)
        if name and (self.current is None or name != self.current.name):
            self.switch_to(name)

    def rename_session(self) -> None:
        """File > Rename Session."""
        store, session = self.store, self.current
        if store is None or session is None:
            return
        name = NameDialog.ask(self._window, "Rename Session", "New name of this session:",
                              session.name)
        if not name or name == session.name:
            return
        try:
            self.current = store.sessions.rename(session.id, name)
        except ReaderError as exc:
            self._window.report(str(exc))
            return
        self.update_title()

    # -- menus -------------------------------------------------------------------------------

    def _install_menus(self, menus: "WindowMenus") -> dict[str, QAction]:
        window = self._window
        file_menu = menus.file
        after = menus.recent.menuAction()
        items = file_menu.actions()
        before = items[items.index(after) + 1] if after in items[:-1] else None
        actions: dict[str, QAction] = {}
        for key, text, slot, icon in (
                ("new_session", "New &Session…", self.new_session, "mdi6.folder-plus-outline"),
                ("open_session", "Open Sess&ion…", self.open_session, "mdi6.folder-star-outline"),
                ("rename_session", "Rena&me Session…", self.rename_session,
                 "mdi6.folder-edit-outline")):
            action = QAction(text, window)
            action.setObjectName(f"action_{key}")
            set_icon(action, icon)
            action.triggered.connect(lambda _checked=False, s=slot: s())
            actions[key] = action
        file_menu.insertSeparator(before)
        file_menu.insertAction(before, actions["new_session"])
        file_menu.insertAction(before, actions["open_session"])
        self.recent_menu = QMenu("Recent S&essions", file_menu)
        set_icon(self.recent_menu.menuAction(), "mdi6.history")
        self.recent_menu.aboutToShow.connect(self.fill_recent)
        file_menu.insertMenu(before, self.recent_menu)
        file_menu.insertAction(before, actions["rename_session"])
        self.fill_recent()
        menus.actions.update(actions)
        return actions

    def fill_recent(self) -> None:
        """List the other sessions, most recently opened first."""
        menu = self.recent_menu
        menu.clear()
        store = self.store
        others = [s for s in (store.sessions.all() if store is not None else [])
                  if self.current is None or s.id != self.current.id][:RECENT_SESSIONS]
        for number, session in enumerate(others, start=1):
            action = menu.addAction(f"&{number} {session.name}")
            action.triggered.connect(lambda _c=False, n=session.name: self.switch_to(n))
        if not others:
            menu.addAction("No other sessions").setEnabled(False)

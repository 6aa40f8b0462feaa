"""The reader window: documents side by side, links drawn between them, keys to tag.

The window owns one core ReadingSession behind a SessionBridge. Keys map to session actions
by name; the session writes the store, then emits an event; the bridge turns it into a
signal and the window repaints. Loading, segmenting and aligning run in workers.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader import APP_NAME
from reader.ui.links import AlignmentController
from reader.ui.jobs import SessionBridge
from reader.ui.icons import IconWarmUp, apply_icons, icons_ready
from reader.ui.window._keys import KeyBindings, key_hint_text
from reader.ui.window._kinds import KindsController
from reader.ui.window._feedback import action_feedback
from reader.ui.links import LinkControls, LinkGutter
from reader.ui.jobs import DocumentLoader
from reader.ui.window._marks import MarksPresenter
from reader.ui.view import PaneWidget
from reader.ui.window._status import AuthorStatus, MessageBanner, ProgressStatus, RetryTimer
from reader.ui.links import SyncScroller
from reader.ui.window._documents import DocumentsController
from reader.ui.window._find import WindowFind
from reader.ui.window._rename import WindowRename
from reader.ui.window._sessions import WindowSessions
from reader.ui.window._setup import create_session, reader_settings
from reader.ui.window._state import DEFAULT_POINT_SIZE, WindowState
from reader.ui.jobs import TaskRunner

WINDOW_ONLY_ACTIONS = ("edit_note", "show_shortcuts")
#: Icons are drawn once the window has shown and its first work is done (importing
#: qtawesome holds the GUI thread ~0.5 s), and at the latest this long after it shows.
ICONS_DELAY_MS = 60
ICONS_LATEST_MS = 4000


class MainWindow(QMainWindow):
    """Documents in panes side by side; see module docstring."""

    actionCommitted = Signal(str)      # after a keyed action ran (and wrote the store)
    documentsIdle = Signal()           # no document is waiting to open
    documentsShown = Signal()          # every open document shows its text
    iconsReady = Signal()              # icons drawn (the window is fully set up)

    def __init__(self, db_path: Path | None = None, restore: bool = True,
                 settings: QSettings | None = None, align_method: str | None = None,
                 session_name: str | None = None) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(APP_NAME)
        self.resize(1400, 900)
        self.setAcceptDrops(True)
        self.state = WindowState(settings)
        self.echo_actions = False
        self.bridge = SessionBridge(self)
        self.runner = TaskRunner(self)
        self.loader = DocumentLoader(self.runner, self)
        method = align_method or os.environ.get("READER_ALIGN_METHOD", "") or "auto"
        self.aligner = AlignmentController(self.bridge, self.runner, method=method, parent=self)
        self.settings_values = reader_settings()
        self.panes: list[PaneWidget] = []
        self.gutters: list[LinkGutter] = []
        self.documents = DocumentsController(self)
        self._build_central()
        self.sync = SyncScroller(self.bridge, lambda: self.panes, self)
        self.presenter = MarksPresenter(self)
        self.session, store_problem = create_session(db_path, self.settings_values.author,
                                                     self.bridge)
        self.keys = KeyBindings(self, self.settings_values.keymap, self._reserved_keys)
        self.keys.triggered.connect(self.run_action)
        from reader.ui.window._menus import build_menus

        self.menus = build_menus(self)
        self.testing_menus = False  # tests build context menus without showing them
        self.kinds_ui = KindsController(self)
        self.kinds_ui.reload()
        self.finder = WindowFind(self, self.menus)
        self.sessions = WindowSessions(self, session_name, self.menus)
        self.renamer = WindowRename(self, self.menus)
        self.progress = ProgressStatus(self.runner, self)
        self.statusBar().addPermanentWidget(self.progress)
        self.key_hints = QLabel(key_hint_text(self.keys), self)
        self.key_hints.setObjectName("keyHints")
        self.key_hints.setAccessibleName("Key hints")
        self.statusBar().addWidget(self.key_hints)
        self.author_status = AuthorStatus(self.session, self)
        self.statusBar().addPermanentWidget(self.author_status)
        # A message takes the hints' place for its time (never drawn over them).
        self.statusBar().messageChanged.connect(lambda text: self.key_hints.setVisible(not text))
        self._connect()
        self.set_point_size(self.state.point_size(), save=False)
        self._restore_geometry()
        if store_problem:
            self.report(store_problem)
        if self.keys.dropped:
            self.report("Keys already used by the menus were not bound: "
                        + ", ".join(self.keys.dropped))
        self._restore = restore
        self.documents.update_empty()

    # -- construction --------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = MessageBanner(central)
        self.store_retry = RetryTimer(lambda: self.session.flush_pending(), parent=self)
        layout.addWidget(self.banner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.setAccessibleName("Documents")
        layout.addWidget(self.splitter, 1)
        self.empty_label = QLabel(
            "<p style='font-size:15pt'>Open documents to read them side by side</p>"
            "<p>File ▸ Open (Ctrl+O), or drop files on this window.</p>", central)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("No documents open")
        layout.addWidget(self.empty_label, 1)
        self.setCentralWidget(central)

    def _connect(self) -> None:
        bridge = self.bridge
        bridge.panesChanged.connect(self.documents.panes_changed)
        bridge.currentChanged.connect(self.presenter.current_changed)
        bridge.focusChanged.connect(self.presenter.focus_changed)
        bridge.tagsChangedAt.connect(self.presenter.tags_changed)
        bridge.tagsChanged.connect(lambda _pane: self.author_status.refresh())
        bridge.linksChanged.connect(self.aligner.refresh)
        bridge.alignmentChanged.connect(self.presenter.alignment_changed)
        bridge.suggestionsChanged.connect(self.presenter.suggestions_changed)
        bridge.storeProblem.connect(self._store_problem)
        bridge.storeRecovered.connect(self._store_recovered)
        bridge.orphansChanged.connect(self._orphans_changed)
        self.loader.loaded.connect(self.documents.document_loaded)
        self.loader.failed.connect(self.documents.document_failed)
        self.loader.idle.connect(self.documentsIdle.emit)
        self.aligner.failed.connect(self.report)

    #: The link threshold slider and link keys (set up with the menus).
    link_controls: LinkControls
    _icons_scheduled = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Load and draw the icons just after the first paint (see ``IconWarmUp``)."""
        super().showEvent(event)
        if not self._icons_scheduled:
            self._icons_scheduled = True
            # once the first documents are open and linked (or after a while at most)
            QTimer.singleShot(ICONS_DELAY_MS, self._late_setup_when_idle)
            QTimer.singleShot(ICONS_LATEST_MS, self._late_setup)

    def _late_setup_when_idle(self) -> None:
        if self.runner.busy or not self.documents.documents_shown():
            self.runner.busyChanged.connect(self._idle_for_icons)
        else:
            self._late_setup()

    def _idle_for_icons(self, busy: bool) -> None:
        if not busy and self.documents.documents_shown():
            self._late_setup()

    _icons_done = False

    def _late_setup(self) -> None:
        """Load the icons in short steps (``IconWarmUp``), then draw them."""
        if self._icons_done:
            return
        self._icons_done = True
        warm_up = IconWarmUp(self)
        warm_up.finished.connect(self._draw_icons)
        warm_up.finished.connect(warm_up.deleteLater)
        warm_up.start()

    def _draw_icons(self) -> None:
        from reader.ui.window._panels import install_late_extras

        apply_icons(self)
        install_late_extras(self, self.menus)
        self.iconsReady.emit()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Icons follow a switch between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and icons_ready():
            apply_icons(self)

    def _reserved_keys(self) -> set[str]:
        from reader.ui.window._menus import WINDOW_SHORTCUTS

        return set(WINDOW_SHORTCUTS)

    # -- keys and clicks --------------------------------------------------------------------

    def run_action(self, name: str) -> None:
        """Run a keyed action by name: window-only ones here, the rest on the session."""
        if name == "show_shortcuts":
            from reader.ui.window._panels import show_shortcuts_overlay

            show_shortcuts_overlay(self)
            return
        if not self.session.panes and name not in ("undo", "redo"):
            self.statusBar().showMessage("Open a document first (Ctrl+O)", 3000)
            return
        if name == "edit_note":
            self.edit_note()
            return
        feedback = action_feedback(self.session, name)
        if feedback and len(self.session.panes) < 2 and name in ("link_current",
                                                                 "unlink_current"):
            self.statusBar().showMessage(feedback, 4000)   # nothing to link to
            return
        if self.link_controls.run(name):      # `l` / Shift+L: the outlined candidate
            self._committed(name)
            return
        self.bridge.run_action(name)
        if feedback:
            self.statusBar().showMessage(feedback, 4000)
        self._committed(name)

    def _committed(self, name: str) -> None:
        session = self.session
        if self.echo_actions:
            focused = session.focused
            current = session.panes[focused].current if session.panes else -1
            print(f"committed {name} pane={focused} statement={current} "
                  f"pending={getattr(session, 'pending_writes', 0)}", flush=True)
        self.actionCommitted.emit(name)

    def _clicked(self, widget: PaneWidget, statement: int) -> None:
        from reader.core.session import set_current

        if widget in self.panes:
            set_current(self.session, self.panes.index(widget), statement)

    def _pane_focused(self, widget: PaneWidget) -> None:
        """Keyboard focus entered a pane by mouse or Tab: make it the session's focus."""
        if self.documents.reconciling or len(self.panes) != len(self.session.panes):
            return
        if widget in self.panes and self.session.focused != self.panes.index(widget):
            from reader.core.session import set_current

            index = self.panes.index(widget)
            set_current(self.session, index, max(0, self.session.panes[index].current))

    def focused_pane(self) -> PaneWidget | None:
        """The pane receiving the keys, if any."""
        f = self.session.focused
        return self.panes[f] if 0 <= f < len(self.panes) else None

    # -- notes ------------------------------------------------------------------------------

    def edit_note(self) -> None:
        """Open the inline note editor under the current statement."""
        widget = self.focused_pane()
        if widget is None:
            return
        pane = self.session.panes[self.session.focused]
        if pane.current < 0:
            return
        widget.view.reveal_statement(pane.current)
        rects = widget.view.statement_rects(pane.current)
        view = widget.view
        viewport = view.viewport().geometry()
        bottom = int(rects[-1].bottom()) if rects else 0
        editor = widget.note_editor  # type: ignore[attr-defined]
        height = editor.sizeHint().height()
        y = min(viewport.top() + bottom + 2, viewport.bottom() - height)
        from PySide6.QtCore import QRect

        editor.open_at(QRect(viewport.left() + 4, max(viewport.top(), y),
                             viewport.width() - 8, height), self.kinds_ui.note_text())

    def _note_saved(self, widget: PaneWidget, text: str) -> None:
        from reader.core.session import set_note

        widget.view.setFocus()
        set_note(self.session, text)
        self._committed("set_note")

    # -- view options -------------------------------------------------------------------------

    point_size = DEFAULT_POINT_SIZE

    def set_point_size(self, size: float, save: bool = True) -> None:
        """Text size of every pane (zoom), remembered for the next start."""
        self.point_size = max(6.0, min(40.0, float(size)))
        for widget in self.panes:
            font = QFont(widget.view.font())
            font.setPointSizeF(self.point_size)
            widget.view.setFont(font)
        if save:
            self.state.set_point_size(self.point_size)

    def zoom(self, step: int) -> None:
        """Zoom in (+1), out (-1) or back to the default size (0)."""
        if step == 0:
            self.set_point_size(DEFAULT_POINT_SIZE)
        else:
            self.set_point_size(self.point_size + step)

    # -- problems --------------------------------------------------------------------------------

    def report(self, message: str) -> None:
        """Tell the user about a problem without blocking: banner and status bar."""
        self.banner.add(message)
        self.statusBar().showMessage(message, 10000)

    def _orphans_changed(self, count: int) -> None:
        if count > 0:
            self.report(f"{count} tag(s) could not be found again in a changed document; "
                        "they are kept as orphans: re-attach or delete them in the Tags "
                        "panel (Ctrl+Shift+T).")

    def _store_problem(self, message: str, pending: int) -> None:
        # One banner line for the library, replaced as the count changes; retried until
        # written, then taken back (see _store_recovered).
        message = f"Library problem: {message}"
        self.banner.add(message, key="library")
        self.statusBar().showMessage(message, 10000)
        if pending:
            self.store_retry.start()

    def _store_recovered(self, message: str, _written: int) -> None:
        self.store_retry.stop()
        self.banner.remove("library")
        self.statusBar().showMessage(f"Library written again: {message}", 8000)

    # -- drag and drop -------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt API
        """Accept dragged files."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Keep accepting while files hover."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt API
        """Open dropped files in new panes."""
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.documents.open_paths(paths)

    # -- saving state ------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.state.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif self.screen() is not None:
            area = self.screen().availableGeometry()   # first start: most of the screen
            self.resize(int(area.width() * 0.92), int(area.height() * 0.9))
        state = self.state.window_state()
        if state is not None:
            self.restoreState(state)

    def save_state(self) -> None:
        """Write geometry, documents, scroll positions and options to QSettings."""
        self.state.save_geometry(self.saveGeometry(), self.saveState())
        self.state.save_session(self.documents.saved_session())
        self.state.sync()
        self.sessions.save()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Save the session, stop the workers, close the library."""
        self.save_state()
        controls = getattr(self, "link_controls", None)
        if controls is not None:
            controls.threshold.flush()
        self.runner.shutdown(3000)
        store = getattr(self.session, "store", None)
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # closing must not raise at exit
                print(f"reader: closing the library: {exc}", file=sys.stderr)
        super().closeEvent(event)

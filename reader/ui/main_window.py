"""The reader window: documents side by side, links drawn between them, keys to tag.

The window owns one core ReadingSession behind a SessionBridge. Keys map to session actions
by name; the session writes the store, then emits an event; the bridge turns it into a
signal and the window repaints. Loading, segmenting and aligning run in workers.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QFont
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from reader import APP_NAME
from reader.ui.alignments import AlignmentController
from reader.ui.bridge import SessionBridge
from reader.ui.icons import apply_icons, icons_ready
from reader.ui.keys import KeyBindings
from reader.ui.link_gutter import GUTTER_WIDTH, LinkGutter
from reader.ui.loading import DocumentLoader
from reader.ui.marks_presenter import MarksPresenter
from reader.ui.note_editor import NoteEditor
from reader.ui.pane_widget import PaneWidget
from reader.ui.status_widgets import MessageBanner, ProgressStatus
from reader.ui.sync_scroll import SyncScroller
from reader.ui.window_setup import create_session, reader_settings
from reader.ui.window_state import DEFAULT_POINT_SIZE, OpenDocument, SavedSession, WindowState
from reader.ui.workers import TaskRunner

WINDOW_ONLY_ACTIONS = ("edit_note", "show_shortcuts")
#: Icons are drawn this long after the window first shows, so it shows at once.
ICONS_DELAY_MS = 60


class MainWindow(QMainWindow):
    """Documents in panes side by side; see module docstring."""

    actionCommitted = Signal(str)      # after a keyed action ran (and wrote the store)
    documentsIdle = Signal()           # no document is waiting to open
    documentsShown = Signal()          # every open document shows its text
    iconsReady = Signal()              # icons drawn (the window is fully set up)

    def __init__(self, db_path: Path | None = None, restore: bool = True,
                 settings: QSettings | None = None, align_method: str | None = None) -> None:
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
        self._restore_positions: dict[str, OpenDocument] = {}
        self._word_counts: dict[str, int] = {}      # sha256 -> words, counted by the loader
        self._build_central()
        self.sync = SyncScroller(self.bridge, lambda: self.panes, self)
        self.presenter = MarksPresenter(self)
        self.session, store_problem = create_session(db_path, self.settings_values.author,
                                                     self.bridge)
        self.keys = KeyBindings(self, self.settings_values.keymap, self._reserved_keys)
        self.keys.triggered.connect(self.run_action)
        from reader.ui.window_menus import build_menus

        self.menus = build_menus(self)
        self.progress = ProgressStatus(self.runner, self)
        self.statusBar().addPermanentWidget(self.progress)
        self._connect()
        self.set_point_size(self.state.point_size(), save=False)
        self._restore_geometry()
        if store_problem:
            self.report(store_problem)
        if self.keys.dropped:
            self.report("Keys already used by the menus were not bound: "
                        + ", ".join(self.keys.dropped))
        self._restore = restore
        self._update_empty()

    # -- construction --------------------------------------------------------------------

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = MessageBanner(central)
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
        bridge.panesChanged.connect(self._panes_changed)
        bridge.currentChanged.connect(self.presenter.current_changed)
        bridge.focusChanged.connect(self.presenter.focus_changed)
        bridge.tagsChanged.connect(self.presenter.tags_changed)
        bridge.linksChanged.connect(self.aligner.refresh)
        bridge.alignmentChanged.connect(self.presenter.alignment_changed)
        bridge.suggestionsChanged.connect(self.presenter.suggestions_changed)
        bridge.storeProblem.connect(self._store_problem)
        self.loader.loaded.connect(self._document_loaded)
        self.loader.failed.connect(self._document_failed)
        self.loader.idle.connect(self.documentsIdle.emit)
        self.aligner.failed.connect(self.report)

    _icons_scheduled = False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Draw the icons just after the first paint (qtawesome takes ~0.5 s to import)."""
        super().showEvent(event)
        if not self._icons_scheduled:
            self._icons_scheduled = True
            QTimer.singleShot(ICONS_DELAY_MS, self._late_setup)

    def _late_setup(self) -> None:
        """Draw the icons (importing qtawesome takes ~0.5 s of the GUI thread once; it
        cannot run in a worker: PySide builds its types lazily and not thread-safely)."""
        from reader.ui.window_panels import install_late_extras

        apply_icons(self)
        install_late_extras(self, self.menus)
        self.iconsReady.emit()

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        """Icons follow a switch between light and dark."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and icons_ready():
            apply_icons(self)

    def _reserved_keys(self) -> set[str]:
        from reader.ui.window_menus import WINDOW_SHORTCUTS

        return set(WINDOW_SHORTCUTS)

    # -- opening and closing documents -----------------------------------------------------

    def start(self, files: Sequence[str | Path]) -> None:
        """Open ``files``, or (none given and restoring) the previous session's documents."""
        if files:
            self.open_paths([Path(f) for f in files])
        elif self._restore:
            saved = self.state.session()
            for doc in saved.documents:
                self._restore_positions[str(Path(doc.path).resolve())] = doc
            self._restore_focus = saved.focused
            self.open_paths([Path(d.path) for d in saved.documents])

    def open_paths(self, paths: Sequence[Path]) -> None:
        """Load each path into a new pane (in a worker); bad files give a message."""
        for path in paths:
            self.loader.open(Path(path))

    def open_document(self, document: Any, statements: Sequence[Any]) -> None:
        """Show an already loaded and segmented document in a new pane."""
        self.session.open_document(document, list(statements))

    def open_loaded(self, document: Any) -> None:
        """Segment a document built elsewhere (clipboard) in a worker, then show it."""
        from reader.ui.loading import segment_job

        self.runner.submit(segment_job, document, label=f"Opening {document.display_name}",
                           on_success=lambda loaded: self._document_loaded(
                               Path(document.display_name), loaded, None),
                           on_failure=self.report)

    def _document_loaded(self, path: Path, loaded: Any, position: int | None) -> None:
        self._word_counts[loaded.document.sha256] = loaded.words
        self._opening = True
        try:
            self.session.open_document(loaded.document, loaded.statements, position)
        finally:
            self._opening = False
        # A document's objects live as long as its pane: keep the collector from scanning
        # them again and again (a full collection of two 1 MB documents takes ~0.1 s).
        gc.freeze()
        if loaded.document.path is not None:
            self.state.add_recent(str(Path(loaded.document.path).resolve()))
        self.statusBar().showMessage(
            f"Opened {loaded.document.display_name}: {len(loaded.statements):,} statements", 5000)

    def _document_failed(self, path: Path, message: str) -> None:
        self.report(message if str(path) in message else f"{path}: {message}")

    def close_pane(self, index: int | None = None) -> None:
        """Close the focused pane (or pane ``index``); the others keep their alignments."""
        index = self.session.focused if index is None else index
        if 0 <= index < len(self.session.panes):
            sha = self.session.panes[index].document.sha256
            self.session.close_pane(index)
            if all(p.document.sha256 != sha for p in self.session.panes):
                self.bridge.drop_alignments(sha)

    def move_pane(self, delta: int, index: int | None = None) -> None:
        """Move the focused pane (or pane ``index``) left (-1) or right (+1)."""
        index = self.session.focused if index is None else index
        if 0 <= index < len(self.session.panes) and 0 <= index + delta < len(self.session.panes):
            self.session.move_pane(index, delta)

    def _panes_changed(self) -> None:
        """Create, drop and reorder pane widgets to match the session's panes (after a
        document opened: on the next turn of the event loop, to keep each pause short)."""
        if self._opening:
            if not self._reconcile_pending:
                self._reconcile_pending = True
                QTimer.singleShot(0, self._panes_changed_later)
            return
        self._reconcile_pending = False
        self._reconciling = True
        try:
            self._reconcile_panes()
        finally:
            self._reconciling = False
        self._update_empty()
        self.presenter.panes_changed()
        self.aligner.refresh()

    _reconciling = False
    _opening = False
    _reconcile_pending = False

    def _panes_changed_later(self) -> None:
        if self._reconcile_pending:
            self._panes_changed()

    def _reconcile_panes(self) -> None:
        session = self.session
        old = {id(p.key): p for p in self.panes}
        count_before = len(self.panes)
        widgets: list[PaneWidget] = []
        for pane in session.panes:
            widget = old.pop(id(pane), None) or self._new_pane(pane)
            widgets.append(widget)
        for widget in old.values():
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self.panes = widgets
        while len(self.gutters) < max(0, len(widgets) - 1):
            gutter = LinkGutter(self.splitter)
            gutter.setFixedWidth(GUTTER_WIDTH)
            self.gutters.append(gutter)
        while len(self.gutters) > max(0, len(widgets) - 1):
            gutter = self.gutters.pop()
            gutter.setParent(None)
            gutter.deleteLater()
        order: list[QWidget] = []
        for i, widget in enumerate(widgets):
            order.append(widget)
            widget.set_position(i, len(widgets))
            widget.view.marks.link_sides = (i > 0, i < len(widgets) - 1)
            if i < len(self.gutters):
                self.gutters[i].set_panes(widget, widgets[i + 1])
                order.append(self.gutters[i])
        for position, widget in enumerate(order):
            self.splitter.insertWidget(position, widget)
            widget.show()
        if len(widgets) != count_before:
            self._even_sizes()

    def _new_pane(self, pane: Any) -> PaneWidget:
        widget = PaneWidget(pane.document.display_name, self.splitter)
        widget.key = pane
        font = QFont(widget.view.font())
        font.setPointSizeF(self.point_size)
        widget.view.setFont(font)
        widget.view.key_fallback = self.keys.fallback
        widget.view.statementClicked.connect(lambda s, w=widget: self._clicked(w, s))
        widget.view.zoomRequested.connect(lambda step: self.zoom(step))
        widget.closeRequested.connect(lambda w=widget: self.close_pane(self.panes.index(w)))
        widget.moveRequested.connect(lambda d, w=widget: self.move_pane(d, self.panes.index(w)))
        widget.view.focusEntered.connect(lambda w=widget: self._pane_focused(w))
        widget.note_editor = NoteEditor(widget.view)  # type: ignore[attr-defined]
        widget.note_editor.saved.connect(lambda text, w=widget: self._note_saved(w, text))
        widget.note_editor.cancelled.connect(lambda w=widget: w.view.setFocus())
        self.sync.watch(widget)
        # The text goes in on the next turn of the event loop: opening a big document
        # then costs two short pauses instead of one long one.
        QTimer.singleShot(0, lambda w=widget: self._fill_pane(w))
        self.presenter.start_suggestions(pane)
        return widget

    def _fill_pane(self, widget: PaneWidget) -> None:
        if widget not in self.panes or widget.filled:
            return
        pane = widget.key
        widget.set_document(pane.document.display_name, pane.document.text, pane.statements,
                            self._word_counts.get(pane.document.sha256, -1))
        widget.filled = True
        self.presenter.panes_changed()
        path = str(pane.document.path.resolve()) if pane.document.path else ""
        if path in self._restore_positions:
            self._apply_saved(widget, self._restore_positions.pop(path))
        if self.documents_shown():
            self.documentsShown.emit()

    def documents_shown(self) -> bool:
        """True when every pane shows its text (opening is finished)."""
        return (self.loader.pending == 0 and not self._reconcile_pending
                and len(self.panes) == len(self.session.panes)
                and all(w.filled for w in self.panes))

    def _apply_saved(self, widget: PaneWidget, saved: OpenDocument) -> None:
        if widget not in self.panes:
            return
        from reader.core.session import set_current

        index = self.panes.index(widget)
        if 0 <= saved.current < len(widget.view.statements):
            focused = self.session.focused
            set_current(self.session, index, saved.current)
            if focused != index and 0 <= focused < len(self.panes):
                set_current(self.session, focused, self.session.panes[focused].current)
        with self.sync.hold():
            widget.view.scroll_position_to(saved.top_offset, 0.0)
        focus = getattr(self, "_restore_focus", None)
        if focus is not None and focus == index:
            set_current(self.session, index, self.session.panes[index].current)

    def _even_sizes(self) -> None:
        total = max(1, self.splitter.width() - GUTTER_WIDTH * len(self.gutters))
        each = total // max(1, len(self.panes))
        sizes = []
        for i in range(len(self.panes)):
            sizes.append(each)
            if i < len(self.gutters):
                sizes.append(GUTTER_WIDTH)
        self.splitter.setSizes(sizes)

    def _update_empty(self) -> None:
        has = bool(self.panes)
        self.splitter.setVisible(has)
        self.empty_label.setVisible(not has)

    # -- keys and clicks --------------------------------------------------------------------

    def run_action(self, name: str) -> None:
        """Run a keyed action by name: window-only ones here, the rest on the session."""
        if name == "show_shortcuts":
            from reader.ui.window_panels import show_shortcuts_overlay

            show_shortcuts_overlay(self)
            return
        if not self.session.panes and name not in ("undo", "redo"):
            self.statusBar().showMessage("Open a document first (Ctrl+O)", 3000)
            return
        if name == "edit_note":
            self.edit_note()
            return
        self.bridge.run_action(name)
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
        if self._reconciling or len(self.panes) != len(self.session.panes):
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
        tag = self.session.tags_for(self.session.focused).get(pane.current)
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
                             viewport.width() - 8, height), tag.note if tag is not None else "")

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

    def _store_problem(self, message: str, pending: int) -> None:
        extra = f" ({pending} change(s) kept in memory, saved when possible)" if pending else ""
        self.report(f"Library problem: {message}{extra}")

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
            self.open_paths(paths)

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

    def saved_session(self) -> SavedSession:
        """The open documents as they would be restored."""
        docs = []
        for widget, pane in zip(self.panes, self.session.panes):
            if pane.document.path is None:
                continue
            top = widget.view.position_at_y(0) if widget.view.offsets.length else 0
            docs.append(OpenDocument(str(pane.document.path.resolve()), top, pane.current))
        return SavedSession(tuple(docs), self.session.focused)

    def save_state(self) -> None:
        """Write geometry, documents, scroll positions and options to QSettings."""
        self.state.save_geometry(self.saveGeometry(), self.saveState())
        self.state.save_session(self.saved_session())
        self.state.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Save the session, stop the workers, close the library."""
        self.save_state()
        self.runner.shutdown(3000)
        store = getattr(self.session, "store", None)
        if store is not None:
            try:
                store.close()
            except Exception as exc:  # closing must not raise at exit
                print(f"reader: closing the library: {exc}", file=sys.stderr)
        super().closeEvent(event)

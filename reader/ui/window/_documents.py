"""Opening, closing, moving and restoring the documents of the reader window: the controller
that keeps one PaneWidget (and the gutters between them) per session pane.

The window owns one (``window.documents``); it works on the window's session, loader,
splitter, sync, presenter, aligner and state.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from reader.ui.links import GUTTER_WIDTH, LinkGutter
from reader.ui.view import NoteEditor
from reader.ui.view import PaneWidget
from reader.ui.window._state import OpenDocument, SavedSession

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow


class DocumentsController:
    """Documents in panes: open (in workers), close, move, restore; see module docstring."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.reconciling = False
        self._opening = False
        self._reconcile_pending = False
        self._restore_focus: int | None = None
        #: Saved positions of documents still loading, by resolved path.
        self._restore_positions: dict[str, OpenDocument] = {}
        #: sha256 -> (words, TextPositions) worked out by the loader
        self._prepared: dict[str, tuple[int, Any]] = {}
        self._whole_page_slots: dict[str, int] = {}  # path -> pane index to take

    def start(self, files: Sequence[str | Path]) -> None:
        """Reopen the session's documents (unless ``files`` are given without naming a
        session), then open ``files``."""
        self._window.sessions.restore_at_start(bool(files))
        if files:
            self.open_paths([Path(f) for f in files])

    def restore(self, saved: SavedSession) -> None:
        """Open saved documents, each at its saved place, the saved pane focused."""
        for doc in saved.documents:
            self._restore_positions[str(Path(doc.path).resolve())] = doc
        self._restore_focus = saved.focused
        self.open_paths([Path(d.path) for d in saved.documents])

    def open_paths(self, paths: Sequence[Path]) -> None:
        """Load each path into a new pane (in a worker); bad files give a message."""
        for path in paths:
            self._window.loader.open(Path(path))

    def open_document(self, document: Any, statements: Sequence[Any]) -> None:
        """Show an already loaded and segmented document in a new pane."""
        self._window.session.open_document(document, statements)

    def open_loaded(self, document: Any) -> None:
        """Segment a document built elsewhere (clipboard) in a worker, then show it."""
        from reader.ui.jobs import BIG_FILE_BYTES

        self._window.runner.submit_job("prepare", document, label=f"Opening {document.display_name}",
                               in_process=len(document.text) > BIG_FILE_BYTES,
                               on_success=lambda loaded: self.document_loaded(
                                   Path(document.display_name), loaded, None),
                               on_failure=self._window.report)

    def document_loaded(self, path: Path, loaded: Any, position: int | None) -> None:
        if not loaded.document.text.strip():
            # an empty pane with "0 statements" says nothing: one clear line instead
            self._window.report(f"{path}: the document has no text; nothing to open")
            return
        self._prepared[loaded.document.sha256] = (loaded.words, loaded.layout)
        self._opening = True
        try:
            session = self._window.session
            session.open_document(loaded.document, loaded.statements, position,
                                  getattr(loaded, "packed", None))
            slot = self._whole_page_slots.pop(str(path), None)
            if slot is not None and slot < len(session.panes) - 1:
                session.move_pane(len(session.panes) - 1, slot - len(session.panes) + 1)
        finally:
            self._opening = False
        # A document's objects live as long as its pane: keep the collector from scanning
        # them again and again (a full collection of two 1 MB documents takes ~0.1 s).
        gc.freeze()
        if loaded.document.path is not None:
            self._window.state.add_recent(str(Path(loaded.document.path).resolve()))
        self._window.statusBar().showMessage(
            f"Opened {loaded.document.display_name}: {len(loaded.statements):,} statements", 5000)

    def document_failed(self, path: Path, message: str) -> None:
        """Report a file that could not be opened: once, under its full path (loaders name
        the file by its base name: "bin.txt: looks like a binary file")."""
        if str(path) in message:
            self._window.report(message)
        elif message.startswith(f"{path.name}: "):
            self._window.report(f"{path}{message[len(path.name):]}")
        else:
            self._window.report(f"{path}: {message}")

    def close_pane(self, index: int | None = None) -> None:
        """Close the focused pane (or pane ``index``); the others keep their alignments."""
        index = self._window.session.focused if index is None else index
        if 0 <= index < len(self._window.session.panes):
            sha = self._window.session.panes[index].document.sha256
            self._window.session.close_pane(index)
            if all(p.document.sha256 != sha for p in self._window.session.panes):
                self._window.bridge.drop_alignments(sha)

    def move_pane(self, delta: int, index: int | None = None) -> None:
        """Move the focused pane (or pane ``index``) left (-1) or right (+1)."""
        index = self._window.session.focused if index is None else index
        if 0 <= index < len(self._window.session.panes) and 0 <= index + delta < len(self._window.session.panes):
            self._window.session.move_pane(index, delta)

    def panes_changed(self) -> None:
        """Create, drop and reorder pane widgets to match the session's panes (after a
        document opened: on the next turn of the event loop, to keep each pause short)."""
        if self._opening:
            if not self._reconcile_pending:
                self._reconcile_pending = True
                QTimer.singleShot(0, self._panes_changed_later)
            return
        self._reconcile_pending = False
        self.reconciling = True
        try:
            self._reconcile_panes()
        finally:
            self.reconciling = False
        self.update_empty()
        self._window.presenter.panes_changed()
        self._window.aligner.refresh()

    def _panes_changed_later(self) -> None:
        if self._reconcile_pending:
            self.panes_changed()

    def _reconcile_panes(self) -> None:
        session = self._window.session
        old = {id(p.key): p for p in self._window.panes}
        count_before = len(self._window.panes)
        widgets: list[PaneWidget] = []
        for pane in session.panes:
            widget = old.pop(id(pane), None) or self._new_pane(pane)
            widgets.append(widget)
        for widget in old.values():
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        self._window.panes = widgets
        while len(self._window.gutters) < max(0, len(widgets) - 1):
            gutter = LinkGutter(self._window.splitter)
            gutter.setFixedWidth(GUTTER_WIDTH)
            self._window.gutters.append(gutter)
        while len(self._window.gutters) > max(0, len(widgets) - 1):
            gutter = self._window.gutters.pop()
            gutter.setParent(None)
            gutter.deleteLater()
        order: list[QWidget] = []
        for i, widget in enumerate(widgets):
            order.append(widget)
            widget.set_position(i, len(widgets))
            widget.view.marks.link_sides = (i > 0, i < len(widgets) - 1)
            if i < len(self._window.gutters):
                self._window.gutters[i].set_panes(widget, widgets[i + 1])
                order.append(self._window.gutters[i])
        for position, widget in enumerate(order):
            self._window.splitter.insertWidget(position, widget)
            widget.show()
        if len(widgets) != count_before:
            self._even_sizes()

    def _new_pane(self, pane: Any) -> PaneWidget:
        widget = PaneWidget(pane.document.display_name, self._window.splitter)
        widget.key = pane
        font = QFont(widget.view.font())
        font.setPointSizeF(self._window.point_size)
        widget.view.setFont(font)
        widget.view.key_fallback = self._window.keys.fallback
        widget.view.statementClicked.connect(lambda s, w=widget: self._window._clicked(w, s))
        widget.view.textSelected.connect(
            lambda start, end, w=widget: self._window.kinds_ui.text_selected(w, start, end))
        widget.view.contextRequested.connect(
            lambda s, where, w=widget: self._window.kinds_ui.context_menu(w, s, where))
        widget.view.set_kinds(self._window.kinds_ui.kinds)
        widget.view.zoomRequested.connect(lambda step: self._window.zoom(step))
        widget.closeRequested.connect(lambda w=widget: self.close_pane(self._window.panes.index(w)))
        widget.moveRequested.connect(lambda d, w=widget: self.move_pane(d, self._window.panes.index(w)))
        widget.wholePageRequested.connect(lambda w=widget: self.open_whole_page(w))
        widget.view.focusEntered.connect(lambda w=widget: self._window._pane_focused(w))
        widget.note_editor = NoteEditor(widget.view)  # type: ignore[attr-defined]
        widget.note_editor.saved.connect(lambda text, w=widget: self._window._note_saved(w, text))
        widget.note_editor.cancelled.connect(lambda w=widget: w.view.setFocus())
        self._window.sync.watch(widget)
        # The text goes in on the next turn of the event loop: opening a big document
        # then costs two short pauses instead of one long one.
        QTimer.singleShot(0, lambda w=widget: self._fill_pane(w))
        self._window.presenter.start_suggestions(pane)
        return widget

    def _fill_pane(self, widget: PaneWidget) -> None:
        if widget not in self._window.panes or widget.filled:
            return
        pane = widget.key
        words, positions = self._prepared.pop(pane.document.sha256, (-1, None))
        widget.set_document(pane.document.display_name, pane.document.text, pane.statements,
                            words, positions)
        document = pane.document
        widget.set_notice(document.notice,
                          whole_page=document.source_format == "html" and document.path is not None)
        widget.filled = True
        self._window.presenter.panes_changed()
        path = str(pane.document.path.resolve()) if pane.document.path else ""
        if path in self._restore_positions:
            self._apply_saved(widget, self._restore_positions.pop(path))
        if self.documents_shown():
            self._window.documentsShown.emit()

    def open_whole_page(self, widget: PaneWidget) -> None:
        """Replace a web page's extracted article with the page's whole text, in place."""
        if widget not in self._window.panes or widget.key.document.path is None:
            return
        index = self._window.panes.index(widget)
        path = Path(widget.key.document.path)
        self.close_pane(index)
        self._whole_page_slots[str(path)] = index
        self._window.loader.open(path, whole_page=True)

    def documents_shown(self) -> bool:
        """True when every pane shows its text (opening is finished)."""
        return (self._window.loader.pending == 0 and not self._reconcile_pending
                and len(self._window.panes) == len(self._window.session.panes)
                and all(w.filled for w in self._window.panes))

    def _apply_saved(self, widget: PaneWidget, saved: OpenDocument) -> None:
        if widget not in self._window.panes:
            return
        from reader.core.session import set_current

        index = self._window.panes.index(widget)
        if 0 <= saved.current < len(widget.view.statements):
            focused = self._window.session.focused
            set_current(self._window.session, index, saved.current)
            if focused != index and 0 <= focused < len(self._window.panes):
                set_current(self._window.session, focused, self._window.session.panes[focused].current)
        with self._window.sync.hold():
            widget.view.scroll_position_to(saved.top_offset, 0.0)
        focus = self._restore_focus
        if focus is not None and focus == index:
            set_current(self._window.session, index, self._window.session.panes[index].current)

    def _even_sizes(self) -> None:
        total = max(1, self._window.splitter.width() - GUTTER_WIDTH * len(self._window.gutters))
        each = total // max(1, len(self._window.panes))
        sizes = []
        for i in range(len(self._window.panes)):
            sizes.append(each)
            if i < len(self._window.gutters):
                sizes.append(GUTTER_WIDTH)
        self._window.splitter.setSizes(sizes)

    def update_empty(self) -> None:
        has = bool(self._window.panes)
        self._window.splitter.setVisible(has)
        self._window.empty_label.setVisible(not has)

    def saved_session(self) -> SavedSession:
        """The open documents as they would be restored."""
        docs = []
        for widget, pane in zip(self._window.panes, self._window.session.panes):
            if pane.document.path is None:
                continue
            top = widget.view.position_at_y(0) if widget.view.offsets.length else 0
            docs.append(OpenDocument(str(pane.document.path.resolve()), top, pane.current))
        shown = {doc.path for doc in docs}
        for path in self._window.loader.pending_paths():  # still opening: part of it too
            resolved = str(path.resolve())
            if resolved not in shown:
                docs.append(self._restore_positions.get(resolved, OpenDocument(resolved)))
        return SavedSession(tuple(docs), self._window.session.focused)

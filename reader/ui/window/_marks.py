"""Turn session and alignment state into what each pane shows: tags, current statement and
selection, suggestions, linked partners of the current statement with their word
differences, the ribbons of every gutter and the link marks of every overview strip."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Sequence

from PySide6.QtCore import QObject, QTimer

from reader.core.session import pane_comparison
from reader.ui.links import LinkPresenter, word_differences
from reader.ui.models import candidate_floor

if TYPE_CHECKING:
    from reader.ui.window._main_window import MainWindow
    from reader.ui.view import PaneWidget


def fill_tag_marks(marks: Any, pane: Any, statements: Sequence[int] | None = None) -> None:
    """Copy a session pane's tags into a view's marks: the tag shown on each statement, the
    labels of the library's own kinds beside it, tags of parts, and the notes. With
    ``statements`` (those a change touched) only their labels, parts and notes are redone,
    so a key press costs the same with 10 or 10,000 tags."""
    tags = pane.tags
    shown = dict(tags.shown)
    marks.tags = shown
    if statements is None:
        marks.labels, marks.parts, marks.notes = {}, {}, {}
        statements = tags.stacked()
    for statement in statements:
        for found, key in ((tags.labels_at(statement), marks.labels),
                           (tags.parts_at(statement), marks.parts),
                           ([t.note for t in tags.notes_at(statement)], marks.notes)):
            if key is marks.labels:
                found = [t for t in found if t is not shown.get(statement)]
            if found:
                key[statement] = found
            else:
                key.pop(statement, None)


#: Overview strips follow new links after this pause.
OVERVIEW_DELAY_MS = 120
#: Retrain and suggest again after this many tag changes...
RELEARN_EVERY = 10
#: ... once the keys have been quiet this long.
RELEARN_PAUSE_MS = 1500


class MarksPresenter(QObject):
    """Keeps every pane's ``marks`` in step with the session and the alignments."""

    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self.window = window
        self.word_diff = window.state.flag("word_diff", True)
        # Suggestions adapt to the reader: after every few tags, once typing pauses.
        self._tag_edits = 0
        self._relearn = QTimer(self)
        self._relearn.setSingleShot(True)
        self._relearn.setInterval(RELEARN_PAUSE_MS)
        self._relearn.timeout.connect(self.relearn_suggestions)
        # overview strips redraw every statement: they follow the links a moment later, so
        # a threshold step only repaints what is on screen
        self._overviews = QTimer(self)
        self._overviews.setSingleShot(True)
        self._overviews.setInterval(OVERVIEW_DELAY_MS)
        self._overviews.timeout.connect(self._refresh_overviews)
        self.links = LinkPresenter(window.bridge, lambda: window.panes, lambda: window.gutters,
                                   candidate_floor, self)

    @property
    def session(self) -> Any:
        """The window's reading session."""
        return self.window.session

    def _in_step(self) -> bool:
        """False while the window is rebuilding its panes (events then wait for it)."""
        return len(self.window.panes) == len(self.session.panes)

    def _widget(self, index: int) -> "PaneWidget | None":
        panes = self.window.panes
        if not self._in_step():
            return None
        return panes[index] if 0 <= index < len(panes) else None

    # -- session events ------------------------------------------------------------------

    def panes_changed(self) -> None:
        """Panes opened, closed or moved: reload everything that depends on the index."""
        session = self.session
        if not self._in_step():
            return
        for index, widget in enumerate(self.window.panes):
            pane = session.panes[index]
            marks = widget.view.marks
            fill_tag_marks(marks, pane)
            marks.compare = pane_comparison(session, index)
            marks.suggestions = pane.suggestions
            marks.suggest_min = self.window.settings_values.suggestion_threshold / 100
            marks.current = pane.current
            marks.selection = tuple(session.selection(index)) if pane.current >= 0 else ()
        self.focus_changed(session.focused)
        self.alignment_changed()

    def current_changed(self, pane: int, statement: int) -> None:
        """The current statement or selection of ``pane`` moved."""
        widget = self._widget(pane)
        if widget is None:
            return
        marks = widget.view.marks
        marks.current = statement
        marks.selection = tuple(self.session.selection(pane)) if statement >= 0 else ()
        marks.span = self.session.panes[pane].span
        widget.view.show_span(marks.span)  # a tagged part is no longer selected
        if pane == self.session.focused and statement >= 0:
            widget.view.reveal_statement(statement)
        widget.view.refresh()
        widget.overview.update()
        self.update_partners(reveal=pane == self.session.focused)

    def focus_changed(self, pane: int) -> None:
        """Another pane gets the keys."""
        if not self._in_step():
            return
        for index, widget in enumerate(self.window.panes):
            widget.set_focused(index == pane)
        widget = self._widget(pane)
        if widget is not None and not widget.view.hasFocus():
            editor = getattr(widget, "note_editor", None)
            if editor is None or not editor.is_open:
                widget.view.setFocus()
        self.update_partners(reveal=True)

    def tags_changed(self, pane: int, statements: Sequence[int] | None = None) -> None:
        """Tags of ``pane`` changed (already committed to the store), at ``statements``
        when known."""
        widget = self._widget(pane)
        if widget is not None:
            fill_tag_marks(widget.view.marks, self.session.panes[pane], statements)
            widget.view.marks.compare = pane_comparison(self.session, pane)
            widget.refresh()
        self._tag_edits += 1
        if self._tag_edits >= RELEARN_EVERY:
            self._relearn.start()

    def relearn_suggestions(self) -> None:
        """Suggest again with a model retrained on the reader's tags (in a worker)."""
        from reader.core.suggest import MIN_EXAMPLES

        self._tag_edits = 0
        if sum(len(pane.tags) for pane in self.session.panes) < MIN_EXAMPLES:
            return
        for pane in list(self.session.panes):
            self.start_suggestions(pane)

    def suggestions_changed(self, pane: int) -> None:
        """Suggestions for ``pane`` arrived."""
        widget = self._widget(pane)
        if widget is not None:
            widget.view.marks.suggestions = self.session.panes[pane].suggestions
            widget.refresh()

    def start_suggestions(self, pane: Any) -> None:
        """Compute suggestions for a newly opened pane in a worker."""
        def done(result: list[Any], p: Any = pane) -> None:
            if p in self.session.panes:
                p.suggestions = result
                self.window.bridge.suggestionsChanged.emit(self.session.panes.index(p))

        from reader.ui.links import BIG_STATEMENTS

        store = self.session.store
        self.window.runner.submit_job(
            "suggest", pane.statements, pane.document.text,
            str(store.path) if store is not None else None,
            in_process=len(pane.statements) > BIG_STATEMENTS,
            label=f"Suggesting tags for {pane.document.display_name}", on_success=done)

    # -- links ------------------------------------------------------------------------------

    def alignment_changed(self) -> None:
        """New alignments (or another link threshold): ribbons, overview marks, partners."""
        if not self._in_step():
            return
        linked = self.links.refresh()
        for index, widget in enumerate(self.window.panes):
            widget.view.marks.linked = frozenset(linked[index]) if linked else frozenset()
        self._overviews.start()
        self.update_partners(reveal=False)

    def _refresh_overviews(self) -> None:
        if self._in_step():
            for widget in self.window.panes:
                widget.overview.invalidate()

    def set_word_diff(self, enabled: bool) -> None:
        """Show or hide word differences inside linked pairs."""
        self.word_diff = enabled
        self.window.state.set_flag("word_diff", enabled)
        self.update_partners(reveal=False)

    def update_partners(self, reveal: bool) -> None:
        """Highlight the focused pane's current statement's partners (and their word
        differences) in the other panes; with ``reveal``, scroll hidden partners into view."""
        session, window = self.session, self.window
        if not self._in_step():
            return
        focused = session.focused
        widgets = window.panes
        for widget in widgets:
            widget.view.marks.partners = {}
            widget.view.marks.diff = []
        if not 0 <= focused < len(widgets):
            return
        pane = session.panes[focused]
        current = pane.current
        best: tuple[float, list[tuple[int, int, str]]] | None = None
        found = self.links.show_current()
        if current >= 0 and self.word_diff:
            own = pane.statements[current]
            for index, widget in enumerate(widgets):
                if index == focused:
                    continue
                other_pane = session.panes[index]
                for statement, score in sorted(found.get(index, {}).items()):
                    other = other_pane.statements[statement]
                    mine, theirs = word_differences(own.text, own.start, other.text, other.start)
                    widget.view.marks.diff.extend(theirs)
                    if best is None or score > best[0]:
                        best = (score, mine)
        if best is not None:
            widgets[focused].view.marks.diff = best[1]
        for widget in widgets:
            widget.view.refresh()
        for gutter in window.gutters:
            gutter.update()
        if reveal:
            self._reveal_partners(focused)

    def _reveal_partners(self, focused: int) -> None:
        with self.window.sync.hold():
            for index, widget in enumerate(self.window.panes):
                marks = widget.view.marks
                found = set(marks.partners) or ({marks.target} if marks.target >= 0 else set())
                if index == focused or not found:
                    continue
                if not any(widget.view.statement_visible(s) for s in found):
                    widget.view.reveal_statement(min(found), 0.3)

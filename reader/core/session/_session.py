"""A reading session: open documents (panes), the current statement, tags, undo, the store.

Plain Python, no Qt: the window owns one ReadingSession, maps keys to the actions in
``reader.core.session._actions`` (re-exported here) and repaints on the events it receives. Every
change goes to the store first, in one transaction, and only then to memory and the screen;
when the store cannot be written the change is kept in memory, a StoreProblem event says so,
and it is written on the next action or ``flush_pending()`` (see ``store_writer``).
"""

from __future__ import annotations

from dataclasses import replace

from typing import Callable, Sequence

from reader.core.text import Document
from reader.core.errors import StoreError
from reader.core.session._pane import Pane, default_author
from reader.core.session._events import (  # all re-exported: the window imports them here
    CurrentChanged,
    FocusChanged,
    LinksChanged,  # noqa: F401
    OrphansChanged,
    PanesChanged,
    SessionEvent,
    StoreProblem,
    StoreRecovered,
    TagsChanged,
)
from reader.core.session._memory import SessionMemory
from reader.core.session._open import OpenedDocument, open_in_store
from reader.core.text import Statement, compact_statements
from reader.core.store import DocumentRecord, ManualLink, Store, Tag
from reader.core.session._writer import StoreWriter
from reader.core.session._undo import Edit, IdMap, UndoHistory


class ReadingSession:
    """State of one reading session; see the module doc."""

    def __init__(self, store: Store | None, author: str | None = None,
                 events: Callable[[SessionEvent], None] | None = None) -> None:
        self.store = store
        self.panes: list[Pane] = []
        self.focused = 0
        self.history = UndoHistory()
        self.events = events
        self._author = author or default_author()
        self._shown_author: str | None = None
        #: Coders compared in the panes (two or more; empty: not comparing).
        self.comparing: tuple[str, ...] = ()
        self._writer = StoreWriter(store) if store is not None else None
        self.memory = SessionMemory()
        self._next_provisional = -1
        self._provisional_in_memory = False  # memory holds ids the store has not given yet
        self._troubled = False  # a StoreProblem was sent and not yet resolved
        self._unattached: list[Pane] = []  # closed before the store could remember them

    # -- basics --------------------------------------------------------------------------

    @property
    def author(self) -> str:
        """Author written on new tags (default: the OS user name). Own tags are shown first."""
        return self._author

    @author.setter
    def author(self, value: str) -> None:
        self._author = value
        for index, pane in enumerate(self.panes):
            changed = pane.tags.set_author(value)
            if changed:
                self.emit(TagsChanged(index, tuple(sorted(changed))))

    @property
    def shown_author(self) -> str | None:
        """The panes show only this author's tags (None: everyone's, own first)."""
        return self._shown_author

    def show_author(self, author: str | None) -> None:
        """Filter every pane's tags by author (None: show everyone's)."""
        self._shown_author = author
        for index, pane in enumerate(self.panes):
            changed = pane.tags.show_only(author)
            if changed:
                self.emit(TagsChanged(index, tuple(sorted(changed))))

    def refresh_tags(self) -> None:
        """Tell the listener every pane's tags changed (a new way of showing them)."""
        for index, pane in enumerate(self.panes):
            self.emit(TagsChanged(index, tuple(range(len(pane.statements)))))

    @property
    def undo_stack(self) -> list[Edit]:
        """Edits that can be undone, newest last."""
        return self.history.undo_stack

    @property
    def redo_stack(self) -> list[Edit]:
        """Undone edits that can be redone, newest last."""
        return self.history.redo_stack

    def can_undo(self) -> bool:
        """Whether there is an action to undo."""
        return bool(self.history.undo_stack)

    def can_redo(self) -> bool:
        """Whether there is an undone action to redo."""
        return bool(self.history.redo_stack)

    @property
    def pending_writes(self) -> int:
        """Actions kept in memory because the store could not be written."""
        return len(self._writer.pending) if self._writer else 0

    def emit(self, event: SessionEvent) -> None:
        """Send an event to the listener, if any."""
        if self.events is not None:
            self.events(event)

    def new_id(self) -> int:
        """A provisional (negative) id for a row the store has not numbered yet."""
        self._next_provisional -= 1
        return self._next_provisional

    # -- panes ---------------------------------------------------------------------------

    def open_document(self, document: Document, statements: Sequence[Statement],
                      position: int | None = None, packed_text: bytes | None = None) -> Pane:
        """Open a document in a new pane (its tags loaded, re-anchored if it changed on
        disk); ``position`` is the statement index to start at (default: the first);
        ``packed_text`` the text as the store keeps it, compressed in a worker."""
        # Held as arrays over the document's text: a big document's statements would
        # otherwise be a million objects.
        pane = Pane(document, compact_statements(document.text, statements), None, current=0 if statements else -1,
                    doc_key=self.new_id())
        pane.tags.set_author(self._author)
        pane.tags.show_only(self._shown_author)
        if position is not None and pane.statements:
            pane.current = max(0, min(position, len(pane.statements) - 1))
        self.panes.append(pane)
        if self.store is not None:
            try:
                self._attach(pane, packed_text)
            except StoreError as exc:
                self._problem(exc)
        self.emit(PanesChanged())
        return pane

    def _attach(self, pane: Pane, packed_text: bytes | None = None) -> IdMap:
        """Remember a pane's document in the store and load its tags and links."""
        assert self.store is not None
        others = {p.document_id for p in self.panes if p is not pane and p.document_id}
        opened: OpenedDocument = open_in_store(self.store, pane.document, pane.statements,
                                               others, packed_text)
        ids = IdMap(documents={pane.doc_key: opened.record.id})
        pane.document_id = pane.doc_key = opened.record.id
        if opened.record.renamed and opened.record.title != pane.document.title:
            pane.document = replace(pane.document, title=opened.record.title)  # the reader's
        memory = self.memory
        memory.records[opened.record.id] = opened.record
        for tag in opened.tags:
            pane.tags.add(tag)
        for record, tag in opened.orphans:
            memory.records[record.id] = record
            memory.orphans[tag.id] = tag
        if opened.orphans or opened.orphaned:
            self.emit(OrphansChanged(len(memory.orphans)))
        open_ids = [p.document_id for p in self.panes if p.document_id]
        memory.links.update((link.id, link) for link in self.store.tag_table.manual_links(open_ids))
        return ids

    def reload_tags(self) -> None:
        """Re-read the open documents' tags from the store (after an import or a library
        merge added tags, or changed a tag's kind)."""
        if self.store is None:
            return
        try:
            for index, pane in enumerate(self.panes):
                if pane.document_id is None:
                    continue
                fresh = [t for t in self.store.tag_table.tags(document_ids=[pane.document_id])
                         if not t.orphaned]
                known = {t.id: t for t in pane.tags}
                changed = {pane.tags.add(t) for t in fresh if known.get(t.id) != t}
                changed.discard(None)
                if changed:
                    self.emit(TagsChanged(index, tuple(sorted(changed))))
        except StoreError as exc:
            self._problem(exc)

    def close_pane(self, index: int) -> None:
        """Close a pane (its tags stay in the store and in the undo history)."""
        pane = self.panes.pop(index)
        if pane.document_id is None and self.store is not None:
            self._unattached.append(pane)  # pending tags need its document in the store
        if self.focused >= len(self.panes):
            self.focused = max(0, len(self.panes) - 1)
        elif self.focused > index:
            self.focused -= 1
        self.emit(PanesChanged())

    def move_pane(self, index: int, delta: int) -> None:
        """Move a pane left (negative delta) or right; focus follows the focused pane."""
        target = max(0, min(index + delta, len(self.panes) - 1))
        if target == index:
            return
        focused_pane = self.panes[self.focused] if self.panes else None
        self.panes.insert(target, self.panes.pop(index))
        if focused_pane is not None:
            self.focused = self.panes.index(focused_pane)
        self.emit(PanesChanged())

    def focused_pane(self) -> Pane | None:
        """The pane with the keyboard focus, if any pane is open."""
        return self.panes[self.focused] if self.panes else None

    def panes_of(self, document_id: int) -> list[int]:
        """Indices of the panes showing a document (by store or provisional id)."""
        return [i for i, p in enumerate(self.panes) if p.doc_key == document_id]

    # -- reading state -------------------------------------------------------------------

    def tags_for(self, pane_index: int) -> dict[int, Tag]:
        """Statement index -> the tag shown on it (orphans excluded)."""
        return dict(self.panes[pane_index].tags.shown)

    def orphans(self) -> list[tuple[DocumentRecord | None, Tag]]:
        """Tags of the open documents' earlier versions that could not be re-found."""
        return self.memory.orphan_list()

    def orphan(self, tag_id: int) -> Tag | None:
        """An orphaned tag by id."""
        return self.memory.orphans.get(tag_id)

    def manual_links(self) -> list[ManualLink]:
        """Pinned and rejected links between open documents."""
        return self.memory.links_among({p.doc_key for p in self.panes})

    def selection(self, pane_index: int | None = None) -> list[int]:
        """Selected statement indices of a pane (the current one at least; [] if none)."""
        return self.panes[self.focused if pane_index is None else pane_index].selection()

    def move_to(self, pane_index: int, statement: int, extend: bool = False,
                keep_selection: bool = False) -> None:
        """Make a statement current (clamped); ``extend`` grows the selection instead,
        ``keep_selection`` leaves it as it is. A selected part of a statement is dropped."""
        pane = self.panes[pane_index]
        if not pane.statements:
            return
        statement = max(0, min(statement, len(pane.statements) - 1))
        if extend and pane.anchor is None:
            pane.anchor = pane.current
        elif not extend and not keep_selection:
            pane.anchor = None
        pane.current = statement
        pane.span_ends = None
        self.announce(pane_index)

    def announce(self, pane_index: int) -> None:
        """Tell the listener where a pane's current statement, selection and part are."""
        pane = self.panes[pane_index]
        self.emit(CurrentChanged(pane_index, pane.current, tuple(self.selection(pane_index)),
                                 pane.span))

    def focus(self, pane_index: int) -> None:
        """Give a pane the keyboard focus."""
        if self.panes and pane_index != self.focused:
            self.focused = pane_index % len(self.panes)
            self.emit(FocusChanged(self.focused))

    def make_tag(self, pane: Pane, statement: int, kind: str, note: str = "") -> Tag:
        """A new tag by the session author spanning one statement (provisional id)."""
        return pane.new_tag(self.new_id(), statement, kind, self._author, note)

    # -- committing edits ----------------------------------------------------------------

    def commit(self, edit: Edit, record: bool = True) -> Edit:
        """Write an edit (store first), apply it to memory, emit events; ``record`` makes it
        one undo step. Returns the edit as applied (with real ids when written)."""
        if not edit.changes:
            return edit
        if self._writer is not None:
            self._writer.pending.append(edit)
            edit = self._sync().edit(edit)
            if self._writer.pending:
                self._provisional_in_memory = True
        for event in self.memory.apply(edit, self.panes):
            self.emit(event)
        if record:
            self.history.record(edit)
        return edit

    def flush_pending(self) -> bool:
        """Try to write what is pending; True when nothing is left pending."""
        if self._writer is None:
            return True
        self._sync()
        return not self._writer.pending

    def _sync(self) -> IdMap:
        """Write pending edits (attaching panes opened while the store failed first)."""
        assert self._writer is not None
        had = len(self._writer.pending)
        ids = IdMap()
        try:
            self._writer.check_file()
            for pane in [p for p in self.panes + self._unattached if p.document_id is None]:
                ids.documents.update(self._attach(pane).documents)
                self._remap(ids)
                if pane in self.panes and pane.tags.shown:  # its stored tags, loaded now
                    self.emit(TagsChanged(self.panes.index(pane), tuple(sorted(pane.tags.shown))))
            self._unattached.clear()
            written = self._writer.flush()
        except StoreError as exc:
            self._problem(exc)
            return ids
        ids.tags.update(written.tags)
        ids.links.update(written.links)
        self._remap(ids)
        self._provisional_in_memory = False
        if self._troubled:
            self._troubled = False
            self.emit(StoreRecovered(f"{had} change(s) written to {self._writer.store.path}",
                                     had))
        return ids

    def _problem(self, exc: StoreError) -> None:
        self._troubled = True
        pending = self.pending_writes
        kept = f"; {pending} change(s) kept in memory, written on the next action" \
            if pending else ""
        self.emit(StoreProblem(f"{exc}{kept}", pending))

    def _remap(self, ids: IdMap) -> None:
        """Replace provisional ids everywhere (only needed after the store failed)."""
        if not ids:
            return
        assert self._writer is not None
        self._writer.remap(ids)
        if self._provisional_in_memory:  # else the new edit alone has them: commit maps it
            self.history.remap(ids)
            self.memory.remap(ids, self.panes)


"""Undoable edits of tags and manual links, and the session's undo/redo history.

An Edit is one user action: a tuple of row changes (before -> after). Undo writes the
inverse edit; since a change stores whole rows, undoing a delete puts back the very same
row (id, created_at and all). Rows created while the library could not be written carry
provisional negative ids until the store assigns real ones (see ``IdMap``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable, Union

from reader.core.store import ManualLink, Tag


@dataclass(frozen=True)
class TagChange:
    """One tag row: None before = created, None after = deleted, both = changed."""

    before: Tag | None
    after: Tag | None

    def inverse(self) -> TagChange:
        """The change that undoes this one."""
        return TagChange(self.after, self.before)


@dataclass(frozen=True)
class LinkChange:
    """One manual-link row, like TagChange."""

    before: ManualLink | None
    after: ManualLink | None

    def inverse(self) -> LinkChange:
        """The change that undoes this one."""
        return LinkChange(self.after, self.before)


Change = Union[TagChange, LinkChange]


@dataclass(frozen=True)
class Edit:
    """The changes of one user action: one undo step, one store transaction."""

    label: str
    changes: tuple[Change, ...]

    def inverse(self) -> Edit:
        """The edit that undoes this one (changes inverted, in reverse order)."""
        return Edit(f"undo {self.label}", tuple(c.inverse() for c in reversed(self.changes)))

    def store_ops(self) -> list[tuple[str, object]]:
        """This edit as ``Store.write_batch`` operations."""
        ops: list[tuple[str, object]] = []
        for change in self.changes:
            kind = "tag" if isinstance(change, TagChange) else "link"
            if change.after is not None:
                ops.append((f"put_{kind}", change.after))
            elif change.before is not None:
                ops.append((f"delete_{kind}", change.before.id))
        return ops


@dataclass(frozen=True)
class IdMap:
    """Provisional ids replaced by real ones: tag ids, link ids, document ids."""

    tags: dict[int, int] = field(default_factory=dict)
    links: dict[int, int] = field(default_factory=dict)
    documents: dict[int, int] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.tags or self.links or self.documents)

    def tag(self, tag: Tag | None) -> Tag | None:
        """``tag`` with real ids."""
        if tag is None:
            return None
        new_id = self.tags.get(tag.id, tag.id)
        new_doc = self.documents.get(tag.document_id, tag.document_id)
        if new_id == tag.id and new_doc == tag.document_id:
            return tag
        return replace(tag, id=new_id, document_id=new_doc)

    def link(self, link: ManualLink | None) -> ManualLink | None:
        """``link`` with real ids."""
        if link is None:
            return None
        docs = self.documents
        return replace(link, id=self.links.get(link.id, link.id),
                       left_document_id=docs.get(link.left_document_id, link.left_document_id),
                       right_document_id=docs.get(link.right_document_id,
                                                  link.right_document_id))

    def edit(self, edit: Edit) -> Edit:
        """``edit`` with real ids."""
        changes: list[Change] = []
        for change in edit.changes:
            if isinstance(change, TagChange):
                changes.append(TagChange(self.tag(change.before), self.tag(change.after)))
            else:
                changes.append(LinkChange(self.link(change.before), self.link(change.after)))
        return Edit(edit.label, tuple(changes))


class UndoHistory:
    """Undo and redo stacks of Edits (the newest last)."""

    def __init__(self, limit: int = 10_000) -> None:
        self.undo_stack: list[Edit] = []
        self.redo_stack: list[Edit] = []
        self.limit = limit

    def record(self, edit: Edit) -> None:
        """A new user action: it can be undone; what was undone can no longer be redone."""
        self.undo_stack.append(edit)
        del self.undo_stack[:-self.limit]
        self.redo_stack.clear()

    def map_tags(self, change: Callable[[Tag | None], Tag | None]) -> None:
        """Pass every tag of every stored edit through ``change`` (a renamed kind)."""
        def edit(e: Edit) -> Edit:
            return Edit(e.label, tuple(TagChange(change(c.before), change(c.after))
                                       if isinstance(c, TagChange) else c for c in e.changes))

        self.undo_stack[:] = [edit(e) for e in self.undo_stack]
        self.redo_stack[:] = [edit(e) for e in self.redo_stack]

    def remap(self, ids: IdMap) -> None:
        """Replace provisional ids in every stored edit."""
        self.undo_stack[:] = [ids.edit(e) for e in self.undo_stack]
        self.redo_stack[:] = [ids.edit(e) for e in self.redo_stack]

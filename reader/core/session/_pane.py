"""An open document (Pane) and its tags, indexed by statement for constant-time lookups.

A tag belongs to the statement it overlaps most (a tag made in the session spans exactly
one statement; an imported one may not). Several tags can land on one statement (two
readers' tags, or a re-attached orphan); the statement shows one of them: the session
author's own, else the most recently changed.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from reader.core.anchoring import best_statement, make_selector
from reader.core.text import Document
from reader.core.text import Statement
from reader.core.store import Tag, now_iso


class PaneTags:
    """Tags of one pane: statement index -> tags, and the tag shown on each statement."""

    def __init__(self, statements: Sequence[Statement], author: str) -> None:
        self._statements = statements
        self._starts = [s.start for s in statements]
        self._author = author
        self._by_statement: dict[int, list[Tag]] = {}
        self._shown: dict[int, Tag] = {}
        self._where: dict[int, int] = {}  # tag id -> statement index
        self._only: str | None = None  # show only this author's tags (None: anyone's)

    def __len__(self) -> int:
        return len(self._where)

    def __iter__(self) -> Iterator[Tag]:
        for tags in self._by_statement.values():
            yield from tags

    @property
    def shown(self) -> dict[int, Tag]:
        """Statement index -> the tag shown there (the live dict; do not modify)."""
        return self._shown

    def statement_of(self, start: int, end: int) -> int | None:
        """The statement a span belongs to (overlapping most)."""
        return best_statement(self._statements, self._starts, start, end)

    def shown_tag(self, statement: int) -> Tag | None:
        """The tag shown on a statement, if any."""
        return self._shown.get(statement)

    def own_tag(self, statement: int, author: str | None = None) -> Tag | None:
        """The tag of ``author`` (default: the session author) on a statement, if any."""
        who = self._author if author is None else author
        for tag in self._by_statement.get(statement, ()):
            if tag.author == who:
                return tag
        return None

    def tags_at(self, statement: int) -> list[Tag]:
        """Every tag on a statement (all authors)."""
        return list(self._by_statement.get(statement, ()))

    def where(self, tag_id: int) -> int | None:
        """The statement a tag is on, by tag id."""
        return self._where.get(tag_id)

    def add(self, tag: Tag) -> int | None:
        """Index a tag (replacing one with the same id); returns its statement."""
        self.remove(tag.id)
        statement = self.statement_of(tag.start, tag.end)
        if statement is None:
            return None
        self._by_statement.setdefault(statement, []).append(tag)
        self._where[tag.id] = statement
        self._refresh(statement)
        return statement

    def remove(self, tag_id: int) -> int | None:
        """Forget a tag by id; returns the statement it was on."""
        statement = self._where.pop(tag_id, None)
        if statement is None:
            return None
        tags = self._by_statement[statement]
        tags[:] = [t for t in tags if t.id != tag_id]
        if not tags:
            del self._by_statement[statement]
        self._refresh(statement)
        return statement

    def set_author(self, author: str) -> list[int]:
        """Prefer another author's tags; returns the statements whose shown tag changed."""
        self._author = author
        return self._reshow()

    def show_only(self, author: str | None) -> list[int]:
        """Show only ``author``'s tags (None: anyone's, own first); returns the statements
        whose shown tag changed."""
        self._only = author
        return self._reshow()

    def _reshow(self) -> list[int]:
        changed = []
        for statement in list(self._by_statement):
            before = self._shown.get(statement)
            self._refresh(statement)
            if self._shown.get(statement) is not before:
                changed.append(statement)
        return changed

    def _refresh(self, statement: int) -> None:
        tags = self._by_statement.get(statement)
        if tags and self._only is not None:
            tags = [t for t in tags if t.author == self._only]
        if not tags:
            self._shown.pop(statement, None)
            return
        self._shown[statement] = max(
            tags, key=lambda t: (t.author == self._author, t.updated_at, t.id))


def default_author() -> str:
    """The OS user name, the default author of new tags."""
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment nor the password database
        return ""


@dataclass
class Pane:
    """One open document with its statements, position and tags."""

    document: Document
    statements: list[Statement]
    document_id: int | None  # store id (None while the store is unavailable)
    current: int = 0  # index of the current statement (-1 if there are none)
    anchor: int | None = None  # selection anchor (Shift+j/k): selection = anchor..current
    suggestions: list[Any] | None = None  # reader.core.suggest._suggest results, by statement
    doc_key: int = 0  # document_id, or a provisional negative id until the store has it
    tags: PaneTags = field(init=False, repr=False)  # this pane's tags, by statement

    def __post_init__(self) -> None:
        self.tags = PaneTags(self.statements, "")

    def selection(self) -> list[int]:
        """Selected statement indices (the current one at least; [] without statements)."""
        if self.current < 0:
            return []
        if self.anchor is None:
            return [self.current]
        low, high = sorted((self.anchor, self.current))
        return list(range(low, high + 1))

    def new_tag(self, tag_id: int, statement: int, kind: str, author: str,
                note: str = "") -> Tag:
        """A tag spanning exactly one statement, with its quote selector."""
        s = self.statements[statement]
        exact, prefix, suffix = make_selector(self.document.text, s.start, s.end)
        stamp = now_iso()
        return Tag(tag_id, self.doc_key, s.start, s.end, kind, note, exact, prefix, suffix,
                   author, stamp, stamp)

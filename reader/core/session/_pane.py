"""An open document (Pane) and its tags, indexed by statement for constant-time lookups.

A tag belongs to the statement it overlaps most. Several tags can land on one statement:
two readers' tags, a built-in kind with labels of the library's own kinds (a claim and the
verdict "misleading"), a note, or tags of a part of the statement (a span inside it).
The statement shows one of its whole-statement tags (the session author's own first, a
built-in kind before a label, else the most recently changed); labels, notes and parts
are listed beside it.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from typing import Any, Iterator, Sequence

from reader.core.anchoring import best_statement, make_selector
from reader.core.text import Document
from reader.core.text import Statement, statement_starts
from reader.core.store import BUILTIN_KINDS, NOTE_KIND, Tag, now_iso


class PaneTags:
    """Tags of one pane: statement index -> tags, and the tag shown on each statement."""

    def __init__(self, statements: Sequence[Statement], author: str) -> None:
        self._statements = statements
        self._starts = statement_starts(statements)
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
        """The built-in-kind tag of ``author`` (default: the session author) on the whole
        statement, if any: the one a built-in kind key replaces."""
        return self.own_kind(statement, None, author)

    def own_kind(self, statement: int, kind: str | None,
                 author: str | None = None) -> Tag | None:
        """``author``'s whole-statement tag of ``kind`` (None: of any built-in kind)."""
        who = self._author if author is None else author
        for tag in self._by_statement.get(statement, ()):
            if tag.author == who and not self.is_part(tag, statement) and (
                    tag.kind == kind if kind is not None else tag.kind in BUILTIN_KINDS):
                return tag
        return None

    def builtin_tag(self, statement: int) -> Tag | None:
        """The shown tag of a statement if it has a built-in kind (what suggestions skip)."""
        tag = self._shown.get(statement)
        return tag if tag is not None and tag.kind in BUILTIN_KINDS else None

    def is_part(self, tag: Tag, statement: int) -> bool:
        """True when ``tag`` covers only part of the statement (a span inside it)."""
        s = self._statements[statement]
        if tag.start < s.start or tag.end > s.end or tag.end - tag.start >= s.end - s.start:
            return False
        return bool(s.text[:tag.start - s.start].strip() or s.text[tag.end - s.start:].strip())

    def _visible(self, statement: int) -> list[Tag]:
        """Tags of a statement that are shown (only one author's while comparing)."""
        tags = self._by_statement.get(statement, [])
        return tags if self._only is None else [t for t in tags if t.author == self._only]

    def whole_at(self, statement: int) -> list[Tag]:
        """Shown tags of the whole statement (every kind, notes included)."""
        return [t for t in self._visible(statement) if not self.is_part(t, statement)]

    def parts_at(self, statement: int) -> list[Tag]:
        """Shown tags of a part of the statement, in text order."""
        return sorted((t for t in self._visible(statement) if self.is_part(t, statement)),
                      key=lambda t: (t.start, t.end, t.id))

    def labels_at(self, statement: int) -> list[Tag]:
        """Whole-statement tags of the library's own kinds (one per kind name)."""
        seen: dict[str, Tag] = {}
        for tag in sorted(self.whole_at(statement), key=lambda t: (t.author != self._author,
                                                                   t.id)):
            if tag.kind not in BUILTIN_KINDS and tag.kind != NOTE_KIND:
                seen.setdefault(tag.kind, tag)
        return list(seen.values())

    def statements(self) -> list[int]:
        """Statements with any tag (whole or part, any kind), in order."""
        return sorted(self._by_statement)

    def stacked(self) -> list[int]:
        """Statements with more to show than their one shown tag: labels, parts or notes
        (the common case, a single tag without a note, is skipped at no cost)."""
        shown = self._shown
        return sorted(s for s, tags in self._by_statement.items()
                      if len(tags) > 1 or tags[0] is not shown.get(s) or tags[0].note
                      or self._only is not None)

    def notes_at(self, statement: int) -> list[Tag]:
        """Shown tags of a statement (whole or part) that carry a note."""
        return [t for t in self._visible(statement) if t.note]

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
        tags = [t for t in self._visible(statement)
                if t.kind != NOTE_KIND and not self.is_part(t, statement)]
        if not tags:
            self._shown.pop(statement, None)
            return
        self._shown[statement] = max(
            tags, key=lambda t: (t.author == self._author, t.kind in BUILTIN_KINDS,
                                 t.updated_at, t.id))


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
    statements: Sequence[Statement]  # a StatementList once opened in a session
    document_id: int | None  # store id (None while the store is unavailable)
    current: int = 0  # index of the current statement (-1 if there are none)
    anchor: int | None = None  # selection anchor (Shift+j/k): selection = anchor..current
    #: A selected part of the current statement (mouse, Shift+Left/Right): the fixed end
    #: and the moving end, as text offsets; None when the whole statement is meant.
    span_ends: tuple[int, int] | None = None
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

    @property
    def span(self) -> tuple[int, int] | None:
        """The selected part of the current statement as ``(start, end)``, or None."""
        if self.span_ends is None or self.span_ends[0] == self.span_ends[1]:
            return None
        low, high = sorted(self.span_ends)
        return low, high

    def new_tag(self, tag_id: int, statement: int, kind: str, author: str,
                note: str = "") -> Tag:
        """A tag spanning exactly one statement, with its quote selector."""
        s = self.statements[statement]
        return self.new_span_tag(tag_id, s.start, s.end, kind, author, note)

    def new_span_tag(self, tag_id: int, start: int, end: int, kind: str, author: str,
                     note: str = "") -> Tag:
        """A tag of ``[start, end)`` of the text (a part of a statement or all of it)."""
        exact, prefix, suffix = make_selector(self.document.text, start, end)
        stamp = now_iso()
        return Tag(tag_id, self.doc_key, start, end, kind, note, exact, prefix, suffix,
                   author, stamp, stamp)

"""A document's statements held compactly: three integer arrays over the document's text.

A million ``Statement`` objects with their own text, start, end and paragraph take about
350 bytes each; ``StatementList`` keeps 20 bytes per statement (starts, ends, paragraphs)
and makes a ``Statement`` only when one is asked for, its text sliced from the document.
It reads like a list of statements (``len``, indexing, slicing, iteration, ``==``) and
pickles as arrays, so handing it to the helper process and back costs little.
"""

from __future__ import annotations

from array import array
from typing import Any, Iterable, Iterator, Sequence, overload

from reader.core.text._statement import Statement

#: Offsets and paragraph numbers are stored as signed 64-bit integers.
TYPECODE = "q"


class StatementList(Sequence[Statement]):
    """Statements of one text as arrays; ``self[i]`` is the i-th ``Statement``."""

    __slots__ = ("text", "starts", "ends", "paragraphs")

    def __init__(self, text: str, starts: Iterable[int] = (), ends: Iterable[int] = (),
                 paragraphs: Iterable[int] = ()) -> None:
        self.text = text
        self.starts = starts if isinstance(starts, array) else array(TYPECODE, starts)
        self.ends = ends if isinstance(ends, array) else array(TYPECODE, ends)
        self.paragraphs = (paragraphs if isinstance(paragraphs, array)
                           else array(TYPECODE, paragraphs))
        if not (len(self.starts) == len(self.ends) == len(self.paragraphs)):
            raise ValueError("starts, ends and paragraphs differ in length")

    @classmethod
    def of(cls, text: str, statements: Iterable[Statement]) -> "StatementList":
        """The compact form of ``statements`` of ``text`` (renumbered from 0 in order)."""
        if isinstance(statements, StatementList) and statements.text is text:
            return statements
        starts, ends, paragraphs = array(TYPECODE), array(TYPECODE), array(TYPECODE)
        for s in statements:
            starts.append(s.start)
            ends.append(s.end)
            paragraphs.append(s.paragraph)
        return cls(text, starts, ends, paragraphs)

    def with_text(self, text: str) -> "StatementList":
        """The same statements over an equal text object (shares the caller's string, so a
        copy that came back from another process is not kept twice)."""
        if text is self.text:
            return self
        if text != self.text:
            raise ValueError("not the same text")
        return StatementList(text, self.starts, self.ends, self.paragraphs)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Statement: ...

    @overload
    def __getitem__(self, index: slice) -> list[Statement]: ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self.starts)))]
        if index < 0:
            index += len(self.starts)
        if not 0 <= index < len(self.starts):
            raise IndexError("statement index out of range")
        return self._make(index)

    def _make(self, i: int) -> Statement:
        start, end = self.starts[i], self.ends[i]
        return Statement(i, start, end, self.text[start:end], self.paragraphs[i])

    def __iter__(self) -> Iterator[Statement]:
        text = self.text
        for i, (start, end, paragraph) in enumerate(zip(self.starts, self.ends,
                                                        self.paragraphs)):
            yield Statement(i, start, end, text[start:end], paragraph)

    def __reversed__(self) -> Iterator[Statement]:
        for i in range(len(self.starts) - 1, -1, -1):
            yield self._make(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, StatementList):
            return (self.starts == other.starts and self.ends == other.ends
                    and self.paragraphs == other.paragraphs
                    and (self.text is other.text or self.text == other.text))
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable-looking sequence, like a list

    def __repr__(self) -> str:
        return f"StatementList({len(self)} statements)"

    def __reduce__(self) -> tuple:
        return (StatementList, (self.text, self.starts, self.ends, self.paragraphs))


def compact_statements(text: str, statements: Iterable[Statement]) -> StatementList:
    """``statements`` of ``text`` as a StatementList sharing ``text`` (a list is packed; a
    StatementList over an equal copy of the text is re-pointed at ``text``)."""
    if isinstance(statements, StatementList):
        if statements.text is text or statements.text == text:
            return statements.with_text(text)
    return StatementList.of(text, statements)


def statement_starts(statements: Sequence[Statement]) -> Sequence[int]:
    """Start offsets of ``statements`` in order (the stored array when compact)."""
    if isinstance(statements, StatementList):
        return statements.starts
    return [s.start for s in statements]


def statement_ends(statements: Sequence[Statement]) -> Sequence[int]:
    """End offsets of ``statements`` in order (the stored array when compact)."""
    if isinstance(statements, StatementList):
        return statements.ends
    return [s.end for s in statements]


class SpanArray(Sequence[tuple[int, int]]):
    """``(start, end)`` of each statement as two arrays; ``self[i]`` is a tuple."""

    __slots__ = ("starts", "ends")

    def __init__(self, starts: Iterable[int], ends: Iterable[int]) -> None:
        self.starts = starts if isinstance(starts, array) else array(TYPECODE, starts)
        self.ends = ends if isinstance(ends, array) else array(TYPECODE, ends)

    @classmethod
    def of(cls, statements: Sequence[Statement]) -> "SpanArray":
        """The spans of ``statements`` (sharing a StatementList's arrays)."""
        return cls(statement_starts(statements), statement_ends(statements))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return list(zip(self.starts[index], self.ends[index]))
        return self.starts[index], self.ends[index]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SpanArray):
            return self.starts == other.starts and self.ends == other.ends
        if isinstance(other, (list, tuple)):
            return len(other) == len(self) and all(
                tuple(a) == b for a, b in zip(other, self))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SpanArray({len(self)} spans)"

    def __reduce__(self) -> tuple:
        return (SpanArray, (self.starts, self.ends))

"""Statements as units of agreement: each coder's code for each statement of a document.

The unit is a statement. A tag belongs to the statement it overlaps most (as in the
reading panes). For each coder, every statement of a document that coder tagged at least
once has a code; an untagged one has the value "none". Built-in kinds are exclusive per
statement and coder and are the statement's value: a tag of the whole statement wins over a
tag of a part of it (a quoted phrase inside a claim leaves the statement a claim), then the
most recently changed (as the panes show it; on a tie the later in the input, which for the
store's order is the newer row). Other kinds stack as labels beside it; a bare note
(kind "note") is no code at all.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Collection, Iterable, Iterator, NamedTuple, Protocol, Sequence

#: The value of a statement a coder left untagged (or tagged only with custom labels).
NONE = "none"
#: The author under which adopted (adjudicated) tags are stored; not a coder by default.
AGREED = "agreed"
#: The kind of a note on a passage with no other tag: a remark, not a code.
NOTE = "note"
BUILTIN_KINDS: tuple[str, ...] = ("opinion", "claim", "quotation")


class TagLike(Protocol):
    """A tag as ``coded_tags`` reads it (``reader.core.store.Tag`` and export records fit)."""

    start: int
    end: int
    kind: str
    author: str
    updated_at: str
    orphaned: bool


#: What agreement reads of a tag: (start, end, kind, author, updated_at, orphaned).
CodedTag = tuple[int, int, str, str, str, bool]


def coded_tags(tags: Iterable[TagLike]) -> list[CodedTag]:
    """Tags as the tuples ``code_documents`` reads."""
    return [(t.start, t.end, t.kind, t.author, t.updated_at, bool(t.orphaned)) for t in tags]


class Code(NamedTuple):
    """One coder's code for one statement: its built-in value and its custom labels.

    A tuple rather than a dataclass: measuring counts distinct rows of codes, and tuples
    hash in C.
    """

    value: str = NONE
    labels: frozenset[str] = frozenset()

    def has(self, kind: str) -> bool:
        """Whether the coder gave this statement ``kind`` (built-in or label)."""
        return self.value == kind or kind in self.labels


UNCODED = Code()
#: One statement's codes, one per coder in ``Coding.authors`` order; None: not coded.
Row = tuple["Code | None", ...]


class Unit(NamedTuple):
    """One statement and the code of each coder who coded its document (a tuple: a report
    lists tens of thousands)."""

    document: int  # position of the document among those measured
    statement: int  # statement index within the document
    start: int
    end: int
    codes: dict[str, Code]


@dataclass(frozen=True)
class Coding:
    """The codes of a set of coders over the statements of a set of documents."""

    authors: tuple[str, ...]
    spans: tuple[Sequence[tuple[int, int]], ...]  # per document: statement (start, end)
    rows: tuple[list[Row], ...]  # per document: one row per statement

    def units(self, only: Collection[int] | None = None) -> Iterator[Unit]:
        """Every statement as a Unit (of the documents at positions ``only``, if given)."""
        for d, (spans, rows) in enumerate(zip(self.spans, self.rows)):
            if only is not None and d not in only:
                continue
            for i, ((start, end), row) in enumerate(zip(spans, rows)):
                yield Unit(d, i, start, end, self.codes(row))

    def codes(self, row: Row) -> dict[str, Code]:
        """A row as {author: code} for the coders who coded it."""
        return {a: c for a, c in zip(self.authors, row) if c is not None}


def statement_of(starts: Sequence[int], ends: Sequence[int], start: int, end: int) -> int:
    """Index of the statement overlapping ``[start, end)`` most (else the next, or last).

    ``starts``/``ends`` are the statements' offsets in text order (non-empty)."""
    i = max(0, bisect_right(starts, start) - 1)
    best, best_overlap = -1, 0
    j = i
    stop = max(end, start + 1)
    while j < len(starts) and starts[j] < stop:
        overlap = min(end, ends[j]) - max(start, starts[j])
        if overlap > best_overlap:
            best, best_overlap = j, overlap
        j += 1
    if best >= 0:
        return best
    if start >= ends[i] and i + 1 < len(starts):
        return i + 1  # in the gap after statement i: the next one is where the span begins
    return i


def _columns(spans: Sequence[tuple[int, int]], tags: Iterable[CodedTag],
             keep: Collection[str] | None, builtin: Collection[str]) -> dict[str, list]:
    """author -> one Code per statement, for the authors with a tag in this document."""
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    exact = {span: i for i, span in enumerate(spans)}  # most tags span one whole statement
    best: dict[str, dict[int, tuple[bool, str, str]]] = {}
    labels: dict[str, dict[int, set[str]]] = {}
    for start, end, kind, author, updated, orphaned in tags:
        if orphaned or kind == NOTE or (author == AGREED if keep is None
                                        else author not in keep):
            continue
        index = exact.get((start, end))
        whole = index is not None
        if index is None:
            index = statement_of(starts, ends, start, end)
            whole = start <= starts[index] and end >= ends[index]
        mine = best.setdefault(author, {})
        if kind in builtin:
            held = mine.get(index)
            if held is None or (whole, updated) >= held[:2]:  # ties: the later in the input
                mine[index] = (whole, updated, kind)
        else:
            labels.setdefault(author, {}).setdefault(index, set()).add(kind)
    columns: dict[str, list] = {}
    interned: dict[str, Code] = {}  # one Code per kind: rows then compare by identity first
    for author, mine in best.items():
        column = [UNCODED] * len(spans)
        for index, (_, _, kind) in mine.items():
            code = interned.get(kind)
            if code is None:
                code = interned[kind] = Code(kind)
            column[index] = code
        for index, extra in labels.get(author, {}).items():
            column[index] = Code(column[index].value, frozenset(extra))
        columns[author] = column
    return columns


def code_documents(documents: Iterable[tuple[Sequence[tuple[int, int]], Iterable[CodedTag]]],
                   authors: Sequence[str] | None = None,
                   builtin: Collection[str] = BUILTIN_KINDS) -> Coding:
    """Code each document, given as (statement spans, its tags as ``CodedTag`` tuples; see
    ``coded_tags``), for ``authors``.

    ``authors`` defaults to everyone with a tag, sorted, but ``AGREED``. Orphaned tags are
    left out (they are not in this text).
    """
    keep = set(authors) if authors is not None else None
    all_spans: list[Sequence[tuple[int, int]]] = []
    all_columns: list[dict[str, list]] = []
    for spans, tags in documents:
        all_spans.append(spans)
        all_columns.append(_columns(spans, tags, keep, builtin) if spans else {})
    order = tuple(authors) if authors is not None else tuple(
        sorted({a for columns in all_columns for a in columns}))
    rows = []
    for spans, columns in zip(all_spans, all_columns):
        absent = [None] * len(spans)
        rows.append(list(zip(*(columns.get(a, absent) for a in order))) if order
                    else [() for _ in spans])
    return Coding(order, tuple(all_spans), tuple(rows))

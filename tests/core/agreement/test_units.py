"""Statements as units: which statement a tag codes, untagged statements, custom labels."""

from __future__ import annotations

from typing import NamedTuple

import pytest

from reader.core.agreement import (AGREED, NONE, Code, code_documents, measure,
                                   statement_of)

SPANS = [(0, 10), (11, 20), (21, 30), (31, 40)]


class T(NamedTuple):
    """A tag as agreement reads it (a ``CodedTag``)."""

    start: int
    end: int
    kind: str
    author: str
    updated_at: str = "2024-01-01T00:00:00.000Z"
    orphaned: bool = False


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 10, 0), (11, 20, 1), (31, 40, 3),
    (2, 5, 0),        # part of a statement
    (8, 25, 1),       # over two: the one it overlaps most (11..20 = 9 characters)
    (10, 11, 1),      # in the gap: the next statement
    (45, 50, 3),      # past the end: the last
])
def test_statement_of(start: int, end: int, expected: int) -> None:
    starts, ends = [s for s, _ in SPANS], [e for _, e in SPANS]
    assert statement_of(starts, ends, start, end) == expected


def _values(coding, author: str) -> list[str | None]:
    index = coding.authors.index(author)
    return [None if row[index] is None else row[index].value for row in coding.rows[0]]


def test_untagged_statements_are_none_for_a_coder_of_the_document() -> None:
    coding = code_documents([(SPANS, [T(0, 10, "opinion", "ann"), T(11, 20, "claim", "ann"),
                                      T(0, 10, "opinion", "bob")])])
    assert coding.authors == ("ann", "bob")
    assert _values(coding, "ann") == ["opinion", "claim", NONE, NONE]
    assert _values(coding, "bob") == ["opinion", NONE, NONE, NONE]


def test_a_coder_who_never_tagged_a_document_has_no_values_there() -> None:
    coding = code_documents([(SPANS, [T(0, 10, "opinion", "ann"), T(0, 10, "claim", "bob")]),
                             (SPANS, [T(0, 10, "opinion", "ann")])])
    bob = coding.authors.index("bob")
    assert all(row[bob] is None for row in coding.rows[1])
    report = measure(coding)
    # document 2 counts for nobody's pair: only ann coded it
    assert report.overall.pairs[0].statements == 4
    assert report.coders[1].documents == 1


def test_builtin_kinds_are_exclusive_latest_wins_and_custom_kinds_stack() -> None:
    tags = [T(0, 10, "claim", "ann", "2024-01-01"), T(0, 10, "opinion", "ann", "2024-02-01"),
            T(0, 10, "hedge", "ann"), T(0, 10, "source-named", "ann")]
    coding = code_documents([(SPANS, tags)])
    assert coding.rows[0][0] == (Code("opinion", frozenset({"hedge", "source-named"})),)


def test_orphans_and_agreed_tags_are_not_coded_by_default() -> None:
    tags = [T(0, 10, "claim", "ann", orphaned=True), T(0, 10, "claim", AGREED),
            T(11, 20, "claim", "bob")]
    coding = code_documents([(SPANS, tags)])
    assert coding.authors == ("bob",)
    assert code_documents([(SPANS, tags)], authors=["ann", AGREED]).authors == ("ann", AGREED)


def test_a_whole_statement_tag_outweighs_a_tagged_part_and_notes_are_no_code() -> None:
    tags = [T(0, 10, "claim", "ann", "2024-01-01T00:00:00.000Z"),
            T(2, 6, "quotation", "ann", "2024-02-01T00:00:00.000Z"),  # newer, but a part
            T(11, 20, "note", "ann"),                                  # a bare note
            T(21, 30, "claim", "bob"),
            T(23, 27, "quotation", "bob"),                            # only a part: counts
            T(31, 40, "note", "bob")]
    coding = code_documents([(SPANS, tags)])
    assert _values(coding, "ann") == ["claim", NONE, NONE, NONE]
    assert _values(coding, "bob") == [NONE, NONE, "claim", NONE]
    only_part = code_documents([(SPANS, [T(23, 27, "quotation", "cy")])])
    assert _values(only_part, "cy") == [NONE, NONE, "quotation", NONE]
    assert all(not code.labels for row in coding.rows[0] for code in row if code)

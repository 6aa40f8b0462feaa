"""Manual links and rejections kept in the library, as statement pairs for the aligner.

A stored manual link is a pair of code-point spans in two documents; the aligner works on
statement indices. A span covers every statement it overlaps (a bare point picks the
statement it falls in), so a link drawn over two sentences pins both.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, Protocol, Sequence

from reader.core.text import Statement, statement_ends, statement_starts

Quad = tuple[int, int, int, int]


class StoredLink(Protocol):
    """What the aligner reads of a stored manual link (the store's records fit)."""

    left_document_id: int
    right_document_id: int
    left_start: int
    left_end: int
    right_start: int
    right_end: int
    action: str


def statements_over(statements: Sequence[Statement], start: int, end: int) -> list[int]:
    """Indices of the statements a span overlaps (a bare point picks its statement)."""
    stop = max(end, start + 1)
    # Statements are in text order and do not overlap: both offset lists are sorted.
    first = bisect_right(statement_ends(statements), start)
    last = bisect_left(statement_starts(statements), stop)
    return [statements[i].index for i in range(first, last)]


def manual_statement_pairs(links: Iterable[StoredLink], document_ids: Sequence[int],
                           statements: Sequence[Sequence[Statement]]
                           ) -> tuple[list[Quad], list[Quad]]:
    """Pins and rejections as (left doc, statement, right doc, statement) tuples.

    ``document_ids[n]`` is the library id of the n-th aligned document; links touching other
    documents, or one document twice, are skipped.
    """
    position = {doc_id: n for n, doc_id in enumerate(document_ids)}
    pins: list[Quad] = []
    rejections: list[Quad] = []
    for link in links:
        a = position.get(link.left_document_id)
        b = position.get(link.right_document_id)
        if a is None or b is None or a == b:
            continue
        target = pins if link.action == "link" else rejections
        for i in statements_over(statements[a], link.left_start, link.left_end):
            for j in statements_over(statements[b], link.right_start, link.right_end):
                target.append((a, i, b, j))
    return pins, rejections

"""Stored manual links and rejections become statement pins for the aligner."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.align import manual_statement_pairs, statements_over
from reader.core.text import split_statements

LEFT = split_statements("One fine day. Two more days.\n\nThree days later.")
RIGHT = split_statements("Alpha beta. Gamma delta.")


@dataclass
class Stored:
    left_document_id: int
    left_start: int
    left_end: int
    right_document_id: int
    right_start: int
    right_end: int
    action: str


def test_a_span_covers_every_statement_it_overlaps():
    assert statements_over(LEFT, 0, 3) == [0]
    assert statements_over(LEFT, 5, 20) == [0, 1]
    assert statements_over(LEFT, LEFT[2].start, LEFT[2].start) == [2]   # a bare point
    assert statements_over(LEFT, 500, 600) == []


def test_links_and_rejections_by_document_position():
    stored = [
        Stored(10, 0, 3, 20, 0, 3, "link"),
        Stored(20, RIGHT[1].start, RIGHT[1].end, 10, LEFT[2].start, LEFT[2].end, "reject"),
        Stored(10, 0, 3, 99, 0, 3, "link"),         # a document not aligned now
        Stored(10, 0, 3, 10, 5, 8, "link"),         # one document twice
    ]
    pins, rejections = manual_statement_pairs(stored, [10, 20], [LEFT, RIGHT])
    assert pins == [(0, 0, 1, 0)]
    assert rejections == [(1, 1, 0, 2)]

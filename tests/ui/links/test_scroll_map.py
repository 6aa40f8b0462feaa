"""The sync-scroll map: piecewise linear through linked passages, crossing links ignored."""

from __future__ import annotations

import pytest

from reader.ui.links import ScrollMap, monotone_chain, sync_point


@pytest.mark.parametrize("pairs, expected", [
    ([], []),
    ([((0, 10), (0, 10))], [((0, 10), (0, 10))]),
    # a crossing link (second) is dropped, the two in order are kept
    ([((0, 10), (50, 60)), ((20, 30), (0, 10)), ((40, 50), (20, 30)), ((60, 70), (40, 45))],
     [((20, 30), (0, 10)), ((40, 50), (20, 30)), ((60, 70), (40, 45))]),
    # overlapping right spans cannot both be kept
    ([((0, 10), (0, 20)), ((20, 30), (10, 30))], [((0, 10), (0, 20))]),
])
def test_monotone_chain(pairs, expected) -> None:
    assert monotone_chain(pairs) == expected


@pytest.mark.parametrize("offset, expected", [
    (0, 0), (100, 300), (150, 350), (200, 400), (600, 900), (1000, 1000), (5000, 1000),
])
def test_to_right_interpolates_between_links(offset, expected) -> None:
    mapping = ScrollMap.from_spans([((100, 200), (300, 400)), ((600, 700), (900, 950))],
                                   1000, 1000)
    assert mapping.to_right(offset) == expected


def test_flipped_and_to_left_agree() -> None:
    mapping = ScrollMap.from_spans([((100, 200), (300, 400))], 1000, 800)
    assert mapping.to_left(300) == 100
    assert mapping.flipped().to_right(300) == 100
    assert mapping.to_left(800) == 1000


@pytest.mark.parametrize("value, expected", [
    (0, 0.0),        # top of the document: keep the tops level
    (5, 0.25),
    (10, 0.5),       # a half screen in: the middle
    (50, 0.5),
    (90, 1.0),       # at the end: keep the bottoms level
])
def test_sync_point(value, expected) -> None:
    assert sync_point(value, 0, 90, 20) == pytest.approx(expected)

"""Stepping through matches across documents (table tests)."""

from __future__ import annotations

import pytest

from reader.core.find import step_match

THREE = [[10, 20, 30], [], [5, 15]]


@pytest.mark.parametrize("starts, pane, position, direction, expected", [
    (THREE, 0, 10, 1, (0, 1)),        # next in the same document
    (THREE, 0, 30, 1, (2, 0)),        # past the last: the next document with matches
    (THREE, 2, 15, 1, (0, 0)),        # past the very last: wraps to the first
    (THREE, 0, 10, -1, (2, 1)),       # before the first: the previous document's last
    (THREE, 2, 15, -1, (2, 0)),
    (THREE, 0, 9, 1, (0, 0)),         # from the reader's place (minus one): includes 10
    (THREE, 1, 0, 1, (2, 0)),         # from a document without matches
    ([[10, 20]], 0, 20, 1, (0, 0)),   # one document wraps on itself
    ([[10, 20]], 0, 10, -1, (0, 1)),
    ([[], []], 0, 0, 1, None),
    ([[1]], 3, 0, 1, None),
])
def test_step_match(starts, pane, position, direction, expected):
    assert step_match(starts, pane, position, direction) == expected

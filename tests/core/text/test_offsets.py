"""Code-point <-> UTF-16 conversion: emoji and accents before a span must not shift it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.text import OffsetMap


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("text, offset, expected", [
    ("plain ascii", 6, 6),
    ("café au lait", 5, 5),             # é is one unit in both
    ("😀 hello", 2, 3),                  # one astral char before
    ("😀😀 hello", 3, 5),
    ("a😀b😀c", 4, 6),
    ("a😀b😀c", 5, 7),                   # end of text
    ("a😀b", 1, 1),                      # right before the emoji
    ("a😀b", 2, 3),                      # right after it
    ("x", 9, 1),                         # clamped
    ("x", -3, 0),
])
def test_to_qt(text: str, offset: int, expected: int) -> None:
    assert OffsetMap(text).to_qt(offset) == expected


@given(st.lists(st.sampled_from(list("ab é\n") + ["😀", "𝔘", "👍🏽"]), max_size=40).map("".join))
def test_round_trip_matches_utf16(text: str) -> None:
    mapping = OffsetMap(text)
    assert mapping.qt_length == utf16_len(text)
    for offset in range(len(text) + 1):
        qt = mapping.to_qt(offset)
        assert qt == utf16_len(text[:offset])
        assert mapping.to_core(qt) == offset
    assert mapping.many_to_qt(list(range(len(text) + 1))) == [
        utf16_len(text[:o]) for o in range(len(text) + 1)]


def test_inside_a_surrogate_pair_rounds_forward() -> None:
    mapping = OffsetMap("a😀b")
    assert mapping.to_core(2) == 2   # between the two units of the emoji

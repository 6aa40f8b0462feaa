"""Code-point <-> UTF-16 conversion: emoji and accents before a span must not shift it."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.ui.offsets import OffsetMap


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


def test_highlight_lands_on_the_right_words_in_a_qt_document(qapp) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = "Émoji 😀🎉 first. Ça va 👍🏽 — the target words here."
    start = text.index("the target")
    end = start + len("the target words")
    document = QTextDocument()
    document.setPlainText(text)
    mapping = OffsetMap(text)
    cursor = QTextCursor(document)
    cursor.setPosition(mapping.to_qt(start))
    cursor.setPosition(mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "the target words"

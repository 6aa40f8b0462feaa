"""Core offsets land on the right characters of a real Qt document (UTF-16 edge)."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument

from reader.core.text import OffsetMap


def test_highlight_lands_on_the_right_words_in_a_qt_document(qapp) -> None:
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

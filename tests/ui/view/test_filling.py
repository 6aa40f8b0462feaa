"""A big text goes into the view in pieces; the result equals setPlainText's."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QPlainTextEdit

from reader.ui.view._filling import PIECE, WHOLE, TextFiller


def _text(chars: int) -> str:
    sentences, size = [], 0
    i = 0
    while size < chars:
        paragraph = " ".join(f"Fact {i + k} holds \U0001f600." for k in range(5))
        sentences.append(paragraph)
        size += len(paragraph) + 2
        i += 5
    return "\n\n".join(sentences)


def test_big_text_streams_in_and_ends_equal(qtbot):
    text = _text(WHOLE + 3 * PIECE)
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    filler = TextFiller(view)
    started = time.perf_counter()
    with qtbot.waitSignal(filler.done, timeout=60000):
        filler.fill(text)
        assert filler.filling and len(view.toPlainText()) <= PIECE
        first = time.perf_counter() - started
    assert not filler.filling
    reference = QPlainTextEdit()
    qtbot.addWidget(reference)
    reference.setPlainText(text)
    assert view.toPlainText() == reference.toPlainText()
    assert view.document().blockCount() == reference.document().blockCount()
    assert first < 1.0


def test_small_text_goes_in_at_once(qtbot):
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    filler = TextFiller(view)
    with qtbot.waitSignal(filler.done, timeout=1000):
        filler.fill("One.\n\nTwo.")
    assert view.toPlainText() == "One.\n\nTwo." and not filler.filling


def test_a_new_text_replaces_one_still_streaming(qtbot):
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    filler = TextFiller(view)
    filler.fill(_text(WHOLE + 2 * PIECE))
    with qtbot.waitSignal(filler.done, timeout=1000):
        filler.fill("Short.")
    qtbot.wait(50)
    assert view.toPlainText() == "Short."

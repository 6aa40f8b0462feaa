"""Emoji and accents before a statement must not shift its marks in the window."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from tests.ui.window.window_helpers import focus_first_pane, open_window, press, wait_idle, write

TEXT = ("Les élèves 😀🎉 ont gagné. Ça va très bien 👍🏽 aujourd’hui.\n\n"
        "𝔗𝔥𝔢 fancy letters come first. The target sentence is here.\n\n"
        "Last one 🚀 flies away.\n")


def selected(view, qs: int, qe: int) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qs)
    cursor.setPosition(qe, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText().replace("\u2029", "\n")


def test_every_statement_maps_to_its_own_text(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, [write(tmp_path / "emoji.txt", TEXT)])
    view = window.panes[0].view
    statements = window.session.panes[0].statements
    assert len(statements) >= 4
    for index, statement in enumerate(statements):
        assert selected(view, view.starts[index], view.ends[index]) == statement.text
    wait_idle(qtbot, window)


def test_tag_and_current_marks_cover_the_right_words(qtbot, tmp_path) -> None:
    window = open_window(qtbot, tmp_path, [write(tmp_path / "emoji.txt", TEXT)])
    focus_first_pane(qtbot, window)
    statements = window.session.panes[0].statements
    target = next(i for i, s in enumerate(statements) if s.text.startswith("The target"))
    for _ in range(target):
        press(qtbot, window, "J")
    press(qtbot, window, "C")
    view = window.panes[0].view
    tag = window.session.tags_for(0)[target]
    assert TEXT[tag.start:tag.end] == "The target sentence is here."
    rects = view.statement_rects(target)
    assert rects
    # the painted rectangle starts exactly at the "T" of "The target" on screen
    first = rects[0]
    position = view.cursorForPosition(first.center().toPoint()).position()
    assert view.starts[target] <= position <= view.ends[target]
    start_x = view.cursorRect(_cursor_at(view, view.starts[target])).left()
    assert abs(first.left() - start_x) <= 1
    # click on that sentence: it becomes current again
    wait_idle(qtbot, window)


def _cursor_at(view, position: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor

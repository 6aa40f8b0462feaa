"""The find bar, driven by keys and the mouse: Ctrl+F, typing, every match highlighted,
Enter / F3 / Shift+F3 stepping with "3 of 17", Ctrl+Shift+F over every pane, options,
bad patterns, Escape, and tagging the statement a match lands on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, tags_in_store,
                                           write)

LEFT = ("The council met on Monday. The budget passed.\n\n"
        "Critics said the council ignored the pools. The Council chair disagreed.\n")
RIGHT = ("Residents asked the council for pools.\n\n"
         "Nobody mentioned the budget at all. The councillor left early.\n")


@pytest.fixture
def window(qtbot, tmp_path):
    files = [write(tmp_path / "left.txt", LEFT), write(tmp_path / "right.txt", RIGHT)]
    window = open_window(qtbot, tmp_path, files)
    focus_first_pane(qtbot, window)
    return window


def type_query(qtbot, window, text: str) -> None:
    bar = window.finder.bar
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, text)
    qtbot.waitUntil(lambda: window.finder.controller.query is not None
                    and window.finder.controller.query.text == text
                    and not window.finder.controller.busy, timeout=5000)


def matched(window, pane: int) -> list[str]:
    marks = window.panes[pane].view.marks.find
    text = window.session.panes[pane].document.text
    return [] if marks is None else [text[s:e] for s, e in zip(marks.starts, marks.ends)]


def current_text(window) -> str:
    pane, start, end = window.finder.controller.current()
    return window.session.panes[pane].document.text[start:end]


def test_ctrl_f_typing_highlights_every_match_and_counts(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    bar = window.finder.bar
    assert bar.isVisible() and bar.edit.hasFocus()
    type_query(qtbot, window, "council")
    assert matched(window, 0) == ["council", "council", "Council"]
    assert matched(window, 1) == []                     # this document only
    assert bar.count.text() == "1 of 3"
    assert window.session.panes[0].current == 0          # the match's statement is current


def test_enter_f3_and_shift_f3_step_and_wrap(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "council")
    bar = window.finder.bar
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 3" and window.session.panes[0].current == 2
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "3 of 3" and window.session.panes[0].current == 3
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "1 of 3"                  # wrapped
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count.text() == "3 of 3"
    press(qtbot, window, "Shift+F3")
    assert bar.count.text() == "2 of 3"
    press(qtbot, window, "F3")
    assert bar.count.text() == "3 of 3" and bar.edit.hasFocus()


def test_buttons_step_with_the_mouse(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "council")
    bar = window.finder.bar
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "2 of 3"
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.count.text() == "3 of 3"
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and window.panes[0].view.marks.find is None


def test_ctrl_shift_f_finds_in_every_pane_and_steps_across(qtbot, window):
    press(qtbot, window, "Ctrl+Shift+F")
    bar = window.finder.bar
    assert bar.all_panes.isChecked()
    type_query(qtbot, window, "council")
    assert matched(window, 0) == ["council", "council", "Council"]
    assert matched(window, 1) == ["council", "council"]
    assert bar.count.text() == "1 of 5"
    for expected in ("2 of 5", "3 of 5", "4 of 5"):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
        assert bar.count.text() == expected
    assert window.session.focused == 1 and window.session.panes[1].current == 0
    assert bar.edit.hasFocus()                           # still typing in the bar


@pytest.mark.parametrize("option, query, expected", [
    ("case", "Council", ["Council"]),
    ("whole_word", "council", ["council", "council", "Council"]),
    ("regex", r"c\w+l\b", ["council", "council", "Council"]),
])
def test_options_by_mouse(qtbot, window, option, query, expected):
    press(qtbot, window, "Ctrl+Shift+F")
    bar = window.finder.bar
    type_query(qtbot, window, query)
    box = getattr(bar, option)
    box.click()
    qtbot.waitUntil(lambda: not window.finder.controller.busy
                    and window.finder.controller.query.__getattribute__(
                        "whole_word" if option == "whole_word" else option))
    assert matched(window, 0) == expected


def test_whole_word_leaves_out_councillor(qtbot, window):
    press(qtbot, window, "Ctrl+Shift+F")
    bar = window.finder.bar
    bar.whole_word.setChecked(True)
    type_query(qtbot, window, "council")
    assert matched(window, 1) == ["council"]


def test_a_bad_pattern_says_so_and_highlights_nothing(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    bar = window.finder.bar
    bar.regex.setChecked(True)
    qtbot.keyClicks(bar.edit, "(coun")
    qtbot.waitUntil(lambda: bar.count.property("problem") is True, timeout=3000)
    assert "Bad pattern" in bar.count.text()
    assert window.panes[0].view.marks.find is None


def test_no_match(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "zeppelin")
    assert window.finder.bar.count.text() == "No matches"


def test_escape_gives_the_keys_back_and_c_tags_the_match(qtbot, window, tmp_path):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "pools")
    assert window.session.panes[0].current == 2
    qtbot.keyClick(window.finder.bar.edit, Qt.Key.Key_Escape)
    assert not window.finder.bar.isVisible()
    assert window.panes[0].view.hasFocus()
    press(qtbot, window, "C")
    assert {i: t.kind for i, t in window.session.tags_for(0).items()} == {2: "claim"}
    assert [k for _d, _s, k, _n in tags_in_store(tmp_path / "library.sqlite3")] == ["claim"]


def test_f3_from_the_pane_then_a_tag_key(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "budget")
    window.panes[0].view.setFocus()
    qtbot.waitUntil(lambda: window.panes[0].view.hasFocus())
    press(qtbot, window, "F3")                          # only one: stays on it
    assert window.session.panes[0].current == 1
    press(qtbot, window, "O")
    assert {i: t.kind for i, t in window.session.tags_for(0).items()} == {1: "opinion"}


def test_typing_letters_in_the_bar_does_not_tag(qtbot, window):
    press(qtbot, window, "Ctrl+F")
    type_query(qtbot, window, "coq")          # c, o and q are tag keys in a pane
    assert window.finder.bar.edit.text() == "coq"
    assert window.session.tags_for(0) == {}


def test_selected_text_becomes_the_query(qtbot, window):
    view = window.panes[0].view
    cursor = view.textCursor()
    cursor.setPosition(LEFT.index("budget"))
    cursor.setPosition(LEFT.index("budget") + len("budget"), cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    press(qtbot, window, "Ctrl+F")
    assert window.finder.bar.edit.text() == "budget"
    qtbot.waitUntil(lambda: window.finder.controller.total() == 1 and
                    not window.finder.controller.busy)


def test_highlights_follow_panes_closing(qtbot, window):
    press(qtbot, window, "Ctrl+Shift+F")
    type_query(qtbot, window, "council")
    assert window.finder.controller.total() == 5
    window.documents.close_pane(0)
    qtbot.waitUntil(lambda: len(window.panes) == 1 and not window.finder.controller.busy
                    and window.finder.controller.total() == 2)
    assert matched(window, 0) == ["council", "council"]

"""Drive the real window with keys: tag, move, undo, redo, note, multi-select, panes,
reopen and see the tags."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, tags_in_store,
                                     wait_idle)


@pytest.fixture
def window(qtbot, tmp_path, seeds):
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)
    return window


def kinds(window, pane: int = 0) -> dict[int, str]:
    return {i: t.kind for i, t in window.session.tags_for(pane).items()}


def test_c_right_away_tags_the_first_statement(qtbot, window, tmp_path) -> None:
    press(qtbot, window, "C")
    assert kinds(window) == {0: "claim"}
    assert window.panes[0].view.marks.tags[0].kind == "claim"      # shown
    assert window.panes[0].view.marks.current == 1                  # moved on
    assert [(k, n) for _d, _s, k, n in tags_in_store(tmp_path / "library.sqlite3")] == [
        ("claim", "")]                                               # and committed
    assert "1 tagged" in window.panes[0].stats_label.text()


@pytest.mark.parametrize("keys, expected, current", [
    (["J", "J", "O"], {2: "opinion"}, 3),
    (["Down", "2", "Up", "Up", "3"], {0: "quotation", 1: "claim"}, 1),
    (["C", "K", "C"], {}, 0),                         # the same kind again removes it
    (["C", "K", "Backspace"], {}, 0),
    (["Shift+G", "Q"], {14: "quotation"}, 14),        # last statement: stays there
    (["J", "G", "1"], {0: "opinion"}, 1),
    (["C", "O", "]", "Q"], {0: "claim", 1: "opinion", 3: "quotation"}, 4),
])
def test_moving_and_tagging(qtbot, window, keys, expected, current) -> None:
    for key in keys:
        press(qtbot, window, key)
    assert kinds(window) == expected
    assert window.session.panes[0].current == current
    assert window.panes[0].view.marks.current == current


def test_undo_and_redo(qtbot, window, tmp_path) -> None:
    for key in ("C", "O", "Q"):
        press(qtbot, window, key)
    assert kinds(window) == {0: "claim", 1: "opinion", 2: "quotation"}
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")
    assert kinds(window) == {0: "claim"}
    assert len(tags_in_store(tmp_path / "library.sqlite3")) == 1
    press(qtbot, window, "Ctrl+Shift+Z")
    assert kinds(window) == {0: "claim", 1: "opinion"}
    press(qtbot, window, "Ctrl+Y")
    assert kinds(window) == {0: "claim", 1: "opinion", 2: "quotation"}
    assert window.panes[0].view.marks.tags.keys() == {0, 1, 2}


def test_multi_select_then_tag_each(qtbot, window) -> None:
    press(qtbot, window, "J")
    press(qtbot, window, "Shift+J")
    press(qtbot, window, "Shift+J")
    assert window.panes[0].view.marks.selection == (1, 2, 3)
    press(qtbot, window, "Q")
    assert kinds(window) == {1: "quotation", 2: "quotation", 3: "quotation"}
    assert window.session.panes[0].current == 4


def test_note_editor_enter_saves_escape_cancels(qtbot, window, tmp_path) -> None:
    press(qtbot, window, "C")
    press(qtbot, window, "K")
    press(qtbot, window, "N")
    editor = window.panes[0].note_editor
    assert editor.isVisible() and editor.hasFocus()
    qtbot.keyClicks(editor, "needs a source")       # letters go to the editor, not the keys
    assert kinds(window) == {0: "claim"}
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert window.session.tags_for(0)[0].note == "needs a source"
    assert tags_in_store(tmp_path / "library.sqlite3")[0][3] == "needs a source"
    assert QApplication.focusWidget() is window.panes[0].view
    press(qtbot, window, "N")
    assert editor.text() == "needs a source"
    qtbot.keyClicks(editor, " and more")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.session.tags_for(0)[0].note == "needs a source"
    press(qtbot, window, "Ctrl+Z")                    # the note is one undo step
    assert window.session.tags_for(0)[0].note == ""


def test_tab_moves_between_panes(qtbot, window) -> None:
    press(qtbot, window, "Tab")
    assert window.session.focused == 1
    assert QApplication.focusWidget() is window.panes[1].view
    assert window.panes[1].view.marks.focused and not window.panes[0].view.marks.focused
    press(qtbot, window, "C")
    assert kinds(window, 1) == {0: "claim"} and kinds(window, 0) == {}
    press(qtbot, window, "Shift+Tab")
    assert window.session.focused == 0


def test_click_makes_a_statement_current(qtbot, window) -> None:
    view = window.panes[1].view
    rect = view.statement_rects(2)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.session.focused == 1
    assert window.session.panes[1].current == 2


def test_reopen_shows_every_tag(qtbot, tmp_path, seeds) -> None:
    first = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, first)
    for key in ("C", "J", "O", "Tab", "Q"):
        press(qtbot, first, key)
    wait_idle(qtbot, first)
    first.close()
    second = open_window(qtbot, tmp_path, seeds)
    assert kinds(second, 0) == {0: "claim", 2: "opinion"}
    assert kinds(second, 1) == {0: "quotation"}
    assert second.panes[0].view.marks.tags.keys() == {0, 2}
    wait_idle(qtbot, second)


def test_zoom_keys_change_every_pane_and_are_remembered(qtbot, window, tmp_path) -> None:
    size = window.panes[0].view.font().pointSizeF()
    press(qtbot, window, "Ctrl+=")
    assert window.panes[1].view.font().pointSizeF() == size + 1
    press(qtbot, window, "Ctrl+-")
    press(qtbot, window, "Ctrl+-")
    assert window.panes[0].view.font().pointSizeF() == size - 1
    assert window.state.point_size() == size - 1
    press(qtbot, window, "Ctrl+0")
    assert window.panes[0].view.font().pointSizeF() == size


def test_menus_show_letter_keys_as_typed_and_still_trigger(qtbot, window) -> None:
    tag_menu_texts = {a.objectName(): a.text() for a in window.menus.tag.actions()}
    assert tag_menu_texts["action_tag_claim"].endswith("\tc")      # not "C", which reads Shift+C
    claim = window.keys.action("tag_claim")
    assert claim.iconText() == claim.text().split("\t")[0]         # tool bar shows the name only
    claim.trigger()
    assert kinds(window) == {0: "claim"}

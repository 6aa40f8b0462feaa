"""The window with kinds of the library's own, parts of statements, the context menu and
notes, driven by keys and by the mouse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QApplication

from reader.core.store import Store
from reader.ui.dialogs import KindsDialog
from reader.ui.dialogs._kinds import COLOR, KEY, NAME, RETIRED
from tests.ui.window.window_helpers import focus_first_pane, open_window, press


@pytest.fixture
def window(qtbot, tmp_path, seeds):
    with Store.open(tmp_path / "library.sqlite3") as store:
        store.kinds.add("misleading", "True words, false impression", key="M",
                        color="#D55E00", shape="triangle")
    window = open_window(qtbot, tmp_path, seeds[:1])
    window.testing_menus = True
    focus_first_pane(qtbot, window)
    return window


def stored(tmp_path) -> list[tuple[int, int, str, str]]:
    with Store.open(tmp_path / "library.sqlite3", readonly=True) as store:
        return [(t.start, t.end, t.kind, t.note) for t in store.tag_table.tags()]


def _mouse(view, kind: QEvent.Type, point: QPointF, buttons: Qt.MouseButton) -> None:
    event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point.toPoint()),
                        Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def drag(view, start: int, end: int) -> None:
    """Drag the mouse over core offsets ``[start, end)`` of a pane's text, as a reader does."""
    first = view.span_rects(*view.offsets.span_to_qt(start, start + 1))[0]
    last = view.span_rects(*view.offsets.span_to_qt(end - 1, end))[-1]
    a = QPointF(first.left() + 1, first.center().y())
    b = QPointF(last.right() - 1, last.center().y())
    _mouse(view, QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton)
    _mouse(view, QEvent.Type.MouseMove, (a + b) / 2, Qt.MouseButton.LeftButton)
    _mouse(view, QEvent.Type.MouseMove, b, Qt.MouseButton.LeftButton)
    _mouse(view, QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.NoButton)


def test_a_kind_of_the_library_s_own_is_a_key_and_a_menu_entry(qtbot, window, tmp_path):
    press(qtbot, window, "M")  # the verdict: stays on the statement
    press(qtbot, window, "C")  # the claim: moves on
    pane = window.session.panes[0]
    whole = (pane.statements[0].start, pane.statements[0].end)
    assert sorted(stored(tmp_path)) == [(*whole, "claim", ""), (*whole, "misleading", "")]
    marks = window.panes[0].view.marks
    assert marks.tags[0].kind == "claim"
    assert [t.kind for t in marks.labels[0]] == ["misleading"]
    titles = [a.text() for a in window.menus.tag.actions()]
    assert "Tag as misleading" in titles and "Edit &Kinds…" in titles
    assert window.panes[0].view.colors.kind["misleading"].name().upper() == "#D55E00"
    press(qtbot, window, "K")
    press(qtbot, window, "M")  # again: the verdict goes, the claim stays
    assert [k for *_x, k, _n in stored(tmp_path)] == ["claim"]


def test_edit_kinds_adds_renames_and_retires(qtbot, window, tmp_path, monkeypatch):
    def fill(dialog):
        row = dialog.add_row("unproven")
        dialog.table.item(row, KEY).setText("u")
        dialog.table.item(row, COLOR).setText("#7B4FBF")
        first = next(r for r in range(dialog.table.rowCount())
                     if dialog.table.item(r, NAME).text() == "misleading")
        dialog.table.item(first, NAME).setText("Misleading claim")
        dialog.accept()
        return 1

    press(qtbot, window, "M")
    monkeypatch.setattr(KindsDialog, "exec", fill)
    assert window.kinds_ui.edit()
    press(qtbot, window, "U")
    assert sorted(k for *_x, k, _n in stored(tmp_path)) == ["Misleading claim", "unproven"]
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")  # undo writes the new name, not the old one
    assert stored(tmp_path) == []
    press(qtbot, window, "Ctrl+Shift+Z")
    assert [k for *_x, k, _n in stored(tmp_path)] == ["Misleading claim"]

    def retire(dialog):
        row = next(r for r in range(dialog.table.rowCount())
                   if dialog.table.item(r, NAME).text() == "unproven")
        dialog.table.item(row, RETIRED).setCheckState(Qt.CheckState.Checked)
        dialog.accept()
        return 1

    monkeypatch.setattr(KindsDialog, "exec", retire)
    window.kinds_ui.edit()
    assert "U" not in window.keys.keymap
    assert "Tag as unproven" not in [a.text() for a in window.menus.tag.actions()]


def test_mouse_selection_inside_a_statement_tags_exactly_it(qtbot, window, tmp_path):
    pane = window.session.panes[0]
    view = window.panes[0].view
    statement = pane.statements[2]
    words = statement.text.split()[1:4]
    start = statement.start + statement.text.index(words[0])
    end = statement.start + statement.text.index(words[-1]) + len(words[-1])
    drag(view, start, end)
    assert pane.span == (start, end) and pane.current == 2
    press(qtbot, window, "Q")
    assert stored(tmp_path) == [(start, end, "quotation", "")]
    assert not view.textCursor().hasSelection()  # the selection is not left over the tag
    assert [(t.start, t.end) for t in view.marks.parts[2]] == [(start, end)]
    assert 2 not in view.marks.tags  # the statement itself is not tagged


def test_mouse_selection_over_statements_tags_each(qtbot, window, tmp_path):
    pane = window.session.panes[0]
    view = window.panes[0].view
    drag(view, pane.statements[1].start + 3, pane.statements[2].start + 5)
    assert window.session.selection(0) == [1, 2]
    press(qtbot, window, "C")
    assert [(s, k) for s, _e, k, _n in stored(tmp_path)] == [
        (pane.statements[1].start, "claim"), (pane.statements[2].start, "claim")]


def test_shift_right_selects_words_then_a_kind_key_tags_them(qtbot, window, tmp_path):
    press(qtbot, window, "J")
    press(qtbot, window, "Shift+Right")
    press(qtbot, window, "Shift+Right")
    pane = window.session.panes[0]
    view = window.panes[0].view
    start, end = pane.span
    first_two = " ".join(pane.statements[1].text.split()[:2])
    assert pane.document.text[start:end] == first_two
    assert view.textCursor().selectedText() == first_two  # shown as the text selection
    press(qtbot, window, "M")
    assert stored(tmp_path) == [(start, end, "misleading", "")]
    assert not view.textCursor().hasSelection()


def context_menu(window, statement: int):
    """Right-click on a statement of the first pane; the menu the window made."""
    view = window.panes[0].view
    point = view.statement_rects(statement)[0].center().toPoint()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point,
                              view.viewport().mapToGlobal(point))
    window.kinds_ui.last_menu = None
    QApplication.sendEvent(view.viewport(), event)
    return window.kinds_ui.last_menu


def entries(menu) -> dict[str, object]:
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def test_right_click_offers_tag_remove_note_link_copy(qtbot, window, tmp_path):
    menu = context_menu(window, 3)
    assert window.session.panes[0].current == 3  # the statement under the pointer
    assert list(entries(menu)) == ["Tag as", "Remove Tag", "Note…", "Link to", "Copy"]
    tag_as = entries(entries(menu)["Tag as"].menu())
    assert list(tag_as) == ["Opinion", "Claim", "Quotation", "misleading"]
    tag_as["misleading"].trigger()
    menu = context_menu(window, 3)
    entries(entries(menu)["Tag as"].menu())["Claim"].trigger()
    assert sorted(k for *_x, k, _n in stored(tmp_path)) == ["claim", "misleading"]
    menu = context_menu(window, 3)
    remove = entries(entries(menu)["Remove Tag"].menu())
    assert sorted(remove) == ["Claim", "misleading"]
    remove["misleading"].trigger()
    assert [k for *_x, k, _n in stored(tmp_path)] == ["claim"]
    QGuiApplication.clipboard().clear()
    entries(context_menu(window, 3))["Copy"].trigger()
    assert QGuiApplication.clipboard().text() == window.session.panes[0].statements[3].text
    QGuiApplication.clipboard().clear()
    assert not entries(context_menu(window, 3))["Link to"].isEnabled()  # one pane only


def test_a_note_on_an_untagged_statement_leaves_a_mark(qtbot, window, tmp_path):
    press(qtbot, window, "J")
    entries(context_menu(window, 1))["Note…"].trigger()
    editor = window.panes[0].note_editor
    qtbot.waitUntil(lambda: editor.is_open)
    qtbot.keyClicks(editor, "who said this?")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    pane = window.session.panes[0]
    assert stored(tmp_path) == [(pane.statements[1].start, pane.statements[1].end, "note",
                                 "who said this?")]
    view = window.panes[0].view
    assert view.marks.notes[1] == ["who said this?"]
    from reader.ui.view import statement_tooltip

    assert "who said this?" in statement_tooltip(view, 1)


def test_tags_panel_lists_labels_parts_and_notes(qtbot, window, tmp_path):
    press(qtbot, window, "M")
    press(qtbot, window, "C")  # statement 0: claim + misleading; now on statement 1
    from reader.core.session import set_note  # a note alone on statement 1

    set_note(window.session, "who said this?")
    window.docks["tags"].toggleViewAction().trigger()
    qtbot.waitUntil(lambda: window.docks["tags"].widget() is not None)
    panel = window.docks["tags"].widget()
    model = panel.model
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        "Claim + misleading", "Note"]
    assert model.data(model.index(1, 3)) == "who said this?"
    panel.refresh_summary()
    kinds = [panel.kind_combo.itemData(i) for i in range(panel.kind_combo.count())]
    assert "misleading" in kinds and "note" in kinds
    panel.kind_combo.setCurrentIndex(kinds.index("misleading"))
    assert panel.proxy.rowCount() == 1
    panel.kind_combo.setCurrentIndex(kinds.index("note"))
    assert panel.proxy.rowCount() == 1
    press(qtbot, window, "K")
    set_note(window.session, "check the minutes")  # the claim's note: listed under Notes too
    assert panel.proxy.rowCount() == 2

"""More of the window as a user meets it: Space accepts a suggestion, Shift+L removes a
link, the overview strip moves the view, tooltips explain marks, problems are reported."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from reader.core.errors import StoreError
from reader.core.suggest import Suggestion
from reader.ui.view import statement_tooltip
from tests.ui.window.window_helpers import (COUNCIL_A, COUNCIL_B, focus_first_pane, long_pair,
                                     open_window, press, wait_aligned, wait_idle, write)


def test_space_accepts_the_suggestion_and_the_tooltip_gives_reasons(qtbot, tmp_path,
                                                                     seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    wait_idle(qtbot, window)
    focus_first_pane(qtbot, window)
    pane = window.session.panes[0]
    pane.suggestions = [Suggestion("quotation", 0.9, ("a quoted phrase",))] + [
        Suggestion(None, 0.0, ())] * (len(pane.statements) - 1)
    window.bridge.suggestionsChanged.emit(0)
    view = window.panes[0].view
    text = statement_tooltip(view, 0)
    assert "Quotation" in text and "a quoted phrase" in text and "Space" in text
    press(qtbot, window, "Space")
    assert window.session.tags_for(0)[0].kind == "quotation"
    assert "Quotation" in statement_tooltip(view, 0)


def test_shift_l_rejects_an_automatic_link(qtbot, tmp_path) -> None:
    a = write(tmp_path / "a.txt", COUNCIL_A)
    b = write(tmp_path / "b.txt", COUNCIL_B)
    window = open_window(qtbot, tmp_path, [a, b])
    wait_aligned(qtbot, window)
    focus_first_pane(qtbot, window)
    assert set(window.panes[1].view.marks.partners) == {0}
    press(qtbot, window, "Shift+L")            # statements 0 and 0 are not related
    assert [m.action for m in window.session.store.tag_table.manual_links()] == ["reject"]
    qtbot.waitUntil(lambda: window.panes[1].view.marks.partners == {}, timeout=10000)
    wait_idle(qtbot, window)


def test_overview_click_moves_the_view(qtbot, tmp_path) -> None:
    a, b, _ = long_pair(tmp_path)
    window = open_window(qtbot, tmp_path, [a, b], size=(1200, 500))
    wait_idle(qtbot, window)
    window.menus.actions["sync_scroll"].setChecked(False)
    strip, view = window.panes[0].overview, window.panes[0].view
    top_before = view.position_at_y(0)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton,
                     pos=QPoint(strip.width() // 2, int(strip.height() * 0.9)))
    middle = view.position_at_y(view.viewport().height() / 2)
    assert top_before == 0
    assert abs(middle / view.offsets.length - 0.9) < 0.1
    low, high = strip.visible_fractions()
    assert low < 0.9 < high


def test_store_problems_and_orphans_are_reported(qtbot, tmp_path, seeds, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)

    def broken(*args, **kwargs):
        raise StoreError("library.sqlite3: database is locked")

    monkeypatch.setattr(window.session.store.bulk, "write_batch", broken)
    press(qtbot, window, "C")
    assert window.session.tags_for(0)[0].kind == "claim"     # kept in memory
    assert window.banner.isVisible()
    assert "database is locked" in window.banner.text.text()
    assert "kept in memory" in window.banner.text.text()
    window.banner.dismiss()
    window.bridge.orphansChanged.emit(2)
    assert "2 tag(s) could not be found" in window.banner.text.text()
    wait_idle(qtbot, window)

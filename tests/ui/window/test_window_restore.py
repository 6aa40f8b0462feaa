"""Session restore: geometry, documents in pane order, scroll positions, current
statements and zoom come back at the next start; --fresh skips the documents."""

from __future__ import annotations

from tests.ui.window.window_helpers import (COUNCIL_A, long_pair, open_window, press, wait_idle,
                                     write, focus_first_pane)


def test_restore_documents_order_scroll_and_zoom(qtbot, tmp_path) -> None:
    a, b, _ = long_pair(tmp_path)
    c = write(tmp_path / "council.txt", COUNCIL_A)
    first = open_window(qtbot, tmp_path, [a, b, c], size=(1300, 600))
    wait_idle(qtbot, first)
    first.menus.actions["sync_scroll"].setChecked(False)
    first.documents.move_pane(1, index=2 - 1)                   # b to the right of c: a, c, b
    order = [p.key.document.path.name for p in first.panes]
    assert order == ["long_a.txt", "council.txt", "long_b.txt"]
    focus_first_pane(qtbot, first)
    for _ in range(5):
        press(qtbot, first, "J")
    view = first.panes[2].view
    view.scroll_position_to(view.statements[40].start, 0.0)
    top = view.position_at_y(0)
    press(qtbot, first, "Ctrl+=")
    size = first.panes[0].view.font().pointSizeF()
    first.close()

    second = open_window(qtbot, tmp_path, restore=True, size=None)
    qtbot.waitUntil(lambda: len(second.panes) == 3 and second.documents.documents_shown(), timeout=15000)
    assert [p.key.document.path.name for p in second.panes] == order
    assert second.panes[1].view.font().pointSizeF() == size
    assert second.session.panes[0].current == 5
    restored = second.panes[2].view
    qtbot.waitUntil(lambda: abs(restored.position_at_y(0) - top) < 200, timeout=5000)
    assert restored.statement_at_qt(restored.offsets.to_qt(restored.position_at_y(0))) in (
        39, 40, 41)
    wait_idle(qtbot, second)


def test_window_geometry_is_restored(qtbot, tmp_path) -> None:
    first = open_window(qtbot, tmp_path, size=(640, 480))
    first.move(20, 30)
    first.close()
    second = open_window(qtbot, tmp_path, restore=True, size=None)
    assert (second.width(), second.height()) == (640, 480)


def test_fresh_start_skips_the_documents(qtbot, tmp_path, seeds) -> None:
    first = open_window(qtbot, tmp_path, seeds)
    wait_idle(qtbot, first)
    first.close()
    fresh = open_window(qtbot, tmp_path, restore=False)
    qtbot.wait(200)
    assert fresh.panes == []
    assert fresh.empty_label.isVisible()


def test_files_given_on_the_command_line_win_over_the_saved_session(qtbot, tmp_path,
                                                                    seeds) -> None:
    first = open_window(qtbot, tmp_path, seeds)
    wait_idle(qtbot, first)
    first.close()
    c = write(tmp_path / "council.txt", COUNCIL_A)
    second = open_window(qtbot, tmp_path, [c], restore=True)
    assert [p.key.document.path.name for p in second.panes] == ["council.txt"]
    assert second.state.recent()[0].endswith("council.txt")
    wait_idle(qtbot, second)

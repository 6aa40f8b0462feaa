"""Links between panes: partners of the current statement highlighted and scrolled into
view, ribbons in the gutter, word differences, synchronized scrolling, manual links."""

from __future__ import annotations

from tests.ui.window.window_helpers import (COUNCIL_A, COUNCIL_B, focus_first_pane, long_pair,
                                     open_window, press, wait_aligned, wait_idle, write)


def council(qtbot, tmp_path):
    a = write(tmp_path / "a.txt", COUNCIL_A)
    b = write(tmp_path / "b.txt", COUNCIL_B)
    window = open_window(qtbot, tmp_path, [a, b])
    wait_aligned(qtbot, window)
    focus_first_pane(qtbot, window)
    return window


def test_partners_of_the_current_statement_are_highlighted(qtbot, tmp_path) -> None:
    window = council(qtbot, tmp_path)
    right = window.panes[1].view
    assert set(right.marks.partners) == {0}               # statement 0 <-> 0
    press(qtbot, window, "J")
    assert set(right.marks.partners) == {3}               # 1 <-> 3 (moved to the end)
    press(qtbot, window, "J")
    assert right.marks.partners == {}                     # 2 has no partner
    press(qtbot, window, "J")
    assert set(right.marks.partners) == {2}
    assert window.panes[0].view.marks.partners == {}      # never in the focused pane
    press(qtbot, window, "Tab")                           # from the other side too
    assert set(window.panes[0].view.marks.partners) == {0}
    wait_idle(qtbot, window)


def test_ribbons_join_linked_passages_and_the_current_one_stands_out(qtbot, tmp_path) -> None:
    window = council(qtbot, tmp_path)
    gutter = window.gutters[0]
    assert len(gutter.links) == 3
    ribbons = gutter.ribbons()
    assert len(ribbons) == 3
    hot = [score for _path, score, is_hot in ribbons if is_hot]
    assert len(hot) == 1                                  # statement 0's link
    press(qtbot, window, "J")
    press(qtbot, window, "J")
    assert not any(is_hot for _p, _s, is_hot in gutter.ribbons())
    # overview strips know where the links are
    assert window.panes[0].view.marks.linked == {0, 1, 3}
    assert window.panes[1].view.marks.linked == {0, 2, 3}
    wait_idle(qtbot, window)


def test_word_differences_inside_a_linked_pair(qtbot, tmp_path) -> None:
    window = council(qtbot, tmp_path)
    press(qtbot, window, "J")                             # "... three new libraries across"
    left, right = window.panes[0].view, window.panes[1].view
    left_text = window.session.panes[0].document.text
    right_text = window.session.panes[1].document.text
    removed = {left_text[s:e] for s, e, op in left.marks.diff}
    added = {right_text[s:e] for s, e, op in right.marks.diff}
    assert any("across" in t for t in removed)
    assert any("public" in t for t in added)
    assert {op for _s, _e, op in left.marks.diff} == {"removed"}
    assert {op for _s, _e, op in right.marks.diff} == {"added"}
    window.menus.actions["word_diff"].setChecked(False)   # the toggle
    assert left.marks.diff == [] and right.marks.diff == []
    assert set(right.marks.partners) == {3}               # partners stay highlighted
    window.menus.actions["word_diff"].setChecked(True)
    assert right.marks.diff
    wait_idle(qtbot, window)


def test_partner_is_scrolled_into_view(qtbot, tmp_path) -> None:
    a, b, _shared = long_pair(tmp_path)
    window = open_window(qtbot, tmp_path, [a, b], size=(1200, 500))
    wait_aligned(qtbot, window)
    focus_first_pane(qtbot, window)
    window.menus.actions["sync_scroll"].setChecked(False)  # reveal works without sync too
    right = window.panes[1].view
    press(qtbot, window, "Shift+G")                       # last statement, far down
    qtbot.waitUntil(lambda: bool(right.marks.partners))
    partner = min(right.marks.partners)
    assert partner == len(right.statements) - 1
    assert right.statement_visible(partner)
    assert window.panes[0].view.statement_visible(len(window.panes[0].view.statements) - 1)
    wait_idle(qtbot, window)


def test_sync_scroll_follows_links_not_proportions(qtbot, tmp_path) -> None:
    a, b, shared = long_pair(tmp_path, paragraphs=60, extra=25)
    window = open_window(qtbot, tmp_path, [a, b], size=(1200, 500))
    wait_aligned(qtbot, window)
    left, right = window.panes[0].view, window.panes[1].view
    assert window.sync.enabled
    for k in (20, 35):
        left.scroll_position_to(left.statements[k].start, 0.0)
        qtbot.wait(20)
        bar = left.verticalScrollBar()
        from reader.ui.links import sync_point

        y = sync_point(bar.value(), bar.minimum(), bar.maximum(), bar.pageStep()) * (
            left.viewport().height() - 1)
        here = left.statement_at_qt(left.offsets.to_qt(left.position_at_y(y)))
        there = right.statement_at_qt(right.offsets.to_qt(right.position_at_y(y)))
        assert abs(there - (here + 25)) <= 1                 # the linked paragraph
        proportional = round(here * len(right.statements) / len(left.statements))
        assert abs(there - proportional) > 5                 # not mere proportions
    # no feedback loop: nothing keeps moving once the user stops
    values = (left.verticalScrollBar().value(), right.verticalScrollBar().value())
    qtbot.wait(100)
    assert values == (left.verticalScrollBar().value(), right.verticalScrollBar().value())
    # scrolling the right pane moves the left one back in step
    right.scroll_position_to(right.statements[30].start, 0.0)
    qtbot.wait(20)
    top_left = left.statement_at_qt(left.offsets.to_qt(left.position_at_y(
        left.viewport().height() / 2)))
    top_right = right.statement_at_qt(right.offsets.to_qt(right.position_at_y(
        right.viewport().height() / 2)))
    assert abs(top_right - (top_left + 25)) <= 1
    # with sync off the other pane stays put
    window.menus.actions["sync_scroll"].setChecked(False)
    before = right.verticalScrollBar().value()
    left.scroll_position_to(left.statements[5].start, 0.0)
    qtbot.wait(20)
    assert right.verticalScrollBar().value() == before
    wait_idle(qtbot, window)


def test_manual_link_and_unlink_are_stored_and_undoable(qtbot, tmp_path) -> None:
    window = council(qtbot, tmp_path)
    press(qtbot, window, "J")
    press(qtbot, window, "J")                             # statement 2: no partner yet
    press(qtbot, window, "Tab")
    press(qtbot, window, "J")                             # right statement 1: no partner
    press(qtbot, window, "Shift+Tab")
    assert window.panes[1].view.marks.partners == {}
    press(qtbot, window, "L")
    assert [(m.action) for m in window.session.store.tag_table.manual_links()] == ["link"]
    qtbot.waitUntil(lambda: set(window.panes[1].view.marks.partners) == {1}, timeout=10000)
    press(qtbot, window, "Ctrl+Z")
    assert window.session.store.tag_table.manual_links() == []
    qtbot.waitUntil(lambda: window.panes[1].view.marks.partners == {}, timeout=10000)
    wait_idle(qtbot, window)

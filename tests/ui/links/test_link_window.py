"""The structure of correspondence in the window, on the seeds: confident and faint ribbons
at first open, the threshold slider redrawing at once, `l` / Shift+L / Ctrl+number acting on
the candidate that is drawn and outlined, the Related panel showing whole texts."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.ui.models import related_groups
from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, wait_aligned,
                                           wait_idle)

BIGGEST_TARGETS = "One of his biggest targets"     # left statement of the reported bug
DEMANDED = "He demanded Sam Altman"                 # its partner in the column


def seeds_window(qtbot, tmp_path, seeds):
    window = open_window(qtbot, tmp_path, seeds)
    wait_aligned(qtbot, window)
    focus_first_pane(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.gutters[0].index.by_left))
    return window


def go_to(qtbot, window, prefix: str) -> int:
    """Walk down the left pane with J to the statement starting with ``prefix``."""
    pane = window.session.panes[0]
    index = next(s.index for s in pane.statements if s.text.startswith(prefix))
    press(qtbot, window, "G")
    for _ in range(index):
        press(qtbot, window, "J")
    assert pane.current == index
    return index


def manual_pairs_in_store(window):
    """(left start, right start, action) of the stored manual links, by document order."""
    return [(link.left_start, link.right_start, link.action)
            for link in window.session.manual_links()]


def test_first_open_draws_confident_and_faint_ribbons(qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    gutter = window.gutters[0]
    confident = gutter.ribbons()
    faint = gutter.faint_curves()
    assert confident, "no confident link drawn between the seeds"
    assert len(faint) >= 5, "too few faint candidate ribbons"
    # faint ribbons are candidates that are not links, and their strength differs
    assert all(not gutter.index.is_linked(i, j, gutter.threshold) for _p, _s, i, j in faint)
    assert len({round(score, 2) for _p, score, _i, _j in faint}) > 1
    assert gutter.bands(), "no related paragraphs drawn"
    qtbot.waitUntil(window.link_controls.slider.legend.isVisible)   # the legend in the tool bar
    wait_idle(qtbot, window)


def test_a_statement_without_a_link_shows_its_candidates_dashed_and_outlined(
        qtbot, tmp_path, seeds) -> None:
    """The partner a careful reader would pick is drawn (a faint ribbon with a dashed edge)
    and outlined even though it does not clear the link threshold."""
    window = seeds_window(qtbot, tmp_path, seeds)
    gutter = window.gutters[0]
    right = window.session.panes[1]
    go_to(qtbot, window, "Despite their differences")
    partner = next(s.index for s in right.statements
                   if s.text.startswith("Musk was a founding member"))
    ends = gutter.current
    assert ends is not None and ends.partners[partner][1] is False     # a candidate, unlinked
    assert partner in window.panes[1].view.marks.candidates or \
        window.panes[1].view.marks.target == partner
    assert gutter.current_ribbons()
    wait_idle(qtbot, window)


def test_slider_redraws_at_once_and_is_remembered(qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    gutter, controls = window.gutters[0], window.link_controls
    confident_before = len(gutter.ribbons())
    linked_before = set(window.panes[0].view.marks.linked)
    controls.slider.slider.setValue(controls.threshold.lowest)     # all the way: more links
    # no waiting: the gutter and the pane marks already follow the new threshold
    assert gutter.threshold == controls.threshold.lowest / 100
    assert len(gutter.ribbons()) > confident_before
    assert set(window.panes[0].view.marks.linked) > linked_before
    assert controls.slider.value_label.text() == f"{controls.threshold.lowest}%"
    window.link_controls.actions["fewer_links"].trigger()          # View > Show Fewer Links
    assert gutter.threshold == (controls.threshold.lowest + 5) / 100
    qtbot.waitUntil(lambda: QSettings().value("view/link_threshold") is not None)
    window.link_controls.actions["auto_links"].trigger()
    assert window.bridge.link_threshold is None
    assert controls.slider.value_label.text().endswith("auto")
    assert len(gutter.ribbons()) == confident_before
    wait_idle(qtbot, window)


def test_l_links_the_outlined_candidate_not_the_headline(qtbot, tmp_path, seeds) -> None:
    """The reported bug: `l` linked the column's headline (7%) while the ribbon pointed at
    the 41% candidate."""
    window = seeds_window(qtbot, tmp_path, seeds)
    left, right = window.session.panes
    index = go_to(qtbot, window, BIGGEST_TARGETS)
    marks = window.panes[1].view.marks
    target = marks.target
    assert right.statements[target].text.startswith(DEMANDED)
    assert window.gutters[0].current.target == target                # the ribbon ends there
    assert right.current == 0                                        # not where `l` goes
    press(qtbot, window, "L")
    assert manual_pairs_in_store(window) == [
        (left.statements[index].start, right.statements[target].start, "link")]
    qtbot.waitUntil(lambda: target in window.panes[1].view.marks.partners, timeout=10000)
    wait_idle(qtbot, window)


def test_shift_l_rejects_the_outlined_candidate_and_the_next_one_is_outlined(
        qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    left, right = window.session.panes
    index = go_to(qtbot, window, BIGGEST_TARGETS)
    first = window.panes[1].view.marks.target
    press(qtbot, window, "Shift+L")
    assert manual_pairs_in_store(window) == [
        (left.statements[index].start, right.statements[first].start, "reject")]
    qtbot.waitUntil(lambda: window.panes[1].view.marks.target not in (first, -1),
                    timeout=10000)
    assert first not in window.panes[1].view.marks.candidates
    assert first not in window.panes[1].view.marks.partners
    wait_idle(qtbot, window)


def test_ctrl_number_links_the_nth_related_candidate(qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    left, right = window.session.panes
    index = go_to(qtbot, window, BIGGEST_TARGETS)
    listed = [c for g in related_groups(window.bridge, 0, index) for c in g.candidates]
    assert len(listed) >= 2
    press(qtbot, window, "Ctrl+2")
    assert manual_pairs_in_store(window) == [
        (left.statements[index].start, right.statements[listed[1].statement].start, "link")]
    wait_idle(qtbot, window)


def test_picking_the_partner_by_hand_still_links_it(qtbot, tmp_path, seeds) -> None:
    """Move in the other pane after the current statement: `l` links what was picked."""
    window = seeds_window(qtbot, tmp_path, seeds)
    left, right = window.session.panes
    index = go_to(qtbot, window, BIGGEST_TARGETS)
    press(qtbot, window, "Tab")
    press(qtbot, window, "J")
    press(qtbot, window, "J")                                       # right statement 2
    press(qtbot, window, "Shift+Tab")
    assert window.panes[1].view.marks.target == 2                   # outlined as the target
    press(qtbot, window, "L")
    assert manual_pairs_in_store(window) == [
        (left.statements[index].start, right.statements[2].start, "link")]
    wait_idle(qtbot, window)


def test_related_panel_shows_whole_texts_numbered(qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    dock = window.docks["related"]
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.widget() is not None)
    panel = dock.widget()
    panel.resize(320, 700)
    go_to(qtbot, window, BIGGEST_TARGETS)
    right = window.session.panes[1]
    group = panel.model.index(0, 0)
    qtbot.waitUntil(lambda: panel.model.rowCount(group) > 0)
    texts = []
    for row in range(panel.model.rowCount(group)):
        item = panel.model.index(row, 0, group)
        candidate = panel.model.candidate(item)
        shown = item.data()
        assert shown == f"{row + 1} · {right.statements[candidate.statement].text}"
        texts.append((item, candidate))
    # a long candidate is wrapped over several lines, not cut
    item, candidate = max(texts, key=lambda t: len(t[1].text))
    panel.tree.doItemsLayout()
    line = panel.tree.fontMetrics().height()
    assert panel.tree.visualRect(item).height() >= 2 * line
    wait_idle(qtbot, window)


def test_right_click_link_to_offers_the_drawn_candidates_strongest_first(
        qtbot, tmp_path, seeds) -> None:
    """Link to… on a statement lists its drawn partners (the one `l` links first), not the
    other pane's current statement (the column's headline)."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    window = seeds_window(qtbot, tmp_path, seeds)
    left, right = window.session.panes
    # an unlinked statement: its drawn candidates are offered, the strongest first
    index = next(s.index for s in left.statements if s.text.startswith("Despite their"))
    partner = next(s.index for s in right.statements
                   if s.text.startswith("Musk’s latest tantrum"))
    view = window.panes[0].view
    point = view.statement_rects(index)[0].center().toPoint()
    window.kinds_ui.last_menu = None
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point)))
    link_to = next(a for a in window.kinds_ui.last_menu.actions()
                   if a.text().replace("&", "") == "Link to").menu()
    choices = [a for a in link_to.actions() if a.text()]
    assert choices and "“Musk’s latest tantrum" in choices[0].text()
    assert window.panes[1].view.marks.target == partner
    assert all("current" not in a.text() or "Elon Musk Backs Out" in a.text() for a in choices)
    choices[0].trigger()
    assert manual_pairs_in_store(window) == [
        (left.statements[index].start, right.statements[partner].start, "link")]
    wait_idle(qtbot, window)


def test_a_signature_line_is_never_outlined_as_a_partner(qtbot, tmp_path, seeds) -> None:
    """The first statement names Elon Musk; so does the column's two-word signature, which
    must not be the candidate `l` links (it was, at 27%)."""
    window = seeds_window(qtbot, tmp_path, seeds)
    right = window.session.panes[1]
    signature = next(s.index for s in right.statements if s.text == "Elon Musk")
    go_to(qtbot, window, "Elon Musk, the CEO")
    marks = window.panes[1].view.marks
    assert marks.target != signature
    assert signature not in marks.candidates
    press(qtbot, window, "L")
    assert all(link.right_start != right.statements[signature].start
               for link in window.session.manual_links())
    wait_idle(qtbot, window)


def test_sync_scroll_and_saved_links_follow_the_slider(qtbot, tmp_path, seeds) -> None:
    from reader.core.store import Store
    from reader.ui.links import links_between

    window = seeds_window(qtbot, tmp_path, seeds)
    controls = window.link_controls
    sha_a, sha_b = (p.document.sha256 for p in window.session.panes)
    ids = [p.document_id for p in window.session.panes]

    def saved() -> int:
        with Store.open(tmp_path / "library.sqlite3", readonly=True) as store:
            return len(store.tag_table.passage_links(ids[0]))

    qtbot.waitUntil(lambda: saved() > 0)
    passages_before, saved_before = len(links_between(window.bridge, sha_a, sha_b)), saved()
    controls.slider.slider.setValue(controls.threshold.lowest)
    assert len(links_between(window.bridge, sha_a, sha_b)) > passages_before  # sync scroll map
    controls.threshold.remember()                 # the reader let go of the slider
    qtbot.waitUntil(lambda: saved() > saved_before, timeout=10000)  # exports list them too
    wait_idle(qtbot, window)


def test_a_threshold_moved_just_before_closing_is_remembered(qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    controls = window.link_controls
    controls.slider.slider.setValue(controls.threshold.lowest)
    assert QSettings().value("view/link_threshold") is None       # not yet written
    window.close()                                                 # within the save delay
    assert float(QSettings().value("view/link_threshold")) == controls.threshold.lowest / 100


def test_an_arriving_alignment_is_cut_at_the_readers_threshold_off_the_gui_thread(
        qtbot, tmp_path, seeds, monkeypatch) -> None:
    from reader.ui.links import links_between

    QSettings().setValue("view/link_threshold", 0.3)
    window = seeds_window(qtbot, tmp_path, seeds)
    chosen = window.bridge.link_threshold
    assert chosen is not None
    sha_a, sha_b = (p.document.sha256 for p in window.session.panes)
    alignment = window.bridge.alignment(sha_a, sha_b)
    kept = window.bridge.link_recuts[id(alignment)]
    assert kept.alignment is alignment and kept.threshold == chosen
    expected = alignment.at_threshold(chosen)
    assert kept.links.links == expected.links and kept.links.pairs == expected.pairs

    def not_here(*_args, **_kwargs):
        raise AssertionError("re-cut on the GUI thread")

    monkeypatch.setattr(type(alignment), "at_threshold", not_here)
    window.bridge.derived.clear()   # what any other alignment's change does
    assert links_between(window.bridge, sha_a, sha_b) == tuple(expected.links)
    wait_idle(qtbot, window)


def test_the_gutter_groups_the_visible_passages_once_per_rows_and_threshold(
        qtbot, tmp_path, seeds, monkeypatch) -> None:
    import reader.ui.links._gutter as gutter_module

    window = seeds_window(qtbot, tmp_path, seeds)
    gutter = window.gutters[0]
    first = gutter.passages()
    assert first
    calls = []
    real = gutter_module.visible_links
    monkeypatch.setattr(gutter_module, "visible_links",
                        lambda *args: calls.append(args) or real(*args))
    assert gutter.passages() == first and not calls          # same rows: no regrouping
    gutter.set_correspondence(gutter.index, window.link_controls.threshold.lowest / 100,
                              gutter.floor)
    lower = gutter.passages()
    assert len(calls) == 1 and lower == gutter.passages()    # new threshold: grouped again
    wait_idle(qtbot, window)

"""The links at the reader's threshold and the sync-scroll maps through them are made in
workers, never on the GUI thread, for big alignments: when an alignment arrives, and when
the reader moves the threshold (the window keeps the cut it has until the new one comes;
a cut for a threshold the reader already left is dropped)."""

from __future__ import annotations

import threading

import reader.ui.links._cuts as cuts
import reader.ui.links._scroll_map as scroll_map
from reader.ui.links import ScrollMap, links_between
from tests.ui.window.window_helpers import (focus_first_pane, long_pair, open_window,
                                           wait_aligned, wait_idle)


def seeds_window(qtbot, tmp_path, seeds):
    window = open_window(qtbot, tmp_path, seeds)
    wait_aligned(qtbot, window)
    focus_first_pane(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.gutters[0].index.by_left))
    wait_idle(qtbot, window)
    return window


def on_gui_thread(calls: list, real):
    """``real``, noting in ``calls`` each call made on the GUI thread."""
    def wrapped(*args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            calls.append(args)
        return real(*args, **kwargs)
    return wrapped


def expected_map(window, source: int, target: int) -> ScrollMap:
    """The map as it was always made: from the links between the panes, on the spot."""
    shas = [pane.document.sha256 for pane in window.session.panes]
    spans = [(tuple(link.left_span), tuple(link.right_span))
             for link in links_between(window.bridge, shas[source], shas[target])]
    return ScrollMap.from_spans(spans, window.panes[source].view.offsets.length,
                                window.panes[target].view.offsets.length)


def test_sync_scroll_maps_come_ready_from_the_worker_that_cut_the_links(
        qtbot, tmp_path, monkeypatch) -> None:
    window = open_window(qtbot, tmp_path, long_pair(tmp_path)[:2], size=(1200, 500))
    wait_aligned(qtbot, window)
    wait_idle(qtbot, window)
    wanted = [expected_map(window, 0, 1), expected_map(window, 1, 0)]
    assert len(wanted[0].left) > 2         # the map follows links, not just the two ends
    calls: list = []
    monkeypatch.setattr(scroll_map, "monotone_chain",
                        on_gui_thread(calls, scroll_map.monotone_chain))
    window.sync._maps.clear()
    left, right = window.panes
    assert window.sync.scroll_map(left, right) == wanted[0]
    assert window.sync.scroll_map(right, left) == wanted[1]
    left.view.scroll_position_to(left.view.statements[20].start, 0.0)
    assert right.view.verticalScrollBar().value() > 0      # it follows, through the links
    assert not calls, "scroll map chained on the GUI thread"
    wait_idle(qtbot, window)


def test_a_moved_threshold_cuts_big_alignments_in_a_worker_keeping_the_last_cut_meanwhile(
        qtbot, tmp_path, seeds, monkeypatch) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    monkeypatch.setattr(cuts, "INLINE_PAIRS", -1)      # every alignment counts as big
    sha_a, sha_b = (p.document.sha256 for p in window.session.panes)
    alignment = window.bridge.alignment(sha_a, sha_b)
    before = links_between(window.bridge, sha_a, sha_b)
    calls: list = []
    monkeypatch.setattr(type(alignment), "at_threshold",
                        on_gui_thread(calls, type(alignment).at_threshold))
    kept: list = []
    monkeypatch.setattr(cuts, "keep", lambda bridge, cut, real=cuts.keep:
                        kept.append(cut.threshold) or real(bridge, cut))
    controls = window.link_controls
    lowest = controls.threshold.lowest
    cutter = window.aligner.cutter
    started = cutter.started
    release = threading.Event()
    monkeypatch.setattr(cuts, "cut_links", lambda *args, real=cuts.cut_links, **kwargs:
                        release.wait(10) and real(*args, **kwargs))
    controls.slider.slider.setValue(lowest + 20)       # dragged past: no cut for these
    controls.slider.slider.setValue(lowest + 10)
    qtbot.waitUntil(lambda: cutter.started > started)  # the reader paused here: cut...
    controls.slider.slider.setValue(lowest)            # ...but moved on before it came
    left, right = window.panes
    window.sync.follow(left)                           # scrolling meanwhile: the last cut
    assert links_between(window.bridge, sha_a, sha_b) == before
    release.set()
    qtbot.waitUntil(lambda: cuts.kept_cut(window.bridge, alignment).threshold == lowest / 100)
    wait_idle(qtbot, window)
    assert kept == [lowest / 100]                      # the stale cut was dropped
    assert cutter.started - started == 2
    after = links_between(window.bridge, sha_a, sha_b)
    assert len(after) > len(before)
    assert after == alignment.at_threshold(lowest / 100).links
    window.sync.follow(left)
    assert window.sync.scroll_map(left, right) == expected_map(window, 0, 1)
    assert len(calls) == 1, "cut on the GUI thread"    # only the test's own call above


def test_small_alignments_are_cut_at_once_when_the_threshold_moves(
        qtbot, tmp_path, seeds) -> None:
    window = seeds_window(qtbot, tmp_path, seeds)
    sha_a, sha_b = (p.document.sha256 for p in window.session.panes)
    alignment = window.bridge.alignment(sha_a, sha_b)
    assert len(alignment.eligible) <= cuts.INLINE_PAIRS
    started = window.aligner.cutter.started
    window.link_controls.slider.slider.setValue(window.link_controls.threshold.lowest)
    kept = cuts.kept_cut(window.bridge, alignment)
    assert kept.threshold == window.link_controls.threshold.lowest / 100
    assert window.aligner.cutter.started == started
    wait_idle(qtbot, window)

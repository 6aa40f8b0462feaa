"""Background work: results on the GUI thread, progress, failures, cooperative cancel; and
cancelling a long alignment from the window's status bar."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt

from reader.core.errors import CancelledError, DocumentError
from reader.ui.jobs import TaskRunner
from tests.ui.window.window_helpers import COUNCIL_A, COUNCIL_B, open_window, wait_idle, write


def slow_count(limit: int, *, progress, cancel) -> int:
    for i in range(limit):
        if cancel():
            raise CancelledError("stopped")
        progress(i, limit, "counting")
        time.sleep(0.01)
    return limit


def test_result_arrives_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    threads = []
    with qtbot.waitSignal(runner.busyChanged, check_params_cb=lambda busy: not busy):
        runner.submit(lambda *, progress, cancel: threading.get_ident(),
                      on_success=lambda value: threads.append((value, threading.get_ident())))
    assert threads and threads[0][0] != threads[0][1] == threading.get_ident()


@pytest.mark.parametrize("error, message", [
    (DocumentError("bad.txt: looks like a binary file"), "bad.txt: looks like a binary file"),
    (ValueError("boom"), "job: ValueError: boom"),
])
def test_failures_become_one_line_messages(qtbot, error, message) -> None:
    runner = TaskRunner()

    def fail(*, progress, cancel):
        raise error

    messages: list[str] = []
    runner.submit(fail, label="job", on_failure=messages.append)
    qtbot.waitUntil(lambda: bool(messages))
    assert messages == [message]


def test_cancel_stops_cooperative_work(qtbot) -> None:
    runner = TaskRunner()
    seen = []
    cancelled: list[bool] = []
    progress: list[int] = []
    runner.progressChanged.connect(lambda label, done, total: progress.append(done))
    runner.submit(slow_count, 10_000, label="count", on_success=seen.append,
                  on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: any(progress))          # running and reporting
    runner.cancel_all()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=5000)
    assert seen == []
    qtbot.waitUntil(lambda: not runner.busy)


def test_cancelling_a_long_alignment_from_the_status_bar(qtbot, tmp_path, monkeypatch) -> None:
    import reader.ui.jobs._process_jobs as process_jobs

    started = threading.Event()

    def long_alignment(*args, progress, cancel, **kwargs):
        started.set()
        for step in range(100_000):          # about 15 minutes unless cancelled
            if cancel():
                raise CancelledError("alignment cancelled")
            progress(step, 100_000, "Linking")
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(process_jobs, "align", long_alignment)
    a = write(tmp_path / "a.txt", COUNCIL_A)
    b = write(tmp_path / "b.txt", COUNCIL_B)
    window = open_window(qtbot, tmp_path, [a, b])
    qtbot.waitUntil(started.is_set, timeout=10000)
    status = window.progress
    qtbot.waitUntil(status.isVisible)
    assert status.cancel_button.isVisible()
    assert window.aligner.running == 1
    qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=5000)
    assert not status.isVisible()
    assert window.aligner.running == 0
    sha = [p.document.sha256 for p in window.session.panes]
    assert window.bridge.alignment(sha[0], sha[1]) is None
    window.run_action("tag_claim")                   # the window still answers
    assert window.session.tags_for(0)[0].kind == "claim"
    monkeypatch.undo()
    window.menus.actions["realign"].trigger()        # and can link again afterwards
    qtbot.waitUntil(lambda: window.bridge.alignment(sha[0], sha[1]) is not None, timeout=10000)
    wait_idle(qtbot, window)


def test_big_jobs_run_in_the_helper_process_and_can_be_cancelled(qtbot) -> None:
    """The helper process does the work (its pid differs) and a cancel kills it."""
    import os

    from reader.ui.jobs import flatten, unflatten
    from reader.ui.jobs._process_lane import HELPER_NICE

    runner = TaskRunner()
    results: list = []
    runner.submit(lambda *, progress, cancel: runner.lane.run(
        "pid", progress=progress, cancel=cancel), on_success=results.append)
    qtbot.waitUntil(lambda: bool(results), timeout=30000)
    assert results[0] != os.getpid()
    runner.submit(lambda *, progress, cancel: runner.lane.run(
        "niceness", progress=progress, cancel=cancel), on_success=results.append)
    qtbot.waitUntil(lambda: len(results) == 2, timeout=30000)
    if hasattr(os, "nice"):   # nicer than the window: a busy machine serves the window first
        assert results[1] == min(19, os.nice(0) + HELPER_NICE)
    cancelled: list[bool] = []
    runner.submit(lambda *, progress, cancel: runner.lane.run(
        "sleep", 60.0, progress=progress, cancel=cancel),
        on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(runner.lane._lock.locked)     # the job is in the helper process
    runner.cancel_all()
    qtbot.waitUntil(lambda: cancelled == [True], timeout=10000)
    assert runner.lane._process is None          # killed, restarted on the next job
    runner.shutdown()
    big = {"items": list(range(5000)), "pairs": tuple((i, i) for i in range(1200))}
    assert unflatten(flatten(big)) == big


def test_only_changed_pairs_are_aligned_again(qtbot, tmp_path, seeds) -> None:
    a = write(tmp_path / "a.txt", COUNCIL_A)
    b = write(tmp_path / "b.txt", COUNCIL_B)
    window = open_window(qtbot, tmp_path, [a, b])
    wait_idle(qtbot, window)
    assert window.aligner.started == 1
    window.documents.open_paths([seeds[0]])
    qtbot.waitUntil(lambda: len(window.panes) == 3)
    wait_idle(qtbot, window)
    assert window.aligner.started == 3              # b-seed and a-seed; a-b reused
    window.documents.close_pane(2)
    window.documents.move_pane(1, index=0)                    # b, a: the cached pair, flipped
    wait_idle(qtbot, window)
    assert window.aligner.started == 3
    assert len(window.gutters[0].links) == 3


def test_the_cancel_button_shows_only_for_work_that_can_be_cancelled(qtbot):
    import threading

    from reader.ui.window._status import ProgressStatus

    runner = TaskRunner(max_threads=2)
    status = ProgressStatus(runner)
    qtbot.addWidget(status)
    status.show()
    release = threading.Event()

    def wait(*, progress, cancel):
        release.wait(10)

    try:
        runner.submit(wait, label="Importing tags.json", cancellable=False)
        assert status.isVisible() and status.cancel_button.isHidden()
        runner.submit(wait, label="Linking", cancellable=True)
        assert not status.cancel_button.isHidden()
    finally:
        release.set()
        qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
        runner.shutdown()

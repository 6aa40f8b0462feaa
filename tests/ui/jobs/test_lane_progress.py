"""The helper process's progress reaches the window at most every PROGRESS_S: each report
is a queued call on the GUI thread, and one per page of a 3,000-page PDF froze it."""

from __future__ import annotations

import time

from reader.ui.jobs._process_lane import PROGRESS_S, ProcessLane
from tests.core.loaders.pdf_writer import many_pages_pdf


def test_progress_is_thinned_and_ends_complete(tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(many_pages_pdf(3000))
    reports: list[tuple[int, int]] = []
    lane = ProcessLane()
    try:
        started = time.monotonic()
        loaded = lane.run("load", path, progress=lambda done, total, _text="": reports.append(
            (done, total)), cancel=lambda: False)
        elapsed = time.monotonic() - started
    finally:
        lane.stop()
    assert loaded.document.page_starts and len(loaded.document.page_starts) == 3000
    assert reports and reports[-1][0] >= reports[-1][1]          # the end is always said
    assert len(reports) <= elapsed / PROGRESS_S + 3, (len(reports), elapsed)

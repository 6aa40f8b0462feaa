"""The window's load job reports per-page progress for a long PDF and stops on Cancel."""

from __future__ import annotations

import pytest

from reader.core.errors import CancelledError
from reader.ui.jobs import _process_jobs as process_jobs
from tests.core.loaders.pdf_writer import many_pages_pdf

pytest.importorskip("pypdfium2")


def test_long_pdf_reports_progress_and_opens(tmp_path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(many_pages_pdf(300))
    seen: list[tuple[int, int]] = []
    loaded = process_jobs.load(path, progress=lambda done, total, label="": seen.append(
        (done, total)), cancel=lambda: False)
    assert loaded.document.page_at(loaded.statements[-1].start) == 300
    assert sum(1 for _done, total in seen if total == 300) >= 300


def test_cancel_stops_a_long_pdf(tmp_path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(many_pages_pdf(300))
    calls = []

    def progress(done, total, label=""):
        calls.append(done)

    with pytest.raises(CancelledError):
        process_jobs.load(path, progress=progress, cancel=lambda: len(calls) > 20)
    assert len(calls) < 300

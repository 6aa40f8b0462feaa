"""The message banner: one line per ongoing library problem, taken back when the library
can be written again (retried without a key press), and every load error listed."""

from __future__ import annotations

from reader.core.errors import StoreError
from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, tags_in_store,
                                     wait_idle)


def test_disk_full_is_one_line_and_clears_when_space_is_freed(qtbot, tmp_path, seeds,
                                                               monkeypatch) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)
    bulk = window.session.store.bulk
    real_write = bulk.write_batch

    def disk_full(*args, **kwargs):
        raise StoreError(f"{tmp_path / 'library.sqlite3'}: database or disk is full")

    monkeypatch.setattr(bulk, "write_batch", disk_full)
    for key in ("C", "O", "Q"):
        press(qtbot, window, key)
    assert window.banner.isVisible()
    library_lines = [line for line in window.banner.lines if "disk is full" in line]
    assert len(library_lines) == 1, window.banner.lines     # not one per key press
    assert "3 change(s) kept in memory" in library_lines[0]
    assert window.store_retry.active
    assert tags_in_store(tmp_path / "library.sqlite3") == []
    window.store_retry._timer.setInterval(50)
    monkeypatch.setattr(bulk, "write_batch", real_write)      # space freed
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=5000)
    assert not window.store_retry.active
    assert [kind for _d, _s, kind, _n in tags_in_store(tmp_path / "library.sqlite3")] == [
        "claim", "opinion", "quotation"]
    wait_idle(qtbot, window)


def test_every_load_error_is_listed(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    missing = [tmp_path / f"missing-{i}.txt" for i in range(8)]
    window.documents.open_paths(missing)
    qtbot.waitUntil(lambda: len(window.banner.lines) >= 8, timeout=15000)
    text = window.banner.text.text()
    assert all(path.name in text for path in missing)
    assert len(window.panes) == 2
    wait_idle(qtbot, window)

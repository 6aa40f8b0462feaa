"""Opening documents: panes with headers, drag and drop, close and move, bad input."""

from __future__ import annotations

import os

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.window.window_helpers import COUNCIL_A, COUNCIL_B, open_window, wait_idle, write


def test_seeds_open_side_by_side_with_headers(qtbot, tmp_path, seeds) -> None:
    window = open_window(qtbot, tmp_path, seeds)
    assert window.windowTitle() == "Default — Source Reader"   # the session, then the app
    assert [p.title for p in window.panes] == [p.document.display_name
                                               for p in window.session.panes]
    first = window.panes[0]
    assert "365 words" in first.stats_label.text()
    assert "15 statements" in first.stats_label.text()
    assert first.view.toPlainText() == window.session.panes[0].document.text
    assert first.accessibleName().startswith("Document pane")
    assert len(window.gutters) == 1
    # on start the first pane has the keys and its first statement is current
    assert window.session.focused == 0
    assert first.view.marks.current == 0 and first.view.marks.focused
    assert QApplication.focusWidget() is first.view


def _drop(window, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = _drag_event(QDragEnterEvent, mime)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = _drag_event(QDropEvent, mime)
    QApplication.sendEvent(window, drop)


def _drag_event(event_class, mime: QMimeData):
    """PySide6 6.12 takes a QPointF (QPoint is deprecated there); earlier releases a QPoint."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier)
    try:
        return event_class(QPointF(200, 200), *args)
    except TypeError:
        return event_class(QPoint(200, 200), *args)


def test_drag_and_drop_opens_files(qtbot, tmp_path) -> None:
    a = write(tmp_path / "a.txt", COUNCIL_A)
    b = write(tmp_path / "b.txt", COUNCIL_B)
    window = open_window(qtbot, tmp_path)
    assert window.empty_label.isVisible()
    _drop(window, [a, b])
    qtbot.waitUntil(lambda: len(window.panes) == 2, timeout=10000)
    assert [p.key.document.path.name for p in window.panes] == ["a.txt", "b.txt"]
    assert not window.empty_label.isVisible()
    wait_idle(qtbot, window)


def test_close_and_move_panes(qtbot, tmp_path, seeds) -> None:
    extra = write(tmp_path / "c.txt", COUNCIL_A)
    window = open_window(qtbot, tmp_path, [*seeds, extra])
    names = [p.key.document.path.name for p in window.panes]
    window.documents.move_pane(1, index=0)
    assert [p.key.document.path.name for p in window.panes] == [names[1], names[0], names[2]]
    order = [window.splitter.widget(i) for i in range(window.splitter.count())]
    assert order[0] is window.panes[0] and order[2] is window.panes[1]
    assert order[1] is window.gutters[0] and window.gutters[0].left is window.panes[0]
    window.documents.close_pane(1)
    assert [p.key.document.path.name for p in window.panes] == [names[1], names[2]]
    assert len(window.gutters) == 1
    wait_idle(qtbot, window)


def _binary(directory: Path) -> Path:
    path = directory / "data.txt"
    path.write_bytes(b"\x00\x01\x02\xff" * 500)
    return path


def _huge(directory: Path) -> Path:
    path = directory / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)   # sparse: 50 MB without writing them
    return path


@pytest.mark.parametrize("make_bad, fragment", [
    (_binary, "binary"),
    (lambda d: d / "missing.txt", "no such file"),
    (_huge, "too large"),
])
def test_bad_input_shows_a_message_and_other_panes_keep_working(qtbot, tmp_path, seeds,
                                                                 make_bad, fragment) -> None:
    bad = make_bad(tmp_path)
    window = open_window(qtbot, tmp_path, seeds)
    window.documents.open_paths([bad])
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert fragment in window.banner.text.text()
    assert len(window.panes) == 2
    window.run_action("tag_claim")
    assert window.session.tags_for(0)[0].kind == "claim"
    wait_idle(qtbot, window)


def test_unreadable_file(qtbot, tmp_path, seeds, monkeypatch) -> None:
    path = write(tmp_path / "secret.txt", "hidden text.")
    real_open = os.open

    def refuse(file, *args, **kwargs) -> int:
        if os.fspath(file).endswith("secret.txt"):  # chmod 0 does not stop root: refuse here
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    window = open_window(qtbot, tmp_path, seeds)
    window.documents.open_paths([path])
    qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=10000)
    assert "cannot read" in window.banner.text.text()
    assert len(window.panes) == 2
    wait_idle(qtbot, window)

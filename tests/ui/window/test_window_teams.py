"""Teams in the window: merging a colleague's library, the Coders panel, comparing coders
in the panes, adopting a tag (and undoing it), and whose tags the keys write."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.agreement import AGREED
from reader.core.loaders import load_document
from reader.core.store import Store, Tag
from reader.core.text import split_statements
from reader.ui.dialogs import _merge as merge_module
from tests.ui.window.window_helpers import (
    focus_first_pane,
    open_window,
    press,
    record_message_boxes,
    wait_idle,
)

STAMP = "2024-05-01T10:00:00.000Z"
BOB = ("claim", "opinion", "quotation", "claim", "opinion", "quotation")


def colleague_library(tmp_path: Path, document: Path, author: str = "bob") -> Path:
    """A colleague's own library file: the document and six tags by ``author``."""
    doc = load_document(document)
    db = tmp_path / f"{author}.sqlite3"
    with Store.open(db) as store:
        record = store.remember_document(doc.sha256, str(document), doc.title, text=doc.text)
        store.tag_table.add_tags(
            Tag(0, record.id, s.start, s.end, kind, "", s.text, "", "", author, STAMP, STAMP)
            for s, kind in zip(split_statements(doc.text), BOB))
    return db


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes of the merge recorded instead of shown."""
    return record_message_boxes(monkeypatch)


def _merge(qtbot, window, monkeypatch, path: Path, boxes: list[str]) -> None:
    """File > Merge Library on ``path``; back once the merge (in the background) is told."""
    monkeypatch.setattr(merge_module, "ask_library_file", lambda parent: path)
    told = len(boxes)
    window.menus.actions["merge_library"].trigger()
    qtbot.waitUntil(lambda: len(boxes) > told, timeout=20_000)


def test_merge_library_from_the_file_menu(qtbot, tmp_path, seeds, monkeypatch, boxes):
    import threading

    import reader.core.store as store_module

    window = open_window(qtbot, tmp_path, seeds[:1])
    theirs = colleague_library(tmp_path, seeds[0])
    before = theirs.read_bytes()
    merged_on: list[threading.Thread] = []
    merge = store_module.merge_library
    monkeypatch.setattr(store_module, "merge_library", lambda *args: (
        merged_on.append(threading.current_thread()), merge(*args))[1])
    _merge(qtbot, window, monkeypatch, theirs, boxes)
    assert boxes == ["Merged 6 of 6 tags by bob."]
    assert merged_on and merged_on[0] is not threading.main_thread()   # off the GUI thread
    assert window.statusBar().currentMessage() == "bob.sqlite3: merged 6 of 6 tags by bob"
    assert sorted(t.author for t in window.session.panes[0].tags) == ["bob"] * 6
    assert window.panes[0].view.marks.tags[1].kind == "opinion"
    _merge(qtbot, window, monkeypatch, theirs, boxes)  # again: nothing new
    assert boxes[1].startswith("Merged 0 of 6 tags; 6 already in the library")
    assert len(window.session.panes[0].tags) == 6
    assert theirs.read_bytes() == before
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    _merge(qtbot, window, monkeypatch, broken, boxes)
    assert boxes[2].startswith("warning: ") and "Nothing was merged" in boxes[2]
    assert broken.read_bytes() == b"SQLite format 3\x00" + b"\x00" * 100
    wait_idle(qtbot, window)


def test_compare_jump_adopt_and_undo(qtbot, tmp_path, seeds, monkeypatch, boxes):
    window = open_window(qtbot, tmp_path, seeds[:1])
    session = window.session
    session.author = "ann"
    _merge(qtbot, window, monkeypatch, colleague_library(tmp_path, seeds[0]), boxes)
    focus_first_pane(qtbot, window)
    session.move_to(0, 0)
    for _ in range(6):
        press(qtbot, window, "C")  # ann: claim on the first six statements
    assert [t.kind for t in session.panes[0].tags if t.author == "bob"] == list(BOB)
    dock = window.docks["coders"]
    dock.toggleViewAction().trigger()
    qtbot.waitUntil(lambda: dock.widget() is not None)
    panel = dock.widget()
    qtbot.waitUntil(lambda: panel.report is not None and panel.matrix.rowCount() == 2)
    pair = panel.report.overall.pairs[0]
    assert pair.authors == ("ann", "bob")
    assert panel.matrix.item(0, 1).text() == f"{pair.cohen_kappa:.2f}"
    assert "α" in panel.alpha_label.text()
    assert panel.disagreements.count() == 4
    assert panel.disagreement_label.text() == "4 statements differ"
    first = panel.disagreements.item(0)   # the codes lead, so a narrow panel keeps them
    assert first.text().startswith("ann: claim · bob: opinion — ")
    assert session.panes[0].statements[1].text in first.toolTip()
    panel.compare_box.setChecked(True)
    assert session.comparing == ("ann", "bob")
    marks = window.panes[0].view.marks
    qtbot.waitUntil(lambda: sorted(marks.compare) == [1, 2, 4, 5])
    assert marks.compare[1] == ("claim", "opinion")
    assert "comparing ann, bob" in window.author_status.text()
    window.grab()  # paints the split marks
    focus_first_pane(qtbot, window)
    session.move_to(0, 0)
    press(qtbot, window, "]")
    assert session.panes[0].current == 1
    press(qtbot, window, "Alt+2")  # adopt bob's opinion
    with Store.open(tmp_path / "library.sqlite3") as store:
        agreed = [t for t in store.tag_table.tags() if t.author == AGREED]
    assert [t.kind for t in agreed] == ["opinion"]
    assert session.panes[0].current == 2  # on to the next disagreement
    press(qtbot, window, "Ctrl+Z")
    with Store.open(tmp_path / "library.sqlite3") as store:
        assert [t for t in store.tag_table.tags() if t.author == AGREED] == []
        assert len(store.tag_table.tags()) == 12  # nobody's own tags changed
    panel.compare_box.setChecked(False)
    qtbot.waitUntil(lambda: not marks.compare)
    wait_idle(qtbot, window)


def test_status_bar_names_the_author_and_panes_filter_by_author(qtbot, tmp_path, seeds,
                                                                monkeypatch, boxes):
    window = open_window(qtbot, tmp_path, seeds[:1])
    window.session.author = "ann"
    window.author_status.refresh()
    assert window.author_status.text() == "Tagging as ann"
    _merge(qtbot, window, monkeypatch, colleague_library(tmp_path, seeds[0]), boxes)
    focus_first_pane(qtbot, window)
    window.session.move_to(0, 0)
    press(qtbot, window, "Q")  # ann's own quotation beside bob's claim
    marks = window.panes[0].view.marks
    assert marks.tags[0].author == "ann"
    window.session.show_author("bob")
    assert marks.tags[0].author == "bob" and marks.tags[0].kind == "claim"
    assert "showing bob's tags" in window.author_status.text()
    window.session.show_author(None)
    assert marks.tags[0].author == "ann"
    wait_idle(qtbot, window)

"""File > Import Tags in the window: the file is merged off the GUI thread on a connection
of its own, its tags appear in the open pane, and a bad file changes nothing."""

from __future__ import annotations

import threading

import pytest

from reader.core.export import export
from reader.core.store import Store
from reader.ui.dialogs import ImportDialog
from tests.ui.window.test_window_teams import colleague_library
from tests.ui.window.window_helpers import open_window, record_message_boxes, wait_idle


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes of the import recorded instead of shown."""
    return record_message_boxes(monkeypatch)


def _tag_file(tmp_path, document):
    """Bob's six tags on ``document``, exported as JSON Lines."""
    out = tmp_path / "bob.jsonl"
    with Store.open(colleague_library(tmp_path, document), readonly=True) as store:
        export(store, "jsonl", None, out)
    return out


def test_import_tags_from_the_file_menu(qtbot, tmp_path, seeds, monkeypatch, boxes):
    window = open_window(qtbot, tmp_path, seeds[:1])
    path = _tag_file(tmp_path, seeds[0])
    from reader.core import export as export_module

    merged_on: list[threading.Thread] = []
    merge = export_module.import_tags

    def recorded(*args, **kwargs):
        merged_on.append(threading.current_thread())
        return merge(*args, **kwargs)

    monkeypatch.setattr(export_module, "import_tags", recorded)
    monkeypatch.setattr(ImportDialog, "ask", classmethod(lambda cls, *a, **k: None))
    wait_idle(qtbot, window)
    window.menus.actions["import"].trigger()           # cancelled: nothing happens
    assert not window.runner.busy and boxes == []
    monkeypatch.setattr(ImportDialog, "ask", classmethod(lambda cls, *a, **k: path))
    window.menus.actions["import"].trigger()
    qtbot.waitUntil(lambda: len(window.session.panes[0].tags) == 6, timeout=20_000)
    assert merged_on and merged_on[0] is not threading.main_thread()
    assert boxes == ["Imported 6 of 6 tags."]
    assert window.statusBar().currentMessage() == "bob.jsonl: imported 6 of 6 tags"
    assert window.panes[0].view.marks.tags[1].kind == "opinion"
    wait_idle(qtbot, window)


def test_a_bad_tag_file_changes_nothing_and_says_so(qtbot, tmp_path, seeds, monkeypatch,
                                                    boxes):
    window = open_window(qtbot, tmp_path, seeds[:1])
    good = _tag_file(tmp_path, seeds[0]).read_text(encoding="utf-8").splitlines()[0]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good + '\n{"kind": "rant"}\n', encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "ask", classmethod(lambda cls, *a, **k: bad))
    window.menus.actions["import"].trigger()
    qtbot.waitUntil(lambda: bool(boxes), timeout=20_000)
    assert boxes[0].startswith("warning: ") and "line 2" in boxes[0]
    assert "Nothing was imported" in boxes[0]
    assert window.statusBar().currentMessage() == \
        "Import of bad.jsonl failed; the library is unchanged"
    assert len(window.session.panes[0].tags) == 0
    wait_idle(qtbot, window)

"""Renaming a document: F2 or a double-click on the pane title; the library keeps the
title, the pane and the next start show it, exports carry it."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from reader.core.export import ExportFilter, export
from reader.core.store import Store
from reader.ui.dialogs import NameDialog
from tests.ui.window.window_helpers import focus_first_pane, open_window, press, wait_idle


def test_f2_renames_the_focused_document_everywhere(qtbot, tmp_path, seeds, monkeypatch):
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)
    asked = []
    monkeypatch.setattr(NameDialog, "ask", classmethod(
        lambda cls, parent, title, label, text="": asked.append(text) or "Musk and OpenAI, news"))
    press(qtbot, window, "F2")
    assert asked == ["000_e66fe55ed26b97b5"]
    assert window.panes[0].title_label.text() == "Musk and OpenAI, news"
    assert window.session.panes[0].document.title == "Musk and OpenAI, news"
    press(qtbot, window, "C")                                      # keys still work
    db = tmp_path / "library.sqlite3"
    with Store.open(db) as store:
        record = store.document(window.session.panes[0].document_id)
        assert record.title == "Musk and OpenAI, news" and record.renamed
        out = tmp_path / "tags.json"
        export(store, "json", ExportFilter(), str(out))
    assert {r["document"]["title"] for r in json.loads(out.read_text())["records"]} == {
        "Musk and OpenAI, news"}
    wait_idle(qtbot, window)
    window.close()
    again = open_window(qtbot, tmp_path, seeds)
    assert again.panes[0].title_label.text() == "Musk and OpenAI, news"


def test_double_click_on_the_title_renames_that_pane(qtbot, tmp_path, seeds, monkeypatch):
    window = open_window(qtbot, tmp_path, seeds)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *a, **k: "The column"))
    qtbot.waitUntil(lambda: bool(window.panes[1].title_label.property("renameWatched")))
    label = window.panes[1].title_label
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=label.rect().center())
    assert window.panes[1].title_label.text() == "The column"
    assert window.panes[0].title_label.text() == "000_e66fe55ed26b97b5"


def test_cancel_or_same_title_changes_nothing(qtbot, tmp_path, seeds, monkeypatch):
    window = open_window(qtbot, tmp_path, seeds)
    focus_first_pane(qtbot, window)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *a, **k: None))
    press(qtbot, window, "F2")
    with Store.open(tmp_path / "library.sqlite3") as store:
        assert not store.document(window.session.panes[0].document_id).renamed

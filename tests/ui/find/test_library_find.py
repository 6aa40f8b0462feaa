"""Find in Library in the window: every document the library knows (open or not), found in
a worker; opening a match opens its document at that statement, where the tag keys work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.find import LibraryHit
from reader.core.store import DocumentRecord, Store
from reader.core.text import document_from_text
from reader.ui.models import LibraryHitsModel, context_text
from tests.ui.find.test_find_bar import LEFT, RIGHT
from tests.ui.window.window_helpers import (focus_first_pane, open_window, press, tags_in_store,
                                           wait_idle, write)

ARCHIVE = ("An old report from the archive.\n\n"
           "The council had promised new pools in 2019. Nothing came of it.\n")


@pytest.fixture
def window(qtbot, tmp_path):
    archive = write(tmp_path / "archive.txt", ARCHIVE)
    with Store.open(tmp_path / "library.sqlite3") as store:   # known, never opened here
        document = document_from_text(ARCHIVE, title="Archive report", path=archive)
        store.remember_document(document.sha256, str(archive), document.title, document.text)
    files = [write(tmp_path / "left.txt", LEFT), write(tmp_path / "right.txt", RIGHT)]
    window = open_window(qtbot, tmp_path, files)
    focus_first_pane(qtbot, window)
    wait_idle(qtbot, window)
    return window


def search(qtbot, window, text: str) -> None:
    panel = window.finder.library
    panel.edit.clear()
    qtbot.keyClicks(panel.edit, text)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.searching and panel.model.rowCount() >= 0
                    and panel.status.text() not in ("Searching…",), timeout=15000)


def rows(window) -> list[tuple[str, str]]:
    model = window.finder.library.model
    return [(model.index(r, 0).data(), model.hit(r).match) for r in range(model.rowCount())]


def test_ctrl_alt_f_lists_matches_in_every_known_document(qtbot, window):
    press(qtbot, window, "Ctrl+Alt+F")
    panel = window.finder.library
    assert window.finder.dock.isVisible() and panel.edit.hasFocus()
    search(qtbot, window, "pools")
    titles = sorted(title for title, _match in rows(window))
    assert titles == ["Archive report", "left", "right"]
    assert "3 matches in 3 of 3 document(s)" == panel.status.text()


def test_options_apply(qtbot, window):
    press(qtbot, window, "Ctrl+Alt+F")
    panel = window.finder.library
    panel.case.setChecked(True)
    search(qtbot, window, "Council")
    assert [m for _t, m in rows(window)] == ["Council"]
    panel.case.setChecked(False)
    panel.regex.setChecked(True)
    search(qtbot, window, r"\d{4}")
    assert rows(window) == [("Archive report", "2019")]


def test_double_click_opens_an_unopened_document_at_the_match_then_c_tags_it(
        qtbot, window, tmp_path):
    press(qtbot, window, "Ctrl+Alt+F")
    search(qtbot, window, "promised")
    view = window.finder.library.view
    rect = view.visualRect(view.model().index(0, 2))
    # a real double-click: press and release, then the double-click event
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(window.panes) == 3 and window.documents.documents_shown(),
                    timeout=15000)
    qtbot.waitUntil(lambda: window.session.focused == 2
                    and window.session.panes[2].current == 1, timeout=5000)
    assert window.session.panes[2].document.title == "Archive report"
    qtbot.waitUntil(lambda: window.panes[2].view.hasFocus())
    press(qtbot, window, "C")
    assert {i: t.kind for i, t in window.session.tags_for(2).items()} == {1: "claim"}
    assert len(tags_in_store(tmp_path / "library.sqlite3")) == 1


def test_enter_on_a_match_of_an_open_document_goes_there(qtbot, window):
    press(qtbot, window, "Ctrl+Alt+F")
    search(qtbot, window, "chair")
    panel = window.finder.library
    assert rows(window) == [("left", "chair")]
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)   # Enter again: to the list
    assert panel.view.hasFocus() and panel.view.currentIndex().row() == 0
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.session.focused == 0 and window.session.panes[0].current == 3
    assert window.panes[0].view.hasFocus()


def test_a_bad_pattern_is_reported_in_the_panel(qtbot, window):
    press(qtbot, window, "Ctrl+Alt+F")
    panel = window.finder.library
    panel.regex.setChecked(True)
    search(qtbot, window, "(oops")
    assert "bad regular expression" in panel.status.text() and rows(window) == []


def test_open_documents_are_indexed_as_they_open(qtbot, window, tmp_path):
    with Store.open(tmp_path / "library.sqlite3") as store:
        indexed = store.search.indexed()
        ids = {r.id for r in store.documents() if r.title in ("left", "right")}
    assert ids <= set(indexed)


def test_hits_model(qtmodeltester):
    record = DocumentRecord(1, "a" * 64, "/tmp/a.txt", "A", "", "")
    text = "x" * 100 + " the council met " + "y" * 100
    start = text.index("council")
    hit = LibraryHit(record, 4, start, start + 7, text, 0)
    model = LibraryHitsModel()
    model.set_hits([hit, hit])
    qtmodeltester.check(model)
    assert model.index(0, 1).data() == "5"
    shown = model.index(0, 2).data()
    assert "«council»" in shown and shown.startswith("…") and shown.endswith("…")
    assert context_text(hit) == shown
    model.set_hits([])
    assert model.rowCount() == 0


def test_big_documents_are_indexed_in_the_helper_process(qtbot, tmp_path, monkeypatch):
    import reader.ui.window._find as find_module
    from reader.ui.jobs import TaskRunner

    monkeypatch.setattr(find_module, "BIG_STATEMENTS", 1)   # every document counts as big
    jobs: list[str] = []
    submit_job = TaskRunner.submit_job

    def spy(self, name, *args, in_process=False, **kwargs):
        if in_process:
            jobs.append(name)
        return submit_job(self, name, *args, in_process=in_process, **kwargs)

    monkeypatch.setattr(TaskRunner, "submit_job", spy)
    window = open_window(qtbot, tmp_path, [write(tmp_path / "left.txt", LEFT)])
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "index_statements" in jobs and not window.runner.busy, timeout=30000)
    pane = window.session.panes[0]
    with Store.open(tmp_path / "library.sqlite3") as store:
        assert store.search.statement_count(pane.document_id) == len(pane.statements) > 1

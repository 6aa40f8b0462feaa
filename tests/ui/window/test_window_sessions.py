"""Named reading sessions in the window: the title bar, File > New / Open / Recent / Rename
Session, each session's documents, places, zoom and panels, ``--session NAME``, and the
session kept by earlier versions coming along."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from reader.core.store import Store
from reader.ui.dialogs import NameDialog, OpenSessionDialog
from reader.ui.window import MainWindow
from tests.ui.window.window_helpers import COUNCIL_A, COUNCIL_B, wait_idle, write


def start(qtbot, tmp_path: Path, files=(), session: str | None = None,
          restore: bool = True) -> MainWindow:
    window = MainWindow(db_path=tmp_path / "library.sqlite3", restore=restore,
                        align_method="lexical", session_name=session)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.documents.start([str(f) for f in files])
    return window


def names(window) -> list[str]:
    return [p.document.path.name for p in window.session.panes]


def settle(qtbot, window, count: int) -> None:
    qtbot.waitUntil(lambda: len(window.panes) == count and window.documents.documents_shown(),
                    timeout=15000)
    wait_idle(qtbot, window)


@pytest.fixture
def files(tmp_path):
    return (write(tmp_path / "a.txt", COUNCIL_A), write(tmp_path / "b.txt", COUNCIL_B),
            write(tmp_path / "c.txt", "A third text. It has two statements.\n"))


def test_the_title_bar_names_the_session(qtbot, tmp_path):
    window = start(qtbot, tmp_path)
    assert window.windowTitle() == "Default — Source Reader"
    with Store.open(tmp_path / "library.sqlite3") as store:
        assert [s.name for s in store.sessions.all()] == ["Default"]


def test_new_open_recent_and_rename_by_menu(qtbot, tmp_path, files, monkeypatch):
    a, b, c = files
    window = start(qtbot, tmp_path, [a, b])
    settle(qtbot, window, 2)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *args, **kw: "Fact check"))
    window.menus.actions["new_session"].trigger()
    assert window.windowTitle() == "Fact check — Source Reader"
    assert window.session.panes == [] and window.empty_label.isVisible()
    window.documents.open_paths([c])
    settle(qtbot, window, 1)
    # File > Open Session: back to the first one, its documents reopened
    monkeypatch.setattr(OpenSessionDialog, "ask", classmethod(lambda cls, *a, **k: "Default"))
    window.menus.actions["open_session"].trigger()
    settle(qtbot, window, 2)
    assert names(window) == ["a.txt", "b.txt"]
    assert window.windowTitle() == "Default — Source Reader"
    # File > Recent Sessions lists the other one
    window.sessions.fill_recent()
    entries = [a.text() for a in window.sessions.recent_menu.actions()]
    assert entries == ["&1 Fact check"]
    window.sessions.recent_menu.actions()[0].trigger()
    settle(qtbot, window, 1)
    assert names(window) == ["c.txt"]
    # Rename
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *args, **kw: "Verdicts"))
    window.menus.actions["rename_session"].trigger()
    assert window.windowTitle() == "Verdicts — Source Reader"
    with Store.open(tmp_path / "library.sqlite3") as store:
        assert sorted(s.name for s in store.sessions.all()) == ["Default", "Verdicts"]


def test_a_taken_name_is_refused_with_a_message(qtbot, tmp_path, monkeypatch):
    window = start(qtbot, tmp_path)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *args, **kw: "default"))
    window.menus.actions["new_session"].trigger()
    assert window.windowTitle() == "Default — Source Reader"
    assert "already" in window.statusBar().currentMessage()


def test_each_session_keeps_places_zoom_and_panels(qtbot, tmp_path, files, monkeypatch):
    a, b, c = files
    window = start(qtbot, tmp_path, [a, b])
    settle(qtbot, window, 2)
    window.set_point_size(16)
    window.finder.open_library()                 # the Find in Library panel shown
    from reader.core.session import set_current

    set_current(window.session, 1, 2)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *args, **kw: "Small"))
    window.menus.actions["new_session"].trigger()
    window.set_point_size(10)
    window.finder.dock.hide()
    window.documents.open_paths([c])
    settle(qtbot, window, 1)
    window.close()

    again = start(qtbot, tmp_path)               # the last session comes back
    settle(qtbot, again, 1)
    assert again.windowTitle() == "Small — Source Reader" and names(again) == ["c.txt"]
    assert again.point_size == 10 and not again.finder.dock.isVisible()
    monkeypatch.setattr(OpenSessionDialog, "ask", classmethod(lambda cls, *a, **k: "Default"))
    again.menus.actions["open_session"].trigger()
    settle(qtbot, again, 2)
    assert again.point_size == 16 and again.finder.dock.isVisible()
    assert again.session.focused == 1 and again.session.panes[1].current == 2


def test_session_name_opens_or_creates_and_files_join_it(qtbot, tmp_path, files):
    a, b, c = files
    window = start(qtbot, tmp_path, [a], session="Work")
    settle(qtbot, window, 1)
    assert window.windowTitle() == "Work — Source Reader"
    window.close()
    other = start(qtbot, tmp_path, [b], session="Other")    # another session meanwhile
    settle(qtbot, other, 1)
    other.close()
    back = start(qtbot, tmp_path, [c], session="work")       # named: its documents, plus c
    settle(qtbot, back, 2)
    assert back.windowTitle() == "Work — Source Reader" and names(back) == ["a.txt", "c.txt"]
    back.close()
    plain = start(qtbot, tmp_path)                          # no name: the last one
    settle(qtbot, plain, 2)
    assert plain.windowTitle() == "Work — Source Reader"


def test_a_bad_session_name_falls_back_with_a_message(qtbot, tmp_path):
    window = start(qtbot, tmp_path, session="   ")
    assert window.windowTitle() == "Default — Source Reader"
    assert "needs a name" in window.statusBar().currentMessage()


def test_the_session_earlier_versions_kept_comes_along(qtbot, tmp_path, files):
    a, b, _c = files
    settings = QSettings()
    settings.setValue("session/documents", json.dumps(
        [{"path": str(b), "top": 0, "current": 2}, {"path": str(a), "top": 0, "current": 0}]))
    settings.setValue("session/focused", 0)
    settings.sync()
    window = start(qtbot, tmp_path)
    settle(qtbot, window, 2)
    assert names(window) == ["b.txt", "a.txt"] and window.session.panes[0].current == 2
    assert window.windowTitle() == "Default — Source Reader"


def test_a_document_whose_file_is_gone_reopens_from_the_library(qtbot, tmp_path, files):
    a, b, _c = files
    window = start(qtbot, tmp_path, [a, b])
    settle(qtbot, window, 2)
    window.close()
    b.unlink()
    again = start(qtbot, tmp_path)
    settle(qtbot, again, 2)
    assert sorted(p.document.title for p in again.session.panes) == ["a", "b"]


def test_name_dialog_by_keys(qtbot):
    dialog = NameDialog(None, "New Session", "Name:")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.edit, "  Fact check ")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
    assert dialog.result() == NameDialog.DialogCode.Accepted
    assert dialog.edit.text().strip() == "Fact check"


def test_open_session_dialog_by_mouse_and_keys(qtbot, tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as store:
        store.sessions.create("One")
        store.sessions.create("Two")
        sessions = store.sessions.all()
    dialog = OpenSessionDialog(None, sessions, current=sessions[0].id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.chosen() == "Two"                   # the most recent first
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.chosen() == "One"
    rect = dialog.list.visualItemRect(dialog.list.item(0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.result() == OpenSessionDialog.DialogCode.Accepted and dialog.chosen() == "Two"


def test_new_session_from_the_file_menu_by_mouse(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QPoint

    window = start(qtbot, tmp_path)
    monkeypatch.setattr(NameDialog, "ask", classmethod(lambda cls, *args, **kw: "By mouse"))
    menu = window.menus.file
    menu.popup(window.mapToGlobal(QPoint(10, 10)))
    qtbot.waitExposed(menu)
    geometry = menu.actionGeometry(window.menus.actions["new_session"])
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=geometry.center())
    qtbot.waitUntil(lambda: window.windowTitle() == "By mouse — Source Reader", timeout=3000)


def test_a_document_still_opening_stays_with_the_session_it_was_opened_in(
        qtbot, tmp_path, files):
    window = start(qtbot, tmp_path, files[:1])
    settle(qtbot, window, 1)
    window.documents.open_paths([files[1]])              # still opening when we switch
    assert window.loader.pending == 1
    assert window.sessions.switch_to("other", create=True)
    qtbot.wait(300)
    wait_idle(qtbot, window)
    assert names(window) == []                           # b.txt did not land in "other"
    assert window.sessions.switch_to("Default")        # it was saved with the one it left
    settle(qtbot, window, 2)
    assert names(window) == ["a.txt", "b.txt"]

"""File > New from Clipboard: plain and HTML text become a kept document; no text is told."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from reader.core.session import load_stored_document
from reader.core.store import Store
from reader.ui.dialogs import _clipboard as clipboard_module
from reader.ui.dialogs import new_from_clipboard
from tests.ui.panels.panels_support import make_bridge


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(clipboard_module.QMessageBox, name,
                            lambda parent, title, text: shown.append(text))
    return shown


@pytest.fixture(autouse=True)
def _clear_clipboard(qapp):
    """The clipboard owns the mime data we set; clear it while the app is alive, or the
    interpreter's exit frees it a second time (a segfault after the last test)."""
    yield
    QGuiApplication.clipboard().clear()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as db:
        yield db


def _put(text: str | None = None, html: str | None = None) -> None:
    mime = QMimeData()
    if text is not None:
        mime.setText(text)
    if html is not None:
        mime.setHtml(html)
    QGuiApplication.clipboard().setMimeData(mime)


@pytest.mark.parametrize("text, html, expected_text, expected_title", [
    ("The council met. It voted “no”. 🎉", None, "The council met. It voted “no”. 🎉", None),
    ("Budget cut\nThe council cut the budget.",
     "<h1>Budget cut</h1><p>The council cut the budget.</p><p>Residents object.</p>",
     "Budget cut\n\nThe council cut the budget.\n\nResidents object.", "Budget cut"),
    (None, "<p>Only <b>HTML</b> &amp; here.</p>", "Only HTML & here.", None),
])
def test_clipboard_text_becomes_a_kept_document(qtbot, store, messages, text, html,
                                                expected_text, expected_title):
    bridge = make_bridge(store)
    _put(text, html)
    document = new_from_clipboard(bridge)
    assert document is not None and messages == []
    assert document.text == expected_text
    if expected_title:
        assert document.title == expected_title
    record = store.document_by_sha(document.sha256)
    assert record is not None and record.path.startswith("clipboard:")
    assert load_stored_document(store, record).text == expected_text


@pytest.mark.parametrize("text, html", [("", None), ("   \n\t ", None), (None, None),
                                        (None, "<p> </p>")])
def test_no_text_on_the_clipboard_is_told(qtbot, store, messages, text, html):
    bridge = make_bridge(store)
    _put(text, html)
    assert new_from_clipboard(bridge) is None
    assert messages and ("no text" in messages[0].lower())
    assert store.documents() == []


def test_clipboard_without_a_library_still_gives_the_document(qtbot, messages):
    bridge = make_bridge(None)
    _put("Pasted words. More words.")
    document = new_from_clipboard(bridge)
    assert document is not None and document.text == "Pasted words. More words."
    assert messages == []


def test_clipboard_library_failure_is_reported(qtbot, store, messages, monkeypatch):
    from reader.core.errors import StoreError

    def fail(_store, _document):
        raise StoreError("lib.sqlite3: database is read-only")

    monkeypatch.setattr("reader.core.session.remember_clipboard_document", fail)
    _put("Pasted words.")
    document = new_from_clipboard(make_bridge(store))
    assert document is not None
    assert "read-only" in messages[0]

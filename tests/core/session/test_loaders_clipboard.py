"""Clipboard documents: choosing plain text or HTML, storing and reopening them."""

from __future__ import annotations

import pytest

from reader.core.session import (document_from_clipboard, load_stored_document,
                                   remember_clipboard_document)
from reader.core.errors import DocumentError
from reader.core.store import Store


@pytest.mark.parametrize("text, html, expected, title", [
    # HTML has paragraphs and a heading the plain text lost
    ("Title One two.", "<h1>Title</h1><p>One two.</p>", "Title\n\nOne two.", "Title"),
    # HTML is a single span wrapper: the plain text (two paragraphs) wins
    ("First.\n\nSecond.", "<span>First. Second.</span>", "First.\n\nSecond.", "Untitled"),
    # plain text only
    ("Just text.\r\nMore.", None, "Just text.\nMore.", "Untitled"),
    # HTML only
    (None, "<p>A.</p><p>B.</p>", "A.\n\nB.", "Untitled"),
    # Windows CF_HTML header is not text
    (None, "Version:0.9\r\nStartHTML:0000000105\r\n<html><body><p>Body.</p></body></html>",
     "Body.", "Untitled"),
])
def test_clipboard_choice(text, html, expected, title):
    doc = document_from_clipboard(text, html)
    assert doc.text == expected
    assert doc.title == title
    assert doc.source_format == "clipboard"
    assert doc.path is None


def test_long_lines_without_blank_lines_become_paragraphs():
    first, second = "a " * 60 + "end.", "b " * 60 + "end."
    assert document_from_clipboard(f"{first}\n{second}", None).text == f"{first}\n\n{second}"
    wrapped = "Short hard-wrapped line\nthat goes on here."
    assert document_from_clipboard(wrapped, None).text == wrapped


@pytest.mark.parametrize("text, html", [(None, None), ("  \n ", "<p> </p>"), ("", "")])
def test_empty_clipboard_is_refused(text, html):
    with pytest.raises(DocumentError, match="no text"):
        document_from_clipboard(text, html)


def test_clipboard_document_is_stored_and_reopens(tmp_path):
    doc = document_from_clipboard(None, "<h1>Pasted</h1><p>Some pasted words.</p>")
    with Store.open(tmp_path / "lib.sqlite3") as store:
        record = remember_clipboard_document(store, doc)
        assert record.path == f"clipboard:{doc.sha256[:12]}"
        assert record.title == "Pasted"
    with Store.open(tmp_path / "lib.sqlite3", readonly=True) as store:
        again = load_stored_document(store, store.document(record.id))
    assert again == doc
    assert again.sha256 == doc.sha256


def test_file_record_without_text_reloads_the_file(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A file on disk.")
    with Store.open(tmp_path / "lib.sqlite3") as store:
        from reader.core.loaders import load_document

        doc = load_document(path)
        record = store.remember_document(doc.sha256, str(path), doc.title)
        assert load_stored_document(store, record).text == "A file on disk."
        missing = store.remember_document("0" * 64, "clipboard:000000000000", "Gone")
        with pytest.raises(DocumentError, match="not in the library"):
            load_stored_document(store, missing)

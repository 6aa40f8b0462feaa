"""Tags merged into the store by another path (import) show up in open panes; pasted
documents keep their clipboard path in the library."""

from __future__ import annotations

from reader.core.session import document_from_clipboard, remember_clipboard_document
from reader.core.session import TagsChanged
from reader.core.text import split_statements
from tests.core.session.session_helpers import TEXT, open_session, statements_of, write_document


def test_reload_tags_shows_tags_added_behind_the_sessions_back(tmp_path):
    session, events, store = open_session(tmp_path / "lib.sqlite3")
    try:
        doc = write_document(tmp_path, "a.txt")
        statements = statements_of(TEXT)
        pane = session.open_document(doc, statements)
        second = statements[1]
        store.tag_table.add_tag(pane.document_id, second.start, second.end, "opinion",
                      exact=second.text, author="bob")
        assert session.tags_for(0) == {}
        events.clear()
        session.reload_tags()
        assert {i: t.kind for i, t in session.tags_for(0).items()} == {1: "opinion"}
        assert events.of(TagsChanged) == [TagsChanged(0, (1,))]
        events.clear()
        session.reload_tags()  # nothing new: nothing announced
        assert events.of(TagsChanged) == []
    finally:
        store.close()


def test_clipboard_document_keeps_its_library_path(tmp_path):
    session, _, store = open_session(tmp_path / "lib.sqlite3")
    try:
        doc = document_from_clipboard("Pasted first sentence. Pasted second one.", None)
        record = remember_clipboard_document(store, doc)
        session.open_document(doc, split_statements(doc.text))
        assert store.document(record.id).path == f"clipboard:{doc.sha256[:12]}"
    finally:
        store.close()

"""rename_document: the library first, then every pane of that document."""

from __future__ import annotations

import pytest

from reader.core.errors import StoreError
from reader.core.session import PanesChanged, ReadingSession, rename_document
from reader.core.store import Store
from tests.core.session.session_helpers import statements_of, write_document


def test_rename_writes_the_library_then_the_panes(tmp_path):
    events = []
    with Store.open(tmp_path / "library.sqlite3") as store:
        session = ReadingSession(store, "me", events.append)
        document = write_document(tmp_path, "a.txt")
        session.open_document(document, statements_of(document.text))
        session.open_document(document, statements_of(document.text))   # twice
        events.clear()
        record = rename_document(session, 0, "  My   title ")
        assert record.title == "My title" and record.renamed
        assert [p.document.title for p in session.panes] == ["My title", "My title"]
        assert [p.document.sha256 for p in session.panes] == [document.sha256] * 2
        assert any(isinstance(e, PanesChanged) for e in events)
        # opened again later: the library's title wins over the file's
        again = ReadingSession(store, "me")
        again.open_document(document, statements_of(document.text))
        assert again.panes[0].document.title == "My title"


def test_nothing_changes_when_the_library_cannot_keep_it(tmp_path):
    session = ReadingSession(None, "me")
    document = write_document(tmp_path, "a.txt")
    session.open_document(document, statements_of(document.text))
    with pytest.raises(StoreError):
        rename_document(session, 0, "x")
    assert session.panes[0].document.title == document.title
    with pytest.raises(ValueError):
        rename_document(session, 0, "   ")

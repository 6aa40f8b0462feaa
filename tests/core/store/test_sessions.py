"""Named reading sessions in the library: create, open, save, rename, delete, and the
documents an export of one session keeps."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.store import SessionDocument, SessionNameError, Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "library.sqlite3") as opened:
        yield opened


def test_a_new_library_has_no_session(store):
    assert store.sessions.all() == [] and store.sessions.last() is None


def test_create_open_and_last(store):
    first = store.sessions.create("  Budget   dispute ")
    assert first.name == "Budget dispute" and first.documents == ()
    second = store.sessions.create("Elections")
    assert store.sessions.last().id == second.id
    again = store.sessions.open("budget DISPUTE")      # case does not matter
    assert again.id == first.id and store.sessions.last().id == first.id
    made = store.sessions.open("Third")                 # opened or created
    assert made.name == "Third" and [s.name for s in store.sessions.all()][0] == "Third"
    with pytest.raises(SessionNameError):
        store.sessions.open("Nope", create=False)


@pytest.mark.parametrize("name", ["", "   ", "x" * 81])
def test_bad_names_are_refused(store, name):
    with pytest.raises(SessionNameError):
        store.sessions.create(name)
    assert store.sessions.all() == []


def test_names_are_unique_ignoring_case(store):
    store.sessions.create("Work")
    with pytest.raises(SessionNameError, match="already"):
        store.sessions.create("work")
    other = store.sessions.create("Play")
    with pytest.raises(SessionNameError, match="already"):
        store.sessions.rename(other.id, "WORK")
    assert store.sessions.rename(other.id, "Leisure").name == "Leisure"
    assert store.sessions.rename(other.id, "leisure").name == "leisure"  # own name, new case


def test_save_and_read_back_the_layout(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "A", "text a")
    session = store.sessions.create("Work")
    docs = (SessionDocument("/tmp/a.txt", doc.id, 120, 3), SessionDocument("/tmp/b.txt", None))
    store.sessions.save(session.id, docs, focused=1, zoom=14.0, panels=("tags", "related"))
    back = store.sessions.get("work")
    assert back.documents == docs and back.focused == 1 and back.zoom == 14.0
    assert back.panels == ("tags", "related")
    store.sessions.save(session.id, docs[1:])
    assert store.sessions.get("Work").documents == docs[1:]


def test_delete_keeps_documents_and_tags(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "A", "text a")
    session = store.sessions.create("Work")
    store.sessions.save(session.id, [SessionDocument("/tmp/a.txt", doc.id)])
    store.sessions.delete(session.id)
    assert store.sessions.all() == [] and store.document(doc.id) is not None
    assert store._read("SELECT count(*) FROM session_documents") == [(0,)]


def test_document_ids_of_a_session_include_other_versions_at_its_paths(store):
    old = store.remember_document("a" * 64, "/tmp/a.txt", "A", "old text")
    new = store.remember_document("b" * 64, "/tmp/a.txt", "A", "new text")
    other = store.remember_document("c" * 64, "/tmp/c.txt", "C", "other")
    session = store.sessions.create("Work")
    store.sessions.save(session.id, [SessionDocument("/tmp/a.txt", new.id)])
    assert store.sessions.document_ids("work") == [old.id, new.id]
    assert other.id not in store.sessions.document_ids("Work")
    with pytest.raises(SessionNameError):
        store.sessions.document_ids("missing")


def test_a_deleted_document_leaves_the_session_pane(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "A", "text")
    session = store.sessions.create("Work")
    store.sessions.save(session.id, [SessionDocument("/tmp/a.txt", doc.id)])
    with store.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
    assert store.sessions.get("Work").documents == (SessionDocument("/tmp/a.txt", None),)


def test_readonly_library_lists_sessions_but_cannot_write(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        store.sessions.create("Work")
    with Store.open(path, readonly=True) as store:
        assert [s.name for s in store.sessions.all()] == ["Work"]
        with pytest.raises(Exception):
            store.sessions.create("Other")
    assert sqlite3.connect(path).execute("SELECT count(*) FROM sessions").fetchone() == (1,)


def test_sessions_opened_within_one_millisecond_keep_their_order(store, monkeypatch):
    monkeypatch.setattr("reader.core.store._sessions.now_iso",
                        lambda: "2026-12-02T04:09:48.045Z")   # a fast machine: one stamp
    first = store.sessions.create("First")
    second = store.sessions.create("Second")
    assert store.sessions.last().id == second.id
    assert store.sessions.open("First").id == first.id
    assert store.sessions.last().id == first.id
    assert store.sessions.open("Second").id == second.id
    assert store.sessions.last().id == second.id

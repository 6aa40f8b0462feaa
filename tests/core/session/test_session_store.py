"""The library failing mid-session: deleted, made read-only, locked by another program.

In every case the user is told (StoreProblem), the tags stay on screen from memory, and
they are written on the next action or flush_pending(): nothing is lost silently.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from reader.core import session as s
from reader.core.session import StoreProblem, StoreRecovered
from tests.core.session.session_helpers import (
    SENTENCES,
    TEXT,
    open_session,
    statements_of,
    stored_tags,
    write_document,
)


@contextmanager
def deleted(db: Path, with_journal: bool) -> Iterator[None]:
    """The library file (and maybe its WAL files) deleted; it stays deleted."""
    for suffix in ("", "-wal", "-shm") if with_journal else ("",):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    yield


@contextmanager
def read_only(db: Path, with_journal: bool) -> Iterator[None]:
    """The library file made read-only, writable again afterwards."""
    db.chmod(0o444)
    try:
        yield
    finally:
        db.chmod(0o644)


@contextmanager
def locked(db: Path, with_journal: bool) -> Iterator[None]:
    """Another program holds an exclusive transaction on the library."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("INSERT INTO settings VALUES ('held by', 'another program')")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


FAILURES = [
    pytest.param(deleted, False, "deleted", id="deleted"),
    pytest.param(deleted, True, "deleted", id="deleted-with-wal-files"),
    pytest.param(read_only, False, "read-only", id="read-only"),
    pytest.param(locked, False, "locked", id="locked"),
]


@pytest.fixture
def tagging(tmp_path):
    """A session on a fresh library with one document and one tag already written."""
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db, busy_ms=50)
    doc = write_document(tmp_path, "a.txt")
    session.open_document(doc, statements_of(TEXT))
    s.tag_claim(session)
    yield session, events, store, db
    store.close()


def kinds(session) -> dict[int, str]:
    return {i: t.kind for i, t in session.tags_for(0).items()}


@pytest.mark.parametrize("failure, journal, words", FAILURES)
def test_tags_are_kept_told_and_written_later(tagging, failure, journal, words) -> None:
    session, events, store, db = tagging
    # A tag of another document, not open: it must survive too.
    other = store.remember_document("f" * 64, "/elsewhere.txt", "Elsewhere")
    store.tag_table.add_tag(other.id, 0, 4, "opinion", exact="Else")
    with failure(db, journal):
        events.clear()
        s.tag_opinion(session)
        [problem] = events.of(StoreProblem)
        assert words in problem.message and problem.pending == 1
        assert kinds(session) == {0: "claim", 1: "opinion"}  # shown from memory
        assert session.pending_writes == 1
        if failure is not deleted:
            s.extend_down(session)
            s.tag_quotation(session)  # another action: retried, still failing, still told
            assert events.of(StoreProblem)[-1].pending == 2
    if failure is deleted:
        assert not db.exists()
        s.extend_down(session)
        s.tag_quotation(session)  # the next action writes the library back with everything
    else:
        assert session.flush_pending()
    assert session.pending_writes == 0 and events.of(StoreRecovered)
    expected = {0: "claim", 1: "opinion", 2: "quotation", 3: "quotation"}
    assert kinds(session) == expected
    rows = stored_tags(db)
    doc_id = session.panes[0].document_id
    assert sorted((t.start, t.kind) for t in rows if t.document_id == doc_id) == sorted(
        (session.panes[0].statements[i].start, k) for i, k in expected.items())
    assert [t.exact for t in rows if t.document_id == other.id] == ["Else"]
    # Memory now holds the store's ids, so later actions and undo work on the real rows.
    assert {t.id for t in session.tags_for(0).values()} == {t.id for t in rows
                                                              if t.document_id == doc_id}
    s.undo(session)
    s.undo(session)
    assert kinds(session) == {0: "claim"} == {0: stored_tags(db)[0].kind} and len(
        [t for t in stored_tags(db) if t.document_id == doc_id]) == 1


def test_undo_and_redo_while_locked(tagging) -> None:
    session, events, store, db = tagging
    with locked(db, False):
        s.tag_opinion(session)
        s.undo(session)
        assert kinds(session) == {0: "claim"} and session.pending_writes == 2
        s.redo(session)
        s.set_note(session, "while locked")  # redo made statement 1 current again
    assert session.flush_pending()
    [claim, opinion] = stored_tags(db)
    assert (claim.kind, opinion.kind) == ("claim", "opinion")
    assert opinion.note == "while locked"
    assert session.tags_for(0)[1] == opinion
    s.undo(session)
    s.undo(session)
    assert [t.kind for t in stored_tags(db)] == ["claim"]
    s.redo(session)
    assert [t.id for t in stored_tags(db)] == [claim.id, opinion.id]  # the same row back


def test_document_opened_while_locked_is_remembered_later(tmp_path) -> None:
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db, busy_ms=50)
    store.remember_document("0" * 64, "", "unrelated")  # create the schema first
    with locked(db, False):
        pane = session.open_document(write_document(tmp_path, "a.txt"), statements_of(TEXT))
        assert pane.document_id is None and events.of(StoreProblem)
        s.tag_claim(session)
        assert kinds(session) == {0: "claim"}
    s.tag_claim(session)
    assert pane.document_id == store.document_by_sha(pane.document.sha256).id
    assert [(t.document_id, t.kind) for t in stored_tags(db)] == [(pane.document_id, "claim")] * 2
    store.close()


def test_problem_is_reported_again_until_written(tagging) -> None:
    session, events, store, db = tagging
    with read_only(db, False):
        s.tag_opinion(session)
        assert not session.flush_pending()
        assert [e.pending for e in events.of(StoreProblem)] == [1, 1]
    assert session.flush_pending() and session.pending_writes == 0
    assert os.access(db, os.W_OK)


def test_pane_closed_before_the_store_came_back(tmp_path) -> None:
    db = tmp_path / "lib.sqlite3"
    session, events, store = open_session(db, busy_ms=50)
    store.remember_document("0" * 64, "", "unrelated")
    session.open_document(write_document(tmp_path, "b.txt"), statements_of(TEXT))
    with locked(db, False):
        pane = session.open_document(write_document(tmp_path, "a.txt", TEXT + "More.\n"),
                                     statements_of(TEXT))
        s.set_current(session, 1, 2)
        s.tag_opinion(session)
        session.close_pane(1)
    assert session.flush_pending()
    [tag] = stored_tags(db)
    record = store.document_by_sha(pane.document.sha256)
    assert (tag.document_id, tag.kind, tag.exact) == (record.id, "opinion", SENTENCES[2])
    store.close()


def test_write_batch_is_one_transaction_with_new_ids(tmp_path) -> None:
    from dataclasses import replace

    from reader.core.store import ManualLink, Store, Tag

    with Store.open(tmp_path / "lib.sqlite3") as store:
        doc = store.remember_document("a" * 64, "", "A").id
        kept = store.tag_table.add_tag(doc, 0, 3, "claim", exact="abc")
        new = Tag(-7, doc, 4, 9, "opinion", "", "defgh", "", "", "ann", "t1", "t1")
        link = ManualLink(-2, doc, 0, 3, doc, 4, 9, "link", "ann", "t1")
        ids = store.bulk.write_batch([("put_tag", new), ("put_tag", replace(new, kind="quotation")),
                                 ("delete_tag", kept.id), ("put_link", link)])
        [row] = store.tag_table.tags()
        assert ids == {("tag", -7): row.id, ("link", -2): store.tag_table.manual_links()[0].id}
        assert (row.kind, row.created_at) == ("quotation", "t1")
        with pytest.raises(ValueError):  # a bad row: nothing of the batch is written
            store.bulk.write_batch([("delete_tag", row.id), ("put_tag", replace(new, kind="x"))])
        assert store.tag_table.tags() == [row]

"""Merging a whole other library: authors kept, idempotent, refusals leave files as they were."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import StoreError
from reader.core.store import SCHEMA_VERSION, Store, Tag, merge_library

TEXT = "The minister said the plan works. Critics disagree. Growth rose by four percent."
SHA = hashlib.sha256(TEXT.encode()).hexdigest()
STAMP = "2024-05-01T10:00:00.000Z"


def digest(path: Path) -> str:
    """SHA-256 of the file and of its write-ahead log (if any)."""
    wal = path.with_name(path.name + "-wal")
    return hashlib.sha256(path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
                          ).hexdigest()


def library(path: Path, author: str, kinds: list[str], *, created: str = STAMP,
            updated: str = STAMP) -> Path:
    """A library holding TEXT (with its text) and one tag per statement by ``author``."""
    spans = [(0, 33), (34, 51), (52, 81)]
    with Store.open(path) as store:
        doc = store.remember_document(SHA, "/docs/minister.txt", "Minister", text=TEXT)
        store.tag_table.add_tags(Tag(0, doc.id, s, e, kind, "", TEXT[s:e], "", "", author, created,
                           updated) for (s, e), kind in zip(spans, kinds))
        store.tag_table.add_manual_link((doc.id, 0, 33), (doc.id, 52, 81), author=author)
    return path


def rows(path: Path) -> list[tuple]:
    with Store.open(path, readonly=True) as store:
        return sorted((t.start, t.end, t.kind, t.author) for t in store.tag_table.tags())


def test_merge_keeps_authors_reports_and_is_idempotent(tmp_path):
    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    theirs = library(tmp_path / "theirs.sqlite3", "bob", ["opinion", "quotation", "claim"])
    before = digest(theirs)
    with Store.open(mine) as store:
        result = merge_library(store, theirs)
        assert (result.tags_found, result.tags_added, result.tags_updated) == (3, 3, 0)
        assert result.authors == ("bob",)
        assert result.documents_added == 0 and result.links_added == 1
        assert "merged 3 of 3 tags by bob" in result.summary()
        again = merge_library(store, theirs)
        assert (again.tags_added, again.tags_updated, again.links_added) == (0, 0, 0)
        assert "3 already in the library" in again.summary()
    assert [r[3] for r in rows(mine)].count("bob") == 3
    assert [r[3] for r in rows(mine)].count("ann") == 3
    assert digest(theirs) == before


def test_merge_into_an_empty_library_brings_documents_and_texts(tmp_path):
    theirs = library(tmp_path / "theirs.sqlite3", "bob", ["opinion", "quotation", "claim"])
    with Store.open(tmp_path / "new.sqlite3") as store:
        result = merge_library(store, theirs)
        assert result.documents_added == 1 and result.texts_added == 1
        assert store.document_text(store.document_by_sha(SHA).id) == TEXT


def test_a_newer_copy_of_the_same_tag_updates_its_kind(tmp_path):
    mine = library(tmp_path / "mine.sqlite3", "bob", ["opinion", "claim", "claim"])
    theirs = library(tmp_path / "theirs.sqlite3", "bob", ["opinion", "quotation", "claim"],
                     updated="2024-06-01T10:00:00.000Z")
    with Store.open(mine) as store:
        result = merge_library(store, theirs)
    assert (result.tags_added, result.tags_updated) == (0, 3)
    assert [r[2] for r in rows(mine)] == ["opinion", "quotation", "claim"]


def _newer(path: Path) -> Path:
    library(path, "bob", ["claim"] * 3)
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    return path


def _damaged(path: Path) -> Path:
    library(path, "bob", ["claim"] * 3)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    data = bytearray(path.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # a page of garbage
    path.write_bytes(bytes(data))
    return path


def _foreign(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('soup')")
    return path


def _not_sqlite(path: Path) -> Path:
    path.write_text("hello, I am a text file\n")
    return path


def _empty(path: Path) -> Path:
    path.write_bytes(b"")
    return path


@pytest.mark.parametrize(("make", "words"), [
    (_newer, "newer"), (_damaged, "damaged"), (_foreign, "not a Source Reader"),
    (_not_sqlite, "not a SQLite"), (_empty, "empty"),
])
def test_refused_libraries_are_left_byte_identical_and_nothing_changes(tmp_path, make, words):
    other = make(tmp_path / "other.sqlite3")
    before = digest(other)
    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    with Store.open(mine) as store:
        with pytest.raises(StoreError) as caught:
            merge_library(store, other)
    message = str(caught.value)
    assert "\n" not in message and words in message and str(other) in message
    assert digest(other) == before
    assert len(rows(mine)) == 3


def test_a_merge_failing_in_its_first_batch_changes_nothing(tmp_path, monkeypatch):
    from reader.core.store import _merge

    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    theirs = library(tmp_path / "theirs.sqlite3", "bob", ["opinion", "quotation", "claim"])

    def fail(*_args):
        raise sqlite3.IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(_merge._Merged, "write_tags", fail)
    with Store.open(mine) as store:
        with pytest.raises(StoreError, match="nothing was changed"):
            merge_library(store, theirs)
    assert len(rows(mine)) == 3


def test_a_merge_stopped_after_its_first_batch_keeps_it_and_finishes_when_run_again(
        tmp_path, monkeypatch):
    """Tags and links go in short transactions (a tag key in the window waits for one,
    not for the whole merge); what was merged before a failure stays, and merging the
    same library again adds the rest."""
    from reader.core.errors import PartialImportError
    from reader.core.store import _bulk, _merge

    monkeypatch.setattr(_bulk, "BATCH", 2)
    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    theirs = library(tmp_path / "theirs.sqlite3", "bob", ["opinion", "quotation", "claim"])
    write_tags = _merge._Merged.write_tags
    calls = [0]

    def full_disk_at_the_second_batch(self, conn, tags):
        calls[0] += 1
        if calls[0] == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return write_tags(self, conn, tags)

    monkeypatch.setattr(_merge._Merged, "write_tags", full_disk_at_the_second_batch)
    with Store.open(mine) as store:
        with pytest.raises(PartialImportError, match="2 of 3 tags were merged before it; "
                                                     "merging the library again adds the rest"):
            merge_library(store, theirs)
    assert len(rows(mine)) == 5
    monkeypatch.setattr(_merge._Merged, "write_tags", write_tags)
    with Store.open(mine) as store:
        again = merge_library(store, theirs)
    assert (again.tags_added, again.tags_found, again.links_added) == (1, 3, 1)
    assert sorted(r[-1] for r in rows(mine)).count("bob") == 3


def test_merging_the_open_library_into_itself_is_refused(tmp_path):
    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    with Store.open(mine) as store:
        with pytest.raises(StoreError, match="already open"):
            merge_library(store, mine)


def test_an_older_library_is_migrated_in_the_copy_and_merged(tmp_path):
    from reader.core.store._schema import MIGRATIONS

    old = tmp_path / "old.sqlite3"
    with sqlite3.connect(old) as conn:  # a version-1 library, as the first release wrote it
        conn.executescript(MIGRATIONS[0])
        conn.execute("PRAGMA user_version = 1")
        conn.execute("INSERT INTO documents (sha256, path, title, first_seen, last_seen) "
                     "VALUES (?, '/docs/minister.txt', 'Minister', ?, ?)", (SHA, STAMP, STAMP))
        conn.execute("INSERT INTO tags (document_id, start, \"end\", kind, exact, author, "
                     "created_at, updated_at) VALUES (1, 0, 33, 'claim', ?, 'cy', ?, ?)",
                     (TEXT[:33], STAMP, STAMP))
    before = digest(old)
    mine = library(tmp_path / "mine.sqlite3", "ann", ["opinion", "claim", "claim"])
    with Store.open(mine) as store:
        result = merge_library(store, old)
    assert (result.tags_added, result.authors) == (1, ("cy",))
    assert (0, 33, "claim", "cy") in rows(mine)
    assert digest(old) == before  # migrated in the copy only
    with sqlite3.connect(old) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1

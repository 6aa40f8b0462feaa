"""The SQLite library: schema, migrations, writes, and refusing bad files."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.core.errors import StoreError
from reader.core.store import SCHEMA_VERSION, Store, default_db_path

DATA = Path(__file__).resolve().parents[2] / "data"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "lib.sqlite3") as opened:
        yield opened


def test_new_store_has_current_schema_wal_and_foreign_keys(tmp_path):
    with Store.open(tmp_path / "sub" / "lib.sqlite3") as store:
        assert store.schema_version == SCHEMA_VERSION
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_default_path_from_env_and_platformdirs(tmp_path):
    assert default_db_path({"READER_DB": str(tmp_path / "x.db")}) == tmp_path / "x.db"
    path = default_db_path({})
    assert path.name == "library.sqlite3" and "source-reader" in str(path)


def test_document_upsert_by_sha_keeps_first_seen(store):
    first = store.remember_document("sha1", "/a.txt", "A")
    again = store.remember_document("sha1", "/moved/a.txt", "A")
    assert again.id == first.id
    assert again.first_seen == first.first_seen
    assert again.path == "/moved/a.txt"
    assert [d.sha256 for d in store.documents(path="/moved/a.txt")] == ["sha1"]


def test_document_text_is_kept_compressed(store):
    doc = store.remember_document("sha2", "clipboard:1", "Clip", text="Hello 👋 world.")
    assert store.document_text(doc.id) == "Hello 👋 world."


def test_tag_lifecycle(store):
    doc = store.remember_document("sha", "/a.txt", "A")
    tag = store.tag_table.add_tag(doc.id, 5, 12, "claim", exact="example", prefix="This ", suffix=".",
                        author="ann")
    assert store.tag_table.tag(tag.id) == tag
    updated = store.tag_table.update_tag(tag.id, kind="opinion", note="why")
    assert (updated.kind, updated.note, updated.created_at) == ("opinion", "why", tag.created_at)
    assert store.tag_table.tags(kinds=["opinion"]) == [updated]
    assert store.tag_table.tags(kinds=["claim"]) == []
    assert store.tag_table.tags(authors=["bob"]) == []
    store.tag_table.delete_tag(tag.id)
    assert store.tag_table.tag(tag.id) is None
    restored = store.tag_table.add_tag(doc.id, 5, 12, "claim", exact="example", tag_id=tag.id,
                             created_at=tag.created_at)
    assert restored.id == tag.id


def test_bad_kind_is_rejected_without_writing(store):
    doc = store.remember_document("sha", "/a.txt", "A")
    with pytest.raises(ValueError):
        store.tag_table.add_tag(doc.id, 0, 1, "rumour", exact="x")
    assert store.tag_table.tags() == []


def test_deleting_a_document_cascades(store):
    doc = store.remember_document("sha", "/a.txt", "A")
    store.tag_table.add_tag(doc.id, 0, 1, "claim", exact="x")
    with store.transaction() as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
    assert store.tag_table.tags() == []


def test_manual_and_passage_links(store):
    a = store.remember_document("a", "/a", "A")
    b = store.remember_document("b", "/b", "B")
    link = store.tag_table.add_manual_link((a.id, 0, 10), (b.id, 5, 15), "link", author="ann")
    store.tag_table.add_manual_link((a.id, 20, 30), (b.id, 0, 4), "reject")
    assert [m.action for m in store.tag_table.manual_links([a.id, b.id])] == ["link", "reject"]
    store.tag_table.delete_manual_link(link.id)
    assert [m.action for m in store.tag_table.manual_links()] == ["reject"]
    store.tag_table.save_passage_links(a.id, b.id, [(0, 10, 5, 15, 0.8)])
    store.tag_table.save_passage_links(a.id, b.id, [(0, 10, 5, 15, 0.9)])
    assert [p.score for p in store.tag_table.passage_links(b.id)] == [0.9]


def test_embedding_cache_and_settings(store):
    store.put_embeddings("m", {"h1": b"\x00\x01", "h2": b"\x02"})
    assert store.embeddings("m", ["h1", "h3"]) == {"h1": b"\x00\x01"}
    assert store.setting("author", "nobody") == "nobody"
    store.set_setting("author", "ann")
    assert store.setting("author") == "ann"


def test_migrates_v1_file_keeping_tags(tmp_path):
    path = tmp_path / "v1.sqlite3"
    shutil.copy(DATA / "library_v1.sqlite3", path)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        [tag] = store.tag_table.tags()
        assert (tag.kind, tag.note, tag.author, tag.orphaned) == ("claim", "checked", "alice", False)
        assert store.document(tag.document_id).title == "Old article"
        store.tag_table.add_manual_link((1, 0, 1), (1, 2, 3))  # v2 table exists


def test_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("these are my notes, not a database\n" * 50)
    before = _digest(path)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store.open(path)
    assert _digest(path) == before


def test_damaged_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "lib.sqlite3"
    with Store.open(path) as store:
        doc = store.remember_document("sha", "/a", "A")
        for i in range(300):
            store.tag_table.add_tag(doc.id, i, i + 1, "claim", exact="x" * 200)
        store._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[4096 * 2:4096 * 2 + 2000] = os.urandom(2000)
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(StoreError):
        Store.open(path)
    assert _digest(path) == before


def test_newer_schema_is_refused_and_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    with Store.open(path) as store:
        store._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = _digest(path)
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Source Reader database"):
        Store.open(path)


def test_locked_database_is_waited_for_then_reported(tmp_path, monkeypatch):
    monkeypatch.setattr("reader.core.store._store.BUSY_TIMEOUT_MS", 200)
    path = tmp_path / "lib.sqlite3"
    Store.open(path).close()
    with Store.open(path) as store:
        doc = store.remember_document("sha", "/a", "A")
        other = sqlite3.connect(path, timeout=0)
        other.execute("BEGIN EXCLUSIVE")
        try:
            with pytest.raises(StoreError, match="locked"):
                store.tag_table.add_tag(doc.id, 0, 1, "claim", exact="x")
        finally:
            other.rollback()
            other.close()
        assert store.tag_table.add_tag(doc.id, 0, 1, "claim", exact="x").id


def test_readonly_open_of_missing_file_does_not_create_it(tmp_path):
    path = tmp_path / "missing.sqlite3"
    with pytest.raises(StoreError, match="no such database"):
        Store.open(path, readonly=True)
    assert not path.exists()


def test_readonly_store_refuses_writes(tmp_path):
    path = tmp_path / "lib.sqlite3"
    Store.open(path).close()
    with Store.open(path, readonly=True) as store:
        assert store.tag_table.tags() == []
        with pytest.raises(StoreError):
            store.remember_document("sha", "/a", "A")


def test_directory_is_refused(tmp_path):
    with pytest.raises(StoreError, match="directory"):
        Store.open(tmp_path)

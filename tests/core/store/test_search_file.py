"""The statement index lives in a file of its own beside the library: derived data that
is made again when it is damaged, foreign or out of date, and kept in memory where no
file can be written; the library's old index tables are dropped by the migration."""

from __future__ import annotations

import sqlite3

import pytest

import reader.core.store._search_file as search_file
from reader.core.find import FindQuery, index_missing, search_library
from reader.core.store import SCHEMA_VERSION, Store, index_path
from reader.core.store._schema import MIGRATIONS, _split_sql

TEXT = "The council approved the budget. Critics called it reckless."


def remember(store: Store, text: str = TEXT, name: str = "budget.txt") -> int:
    from reader.core.text import document_from_text

    document = document_from_text(text, title=name)
    return store.remember_document(document.sha256, name, name, text).id


def titles(store: Store, query: str) -> list[str]:
    return [hit.document.title for hit in search_library(store, FindQuery(query)).hits]


def test_a_damaged_index_file_is_made_again(tmp_path):
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        remember(store)
        index_missing(store)
    index_path(path).write_bytes(b"\x00garbage" * 512)
    with Store.open(path) as store:
        assert titles(store, "council") == []          # nothing indexed any more ...
        assert index_missing(store) == 1                # ... so it is indexed again
        assert titles(store, "council") == ["budget.txt"]
    assert index_path(path).read_bytes()[:15] == b"SQLite format 3"


def test_an_index_of_another_format_is_replaced(tmp_path):
    path = tmp_path / "library.sqlite3"
    with sqlite3.connect(index_path(path)) as conn:
        conn.execute("CREATE TABLE unrelated (x)")
        conn.execute(f"PRAGMA user_version = {search_file.FORMAT + 1}")
    with Store.open(path) as store:
        remember(store)
        assert index_missing(store) == 1 and titles(store, "budget") == ["budget.txt"]


def test_entries_made_for_another_library_are_ignored_and_redone(tmp_path):
    first, second = tmp_path / "first.sqlite3", tmp_path / "second.sqlite3"
    with Store.open(first) as store:
        remember(store)
        index_missing(store)
    with Store.open(second) as store:      # same document id, another text
        remember(store, "The harbor opens at dawn.", "harbor.txt")
    second.with_name(second.name + ".find-index").write_bytes(index_path(first).read_bytes())
    with Store.open(second) as store:
        assert titles(store, "council") == [] and store.search.unindexed() == [1]
        assert index_missing(store) == 1
        assert titles(store, "harbor") == ["harbor.txt"] and titles(store, "council") == []


def test_where_no_file_can_be_written_the_index_is_kept_in_memory(tmp_path, monkeypatch):
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        remember(store)
    monkeypatch.setattr(search_file, "read_only_location", lambda directory: True)
    with Store.open(path, readonly=True) as store:
        assert index_missing(store) == 1 and titles(store, "critics") == ["budget.txt"]
        assert store.search.in_memory
    assert not index_path(path).exists()


def _v4_library(path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    for version in range(4):
        script = MIGRATIONS[version]
        if callable(script):
            script(conn)
        else:
            for statement in _split_sql(script):
                conn.execute(statement)
    try:
        conn.execute("CREATE VIRTUAL TABLE search_fts USING fts5(text, "
                     "content='search_statements', content_rowid='id', tokenize='trigram')")
    except sqlite3.OperationalError:
        pass   # an SQLite without FTS5: the plain tables alone
    conn.execute("INSERT INTO search_statements VALUES (1, 1, 0, 0, 5, 'Fact.')")
    for sha in ("a", "b"):
        conn.execute("INSERT INTO documents (sha256, path, title, first_seen, last_seen) "
                     "VALUES (?, '', ?, '', '')", (sha * 64, sha))
    conn.execute("INSERT INTO passage_links VALUES (1, 0, 5, 2, 0, 5, 0.75)")
    conn.execute("PRAGMA user_version = 4")
    conn.close()


def test_the_migration_drops_the_old_index_tables_and_keeps_the_saved_links(tmp_path):
    path = tmp_path / "library.sqlite3"
    _v4_library(path)
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION == 5
        names = {row[0] for row in store._read("SELECT name FROM sqlite_master")}
        assert [(p.left_start, p.score) for p in store.tag_table.passage_links(1)] == [(0, 0.75)]
        store.tag_table.save_passage_links(1, 2, [(10, 15, 10, 15, 0.9)])
        assert [(p.left_start, p.score) for p in store.tag_table.passage_links(2)] == [(10, 0.9)]
    assert not {n for n in names if n.startswith("search_")}


@pytest.mark.parametrize("readonly", [False, True])
def test_a_store_that_never_searches_never_makes_the_index_file(tmp_path, readonly):
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        remember(store)
    with Store.open(path, readonly=readonly) as store:
        assert store.tag_table.tags() == []
    assert not index_path(path).exists()


def test_statements_go_into_the_trigram_index_as_they_are_written(tmp_path):
    """Not built in one go by the first search (seconds for a big library)."""
    with Store.open(tmp_path / "probe.sqlite3") as probe:
        if not probe.search.has_fts():
            pytest.skip("SQLite without FTS5 trigram")
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        remember(store)
        index_missing(store)
    with sqlite3.connect(index_path(path)) as conn:
        assert conn.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'council'"
                            ).fetchone() == (1,)

"""The file that holds the statement index (its own SQLite database beside the library).

Everything in it can be made again from the library, so it is written without waiting for
the disk, and a file that is damaged or not an index is replaced by an empty one rather
than reported: Find then indexes the library again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import ContextManager, Sequence

from reader.core.errors import StoreError
from reader.core.store._opening import connect, read_only_location, write_transaction
from reader.core.store._schema import _describe

#: The index file's layout, in its ``user_version``: another value means an index made by
#: another version, which is replaced.
FORMAT = 1
_BUSY_TIMEOUT_S = 5.0

_TABLES = [
    "CREATE TABLE IF NOT EXISTS search_statements (id INTEGER PRIMARY KEY, "
    "document_id INTEGER NOT NULL, statement INTEGER NOT NULL, start INTEGER NOT NULL, "
    '"end" INTEGER NOT NULL, text TEXT NOT NULL)',
    "CREATE INDEX IF NOT EXISTS search_statements_document "
    "ON search_statements(document_id, statement)",
    "CREATE TABLE IF NOT EXISTS search_documents (document_id INTEGER PRIMARY KEY, "
    "sha256 TEXT NOT NULL, statements INTEGER NOT NULL, version INTEGER NOT NULL, "
    "indexed_at TEXT NOT NULL)",
]
_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(text, content='search_statements',"
    " content_rowid='id', tokenize='trigram', detail='full')",
    "CREATE TRIGGER IF NOT EXISTS search_statements_ai AFTER INSERT ON search_statements BEGIN "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_statements_ad AFTER DELETE ON search_statements BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
]


class IndexFile:
    """One connection to an index file (or to an index in memory)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, in_memory: bool) -> None:
        self._conn = conn
        self.path = path
        self.in_memory = in_memory
        self._fts: bool | None = None

    @classmethod
    def open(cls, path: Path) -> "IndexFile":
        """The index at ``path``: made when absent, made again when unusable, in memory
        where no file can be written."""
        if not read_only_location(path.parent):
            for attempt in range(2):
                try:
                    return cls._ready(connect(path, False, _BUSY_TIMEOUT_S), path, False)
                except sqlite3.OperationalError:
                    break   # cannot be opened or is locked: in memory this time
                except (sqlite3.DatabaseError, _Foreign):
                    if attempt:
                        break
                    _remove(path)
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        return cls._ready(memory, path, True)

    @classmethod
    def _ready(cls, conn: sqlite3.Connection, path: Path, in_memory: bool) -> "IndexFile":
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):
                raise _Foreign()
            if not in_memory:
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = OFF")   # derived data: a lost batch is redone
            if version == 0:
                conn.execute("BEGIN IMMEDIATE")
                for statement in _TABLES:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {FORMAT}")
                conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, in_memory)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def transaction(self) -> ContextManager[sqlite3.Connection]:
        """One write transaction on the index (the library's lock is not taken)."""
        return write_transaction(self._conn, self.path)

    def read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Rows of one query."""
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None

    def has_fts(self) -> bool:
        """True when the trigram index exists (made now when it can be)."""
        if self._fts is None:
            self._fts = bool(self.read("SELECT 1 FROM sqlite_master WHERE name = 'search_fts'"))
            if not self._fts:
                self._fts = self._make_fts()
        return self._fts

    def _make_fts(self) -> bool:
        try:
            with self.transaction() as conn:
                for statement in _FTS:
                    conn.execute(statement)
                conn.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        except sqlite3.OperationalError:
            return False  # no FTS5 or no trigram tokenizer in this SQLite: scan instead
        return True

    def set_automerge(self, value: int) -> None:
        """FTS5's automatic merging: 0 while a caller merges in steps (``merge``)."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', ?)",
                         (value,))

    def merge(self, pages: int) -> None:
        """One step of merging the trigram index's segments."""
        with self.transaction() as conn:
            conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', ?)",
                         (pages,))


class _Foreign(Exception):
    """The file is an SQLite database but not an index of this format."""


def _remove(path: Path) -> None:
    for name in (path.name, path.name + "-wal", path.name + "-shm"):
        try:
            (path.parent / name).unlink()
        except FileNotFoundError:
            pass
        except OSError:
            return

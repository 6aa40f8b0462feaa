"""The library file's format: schema DDL, migrations, and telling a usable file from not.

Split out of ``reader.core.store._store``, which re-exports these names.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from typing import Callable, Union

from reader.core.errors import StoreError
from reader.core.store._kinds import migrate_kinds

SCHEMA_VERSION = 5

_V1 = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" >= start),
    kind TEXT NOT NULL CHECK (kind IN ('opinion', 'claim', 'quotation')),
    note TEXT NOT NULL DEFAULT '',
    exact TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX tags_document ON tags(document_id, start);
"""

_V2 = """
ALTER TABLE tags ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0;
CREATE INDEX documents_path ON documents(path);
CREATE TABLE document_texts (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    format TEXT NOT NULL DEFAULT 'text',
    body BLOB NOT NULL
);
CREATE TABLE manual_links (
    id INTEGER PRIMARY KEY,
    left_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    left_start INTEGER NOT NULL,
    left_end INTEGER NOT NULL,
    right_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    right_start INTEGER NOT NULL,
    right_end INTEGER NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('link', 'reject')),
    author TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE passage_links (
    left_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    left_start INTEGER NOT NULL,
    left_end INTEGER NOT NULL,
    right_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    right_start INTEGER NOT NULL,
    right_end INTEGER NOT NULL,
    score REAL NOT NULL
);
CREATE INDEX passage_links_pair ON passage_links(left_document_id, right_document_id);
CREATE TABLE embeddings (
    text_hash TEXT NOT NULL,
    model TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (text_hash, model)
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Named reading sessions, titles the reader gave documents, and the statement index of
# Find in Library (its FTS5 table is made by ``_search`` on first use: FTS5 depends on
# how SQLite was built, and a library must open without it).
_V3_FIND_SESSIONS = """
ALTER TABLE documents ADD COLUMN title_locked INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sessions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    created_at TEXT NOT NULL,
    opened_at TEXT NOT NULL,
    focused INTEGER NOT NULL DEFAULT 0,
    zoom REAL,
    panels TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE session_documents (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
    path TEXT NOT NULL DEFAULT '',
    top_offset INTEGER NOT NULL DEFAULT 0,
    current INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (session_id, position)
);
CREATE TABLE search_statements (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    statement INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX search_statements_document ON search_statements(document_id, statement);
CREATE TABLE search_documents (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    statements INTEGER NOT NULL,
    version INTEGER NOT NULL,
    indexed_at TEXT NOT NULL
)
"""

def _migrate_v5(conn: sqlite3.Connection) -> None:
    """The statement index moves to a file of its own (``_search``): its writes held the
    library's write lock for minutes of a big document's indexing. Saved automatic links
    get generations (``_link_saves``): a million of them are written in short transactions
    and shown all at once."""
    for trigger in ("search_statements_ai", "search_statements_ad"):
        conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    try:
        conn.execute("DROP TABLE IF EXISTS search_fts")
    except sqlite3.OperationalError:
        pass   # made where SQLite had FTS5, opened where it has not: left, unused
    conn.execute("DROP TABLE IF EXISTS search_documents")
    conn.execute("DROP TABLE IF EXISTS search_statements")
    for statement in _split_sql(_V5_LINK_GENERATIONS):
        conn.execute(statement)


_V5_LINK_GENERATIONS = """
ALTER TABLE passage_links ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
DROP INDEX passage_links_pair;
CREATE INDEX passage_links_pair ON passage_links(left_document_id, right_document_id, generation);
CREATE TABLE link_saves (
    left_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    right_document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    generation INTEGER NOT NULL,
    reserved INTEGER NOT NULL,
    PRIMARY KEY (left_document_id, right_document_id)
);
CREATE VIEW current_passage_links AS
SELECT p.left_document_id, p.left_start, p.left_end, p.right_document_id, p.right_start,
       p.right_end, p.score
FROM passage_links p LEFT JOIN link_saves s
  ON s.left_document_id = p.left_document_id AND s.right_document_id = p.right_document_id
WHERE p.generation = COALESCE(s.generation, 0)
"""


#: MIGRATIONS[n] turns a version-n database into version n+1: an SQL script, or a function
#: run inside the migration's transaction (for a table rebuild that must read the schema).
Migration = Union[str, Callable[[sqlite3.Connection], None]]
MIGRATIONS: dict[int, Migration] = {0: _V1, 1: _V2, 2: migrate_kinds,
                                 3: _V3_FIND_SESSIONS, 4: _migrate_v5}


def _split_sql(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]


def _check_header(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a file that is not SQLite, reading its header through ``conn``.

    Never with a plain ``open()``: on POSIX, closing any descriptor of a file drops every
    lock this process holds on it, so another process could checkpoint and delete the WAL
    that this process's other connections still use (lost tags, a corrupt library).
    """
    try:
        conn.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB \
                or "not a database" in str(exc):
            raise StoreError(f"{path}: not a SQLite database") from None
        raise


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return bool(names)


def _describe(path: Path, exc: sqlite3.Error) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return f"{path}: database is locked by another program; try again when it is done"
    if "readonly" in message or "read-only" in message:
        return f"{path}: database is read-only"
    if "disk I/O" in message or "unable to open" in message:
        return f"{path}: database cannot be written ({message})"
    return f"{path}: {message}"

"""The SQLite library file: schema, migrations, and every read and write.

One connection per Store; each public write is one transaction, committed before it
returns, so a caller may show the change as soon as the call comes back.

Its parts: ``_schema`` (DDL, migrations, file checks), ``_records`` (row types), and the
objects a Store holds: ``tag_table`` (tags and links) and ``bulk`` (many rows at once).
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path
from typing import ContextManager, Sequence

from reader.core.errors import StoreError
# The names moved to store_records / store_schema stay importable from here.
from reader.core.store._bulk import BulkWriter
from reader.core.store._records import (  # noqa: F401
    _TAG_COLUMNS,
    TAG_KINDS,
    DocumentRecord,
    ManualLink,
    PassageLinkRecord,
    Tag,
    _link_row,
    _replace_id,
    _tag_from_row,
    _tag_row,
    now_iso,
)
from reader.core.store._schema import (  # noqa: F401
    _V1,
    _V2,
    MIGRATIONS,
    SCHEMA_VERSION,
    _check_header,
    _describe,
    _has_foreign_tables,
    _split_sql,
)
from reader.core.store._kinds import KindTable
from reader.core.store._opening import connect, may_open_immutable, write_transaction
from reader.core.store._search import SearchTable
from reader.core.store._sessions import SessionTable
from reader.core.store._tags import TagTable

BUSY_TIMEOUT_MS = 5000
_DOCUMENT_COLUMNS = "id, sha256, path, title, first_seen, last_seen, title_locked"


def _document(row: Sequence) -> DocumentRecord:
    return DocumentRecord(*row[:6], renamed=bool(row[6]))


def _inherit_title(conn: sqlite3.Connection, document_id: int, path: str) -> None:
    """A new version of a renamed document (same path, other text) keeps the new title."""
    if not path:
        return
    conn.execute(
        "UPDATE documents SET title = (SELECT o.title FROM documents o WHERE o.path = ? AND "
        "o.title_locked AND o.id != ? ORDER BY o.last_seen DESC, o.id DESC LIMIT 1), "
        "title_locked = 1 WHERE id = ? AND NOT title_locked AND EXISTS (SELECT 1 FROM documents "
        "o WHERE o.path = ? AND o.title_locked AND o.id != ?)",
        (path, document_id, document_id, path, document_id))


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """READER_DB if set, else the per-user data directory's library.sqlite3."""
    env = os.environ if environ is None else environ
    if env.get("READER_DB"):
        return Path(env["READER_DB"])
    import platformdirs

    return platformdirs.user_data_path("source-reader") / "library.sqlite3"


class _RetryImmutable(Exception):
    """A read-only open on a read-only mount: try again as immutable."""



def pack_text(text: str) -> bytes:
    """A document's text as the library keeps it (zlib level 1: this runs when a document
    opens, and level 6 costs ~60 ms per MB)."""
    return zlib.compress(text.encode(), 1)

class Store:
    """The library database. Use ``Store.open(path)``; close with ``close()`` or ``with``."""

    def __init__(self, connection: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = connection
        self.path = path
        self.readonly = readonly
        self.tag_table = TagTable(self)
        self.bulk = BulkWriter(self)
        self.kinds = KindTable(self)
        self.search = SearchTable(self)
        self.sessions = SessionTable(self)

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, readonly: bool = False) -> "Store":
        """Open (creating if absent, unless ``readonly``) and migrate the library at ``path``.

        Raises StoreError for a file that is not a usable library; such a file is never
        written to.
        """
        path = Path(path)
        if path.is_dir():
            raise StoreError(f"{path}: is a directory, not a database")
        exists = path.exists() and path.stat().st_size > 0
        if readonly and not path.exists():
            raise StoreError(f"{path}: no such database")
        if not exists and not readonly:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create ({exc.strerror})") from None
        try:
            return cls._connect(path, readonly, exists)
        except _RetryImmutable:
            return cls._connect(path, readonly, exists, immutable=True)

    @classmethod
    def _connect(cls, path: Path, readonly: bool, exists: bool,
                 immutable: bool = False) -> "Store":
        try:
            conn = connect(path, readonly, BUSY_TIMEOUT_MS / 1000, immutable)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open database ({exc})") from None
        store = cls(conn, path, readonly)
        try:
            store._prepare(exists)
        except StoreError:
            conn.close()
            raise
        except sqlite3.OperationalError as exc:
            conn.close()
            if readonly and not immutable and may_open_immutable(path, exc):
                raise _RetryImmutable() from None
            raise StoreError(_describe(path, exc)) from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: damaged or not a Source Reader database ({exc})") from None
        return store

    def _prepare(self, existed: bool) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_header(conn, self.path)  # first read of the file: nothing written before it
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer Source Reader (schema {version}; this version "
                f"reads up to {SCHEMA_VERSION})"
            )
        if existed:
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise StoreError(f"{self.path}: database is damaged ({_first_problem(check)})")
            if version == 0 and _has_foreign_tables(conn):
                raise StoreError(f"{self.path}: not a Source Reader database")
        conn.execute("PRAGMA foreign_keys = ON")
        if self.readonly:
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: schema {version} needs upgrading; open it once without "
                    "read-only access"
                )
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")  # a tag survives power loss
        self._migrate(version)

    def _migrate(self, version: int) -> None:
        while version < SCHEMA_VERSION:
            script = MIGRATIONS[version]
            with self.transaction() as conn:
                if callable(script):
                    script(conn)
                else:
                    for statement in _split_sql(script):
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version + 1}")
            version += 1

    @property
    def schema_version(self) -> int:
        """The schema version stored in the file."""
        return self._conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        """Close the connection; the store is unusable afterwards."""
        self.search.close()
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> ContextManager[sqlite3.Connection]:
        """One write transaction; committed on success, rolled back on error."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        return write_transaction(self._conn, self.path)

    def _write(self, sql: str, params: Sequence = ()) -> sqlite3.Cursor:
        try:
            with self.transaction() as conn:
                return conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None

    def _read(self, sql: str, params: Sequence = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None

    # -- documents -----------------------------------------------------------------------

    def remember_document(self, sha256: str, path: str, title: str,
                          text: str | None = None, source_format: str = "text",
                          packed: bytes | None = None) -> DocumentRecord:
        """Insert or refresh a document by SHA-256; optionally keep its text. Returns it.

        ``packed`` is the text already compressed by ``pack_text`` (off the GUI thread)."""
        stamp = now_iso()
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO documents (sha256, path, title, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
                    "path = excluded.path, last_seen = excluded.last_seen, "
                    "title = CASE WHEN title_locked THEN documents.title ELSE excluded.title END",
                    (sha256, path, title, stamp, stamp),
                )
                doc_id = conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                                      (sha256,)).fetchone()[0]
                _inherit_title(conn, doc_id, path)
                # The text is fixed by its hash: compress it only the first time.
                if (text is not None or packed is not None) and conn.execute(
                        "SELECT 1 FROM document_texts WHERE document_id = ?", (doc_id,)
                ).fetchone() is None:
                    conn.execute(
                        "INSERT INTO document_texts (document_id, format, body) VALUES (?, ?, ?)",
                        (doc_id, source_format,
                         packed if packed is not None else pack_text(text or "")),
                    )
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None
        record = self.document(doc_id)
        assert record is not None
        return record

    def document(self, document_id: int) -> DocumentRecord | None:
        """The document with this id, or None."""
        rows = self._read(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
                          (document_id,))
        return _document(rows[0]) if rows else None

    def document_by_sha(self, sha256: str) -> DocumentRecord | None:
        """The document with this text hash, or None."""
        rows = self._read(f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE sha256 = ?",
                          (sha256,))
        return _document(rows[0]) if rows else None

    def documents(self, path: str | None = None) -> list[DocumentRecord]:
        """All documents, or those last seen at ``path``, newest first."""
        sql = f"SELECT {_DOCUMENT_COLUMNS} FROM documents"
        params: tuple = ()
        if path is not None:
            sql += " WHERE path = ?"
            params = (path,)
        return [_document(row) for row in self._read(sql + " ORDER BY last_seen DESC, id DESC",
                                                           params)]

    def rename_document(self, document_id: int, title: str) -> DocumentRecord:
        """Give a document the reader's own title, kept when the file is opened again (and
        by its later versions at the same path); an empty title gives the file's back on
        its next opening. Returns the record; raises StoreError for an unknown document."""
        title = " ".join(str(title).split())
        cursor = self._write("UPDATE documents SET title = CASE WHEN ? = '' THEN title ELSE ? "
                             "END, title_locked = ? WHERE id = ?",
                             (title, title, int(bool(title)), document_id))
        record = self.document(document_id) if cursor.rowcount else None
        if record is None:
            raise StoreError(f"{self.path}: no document with id {document_id}")
        return record

    def document_text(self, document_id: int) -> str | None:
        """The stored text of a document, if it was kept."""
        rows = self._read("SELECT body FROM document_texts WHERE document_id = ?", (document_id,))
        return zlib.decompress(rows[0][0]).decode() if rows else None

    # -- embeddings cache and settings ---------------------------------------------------

    def embeddings(self, model: str, text_hashes: Sequence[str]) -> dict[str, bytes]:
        """Cached embedding vectors (raw bytes) for these text hashes."""
        found: dict[str, bytes] = {}
        for i in range(0, len(text_hashes), 500):
            chunk = list(text_hashes[i:i + 500])
            marks = ", ".join("?" * len(chunk))
            for text_hash, blob in self._read(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? AND text_hash IN ({marks})",
                [model, *chunk],
            ):
                found[text_hash] = blob
        return found

    def put_embeddings(self, model: str, vectors: dict[str, bytes]) -> None:
        """Cache embedding vectors by text hash."""
        with self.transaction() as conn:
            conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                             [(h, model, v) for h, v in vectors.items()])

    def setting(self, key: str, default: str | None = None) -> str | None:
        """A value stored in the library (not per machine)."""
        rows = self._read("SELECT value FROM settings WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a library-wide value."""
        self._write("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))

    # -- the connection ------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Copy what the WAL holds back into the library file as far as other
        connections' readers allow (never waits for them)."""
        try:
            self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        except sqlite3.OperationalError:
            pass   # busy: SQLite's own checkpoint comes later

    def set_busy_timeout(self, milliseconds: int) -> None:
        """How long a write waits for another program's lock before failing (default 5 s)."""
        self._conn.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")

    def restore_deleted_file(self) -> None:
        """Write the library back to ``self.path`` after its file was deleted while open.

        The open connection still reads the deleted file, so all of it (every document and
        tag, not only this session's) is copied to a new file at the same path, which this
        store then uses. Raises StoreError if the path exists again or the copy fails.
        """
        path = self.path
        if path.exists():
            raise StoreError(f"{path}: exists again; not overwriting it")
        temporary = path.with_name(path.name + ".restoring")
        try:
            busy_ms = self._conn.execute("PRAGMA busy_timeout").fetchone()[0]
            path.parent.mkdir(parents=True, exist_ok=True)
            target = sqlite3.connect(temporary)
            try:
                self._conn.backup(target)
            finally:
                target.close()
            self._conn.close()  # before anything new exists at the path (WAL files by name)
            for suffix in ("-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
            os.replace(temporary, path)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"{path}: cannot write the library back ({exc})") from None
        self._conn = Store.open(path)._conn
        self.set_busy_timeout(busy_ms)


def _first_problem(report: str) -> str:
    """One line from SQLite's check report (it starts with '*** in database main ***')."""
    lines = [line.strip() for line in report.splitlines()
             if line.strip() and not line.startswith("***")]
    return (lines[0] if lines else report.strip())[:160]

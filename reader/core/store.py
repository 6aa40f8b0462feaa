"""The SQLite library file: schema, migrations, and every read and write.

One connection per Store; each public write is one transaction, committed before it
returns, so a caller may show the change as soon as the call comes back.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from reader.core.errors import StoreError

SCHEMA_VERSION = 2
TAG_KINDS = ("opinion", "claim", "quotation")
BUSY_TIMEOUT_MS = 5000


def default_db_path(environ: dict[str, str] | None = None) -> Path:
    """READER_DB if set, else the per-user data directory's library.sqlite3."""
    env = os.environ if environ is None else environ
    if env.get("READER_DB"):
        return Path(env["READER_DB"])
    import platformdirs

    return platformdirs.user_data_path("source-reader") / "library.sqlite3"


def now_iso() -> str:
    """Current UTC time as ISO 8601 with milliseconds, the store's timestamp format."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class DocumentRecord:
    """A document the library has seen, identified by the SHA-256 of its text."""

    id: int
    sha256: str
    path: str
    title: str
    first_seen: str
    last_seen: str


@dataclass(frozen=True)
class Tag:
    """A tagged span of one document with its quote selector."""

    id: int
    document_id: int
    start: int
    end: int
    kind: str
    note: str
    exact: str
    prefix: str
    suffix: str
    author: str
    created_at: str
    updated_at: str
    orphaned: bool = False


@dataclass(frozen=True)
class ManualLink:
    """A link the user pinned (action 'link') or dismissed (action 'reject')."""

    id: int
    left_document_id: int
    left_start: int
    left_end: int
    right_document_id: int
    right_start: int
    right_end: int
    action: str
    author: str
    created_at: str


@dataclass(frozen=True)
class PassageLinkRecord:
    """An automatic passage link saved after aligning two documents (for exports)."""

    left_document_id: int
    left_start: int
    left_end: int
    right_document_id: int
    right_start: int
    right_end: int
    score: float


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

#: MIGRATIONS[n] turns a version-n database into version n+1.
MIGRATIONS: dict[int, str] = {0: _V1, 1: _V2}

_TAG_COLUMNS = ('id, document_id, start, "end", kind, note, exact, prefix, suffix, author, '
                'created_at, updated_at, orphaned')


def _tag_from_row(row: Sequence) -> Tag:
    return Tag(*row[:12], orphaned=bool(row[12]))


class Store:
    """The library database. Use ``Store.open(path)``; close with ``close()`` or ``with``."""

    def __init__(self, connection: sqlite3.Connection, path: Path, readonly: bool) -> None:
        self._conn = connection
        self.path = path
        self.readonly = readonly

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
        if exists:
            _check_header(path)
        elif not readonly:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"{path}: cannot create ({exc.strerror})") from None
        uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rwc'}"
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                                   isolation_level=None, check_same_thread=False)
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
            raise StoreError(_describe(path, exc)) from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path}: damaged or not a Source Reader database ({exc})") from None
        return store

    def _prepare(self, existed: bool) -> None:
        conn = self._conn
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: made by a newer Source Reader (schema {version}; this version "
                f"reads up to {SCHEMA_VERSION})"
            )
        if existed:
            check = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
            if check != "ok":
                raise StoreError(f"{self.path}: database is damaged ({check})")
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
        self._conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; committed on success, rolled back on error."""
        if self.readonly:
            raise StoreError(f"{self.path}: opened read-only")
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            raise StoreError(_describe(self.path, exc)) from None

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
                          text: str | None = None, source_format: str = "text") -> DocumentRecord:
        """Insert or refresh a document by SHA-256; optionally keep its text. Returns it."""
        stamp = now_iso()
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO documents (sha256, path, title, first_seen, last_seen) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET "
                    "path = excluded.path, title = excluded.title, last_seen = excluded.last_seen",
                    (sha256, path, title, stamp, stamp),
                )
                doc_id = conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                                      (sha256,)).fetchone()[0]
                # The text is fixed by its hash: compress it only the first time (level 1:
                # this runs when a document opens, and level 6 costs ~60 ms per MB).
                if text is not None and conn.execute(
                        "SELECT 1 FROM document_texts WHERE document_id = ?", (doc_id,)
                ).fetchone() is None:
                    conn.execute(
                        "INSERT INTO document_texts (document_id, format, body) VALUES (?, ?, ?)",
                        (doc_id, source_format, zlib.compress(text.encode(), 1)),
                    )
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None
        record = self.document(doc_id)
        assert record is not None
        return record

    def document(self, document_id: int) -> DocumentRecord | None:
        """The document with this id, or None."""
        rows = self._read("SELECT id, sha256, path, title, first_seen, last_seen FROM documents "
                          "WHERE id = ?", (document_id,))
        return DocumentRecord(*rows[0]) if rows else None

    def document_by_sha(self, sha256: str) -> DocumentRecord | None:
        """The document with this text hash, or None."""
        rows = self._read("SELECT id, sha256, path, title, first_seen, last_seen FROM documents "
                          "WHERE sha256 = ?", (sha256,))
        return DocumentRecord(*rows[0]) if rows else None

    def documents(self, path: str | None = None) -> list[DocumentRecord]:
        """All documents, or those last seen at ``path``, newest first."""
        sql = "SELECT id, sha256, path, title, first_seen, last_seen FROM documents"
        params: tuple = ()
        if path is not None:
            sql += " WHERE path = ?"
            params = (path,)
        return [DocumentRecord(*row) for row in self._read(sql + " ORDER BY last_seen DESC, id DESC",
                                                           params)]

    def document_text(self, document_id: int) -> str | None:
        """The stored text of a document, if it was kept."""
        rows = self._read("SELECT body FROM document_texts WHERE document_id = ?", (document_id,))
        return zlib.decompress(rows[0][0]).decode() if rows else None

    # -- tags ----------------------------------------------------------------------------

    def add_tag(self, document_id: int, start: int, end: int, kind: str, *, exact: str,
                prefix: str = "", suffix: str = "", note: str = "", author: str = "",
                created_at: str | None = None, updated_at: str | None = None,
                tag_id: int | None = None, orphaned: bool = False) -> Tag:
        """Insert a tag and return it. ``tag_id`` restores a deleted tag (undo)."""
        _check_kind(kind)
        created = created_at or now_iso()
        updated = updated_at or created
        cursor = self._write(
            f"INSERT INTO tags ({_TAG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (tag_id, document_id, start, end, kind, note, exact, prefix, suffix, author,
             created, updated, int(orphaned)),
        )
        return Tag(cursor.lastrowid, document_id, start, end, kind, note, exact, prefix,
                   suffix, author, created, updated, orphaned)

    def add_tags(self, tags: Iterable[Tag]) -> list[Tag]:
        """Insert many tags in one transaction (ids are assigned unless given)."""
        out: list[Tag] = []
        try:
            with self.transaction() as conn:
                for tag in tags:
                    _check_kind(tag.kind)
                    cursor = conn.execute(
                        f"INSERT INTO tags ({_TAG_COLUMNS}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (tag.id or None, tag.document_id, tag.start, tag.end, tag.kind, tag.note,
                         tag.exact, tag.prefix, tag.suffix, tag.author, tag.created_at,
                         tag.updated_at, int(tag.orphaned)),
                    )
                    out.append(_replace_id(tag, cursor.lastrowid))
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None
        return out

    def update_tag(self, tag_id: int, **fields: object) -> Tag:
        """Change a tag's kind, note, span, selector or orphan flag; returns the new tag."""
        allowed = {"kind", "note", "start", "end", "exact", "prefix", "suffix", "document_id",
                   "orphaned", "author"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown tag fields: {sorted(unknown)}")
        if "kind" in fields:
            _check_kind(str(fields["kind"]))
        fields.setdefault("updated_at", now_iso())
        columns = ", ".join(f'"{name}" = ?' for name in fields)
        self._write(f"UPDATE tags SET {columns} WHERE id = ?",
                    [int(v) if isinstance(v, bool) else v for v in fields.values()] + [tag_id])
        tag = self.tag(tag_id)
        if tag is None:
            raise StoreError(f"tag {tag_id} no longer exists")
        return tag

    def delete_tag(self, tag_id: int) -> None:
        """Remove a tag."""
        self._write("DELETE FROM tags WHERE id = ?", (tag_id,))

    def tag(self, tag_id: int) -> Tag | None:
        """The tag with this id, or None."""
        rows = self._read(f"SELECT {_TAG_COLUMNS} FROM tags WHERE id = ?", (tag_id,))
        return _tag_from_row(rows[0]) if rows else None

    def tags(self, document_ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None,
             authors: Iterable[str] | None = None, since: str | None = None) -> list[Tag]:
        """Tags matching every given filter, ordered by document and position."""
        clauses: list[str] = []
        params: list[object] = []
        for column, values in (("document_id", document_ids), ("kind", kinds),
                               ("author", authors)):
            if values is not None:
                values = list(values)
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
                params.extend(values)
        if since:
            clauses.append("updated_at >= ?")
            params.append(since)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        rows = self._read(f"SELECT {_TAG_COLUMNS} FROM tags{where} "
                          "ORDER BY document_id, start, id", params)
        return [_tag_from_row(row) for row in rows]

    # -- links ---------------------------------------------------------------------------

    def add_manual_link(self, left: tuple[int, int, int], right: tuple[int, int, int],
                        action: str = "link", author: str = "",
                        link_id: int | None = None) -> ManualLink:
        """Pin (``link``) or dismiss (``reject``) a link between two spans (doc id, start, end)."""
        if action not in ("link", "reject"):
            raise ValueError(f"unknown link action: {action}")
        stamp = now_iso()
        cursor = self._write(
            "INSERT INTO manual_links (id, left_document_id, left_start, left_end, "
            "right_document_id, right_start, right_end, action, author, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (link_id, *left, *right, action, author, stamp),
        )
        return ManualLink(cursor.lastrowid, *left, *right, action, author, stamp)

    def delete_manual_link(self, link_id: int) -> None:
        """Forget a pinned or dismissed link."""
        self._write("DELETE FROM manual_links WHERE id = ?", (link_id,))

    def manual_links(self, document_ids: Iterable[int] | None = None) -> list[ManualLink]:
        """Manual links whose both ends lie in ``document_ids`` (all when None)."""
        sql = ("SELECT id, left_document_id, left_start, left_end, right_document_id, "
               "right_start, right_end, action, author, created_at FROM manual_links")
        params: list[object] = []
        if document_ids is not None:
            ids = list(document_ids)
            marks = ", ".join("?" * len(ids)) or "NULL"
            sql += f" WHERE left_document_id IN ({marks}) AND right_document_id IN ({marks})"
            params = ids + ids
        return [ManualLink(*row) for row in self._read(sql + " ORDER BY id", params)]

    def save_passage_links(self, left_id: int, right_id: int,
                           links: Iterable[tuple[int, int, int, int, float]]) -> None:
        """Replace the saved automatic links between two documents."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM passage_links WHERE left_document_id = ? AND "
                         "right_document_id = ?", (left_id, right_id))
            conn.executemany(
                "INSERT INTO passage_links VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(left_id, ls, le, right_id, rs, re_, score) for ls, le, rs, re_, score in links],
            )

    def passage_links(self, document_id: int) -> list[PassageLinkRecord]:
        """Saved automatic links with one end in ``document_id``, as stored."""
        rows = self._read("SELECT * FROM passage_links WHERE left_document_id = ? OR "
                          "right_document_id = ? ORDER BY left_start", (document_id, document_id))
        return [PassageLinkRecord(*row) for row in rows]

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

    # -- import (appended for reader.core.importing) ---------------------------------------

    def merge_tags(self, documents: Sequence[tuple[str, str, str]],
                   tags: Sequence[tuple[str, Tag]],
                   links: Sequence[tuple[str, int, int, str, int, int, float | None]] = (),
                   ) -> tuple[int, int]:
        """Merge imported tags and links in ONE transaction; returns (tags added, links added).

        ``documents`` are (sha256, path, title): unknown ones are added, known ones left as
        they are. Each tag is (document sha256, Tag; its id and document_id are ignored) and
        is skipped when that document already has a tag with the same start, end, kind,
        author and created_at (an empty created_at matches any, and is stamped now). Each
        link is (sha, start, end, other sha, start, end, score): a score makes a saved
        automatic link, None a manual 'link'; one already there (either way round) is skipped.
        """
        stamp = now_iso()
        added_tags = added_links = 0
        try:
            with self.transaction() as conn:
                for sha, path, title in documents:
                    conn.execute("INSERT OR IGNORE INTO documents (sha256, path, title, "
                                 "first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                                 (sha, path, title, stamp, stamp))
                shas = ({d[0] for d in documents} | {sha for sha, _ in tags}
                        | {x for link in links for x in (link[0], link[3])})
                ids: dict[str, int] = {}
                for sha in shas:
                    row = conn.execute("SELECT id FROM documents WHERE sha256 = ?",
                                       (sha,)).fetchone()
                    if row is None:
                        raise StoreError(f"document {sha[:12]} is not in the library")
                    ids[sha] = row[0]
                for sha, tag in tags:
                    _check_kind(tag.kind)
                    doc_id = ids[sha]
                    if conn.execute(
                        'SELECT 1 FROM tags WHERE document_id = ? AND start = ? AND "end" = ? '
                        "AND kind = ? AND author = ? AND (created_at = ? OR ? = '') LIMIT 1",
                        (doc_id, tag.start, tag.end, tag.kind, tag.author, tag.created_at,
                         tag.created_at),
                    ).fetchone():
                        continue
                    created = tag.created_at or stamp
                    conn.execute(
                        f"INSERT INTO tags ({_TAG_COLUMNS}) "
                        "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (doc_id, tag.start, tag.end, tag.kind, tag.note, tag.exact, tag.prefix,
                         tag.suffix, tag.author, created, tag.updated_at or created,
                         int(tag.orphaned)),
                    )
                    added_tags += 1
                for sha, ls, le, other, rs, re_, score in links:
                    left, right = ids[sha], ids[other]
                    table, extra = (("manual_links", " AND action = 'link'") if score is None
                                    else ("passage_links", ""))
                    if conn.execute(
                        f"SELECT 1 FROM {table} WHERE ((left_document_id = ? AND left_start = ? "
                        "AND left_end = ? AND right_document_id = ? AND right_start = ? AND "
                        "right_end = ?) OR (left_document_id = ? AND left_start = ? AND "
                        "left_end = ? AND right_document_id = ? AND right_start = ? AND "
                        f"right_end = ?)){extra} LIMIT 1",
                        (left, ls, le, right, rs, re_, right, rs, re_, left, ls, le),
                    ).fetchone():
                        continue
                    if score is None:
                        conn.execute("INSERT INTO manual_links (left_document_id, left_start, "
                                     "left_end, right_document_id, right_start, right_end, "
                                     "action, author, created_at) VALUES (?, ?, ?, ?, ?, ?, "
                                     "'link', '', ?)", (left, ls, le, right, rs, re_, stamp))
                    else:
                        conn.execute("INSERT INTO passage_links VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     (left, ls, le, right, rs, re_, score))
                    added_links += 1
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self.path, exc)) from None
        return added_tags, added_links

    def tag_rows(self, document_ids: Iterable[int] | None = None,
                 kinds: Iterable[str] | None = None, authors: Iterable[str] | None = None,
                 since: str | None = None) -> list[tuple]:
        """Like ``tags`` (same filters and order) but plain tuples in Tag field order.

        For bulk exports: 100,000 Tag objects cost more than the query itself.
        """
        clauses: list[str] = []
        params: list[object] = []
        for column, values in (("document_id", document_ids), ("kind", kinds),
                               ("author", authors)):
            if values is not None:
                values = list(values)
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})" if values else "0")
                params.extend(values)
        if since:
            clauses.append("updated_at >= ?")
            params.append(since)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._read(f"SELECT {_TAG_COLUMNS} FROM tags{where} "
                          "ORDER BY document_id, start, id", params)

    # -- appended for the reading session: one action, one transaction; recovery ---------

    def write_batch(self, ops: Sequence[tuple[str, object]]) -> dict[tuple[str, int], int]:
        """Apply tag and manual-link writes in ONE transaction, in order.

        ``("put_tag", Tag)`` inserts or replaces the row with ``tag.id`` (every column, so undo
        restores a row exactly); ``("delete_tag", id)``; ``("put_link", ManualLink)``;
        ``("delete_link", id)``. A non-positive id means a new row: it gets a fresh id, and
        later ops of the batch naming that id mean the new row. Returns
        {("tag" | "link", given id): new id} for the new rows.
        """
        new_ids: dict[tuple[str, int], int] = {}
        try:
            with self.transaction() as conn:
                for op, value in ops:
                    table = "tag" if op.endswith("_tag") else "link"
                    if op.startswith("delete_"):
                        given = int(value)  # type: ignore[call-overload]
                        row_id = new_ids.get((table, given), given)
                        name = "tags" if table == "tag" else "manual_links"
                        conn.execute(f"DELETE FROM {name} WHERE id = ?", (row_id,))
                        continue
                    given = int(value.id)  # type: ignore[attr-defined]
                    row_id = new_ids.get((table, given), given if given > 0 else None)
                    if table == "tag":
                        _check_kind(value.kind)  # type: ignore[attr-defined]
                        cursor = conn.execute(
                            f"INSERT OR REPLACE INTO tags ({_TAG_COLUMNS}) "
                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (row_id, *_tag_row(value)[1:]))  # type: ignore[arg-type]
                    else:
                        cursor = conn.execute(
                            "INSERT OR REPLACE INTO manual_links (id, left_document_id, "
                            "left_start, left_end, right_document_id, right_start, right_end, "
                            "action, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (row_id, *_link_row(value)[1:]))  # type: ignore[arg-type]
                    if row_id is None:
                        new_ids[(table, given)] = int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise StoreError(_describe(self.path, exc)) from None
        return new_ids

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


def _replace_id(tag: Tag, new_id: int | None) -> Tag:
    from dataclasses import replace

    return replace(tag, id=new_id if new_id is not None else tag.id)


def _check_kind(kind: str) -> None:
    if kind not in TAG_KINDS:
        raise ValueError(f"unknown tag kind {kind!r}; expected one of {', '.join(TAG_KINDS)}")


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database")


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


def _split_sql(script: str) -> list[str]:
    return [part.strip() for part in script.split(";") if part.strip()]



def _tag_row(tag: Tag) -> tuple:
    return (tag.id, tag.document_id, tag.start, tag.end, tag.kind, tag.note, tag.exact,
            tag.prefix, tag.suffix, tag.author, tag.created_at, tag.updated_at, int(tag.orphaned))


def _link_row(link: ManualLink) -> tuple:
    return (link.id, link.left_document_id, link.left_start, link.left_end,
            link.right_document_id, link.right_start, link.right_end, link.action, link.author,
            link.created_at)

"""The library's statement index for Find in Library: every statement of every document
the library has text for, and an FTS5 trigram index over them for substring look-ups.

The plain tables (``search_statements``, ``search_documents``) come with the schema
migrations. The FTS5 table and its triggers are made here, on first use, because FTS5
and its trigram tokenizer depend on how SQLite was built: a library must still open (and
Find still work, by scanning) where they are missing.
"""

from __future__ import annotations

import sqlite3
import time
from itertools import islice
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Sequence


if TYPE_CHECKING:
    from reader.core.store._store import Store

#: Bumped when what is indexed changes (statement splitting): older entries are redone.
INDEX_VERSION = 1
#: The trigram index looks up strings of at least this many characters.
MIN_TRIGRAM = 3
#: Statements written per transaction: keeps the library free for a tag write within ms.
BATCH = 2000
#: FTS5's own default for starting merges of index segments.
_DEFAULT_AUTOMERGE = 4

_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(text, content='search_statements',"
    " content_rowid='id', tokenize='trigram', detail='full')",
    "CREATE TRIGGER IF NOT EXISTS search_statements_ai AFTER INSERT ON search_statements BEGIN "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS search_statements_ad AFTER DELETE ON search_statements BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
]


class IndexedStatement(NamedTuple):
    """One statement as the index holds it (offsets into its document's text). A named
    tuple, not a dataclass: a query may read tens of thousands of them."""

    document_id: int
    statement: int
    start: int
    end: int
    text: str


class SearchTable:
    """The statement index of one Store (``store.search``)."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self._fts: bool | None = None

    @property
    def _conn(self) -> sqlite3.Connection:
        return self._store._conn

    def has_fts(self) -> bool:
        """True when the trigram index exists (made now when it can be)."""
        if self._fts is None:
            self._fts = self._table_exists("search_fts")
            if not self._fts and not self._store.readonly:
                self._fts = self._make_fts()
        return self._fts

    def _table_exists(self, name: str) -> bool:
        return bool(self._store._read("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))

    def _make_fts(self) -> bool:
        try:
            with self._store.transaction() as conn:
                for statement in _FTS:
                    conn.execute(statement)
                conn.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
        except sqlite3.OperationalError:
            return False  # no FTS5 or no trigram tokenizer in this SQLite: scan instead
        return True

    def indexed(self) -> dict[int, int]:
        """Document id -> statements indexed, for documents indexed at INDEX_VERSION."""
        return dict(self._store._read("SELECT document_id, statements FROM search_documents "
                                      "WHERE version = ?", (INDEX_VERSION,)))

    def unindexed(self) -> list[int]:
        """Ids of documents with stored text that are not (or not fully) indexed."""
        return [row[0] for row in self._store._read(
            "SELECT t.document_id FROM document_texts t LEFT JOIN search_documents s "
            "ON s.document_id = t.document_id AND s.version = ? WHERE s.document_id IS NULL "
            "ORDER BY t.document_id", (INDEX_VERSION,))]

    def put_document(self, document_id: int,
                     statements: Iterable[tuple[int, int, str]],
                     cancel: Callable[[], bool] | None = None, batch: int = BATCH,
                     pause: float = 0.0, yield_s: float = 0.0, merge_pages: int = 0) -> None:
        """Index a document's statements ((start, end, text) in order), replacing what was
        there, in transactions of ``batch`` statements; it counts as indexed after the last.

        The rows are read from ``statements`` a batch at a time (a million statements are
        never all rows at once), and other threads get the GIL between batches. ``pause``
        seconds between transactions leave the library free to another writer: SQLite's
        lock is not fair, and a writer that takes it again at once can keep a tag key
        waiting for seconds. With ``yield_s``, after another connection wrote (the reader
        is tagging) no transaction starts until it has been quiet that long: a key then
        rarely finds the library taken at all. With ``merge_pages``, the trigram index's
        own merging is done in steps of that many pages after each batch, instead of
        inside whichever insert sets it off (a single such merge took 0.2-0.7 s at a few
        hundred thousand statements; the steps take a few ms)."""
        fts = self.has_fts()
        stepwise = bool(merge_pages) and fts
        if stepwise:
            self._set_automerge(0)
        try:
            self._put_rows(document_id, statements, cancel, batch, pause, yield_s,
                           merge_pages if stepwise else 0)
        finally:
            if stepwise:
                self._set_automerge(_DEFAULT_AUTOMERGE)

    def _set_automerge(self, value: int) -> None:
        with self._store.transaction() as conn:
            conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', ?)",
                         (value,))

    def _put_rows(self, document_id: int, statements: Iterable[tuple[int, int, str]],
                  cancel: Callable[[], bool] | None, batch: int, pause: float, yield_s: float,
                  merge_pages: int) -> None:
        store = self._store
        with store.transaction() as conn:
            conn.execute("DELETE FROM search_documents WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM search_statements WHERE document_id = ?", (document_id,))
        rows = ((document_id, i, s, e, t) for i, (s, e, t) in enumerate(statements))
        count = 0
        version = self._data_version()
        while True:
            if cancel is not None and cancel():
                return
            while yield_s:
                latest = self._data_version()
                if latest == version:
                    break
                version = latest
                time.sleep(yield_s)
            chunk = list(islice(rows, batch))
            count += len(chunk)
            last = len(chunk) < batch
            with store.transaction() as conn:
                if chunk:
                    conn.executemany("INSERT INTO search_statements (document_id, statement, "
                                     'start, "end", text) VALUES (?, ?, ?, ?, ?)', chunk)
                if last:
                    conn.execute("INSERT INTO search_documents VALUES (?, ?, ?, datetime('now'))",
                                 (document_id, count, INDEX_VERSION))
                    return
            if merge_pages:
                with store.transaction() as conn:
                    conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('merge', ?)",
                                 (merge_pages,))
            time.sleep(pause)

    def _data_version(self) -> int:
        """Changes whenever another connection commits to the library."""
        return self._store._read("PRAGMA data_version")[0][0]

    def statement_count(self, document_id: int) -> int | None:
        """Statements indexed for a document (None when it is not indexed)."""
        rows = self._store._read("SELECT statements FROM search_documents WHERE document_id = ? "
                                 "AND version = ?", (document_id, INDEX_VERSION))
        return rows[0][0] if rows else None

    def candidates(self, literals: Sequence[str], case: bool = False, page: int = 1000
                   ) -> Iterator[list[IndexedStatement]]:
        """Pages of indexed statements that may hold a match: those containing every
        literal (ignoring case, unless ``case``), or all of them when no literal can be
        looked up. Pages come in index order (document by document, statement by
        statement) and grow, so a caller can stop early at little cost."""
        long = [lit for lit in literals if len(lit) >= MIN_TRIGRAM]
        ascii_only = [lit for lit in literals if lit.isascii()]
        columns = 's.id, s.document_id, s.statement, s.start, s."end", s.text'
        if long and self.has_fts():
            match = " AND ".join('"' + lit.replace('"', '""') + '"' for lit in long)
            # matching case: GLOB drops the other-case candidates in SQLite, not in Python
            glob = "".join(" AND s.text GLOB ?" for _lit in long) if case else ""
            sql = (f"SELECT {columns} FROM search_fts JOIN search_statements s "
                   f"ON s.id = search_fts.rowid WHERE search_fts MATCH ?{glob} "
                   "AND search_fts.rowid > ? ORDER BY search_fts.rowid LIMIT ?")
            params: list[object] = [match, *(("*" + _escape_glob(lit) + "*") for lit in long
                                             if case)]
        elif ascii_only:
            # LIKE ignores case for ASCII only: other literals could miss a match.
            like = " AND ".join(["s.text LIKE ? ESCAPE '\\'"] * len(ascii_only))
            sql = (f"SELECT {columns} FROM search_statements s WHERE {like} AND s.id > ? "
                   "ORDER BY s.id LIMIT ?")
            params = ["%" + _escape_like(lit) + "%" for lit in ascii_only]
        else:
            sql = f"SELECT {columns} FROM search_statements s WHERE s.id > ? ORDER BY s.id LIMIT ?"
            params = []
        after = 0
        while True:
            rows = self._store._read(sql, [*params, after, page])
            if not rows:
                return
            yield [IndexedStatement._make(row[1:]) for row in rows]
            if len(rows) < page:
                return
            after = rows[-1][0]
            page = min(page * 2, 8000)


def _escape_glob(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

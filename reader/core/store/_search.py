"""The library's statement index for Find in Library: every statement of every document
the library has text for, and an FTS5 trigram index over them for substring look-ups.

The index is derived data and lives in a file of its own beside the library
(``index_path``): writing a million statements into it takes minutes of transactions,
and in the library file each of them would hold the write lock a tag key waits for.
Its entries name the library's documents by id and text hash; an entry whose hash no
longer matches (another library moved in beside the index) is ignored and redone. A
damaged index file is deleted and rebuilt; where none can be written (a read-only
mount), the index is kept in memory for the life of the connection.

The FTS5 table and its triggers are made on first use, because FTS5 and its trigram
tokenizer depend on how SQLite was built: Find must still work, by scanning, where they
are missing.
"""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, NamedTuple, Sequence

from reader.core.store._search_file import IndexFile

if TYPE_CHECKING:
    from reader.core.store._store import Store

#: Bumped when what is indexed changes (statement splitting): older entries are redone.
INDEX_VERSION = 1
#: The trigram index looks up strings of at least this many characters.
MIN_TRIGRAM = 3
#: Statements written per transaction.
BATCH = 2000
#: FTS5's own default for starting merges of index segments.
_DEFAULT_AUTOMERGE = 4


def index_path(library: Path) -> Path:
    """Where the statement index of the library at ``library`` is kept."""
    return library.with_name(library.name + ".find-index")


class IndexedStatement(NamedTuple):
    """One statement as the index holds it (offsets into its document's text). A named
    tuple, not a dataclass: a query may read tens of thousands of them."""

    document_id: int
    statement: int
    start: int
    end: int
    text: str


class SearchTable:
    """The statement index of one Store (``store.search``). Its file is opened at the
    first use, so a connection that never searches never touches it."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self._file: IndexFile | None = None

    @property
    def _index(self) -> IndexFile:
        if self._file is None:
            self._file = IndexFile.open(index_path(self._store.path))
        return self._file

    @property
    def in_memory(self) -> bool:
        """True when the index could not be kept in a file (it is redone per connection)."""
        return self._index.in_memory

    def close(self) -> None:
        """Close the index file (the Store does, when it closes)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def has_fts(self) -> bool:
        """True when the trigram index exists (made now when it can be)."""
        return self._index.has_fts()

    def _current(self) -> dict[int, tuple[str, int]]:
        """Document id -> (text hash, statements) of the index's entries at INDEX_VERSION."""
        return {doc: (sha, count) for doc, sha, count in self._index.read(
            "SELECT document_id, sha256, statements FROM search_documents WHERE version = ?",
            (INDEX_VERSION,))}

    def indexed(self) -> dict[int, int]:
        """Document id -> statements indexed, for the library's documents indexed at
        INDEX_VERSION from their current text."""
        entries = self._current()
        if not entries:
            return {}
        library = dict(self._store._read("SELECT id, sha256 FROM documents"))
        return {doc: count for doc, (sha, count) in entries.items() if library.get(doc) == sha}

    def unindexed(self) -> list[int]:
        """Ids of documents with stored text that are not (or not fully) indexed."""
        done = self.indexed()
        return [row[0] for row in self._store._read(
            "SELECT document_id FROM document_texts ORDER BY document_id") if row[0] not in done]

    def statement_count(self, document_id: int) -> int | None:
        """Statements indexed for a document (None when it is not indexed)."""
        rows = self._index.read("SELECT sha256, statements FROM search_documents "
                                "WHERE document_id = ? AND version = ?",
                                (document_id, INDEX_VERSION))
        if not rows or rows[0][0] != self._sha(document_id):
            return None
        return rows[0][1]

    def _sha(self, document_id: int) -> str | None:
        rows = self._store._read("SELECT sha256 FROM documents WHERE id = ?", (document_id,))
        return rows[0][0] if rows else None

    def put_document(self, document_id: int, statements: Iterable[tuple[int, int, str]],
                     cancel: Callable[[], bool] | None = None, batch: int = BATCH,
                     merge_pages: int = 0) -> None:
        """Index a document's statements ((start, end, text) in order), replacing what was
        there, in transactions of ``batch`` statements; it counts as indexed after the last.

        The rows are read from ``statements`` a batch at a time (a million statements are
        never all rows at once). With ``merge_pages``, the trigram index's own merging is
        done in steps of that many pages after each batch, instead of inside whichever
        insert sets it off (a single such merge took 0.2-0.7 s at a few hundred thousand
        statements; the steps take a few ms), so no transaction keeps a search waiting."""
        sha = self._sha(document_id)
        if sha is None:
            return
        index = self._index
        # the trigram index first: made later, it would be built in one go by a search
        stepwise = index.has_fts() and bool(merge_pages)
        if stepwise:
            index.set_automerge(0)
        try:
            self._put_rows(document_id, sha, statements, cancel, batch,
                           merge_pages if stepwise else 0)
        finally:
            if stepwise:
                index.set_automerge(_DEFAULT_AUTOMERGE)

    def _put_rows(self, document_id: int, sha: str, statements: Iterable[tuple[int, int, str]],
                  cancel: Callable[[], bool] | None, batch: int, merge_pages: int) -> None:
        index = self._index
        with index.transaction() as conn:
            conn.execute("DELETE FROM search_documents WHERE document_id = ?", (document_id,))
            conn.execute("DELETE FROM search_statements WHERE document_id = ?", (document_id,))
        rows = ((document_id, i, s, e, t) for i, (s, e, t) in enumerate(statements))
        count = 0
        while True:
            if cancel is not None and cancel():
                return
            chunk = list(islice(rows, batch))
            count += len(chunk)
            last = len(chunk) < batch
            with index.transaction() as conn:
                if chunk:
                    conn.executemany("INSERT INTO search_statements (document_id, statement, "
                                     'start, "end", text) VALUES (?, ?, ?, ?, ?)', chunk)
                if last:
                    conn.execute("INSERT INTO search_documents VALUES "
                                 "(?, ?, ?, ?, datetime('now'))",
                                 (document_id, sha, count, INDEX_VERSION))
                    return
            if merge_pages:
                index.merge(merge_pages)

    def candidates(self, literals: Sequence[str], case: bool = False, page: int = 1000
                   ) -> Iterator[list[IndexedStatement]]:
        """Pages of indexed statements that may hold a match: those containing every
        literal (ignoring case, unless ``case``), or all of them when no literal can be
        looked up. Pages come in index order (document by document, statement by
        statement) and grow, so a caller can stop early at little cost. Only the
        library's current documents are among them."""
        current = self.indexed()
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
            rows = self._index.read(sql, [*params, after, page])
            if not rows:
                return
            found = [IndexedStatement._make(row[1:]) for row in rows if row[1] in current]
            if found:
                yield found
            if len(rows) < page:
                return
            after = rows[-1][0]
            page = min(page * 2, 8000)


def _escape_glob(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


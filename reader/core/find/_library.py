"""Find in Library: matches in every statement of every document the library knows.

The store's statement index (``store.search``, a file beside the library) narrows the
statements to those holding the query's literal text (FTS5 trigram look-up); each is then matched exactly with the
query's options, so every option behaves as it does in a pane. Documents the library has
text for but no index yet are indexed first (``index_missing``), off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator, Sequence

from reader.core.errors import CancelledError
from reader.core.find._literals import required_literals
from reader.core.find._query import FindQuery
from reader.core.store import DocumentRecord, Store
from reader.core.text import Document, Statement, segment_document, statement_ends, statement_starts


#: Statements per transaction when indexing gently (a big document in the background:
#: short transactions keep a Find in another process from waiting on the index file).
GENTLE_BATCH = 250
#: ... and the trigram index merged this many pages at a time between batches.
GENTLE_MERGE_PAGES = 100


@dataclass(frozen=True)
class LibraryHit:
    """One match: its document, statement (index in ``reader segment``), the match's
    ``[start, end)`` in the document's text, and the statement's text and start."""

    document: DocumentRecord
    statement: int
    start: int
    end: int
    text: str
    statement_start: int

    @property
    def match(self) -> str:
        """The matched text."""
        return self.text[self.start - self.statement_start:self.end - self.statement_start]


@dataclass(frozen=True)
class LibraryResult:
    """The hits of one query (in document and text order) and whether more were left out."""

    query: FindQuery
    hits: tuple[LibraryHit, ...]
    truncated: bool
    documents: int       # documents with a hit
    indexed: int         # documents searched


def search_library(store: Store, query: FindQuery, limit: int = 0) -> LibraryResult:
    """Every match of ``query`` in the indexed statements, document by document (the
    first ``limit`` if > 0). Raises FindError for a bad query, StoreError for an
    unreadable library."""
    matcher = query.compile()
    records: dict[int, DocumentRecord | None] = {}
    hits: list[LibraryHit] = []
    truncated = False
    for page in store.search.candidates(required_literals(query), case=query.case):
        for row in page:
            spans = matcher.find_all(row.text)
            if not spans:
                continue
            if row.document_id not in records:
                records[row.document_id] = store.document(row.document_id)
            record = records[row.document_id]
            if record is None:
                continue
            for start, end in spans:
                if limit and len(hits) >= limit:
                    truncated = True
                    break
                hits.append(LibraryHit(record, row.statement, row.start + start,
                                       row.start + end, row.text, row.start))
            if truncated:
                break
        if truncated:
            break
    return LibraryResult(query, tuple(hits), truncated,
                         len({h.document.id for h in hits}), len(store.search.indexed()))


def statement_rows(text: str, statements: Sequence[Statement]) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each statement, as the index stores them, one at a time."""
    for start, end in zip(statement_starts(statements), statement_ends(statements)):
        yield start, end, text[start:end]


def index_document(store: Store, document_id: int, text: str, statements: Sequence[Statement],
                   cancel: Callable[[], bool] | None = None, *, gentle: bool = False) -> bool:
    """Index one document's statements unless it is indexed already; True if it wrote.

    ``gentle``: in short transactions, the index merged in steps between them, for a
    big document indexed in the background."""
    if store.search.statement_count(document_id) == len(statements):
        return False
    rows = statement_rows(text, statements)
    if gentle:
        store.search.put_document(document_id, rows, cancel, batch=GENTLE_BATCH,
                                  merge_pages=GENTLE_MERGE_PAGES)
    else:
        store.search.put_document(document_id, rows, cancel)
    return True


def index_missing(store: Store, progress: Callable[[int, int, str], None] | None = None,
                  cancel: Callable[[], bool] | None = None) -> int:
    """Split and index every stored document text not indexed yet; returns how many."""
    todo = store.search.unindexed()
    for done, document_id in enumerate(todo):
        if cancel is not None and cancel():
            raise CancelledError("indexing stopped")
        record = store.document(document_id)
        text = store.document_text(document_id)
        if record is None or text is None:
            continue
        document = Document(text, record.title, Path(record.path) if record.path else None)
        statements = segment_document(document)
        store.search.put_document(document_id, statement_rows(text, statements), cancel)
        if progress is not None:
            progress(done + 1, len(todo), record.title)
    return len(todo)

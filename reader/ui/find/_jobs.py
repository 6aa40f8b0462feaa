"""Background jobs of Find in Library (run by the window's TaskRunner, off the GUI
thread). Each opens its own connection to the library, as every job that writes it does."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Sequence

from reader.core.find import FindQuery, LibraryResult, index_document, index_missing, search_library
from reader.core.store import Store
from reader.core.text import Statement

Progress = Callable[[int, int, str], None]


def _open(db_path: Path) -> Store:
    return Store.open(db_path)


def index_open_document(db_path: Path, sha256: str, text: str, statements: Sequence[Statement],
                        *, progress: Progress, cancel: Callable[[], bool]) -> bool:
    """Index a document just opened in a pane (it is in the library already); True when
    it had to be written."""
    with _open(db_path) as store:
        record = store.document_by_sha(sha256)
        if record is None:
            return False
        return index_document(store, record.id, text, statements, cancel)


def search_library_job(db_path: Path, query: FindQuery, limit: int, *, progress: Progress,
                       cancel: Callable[[], bool]) -> LibraryResult:
    """Index what the library knows but has not indexed yet, then search it."""
    with _open(db_path) as store:
        index_missing(store, progress=lambda done, total, title: progress(
            done, total, f"Indexing the library: {title}"), cancel=cancel)
        return search_library(store, query, limit=limit)


def describe(result: LibraryResult) -> str:
    """One line for the panel: how many matches in how many documents."""
    count = len(result.hits)
    if not count:
        return f"No matches in {result.indexed:,} document(s)"
    more = "+" if result.truncated else ""
    return (f"{count:,}{more} match{'es' if count != 1 else ''} in "
            f"{result.documents:,} of {result.indexed:,} document(s)")

"""Renaming a document: the reader's own title, written to the library first, then shown.

The library keeps it (``Store.rename_document``): the document opens under it again, its
later versions at the same path take it, and every export carries it.
"""

from __future__ import annotations

from dataclasses import replace

from reader.core.errors import StoreError
from reader.core.session._events import PanesChanged
from reader.core.session._session import ReadingSession
from reader.core.store import DocumentRecord


def rename_document(session: ReadingSession, pane_index: int, title: str) -> DocumentRecord:
    """Give the document of pane ``pane_index`` a new title (trimmed, not empty). Raises
    StoreError when the library cannot keep it (nothing changes then)."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("a document's title cannot be empty")
    pane = session.panes[pane_index]
    if session.store is None or pane.document_id is None:
        raise StoreError("the library is not available, so the title cannot be kept")
    record = session.store.rename_document(pane.document_id, title)
    session.memory.records[record.id] = record
    for other in session.panes:
        if other.document_id == record.id:
            other.document = replace(other.document, title=record.title)
    session.emit(PanesChanged())
    return record

"""The few columns of every tag that measuring agreement reads, as plain tuples.

100,000 Tag objects cost more than the query itself; agreement needs six columns.
"""

from __future__ import annotations

from typing import Iterable

from reader.core.store._store import Store


def tag_codes(store: Store, document_ids: Iterable[int] | None = None) -> list[tuple]:
    """``(document_id, start, end, kind, author, updated_at, orphaned)`` of each tag (of
    ``document_ids`` when given), in the order the tags were added (by id: the table's own
    order, so no sort)."""
    sql = 'SELECT document_id, start, "end", kind, author, updated_at, orphaned FROM tags'
    params: list[object] = []
    if document_ids is not None:
        ids = list(document_ids)
        sql += f" WHERE document_id IN ({', '.join('?' * len(ids)) or 'NULL'})"
        params = ids
    return store._read(sql + " ORDER BY id", params)

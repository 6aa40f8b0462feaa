"""The store's row types (frozen dataclasses), timestamps, and row <-> tuple helpers.

Split out of ``reader.core.store._store``, which re-exports these names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable, Sequence

#: The built-in kinds suggestions are made for (the codebook adds the library's own).
TAG_KINDS = ("opinion", "claim", "quotation")


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
    renamed: bool = False  # the title is the reader's own (kept when the file is re-read)


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


_TAG_COLUMNS = ('id, document_id, start, "end", kind, note, exact, prefix, suffix, author, '
                'created_at, updated_at, orphaned')


def _tag_query(document_ids: Iterable[int] | None, kinds: Iterable[str] | None,
               authors: Iterable[str] | None, since: str | None) -> tuple[str, list[object]]:
    """The SELECT of the tags matching every given filter, ordered by document and
    position, and its parameters (shared by ``Store.tags`` and ``Store.tag_rows``)."""
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
    return f"SELECT {_TAG_COLUMNS} FROM tags{where} ORDER BY document_id, start, id", params


def _tag_from_row(row: Sequence) -> Tag:
    return Tag(*row[:12], orphaned=bool(row[12]))


def _tag_row(tag: Tag) -> tuple:
    return (tag.id, tag.document_id, tag.start, tag.end, tag.kind, tag.note, tag.exact,
            tag.prefix, tag.suffix, tag.author, tag.created_at, tag.updated_at, int(tag.orphaned))


def _link_row(link: ManualLink) -> tuple:
    return (link.id, link.left_document_id, link.left_start, link.left_end,
            link.right_document_id, link.right_start, link.right_end, link.action, link.author,
            link.created_at)


def _replace_id(tag: Tag, new_id: int | None) -> Tag:
    from dataclasses import replace

    return replace(tag, id=new_id if new_id is not None else tag.id)

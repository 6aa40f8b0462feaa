"""Tag and manual/passage link reads and writes: ``Store.tag_table``."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Iterable

from reader.core.errors import StoreError
from reader.core.store._records import (
    _TAG_COLUMNS,
    ManualLink,
    PassageLinkRecord,
    Tag,
    _replace_id,
    _tag_from_row,
    _tag_query,
    now_iso,
)
from reader.core.store._link_saves import save_links
from reader.core.store._schema import _describe

if TYPE_CHECKING:
    from reader.core.store._store import Store


class TagTable:
    """Tags, manual links and saved passage links of one library."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- tags ----------------------------------------------------------------------------

    def add_tag(self, document_id: int, start: int, end: int, kind: str, *, exact: str,
                prefix: str = "", suffix: str = "", note: str = "", author: str = "",
                created_at: str | None = None, updated_at: str | None = None,
                tag_id: int | None = None, orphaned: bool = False) -> Tag:
        """Insert a tag and return it. ``tag_id`` restores a deleted tag (undo)."""
        self._store.kinds.check(kind)
        created = created_at or now_iso()
        updated = updated_at or created
        cursor = self._store._write(
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
            with self._store.transaction() as conn:
                for tag in tags:
                    self._store.kinds.check(tag.kind)
                    cursor = conn.execute(
                        f"INSERT INTO tags ({_TAG_COLUMNS}) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (tag.id or None, tag.document_id, tag.start, tag.end, tag.kind, tag.note,
                         tag.exact, tag.prefix, tag.suffix, tag.author, tag.created_at,
                         tag.updated_at, int(tag.orphaned)),
                    )
                    out.append(_replace_id(tag, cursor.lastrowid))
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self._store.path, exc)) from None
        return out

    def update_tag(self, tag_id: int, **fields: object) -> Tag:
        """Change a tag's kind, note, span, selector or orphan flag; returns the new tag."""
        allowed = {"kind", "note", "start", "end", "exact", "prefix", "suffix", "document_id",
                   "orphaned", "author"}
        unknown = set(fields) - allowed
        if unknown:
            raise ValueError(f"unknown tag fields: {sorted(unknown)}")
        if "kind" in fields:
            self._store.kinds.check(str(fields["kind"]))
        fields.setdefault("updated_at", now_iso())
        columns = ", ".join(f'"{name}" = ?' for name in fields)
        self._store._write(f"UPDATE tags SET {columns} WHERE id = ?",
                    [int(v) if isinstance(v, bool) else v for v in fields.values()] + [tag_id])
        tag = self.tag(tag_id)
        if tag is None:
            raise StoreError(f"tag {tag_id} no longer exists")
        return tag

    def delete_tag(self, tag_id: int) -> None:
        """Remove a tag."""
        self._store._write("DELETE FROM tags WHERE id = ?", (tag_id,))

    def tag(self, tag_id: int) -> Tag | None:
        """The tag with this id, or None."""
        rows = self._store._read(f"SELECT {_TAG_COLUMNS} FROM tags WHERE id = ?", (tag_id,))
        return _tag_from_row(rows[0]) if rows else None

    def tags(self, document_ids: Iterable[int] | None = None, kinds: Iterable[str] | None = None,
             authors: Iterable[str] | None = None, since: str | None = None) -> list[Tag]:
        """Tags matching every given filter, ordered by document and position."""
        rows = self._store._read(*_tag_query(document_ids, kinds, authors, since))
        return [_tag_from_row(row) for row in rows]

    # -- links ---------------------------------------------------------------------------

    def add_manual_link(self, left: tuple[int, int, int], right: tuple[int, int, int],
                        action: str = "link", author: str = "",
                        link_id: int | None = None) -> ManualLink:
        """Pin (``link``) or dismiss (``reject``) a link between two spans (doc id, start, end)."""
        if action not in ("link", "reject"):
            raise ValueError(f"unknown link action: {action}")
        stamp = now_iso()
        cursor = self._store._write(
            "INSERT INTO manual_links (id, left_document_id, left_start, left_end, "
            "right_document_id, right_start, right_end, action, author, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (link_id, *left, *right, action, author, stamp),
        )
        return ManualLink(cursor.lastrowid, *left, *right, action, author, stamp)

    def delete_manual_link(self, link_id: int) -> None:
        """Forget a pinned or dismissed link."""
        self._store._write("DELETE FROM manual_links WHERE id = ?", (link_id,))

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
        return [ManualLink(*row) for row in self._store._read(sql + " ORDER BY id", params)]

    def save_passage_links(self, left_id: int, right_id: int,
                           links: Iterable[tuple[int, int, int, int, float]]) -> None:
        """Replace the saved automatic links between two documents, in short transactions
        (readers see the old links until the new ones are all written)."""
        save_links(self._store, left_id, right_id, links)

    def passage_links(self, document_id: int) -> list[PassageLinkRecord]:
        """Saved automatic links with one end in ``document_id``, as stored."""
        rows = self._store._read("SELECT * FROM current_passage_links WHERE left_document_id = ? "
                                 "OR right_document_id = ? ORDER BY left_start",
                                 (document_id, document_id))
        return [PassageLinkRecord(*row) for row in rows]

"""Bulk import (in short transactions), one-transaction batches and bulk export rows:
``Store.bulk``."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from reader.core.errors import PartialImportError, StoreError
from reader.core.store._records import (
    _TAG_COLUMNS,
    Tag,
    _link_row,
    _tag_query,
    _tag_row,
    now_iso,
)
from reader.core.store._kinds import Kind
from reader.core.store._link_saves import CURRENT, cyclic_gc_paused, pause
from reader.core.store._schema import _describe

if TYPE_CHECKING:
    from reader.core.store._store import Store


#: Imported rows per transaction: each is looked up before it is written, so a batch of
#: 500 holds the library for about 7 ms (2,000 held it ~28 ms, and a tag key that missed
#: the pause after one waited through the next: 110 ms).
BATCH = 500


class BulkWriter:
    """Many rows at once: imports (in batches), batches of session edits, export rows."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- import (appended for reader.core.export._importing) ---------------------------------------

    def merge_tags(self, documents: Sequence[tuple[str, str, str]],
                   tags: Sequence[tuple[str, Tag]],
                   links: Sequence[tuple[str, int, int, str, int, int, float | None]] = (),
                   kinds: Sequence[Kind] = ()) -> tuple[int, int]:
        """Merge imported tags and links; returns (tags added, links added).

        ``documents`` are (sha256, path, title): unknown ones are added, known ones left as
        they are. Each tag is (document sha256, Tag; its id and document_id are ignored) and
        is skipped when that document already has a tag with the same start, end, kind,
        author and created_at (an empty created_at matches any, and is stamped now). Each
        link is (sha, start, end, other sha, start, end, score): a score makes a saved
        automatic link, None a manual 'link'; one already there (either way round) is skipped.
        ``kinds`` (a file's codebook) and the kinds of the tags that the library lacks are
        added to its codebook; a tag's kind is spelled as the codebook spells it.

        The documents, kinds and first ``BATCH`` tags go in one transaction (a file naming
        a document the library cannot have is refused with nothing written), the other tags
        and the links in transactions of ``BATCH`` rows: a tag key in the window waits for
        one batch, not for the whole file (100,000 tags in one transaction held the library
        1.3 s). An import stopped after that keeps what it wrote (PartialImportError); run
        again, it adds the rest, as every row already there is skipped.
        """
        with cyclic_gc_paused():
            return self._merge_tags(documents, tags, links, kinds)

    def _merge_tags(self, documents: Sequence[tuple[str, str, str]],
                    tags: Sequence[tuple[str, Tag]], links: Sequence[tuple],
                    kinds: Sequence[Kind]) -> tuple[int, int]:
        stamp = now_iso()
        # each name once, and before the transaction: a Kind per tag took 0.27 s of it
        wanted = [*kinds, *(Kind(name) for name in dict.fromkeys(t.kind for _, t in tags))]
        try:
            # the documents, kinds and first batch together: a file that fails there
            # leaves the library as it was
            with self._store.transaction() as conn:
                ids, spelled = self._prepare(conn, documents, tags, links, wanted, stamp)
                added_tags = sum(_merge_tag(conn, item, ids, spelled, stamp)
                                 for item in tags[:BATCH])
        except sqlite3.OperationalError as exc:
            raise StoreError(_describe(self._store.path, exc)) from None
        added_tags += self._in_batches(
            tags, lambda conn, item: _merge_tag(conn, item, ids, spelled, stamp), "tags", 0,
            first=BATCH)
        added_links = self._in_batches(
            links, lambda conn, item: _merge_link(conn, item, ids, stamp), "links", len(tags))
        return added_tags, added_links

    def _prepare(self, conn: sqlite3.Connection, documents: Sequence[tuple[str, str, str]],
                 tags: Sequence[tuple[str, Tag]], links: Sequence[tuple],
                 wanted: list[Kind], stamp: str) -> tuple[dict[str, int], dict[str, str]]:
        """Add the kinds and documents an import lacks; the documents' ids by sha256 and
        the codebook's spelling of each kind name (lower-cased)."""
        self._store.kinds.ensure(conn, wanted)
        spelled = {name.lower(): name for (name,) in conn.execute("SELECT name FROM kinds")}
        for sha, path, title in documents:
            conn.execute("INSERT OR IGNORE INTO documents (sha256, path, title, first_seen, "
                         "last_seen) VALUES (?, ?, ?, ?, ?)", (sha, path, title, stamp, stamp))
        shas = ({d[0] for d in documents} | {sha for sha, _ in tags}
                | {x for link in links for x in (link[0], link[3])})
        ids: dict[str, int] = {}
        for sha in shas:
            row = conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha,)).fetchone()
            if row is None:
                raise StoreError(f"document {sha[:12]} is not in the library")
            ids[sha] = row[0]
        return ids, spelled

    def _in_batches(self, items: Sequence[Any], merge: Callable[[sqlite3.Connection, Any], bool],
                    what: str, merged_before: int, first: int = 0) -> int:
        """``merge`` items from ``first`` on, BATCH per transaction; how many were added.
        ``merged_before``: rows of the same import already merged (so kept on an error)."""
        added, done = 0, min(first, len(items))
        try:
            for start in range(first, len(items), BATCH):
                if start:
                    pause(self._store)
                batch = items[start:start + BATCH]
                with self._store.transaction() as conn:
                    added += sum(merge(conn, item) for item in batch)
                done += len(batch)
        except (sqlite3.OperationalError, StoreError) as exc:
            message = (_describe(self._store.path, exc)
                       if isinstance(exc, sqlite3.OperationalError) else str(exc))
            if done or merged_before:
                raise PartialImportError(
                    f"{message} ({done:,} of {len(items):,} {what} were merged before it; "
                    "importing the file again adds the rest)") from None
            raise StoreError(message) from None
        return added

    def tag_rows(self, document_ids: Iterable[int] | None = None,
                 kinds: Iterable[str] | None = None, authors: Iterable[str] | None = None,
                 since: str | None = None) -> list[tuple]:
        """Like ``tags`` (same filters and order) but plain tuples in Tag field order.

        For bulk exports: 100,000 Tag objects cost more than the query itself.
        """
        return self._store._read(*_tag_query(document_ids, kinds, authors, since))

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
            with self._store.transaction() as conn:
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
                        self._store.kinds.check(value.kind)  # type: ignore[attr-defined]
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
            raise StoreError(_describe(self._store.path, exc)) from None
        return new_ids


def _merge_tag(conn: sqlite3.Connection, item: tuple[str, Tag], ids: dict[str, int],
               spelled: dict[str, str], stamp: str) -> bool:
    sha, tag = item
    tag = replace(tag, kind=spelled[tag.kind.lower()])
    doc_id = ids[sha]
    if conn.execute(
        'SELECT 1 FROM tags WHERE document_id = ? AND start = ? AND "end" = ? '
        "AND kind = ? AND author = ? AND (created_at = ? OR ? = '') LIMIT 1",
        (doc_id, tag.start, tag.end, tag.kind, tag.author, tag.created_at, tag.created_at),
    ).fetchone():
        return False
    created = tag.created_at or stamp
    conn.execute(
        f"INSERT INTO tags ({_TAG_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc_id, tag.start, tag.end, tag.kind, tag.note, tag.exact, tag.prefix, tag.suffix,
         tag.author, created, tag.updated_at or created, int(tag.orphaned)),
    )
    return True


def _merge_link(conn: sqlite3.Connection,
                link: tuple[str, int, int, str, int, int, float | None],
                ids: dict[str, int], stamp: str) -> bool:
    sha, ls, le, other, rs, re_, score = link
    left, right = ids[sha], ids[other]
    table, extra = (("manual_links", " AND action = 'link'") if score is None
                    else ("current_passage_links", ""))
    if conn.execute(
        f"SELECT 1 FROM {table} WHERE ((left_document_id = ? AND left_start = ? "
        "AND left_end = ? AND right_document_id = ? AND right_start = ? AND "
        "right_end = ?) OR (left_document_id = ? AND left_start = ? AND "
        "left_end = ? AND right_document_id = ? AND right_start = ? AND "
        f"right_end = ?)){extra} LIMIT 1",
        (left, ls, le, right, rs, re_, right, rs, re_, left, ls, le),
    ).fetchone():
        return False
    if score is None:
        conn.execute("INSERT INTO manual_links (left_document_id, left_start, left_end, "
                     "right_document_id, right_start, right_end, action, author, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, 'link', '', ?)",
                     (left, ls, le, right, rs, re_, stamp))
    else:
        conn.execute("INSERT INTO passage_links (left_document_id, left_start, left_end, "
                     "right_document_id, right_start, right_end, score, generation) "
                     f"VALUES (?, ?, ?, ?, ?, ?, ?, {CURRENT})",
                     (left, ls, le, right, rs, re_, score, left, right))
    return True

"""Merging a whole other library file into this one: documents, texts, tags, links.

The other file is never opened in place: it (and its write-ahead log) is copied to a
temporary folder and the copy is opened, checked and, when older, migrated; so a refused
file (damaged, not a library, made by a newer version) is left byte-identical, and so is
an accepted one. The other library's kinds, documents and texts that this one lacks and the
first batch of tags are written in one transaction (so a merge refused there changes
nothing), the other tags and links in short transactions (a tag key in the window waits
for one batch, not the whole merge). Each tag keeps its author; a
tag already here (same document, span, author and creation time) is not added again, but
takes the other library's kind and note when the other copy was changed later. So a
second merge of the same file adds nothing.
"""

from __future__ import annotations

import os
import shutil
import stat
import sqlite3
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.core.errors import PartialImportError, StoreError
from reader.core.store import _bulk
from reader.core.store._kinds import Kind
from reader.core.store._link_saves import CURRENT, cyclic_gc_paused, pause
from reader.core.store._records import _TAG_COLUMNS, DocumentRecord, Tag, _tag_from_row
from reader.core.store._schema import _describe
from reader.core.store._store import Store


@dataclass(frozen=True)
class MergeResult:
    """What a library merge did (counts of rows added or changed here)."""

    path: str
    documents_added: int
    texts_added: int
    tags_found: int
    tags_added: int
    tags_updated: int
    links_added: int
    authors: tuple[str, ...]  # authors of the tags added or updated, sorted

    def summary(self) -> str:
        """One line for the user."""
        parts = [f"merged {self.tags_added} of {self.tags_found} tags"]
        if self.authors:
            parts[0] += " by " + ", ".join(a or "(no author)" for a in self.authors)
        if self.tags_found - self.tags_added - self.tags_updated:
            parts.append(f"{self.tags_found - self.tags_added - self.tags_updated} "
                         "already in the library")
        if self.tags_updated:
            parts.append(f"{self.tags_updated} updated from a newer copy")
        if self.documents_added:
            parts.append(f"{self.documents_added} new documents")
        if self.texts_added:
            parts.append(f"{self.texts_added} document texts")
        if self.links_added:
            parts.append(f"{self.links_added} links")
        return "; ".join(parts)


@dataclass(frozen=True)
class _Other:
    """Everything read from the other library, keyed by document SHA-256."""

    documents: list[DocumentRecord]
    texts: dict[str, tuple[str, bytes]]  # sha -> (format, compressed body)
    tags: list[tuple[str, Tag]]
    manual: list[tuple]  # (left sha, start, end, right sha, start, end, action, author, at)
    passages: list[tuple]  # (left sha, start, end, right sha, start, end, score)
    kinds: tuple[Kind, ...] = ()  # the other library's codebook


def is_library_file(path: str | Path) -> bool:
    """Whether ``path`` starts like a SQLite file (what ``reader import`` merges whole).

    Reads with a plain ``open()``: never call it on a library this process has open
    (closing the descriptor would drop SQLite's locks on it)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a FIFO would block the open, a device never ends
        with open(path, "rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _snapshot(other: Path, folder: Path) -> Path:
    """Copy the library file and its write-ahead log into ``folder``; the copy's path."""
    copy = folder / "other.sqlite3"
    try:
        shutil.copyfile(other, copy)
        wal = other.with_name(other.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, folder / "other.sqlite3-wal")
    except OSError as exc:
        raise StoreError(f"{other}: cannot read ({exc.strerror})") from None
    return copy


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _read_other(store: Store) -> _Other:
    by_id = {d.id: d for d in store.documents()}
    sha = {i: d.sha256 for i, d in by_id.items()}
    texts = {sha[i]: (fmt, body) for i, fmt, body in
             store._read("SELECT document_id, format, body FROM document_texts")}
    tags = [(sha[row[1]], _tag_from_row(row)) for row in
            store._read(f"SELECT {_TAG_COLUMNS} FROM tags ORDER BY id")]
    manual = [(sha[r[0]], r[1], r[2], sha[r[3]], r[4], r[5], r[6], r[7], r[8]) for r in
              store._read("SELECT left_document_id, left_start, left_end, right_document_id, "
                          "right_start, right_end, action, author, created_at "
                          "FROM manual_links ORDER BY id")]
    passages = [(sha[r[0]], r[1], r[2], sha[r[3]], r[4], r[5], r[6]) for r in
                store._read("SELECT * FROM current_passage_links")]
    return _Other(list(by_id.values()), texts, tags, manual, passages,
                  tuple(store.kinds.all()))


def read_library(other: str | Path) -> _Other:
    """Everything in another library, read through a copy; StoreError naming ``other``
    (one line) when it is not a library this version can read."""
    other = Path(other)
    if not other.exists():
        raise StoreError(f"{other}: no such file")
    if other.is_dir():
        raise StoreError(f"{other}: is a directory, not a library")
    if other.stat().st_size == 0:
        raise StoreError(f"{other}: empty file, not a Source Reader library")
    with tempfile.TemporaryDirectory(prefix="reader-merge-") as folder:
        copy = _snapshot(other, Path(folder))
        try:
            with Store.open(copy) as snapshot:
                return _read_other(snapshot)
        except StoreError as exc:
            raise StoreError(_one_line(str(exc).replace(str(copy), str(other)))) from None
        except (sqlite3.Error, KeyError) as exc:
            raise StoreError(_one_line(f"{other}: damaged or not a Source Reader library "
                                       f"({exc})")) from None


def merge_library(store: Store, other: str | Path) -> MergeResult:
    """Merge every document, text, tag and link of the library file ``other`` into
    ``store``; StoreError (one line) when ``other`` is refused (nothing changed then),
    PartialImportError when a batch after the first failed (the earlier ones are kept)."""
    other = Path(other)
    try:
        if other.exists() and os.path.samefile(other, store.path):
            raise StoreError(f"{other}: is the library already open")
    except OSError:
        pass
    data = read_library(other)
    with cyclic_gc_paused():
        return _merge(store, other, data)


def _merge(store: Store, other: Path, data: _Other) -> MergeResult:
    """The writing part of ``merge_library``."""
    # each tag's kind as this library spells it (its own kinds win; the other's come in
    # as they are), worked out before the write: 100,000 tags took 0.6 s of it
    spelled = {k.name.lower(): k.name for k in data.kinds}
    spelled.update((k.name.lower(), k.name) for k in store.kinds.all())
    data = replace(data, tags=[(sha, tag if spelled.get(tag.kind.lower(), tag.kind) == tag.kind
                                else replace(tag, kind=spelled[tag.kind.lower()]))
                               for sha, tag in data.tags])
    batch = _bulk.BATCH
    try:
        with store.transaction() as conn:
            # kinds this library lacks come with their tags (description, colour, key...)
            store.kinds.ensure(conn, data.kinds)
            documents_added, texts_added, ids = _write_documents(conn, data)
            merged = _Merged(documents_added, texts_added, ids, _held(conn, ids, data.tags))
            merged.write_tags(conn, data.tags[:batch])
    except sqlite3.IntegrityError as exc:
        raise StoreError(f"{other}: cannot merge ({exc}); nothing was changed") from None
    except sqlite3.OperationalError as exc:
        raise StoreError(_describe(store.path, exc)) from None
    done = min(batch, len(data.tags))
    try:
        for start in range(batch, len(data.tags), batch):
            pause(store)
            with store.transaction() as conn:
                merged.write_tags(conn, data.tags[start:start + batch])
            done = min(start + batch, len(data.tags))
        for start in range(0, max(len(data.manual), len(data.passages)), batch):
            pause(store)
            with store.transaction() as conn:
                merged.links_added += _write_links(conn, data.manual[start:start + batch],
                                                   data.passages[start:start + batch], ids)
    except (sqlite3.Error, StoreError) as exc:
        message = (_describe(store.path, exc) if isinstance(exc, sqlite3.OperationalError)
                   else str(exc))
        raise PartialImportError(f"{message} ({done:,} of {len(data.tags):,} tags were merged "
                                 "before it; merging the library again adds the rest)") from None
    return merged.result(str(other), len(data.tags))


def _write_documents(conn: sqlite3.Connection,
                     data: _Other) -> tuple[int, int, dict[str, int]]:
    """Add the documents and texts this library lacks; how many, and every document's id
    by sha256."""
    documents_added = texts_added = 0
    for doc in data.documents:
        documents_added += conn.execute(
            "INSERT OR IGNORE INTO documents (sha256, path, title, first_seen, last_seen) "
            "VALUES (?, ?, ?, ?, ?)",
            (doc.sha256, doc.path, doc.title, doc.first_seen, doc.last_seen)).rowcount
    ids = {sha: i for i, sha in conn.execute("SELECT id, sha256 FROM documents")}
    for sha, (fmt, body) in data.texts.items():
        texts_added += conn.execute(
            "INSERT OR IGNORE INTO document_texts (document_id, format, body) VALUES (?, ?, ?)",
            (ids[sha], fmt, body)).rowcount
    return documents_added, texts_added, ids


def _held(conn: sqlite3.Connection, ids: dict[str, int],
          tags: list[tuple[str, Tag]]) -> dict[tuple, tuple[int, str]]:
    """This library's tags on the documents ``tags`` are on: (document, start, end, author,
    created) -> (id, updated)."""
    touched = {ids[sha] for sha, _ in tags}
    held: dict[tuple, tuple[int, str]] = {}
    for row in conn.execute(f"SELECT {_TAG_COLUMNS} FROM tags"):
        if row[1] in touched:
            held[(row[1], row[2], row[3], row[9], row[10])] = (row[0], row[11])
    return held


@dataclass
class _Merged:
    """A merge's counts so far, and the tags here it compares the other's with."""

    documents_added: int
    texts_added: int
    ids: dict[str, int]
    held: dict[tuple, tuple[int, str]]
    added: int = 0
    updated: int = 0
    links_added: int = 0
    authors: set[str] = field(default_factory=set)

    def write_tags(self, conn: sqlite3.Connection, tags: list[tuple[str, Tag]]) -> None:
        """Add the tags not here; take the other copy's kind and note where it is newer."""
        for sha, tag in tags:
            doc_id = self.ids[sha]
            key = (doc_id, tag.start, tag.end, tag.author, tag.created_at)
            mine = self.held.get(key)
            if mine is None:
                cursor = conn.execute(
                    f"INSERT INTO tags ({_TAG_COLUMNS}) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?)", (doc_id, tag.start, tag.end, tag.kind, tag.note, tag.exact,
                                    tag.prefix, tag.suffix, tag.author, tag.created_at,
                                    tag.updated_at, int(tag.orphaned)))
                self.held[key] = (int(cursor.lastrowid or 0), tag.updated_at)
                self.added += 1
            elif tag.updated_at > mine[1]:  # the other copy was changed later: its kind
                conn.execute("UPDATE tags SET kind = ?, note = ?, exact = ?, prefix = ?, "
                             "suffix = ?, orphaned = ?, updated_at = ? WHERE id = ?",
                             (tag.kind, tag.note, tag.exact, tag.prefix, tag.suffix,
                              int(tag.orphaned), tag.updated_at, mine[0]))
                self.held[key] = (mine[0], tag.updated_at)
                self.updated += 1
            else:
                continue
            self.authors.add(tag.author)

    def result(self, name: str, found: int) -> MergeResult:
        """The MergeResult of the whole merge."""
        return MergeResult(name, self.documents_added, self.texts_added, found, self.added,
                           self.updated, self.links_added, tuple(sorted(self.authors)))


def _write_links(conn: sqlite3.Connection, manual: list[tuple], passages: list[tuple],
                 ids: dict[str, int]) -> int:
    """Add the manual and saved automatic links not already here; how many were added."""
    links_added = 0
    for ls, l0, l1, rs, r0, r1, action, author, created in manual:
        left, right = ids[ls], ids[rs]
        if conn.execute("SELECT 1 FROM manual_links WHERE left_document_id = ? AND "
                        "left_start = ? AND left_end = ? AND right_document_id = ? AND "
                        "right_start = ? AND right_end = ? AND action = ? AND author = ?",
                        (left, l0, l1, right, r0, r1, action, author)).fetchone() is None:
            conn.execute("INSERT INTO manual_links (left_document_id, left_start, left_end, "
                         "right_document_id, right_start, right_end, action, author, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (left, l0, l1, right, r0, r1, action, author, created))
            links_added += 1
    for ls, l0, l1, rs, r0, r1, score in passages:
        left, right = ids[ls], ids[rs]
        if conn.execute("SELECT 1 FROM current_passage_links WHERE left_document_id = ? AND "
                        "left_start = ? AND left_end = ? AND right_document_id = ? AND "
                        "right_start = ? AND right_end = ?",
                        (left, l0, l1, right, r0, r1)).fetchone() is None:
            conn.execute("INSERT INTO passage_links (left_document_id, left_start, left_end, "
                         "right_document_id, right_start, right_end, score, generation) "
                         f"VALUES (?, ?, ?, ?, ?, ?, ?, {CURRENT})",
                         (left, l0, l1, right, r0, r1, score, left, right))
            links_added += 1
    return links_added

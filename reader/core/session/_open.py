"""Opening a document in a session: remember it, carry its tags over from earlier versions.

A document is identified by the SHA-256 of its text, so the same text at another path keeps
its tags. When a path was seen before with another text (the file was edited), the tags of
the earlier versions are re-found in the new text (``reader.core.anchoring._selectors``) and moved to
the new document record; those that cannot be found with confidence are flagged orphaned,
never deleted, and listed for the user to re-attach or delete.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from reader.core.anchoring import TextAnchorer, best_statement, make_selector
from reader.core.session._clipboard import CLIPBOARD_FORMAT, clipboard_path
from reader.core.text import Document
from reader.core.text import Statement, statement_starts
from reader.core.store import DocumentRecord, ManualLink, Store, Tag, now_iso


def document_path_key(document: Document) -> str:
    """The path remembered for a document: absolute, ``clipboard:<sha>`` for pasted text,
    or '' for other text without a file."""
    if document.source_format == CLIPBOARD_FORMAT:
        return clipboard_path(document)
    if document.path is None:
        return ""
    try:
        return str(Path(document.path).resolve())
    except OSError:
        return str(document.path)


#: A fuzzy match shorter than this share of its statement was a tag of a part of it: it
#: keeps its own span instead of growing to the whole statement.
PART_SHARE = 0.6


@dataclass(frozen=True)
class OpenedDocument:
    """What the store knows about a document just opened."""

    record: DocumentRecord
    tags: list[Tag]  # its tags that are not orphaned
    orphans: list[tuple[DocumentRecord, Tag]]  # orphans of it and of its earlier versions
    moved: int  # tags carried over from earlier versions
    orphaned: int  # tags of earlier versions that could not be re-found


def open_in_store(store: Store, document: Document, statements: Sequence[Statement],
                  open_document_ids: Iterable[int] = (),
                  packed_text: bytes | None = None) -> OpenedDocument:
    """Remember ``document`` and re-anchor the tags of its earlier versions (same path,
    other text) that are not open in another pane (``packed_text``: its text compressed
    already, see ``pack_text``). Raises StoreError."""
    path = document_path_key(document)
    skip = set(open_document_ids)
    earlier = [r for r in store.documents(path=path)
               if r.sha256 != document.sha256 and r.id not in skip] if path else []
    record = store.remember_document(document.sha256, path, document.title, document.text,
                                     document.source_format, packed=packed_text)
    records = {r.id: r for r in earlier}
    records[record.id] = record
    tags = {t.id: t for t in store.tag_table.tags(document_ids=list(records))}
    # Tags of earlier versions, and this version's own orphans (lost when another version
    # was opened; their offsets are this text's, so they come back if it is opened again).
    old_tags = [t for t in tags.values() if t.document_id != record.id or t.orphaned]
    changed = reanchor_tags(old_tags, record.id, document.text, statements) if old_tags else []
    if changed:
        store.bulk.write_batch([("put_tag", tag) for tag in changed])  # type: ignore[attr-defined]
        tags.update((t.id, t) for t in changed)
    return OpenedDocument(
        record=record,
        tags=[t for t in tags.values() if t.document_id == record.id and not t.orphaned],
        orphans=[(records[t.document_id], t) for t in tags.values() if t.orphaned],
        moved=sum(1 for t in changed if not t.orphaned),
        orphaned=sum(1 for t in changed if t.orphaned),
    )


def reanchor_tags(tags: Iterable[Tag], document_id: int, text: str,
                  statements: Sequence[Statement]) -> list[Tag]:
    """Tags of earlier versions re-found in ``text`` (moved to ``document_id``), or flagged
    orphaned where they are; tags that need no change (orphans still lost) are left out."""
    anchorer = TextAnchorer(text)
    starts = statement_starts(statements)
    stamp = now_iso()
    changed: list[Tag] = []
    for tag in tags:
        anchor = anchorer.find(tag.exact, tag.prefix, tag.suffix, tag.start, tag.end)
        if anchor is None:
            if not tag.orphaned:
                changed.append(replace(tag, orphaned=True, updated_at=stamp))
            continue
        start, end = anchor.start, anchor.end
        if anchor.method == "fuzzy":  # matched approximately: take the whole statement,
            index = best_statement(statements, starts, start, end)  # unless it was a part
            if index is not None and end - start >= PART_SHARE * (
                    statements[index].end - statements[index].start):
                start, end = statements[index].start, statements[index].end
        exact, prefix, suffix = make_selector(text, start, end)
        changed.append(replace(tag, document_id=document_id, start=start, end=end, exact=exact,
                               prefix=prefix, suffix=suffix, orphaned=False, updated_at=stamp))
    return changed


def links_between(links: Iterable[ManualLink], left: tuple[int, int, int],
                  right: tuple[int, int, int]) -> list[ManualLink]:
    """Manual links joining exactly these two spans (doc id, start, end), either way round."""
    found = []
    for link in links:
        ends = ((link.left_document_id, link.left_start, link.left_end),
                (link.right_document_id, link.right_start, link.right_end))
        if ends in ((left, right), (right, left)):
            found.append(link)
    return found

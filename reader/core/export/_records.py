"""The one record type every export format is written from, read once from the store.

A record is a tag with its document's identity and the passages linked to it in other
documents (saved automatic links and pinned manual links that overlap the tag's span).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Sequence

from reader.core.errors import ReaderError
from reader.core.export._filters import ExportFilter, store_query
from reader.core.store import BUILTIN_CODEBOOK, BUILTIN_KINDS, Kind

if TYPE_CHECKING:
    from reader.core.store import DocumentRecord, Store

#: Display colour per built-in kind, shared by the HTML report and the QDA code book.
KIND_COLORS: tuple[tuple[str, str], ...] = tuple((k.name, k.color) for k in BUILTIN_CODEBOOK
                                                 if k.name in BUILTIN_KINDS)


@dataclass(frozen=True)
class DocumentRef:
    """Which document a record belongs to: the text's SHA-256, plus where it was seen."""

    path: str
    title: str
    sha256: str


@dataclass(frozen=True)
class LinkedPassage:
    """A passage of another document linked to a tag; ``score`` is None for manual links."""

    document: DocumentRef
    start: int
    end: int
    score: float | None
    text: str
    source: str = "auto"  # "auto" (aligner) or "manual" (pinned by the reader)


class ExportRecord(NamedTuple):
    """One tag ready for export: span, quote selector, note, times and linked passages.

    Immutable like the other core values, but a NamedTuple rather than a frozen dataclass:
    an export builds one per tag, and 100,000 of them must cost milliseconds, not a second.
    """

    document: DocumentRef
    kind: str
    text: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    author: str = ""
    created_at: str = ""
    updated_at: str = ""
    orphaned: bool = False
    links: tuple[LinkedPassage, ...] = ()


@dataclass(frozen=True)
class ExportContext:
    """What a writer may need beyond the records: the filter, a time, document texts."""

    filters: ExportFilter = field(default_factory=ExportFilter)
    generated_at: str = ""
    #: Full text of a document by SHA-256, or None when neither stored nor on disk.
    document_text: Callable[[str], str | None] = lambda sha: None
    #: True when writing a file (CSV then starts with a BOM so spreadsheets read UTF-8).
    to_file: bool = False
    #: The library's codebook (built-in kinds first, retired kinds included).
    kinds: tuple[Kind, ...] = BUILTIN_CODEBOOK

    def kind(self, name: str) -> Kind:
        """The codebook entry of ``name`` (a plain entry when the codebook lacks it)."""
        for kind in self.kinds:
            if kind.name == name:
                return kind
        return Kind(name)

    def kinds_used(self, records: Sequence[ExportRecord]) -> list[Kind]:
        """The built-in kinds, then every other kind the records have, in codebook order."""
        used = {r.kind for r in records}
        known = [k for k in self.kinds if k.name in BUILTIN_KINDS or k.name in used]
        names = {k.name for k in known}
        return known + [Kind(n) for n in sorted(used - names)]


class DocumentTexts:
    """Document texts by id, cached: the stored copy, else the file if it is unchanged."""

    def __init__(self, store: "Store") -> None:
        self._store = store
        self._by_id: dict[int, str | None] = {}
        self._ids_by_sha: dict[str, int] = {}

    def text(self, document: "DocumentRecord") -> str | None:
        """The text of ``document`` or None."""
        self._ids_by_sha[document.sha256] = document.id
        if document.id not in self._by_id:
            self._by_id[document.id] = self._load(document)
        return self._by_id[document.id]

    def text_for_sha(self, sha256: str) -> str | None:
        """The text of the library document with this SHA-256, or None."""
        doc_id = self._ids_by_sha.get(sha256)
        record = self._store.document(doc_id) if doc_id else self._store.document_by_sha(sha256)
        return self.text(record) if record else None

    def _load(self, document: "DocumentRecord") -> str | None:
        stored = self._store.document_text(document.id)
        if stored is not None:
            return stored
        if not document.path or not Path(document.path).is_file():
            return None
        from reader.core.loaders import load_document

        try:
            loaded = load_document(document.path)
        except ReaderError:
            return None
        return loaded.text if loaded.sha256 == document.sha256 else None


def build_records(store: "Store", filters: ExportFilter | None = None,
                  texts: DocumentTexts | None = None) -> list[ExportRecord]:
    """The records matching ``filters``, ordered by document and position."""
    rows = store.bulk.tag_rows(**store_query(store, filters or ExportFilter()))
    if not rows:
        return []
    lookup = _Lookup(store, texts or DocumentTexts(store))
    manual = [m for m in store.tag_table.manual_links() if m.action == "link"]
    finders: dict[int, _LinkFinder] = {}
    out: list[ExportRecord] = []
    append = out.append
    # rows are in Tag field order: id, document_id, start, end, kind, note, exact, prefix,
    # suffix, author, created_at, updated_at, orphaned
    for _, doc_id, start, end, kind, note, exact, prefix, suffix, author, created, updated, \
            orphaned in rows:
        finder = finders.get(doc_id)
        if finder is None:
            finder = finders[doc_id] = _LinkFinder(store, doc_id, manual)
        found = finder.overlapping(start, end) if finder else ()
        links = tuple(LinkedPassage(lookup.ref(other), s, e, score, lookup.slice(other, s, e),
                                    source)
                      for other, s, e, score, source in found) if found else ()
        append(ExportRecord(lookup.refs.get(doc_id) or lookup.ref(doc_id), kind, exact, start,
                            end, prefix, suffix, note, author, created, updated, bool(orphaned),
                            links))
    return out


class _Lookup:
    """Document references and texts by library id, each read once per export."""

    def __init__(self, store: "Store", texts: DocumentTexts) -> None:
        self.store = store
        self.texts = texts
        self.documents: dict[int, DocumentRecord | None] = {}
        self.refs: dict[int, DocumentRef] = {}

    def document(self, doc_id: int) -> "DocumentRecord | None":
        if doc_id not in self.documents:
            self.documents[doc_id] = self.store.document(doc_id)
        return self.documents[doc_id]

    def ref(self, doc_id: int) -> DocumentRef:
        if doc_id not in self.refs:
            doc = self.document(doc_id)
            self.refs[doc_id] = (DocumentRef(doc.path, doc.title, doc.sha256) if doc
                                 else DocumentRef("", "", ""))
        return self.refs[doc_id]

    def slice(self, doc_id: int, start: int, end: int) -> str:
        doc = self.document(doc_id)
        text = self.texts.text(doc) if doc else None
        return text[start:end] if text is not None and end <= len(text) else ""


class _LinkFinder:
    """Links with one end in a document, found by overlap with a span (sorted + bisect)."""

    def __init__(self, store: "Store", doc_id: int, manual: list) -> None:
        spans: dict[tuple[int, int, int, int, int], tuple[float | None, str]] = {}
        for link in store.tag_table.passage_links(doc_id):
            for near, far in ((link.left_document_id, link.right_document_id),
                              (link.right_document_id, link.left_document_id)):
                if near == doc_id and far != doc_id:
                    ns, ne, fs, fe = ((link.left_start, link.left_end, link.right_start,
                                       link.right_end) if near == link.left_document_id else
                                      (link.right_start, link.right_end, link.left_start,
                                       link.left_end))
                    key = (ns, ne, far, fs, fe)
                    best = spans.get(key)
                    if best is None or (best[0] or 0) < link.score:
                        spans[key] = (link.score, "auto")
        for link in manual:
            if link.left_document_id == doc_id and link.right_document_id != doc_id:
                spans[(link.left_start, link.left_end, link.right_document_id, link.right_start,
                       link.right_end)] = (None, "manual")
            elif link.right_document_id == doc_id and link.left_document_id != doc_id:
                spans[(link.right_start, link.right_end, link.left_document_id, link.left_start,
                       link.left_end)] = (None, "manual")
        self._items = sorted((k, v) for k, v in spans.items())
        self._starts = [k[0] for k, _ in self._items]
        self._longest = max((k[1] - k[0] for k, _ in self._items), default=0)

    def __bool__(self) -> bool:
        return bool(self._items)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, float | None, str]]:
        """(other doc id, start, end, score, source) of links overlapping ``[start, end)``."""
        found = []
        starts, items = self._starts, self._items
        stop = end if end > start else start + 1  # an empty tag overlaps what contains it
        i = bisect_left(starts, stop)
        low = start - self._longest  # no link starting before this can reach ``start``
        while i > 0 and starts[i - 1] >= low:
            i -= 1
            key, value = items[i]
            if key[1] > start:
                found.append((key[2], key[3], key[4], value[0], value[1]))
        if len(found) < 2:
            return found
        # manual links first, then by score, then by position: stable for exports
        found.sort(key=lambda f: (f[4] != "manual", -(f[3] or 0.0), f[0], f[1], f[2]))
        seen: set[tuple[int, int, int]] = set()
        unique = []
        for item in found:  # one passage linked from two spans of the tag: list it once
            if item[:3] not in seen:
                seen.add(item[:3])
                unique.append(item)
        return unique


def document_to_dict(ref: DocumentRef) -> dict[str, Any]:
    """The ``document`` object of the JSON schema."""
    return {"path": ref.path, "title": ref.title, "sha256": ref.sha256}


def link_to_dict(link: LinkedPassage) -> dict[str, Any]:
    """One entry of a record's ``links`` in the JSON schema."""
    return {"document": document_to_dict(link.document), "start": link.start, "end": link.end,
            "score": None if link.score is None else round(link.score, 6), "text": link.text,
            "source": link.source}


def record_to_dict(record: ExportRecord,
                   document: dict[str, Any] | None = None) -> dict[str, Any]:
    """A record as a JSON object (schema source-reader/tags, version 1).

    ``document`` is the record's document object when the caller already made it.
    """
    (ref, kind, text, start, end, prefix, suffix, note, author, created, updated, orphaned,
     links) = record  # unpacked: faster than 13 attribute lookups, once per tag
    return {
        "document": document or document_to_dict(ref),
        "kind": kind,
        "text": text,
        "start": start,
        "end": end,
        "prefix": prefix,
        "suffix": suffix,
        "note": note,
        "author": author,
        "created_at": created,
        "updated_at": updated,
        "orphaned": orphaned,
        "links": [link_to_dict(link) for link in links] if links else [],
    }

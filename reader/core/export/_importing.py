"""Import tags from JSON, JSON Lines or W3C annotation files into the library.

The whole file is read and checked first (a malformed file is rejected naming the line or
field at fault, before the database is touched); then each tag is matched to a document:
by SHA-256 (offsets kept), else by path (the file on disk, else the library's document at
that path) with the tag re-anchored in that text by its quote selector. A tag that cannot
be re-found is imported as an orphan, never dropped. A web page (an http(s) source)
takes the library document holding the quote, else its tags are skipped and reported
(see ``_web_pages``). Everything is merged in ONE
transaction, and a tag already in the library is not added again, so importing the same
file twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import ReaderError
from reader.core.text import read_bounded
from reader.core.export._readers import ImportedFile, ImportedTag, ImportFileError, parse_file
from reader.core.export._records import DocumentRef, DocumentTexts
from reader.core.export._web_pages import WebPages, is_web_page

if TYPE_CHECKING:
    from reader.core.anchoring import TextAnchorer
    from reader.core.text import Document
    from reader.core.store import Store

__all__ = ["ImportFileError", "ImportResult", "ImportedFile", "describe_import_file", "import_tags",
           "read_import_file"]

#: Larger files are refused before reading (an export of a million tags is ~500 MB).
MAX_IMPORT_BYTES = 1024 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    """What an import did: tags in the file, added, already there, moved, orphaned,
    placed by their quote alone, skipped (web pages the library does not hold)."""

    path: str
    found: int
    added: int
    reanchored: int
    orphaned: int
    documents_added: int
    links_added: int
    located: int = 0  # placed by the quote: the file gave no position in this text
    skipped: tuple[str, ...] = ()  # the web page of each skipped tag
    kinds_added: int = 0  # kinds of the file the library did not have

    @property
    def duplicates(self) -> int:
        """Tags of the file that were already in the library (or twice in the file)."""
        return self.found - self.added - len(self.skipped)

    def summary(self) -> str:
        """One line for the user."""
        parts = [f"imported {self.added} of {self.found} tags"]
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the library")
        if self.located:
            parts.append(f"{self.located} placed by their quote (no position for this text)")
        if self.reanchored:
            parts.append(f"{self.reanchored} re-found in a changed text")
        if self.skipped:
            pages = list(dict.fromkeys(self.skipped))
            shown = ", ".join(pages[:3]) + (f" and {len(pages) - 3} more" if len(pages) > 3
                                            else "")
            parts.append(f"{len(self.skipped)} skipped: their web page is not in the library "
                         f"({shown})")
        if self.orphaned:
            parts.append(f"{self.orphaned} not found in the text (kept as orphans)")
        if self.documents_added:
            parts.append(f"{self.documents_added} new documents")
        if self.links_added:
            parts.append(f"{self.links_added} links")
        if self.kinds_added:
            parts.append(f"{self.kinds_added} new kinds")
        return "; ".join(parts)


def read_import_file(path: str | Path) -> ImportedFile:
    """The tags and codebook in ``path``; ImportFileError (one line) for a missing or
    malformed file."""
    path = Path(path)
    data = read_bounded(path, MAX_IMPORT_BYTES, error=ImportFileError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise ImportFileError(f"{path}: line {line}: not UTF-8 text") from None
    return parse_file(text, str(path))


@dataclass
class _Target:
    """Where a file's document lands: a library document (by sha) and how to place tags."""

    sha256: str
    path: str
    title: str
    text: str | None = None
    trusted: bool = True  # offsets of the file are valid in this text
    new: bool = False
    anchorer: "TextAnchorer | None" = field(default=None, repr=False)


class _Resolver:
    """Finds (and caches) the library document for each document named in the file."""

    def __init__(self, store: "Store", base: Path) -> None:
        self.store = store
        self.base = base
        self.texts = DocumentTexts(store)
        self.targets: dict[tuple[str, str], _Target] = {}
        self.pages = WebPages(store, self.texts)

    def web_target(self, item: ImportedTag) -> _Target | None:
        """The library document for an annotation of a web page (None: skip it); the
        page's offsets are not ours, so the tag is placed by its quote."""
        if item.document.sha256 and self.store.document_by_sha(item.document.sha256):
            return self.target(item.document, item.where)
        found = self.pages.find(item)
        if found is None:
            return None
        doc, text = found
        key = (doc.sha256, doc.path)
        if key not in self.targets:
            self.targets[key] = _Target(doc.sha256, doc.path, doc.title, text, trusted=False)
        return self.targets[key]

    def target(self, ref: DocumentRef, where: str) -> _Target:
        key = (ref.sha256, ref.path)
        if key not in self.targets:
            self.targets[key] = self._resolve(ref, where)
        return self.targets[key]

    def _resolve(self, ref: DocumentRef, where: str) -> _Target:
        if ref.sha256:
            known = self.store.document_by_sha(ref.sha256)
            if known is not None:
                return _Target(known.sha256, known.path, known.title, self.texts.text(known))
        disk = self._from_disk(ref.path)
        if disk is not None:
            trusted = disk.sha256 == ref.sha256
            known = self.store.document_by_sha(disk.sha256)
            return _Target(disk.sha256, str(disk.path), ref.title or disk.title, disk.text,
                           trusted=trusted, new=known is None)
        for candidate in self._candidates(ref.path):
            for doc in self.store.documents(path=candidate):
                return _Target(doc.sha256, doc.path, doc.title, self.texts.text(doc),
                               trusted=False)
        if ref.sha256:  # the exact text is named; it need not be at hand to keep its tags
            return _Target(ref.sha256, ref.path, ref.title, None, new=True)
        raise ImportFileError(f"{where}: document {ref.path!r} has no sha256 and is neither "
                              "a readable file nor in the library")

    def _candidates(self, raw: str) -> list[str]:
        if not raw:
            return []
        path = Path(raw).expanduser()
        out = [raw, str(path if path.is_absolute() else (self.base / path).absolute())]
        return list(dict.fromkeys(out))

    def _from_disk(self, raw: str) -> "Document | None":
        from reader.core.loaders import load_document

        for candidate in self._candidates(raw):
            if Path(candidate).is_file():
                try:
                    return load_document(candidate)
                except ReaderError:
                    return None
        return None


def _place(item: ImportedTag, target: _Target) -> tuple[int, int, str, str, str, bool, bool]:
    """(start, end, exact, prefix, suffix, orphaned, moved) of a tag in the target text."""
    from reader.core.anchoring import TextAnchorer, make_selector

    start, end = item.start, item.end
    text = target.text
    if target.trusted and start is not None and end is not None and (
            item.orphaned or text is None or text[start:end] == item.exact):
        return start, end, item.exact, item.prefix, item.suffix, item.orphaned, False
    old_start = start if start is not None else 0
    old_end = end if end is not None else old_start + len(item.exact)
    anchor = None
    if text is not None:
        if target.anchorer is None:
            target.anchorer = TextAnchorer(text)
        anchor = target.anchorer.find(item.exact, item.prefix, item.suffix, old_start, old_end)
    if anchor is None or text is None:
        return old_start, max(old_start, old_end), item.exact, item.prefix, item.suffix, True, False
    exact, prefix, suffix = make_selector(text, anchor.start, anchor.end)
    moved = (anchor.start, anchor.end) != (item.start, item.end) or not target.trusted
    return anchor.start, anchor.end, exact, prefix, suffix, False, moved


def describe_import_file(path: str | Path) -> tuple[str, bool]:
    """One line on what the file at ``path`` holds ("12 tags for 2 documents."), or what
    is wrong with it; and whether it can be imported. (Reads the whole file: seconds for
    100,000 tags, so the window asks the helper process for big files.)"""
    from reader.core.store import BUILTIN_CODEBOOK

    try:
        read = read_import_file(path)
    except ReaderError as exc:
        return str(exc), False
    tags = read.tags
    if not tags:
        return "The file holds no tags.", False
    documents = {(tag.document.sha256, tag.document.path) for tag in tags}
    builtin = {k.name for k in BUILTIN_CODEBOOK}
    kinds = sorted({k.name for k in read.kinds} | {t.kind for t in tags if t.kind not in builtin})
    own = f" Kinds of its own: {', '.join(kinds)}." if kinds else ""
    return (f"{len(tags)} tag{'s' if len(tags) != 1 else ''} for {len(documents)} "
            f"document{'s' if len(documents) != 1 else ''}.{own}"), True


def import_tags(store: "Store", path: str | Path,
                items: ImportedFile | list[ImportedTag] | None = None) -> ImportResult:
    """Merge the tags (and kinds the library lacks) of the file at ``path`` into ``store``
    (in short transactions: see ``BulkWriter.merge_tags``).

    ``items`` are the file's contents when the caller has already read it.
    """
    from reader.core.store import Tag

    path = Path(path)
    read = read_import_file(path) if items is None else items
    kinds = read.kinds if isinstance(read, ImportedFile) else ()
    items = read.tags if isinstance(read, ImportedFile) else read
    new_kinds = {k.lower() for k in [*(k.name for k in kinds), *(i.kind for i in items)]
                 if store.kinds.canonical(k) is None}
    resolver = _Resolver(store, path.parent)
    tags: list[tuple[str, Tag]] = []
    links: list[tuple[str, int, int, str, int, int, float | None]] = []
    reanchored = orphaned = located = 0
    skipped: list[str] = []
    for item in items:
        web = is_web_page(item.document)
        target = resolver.web_target(item) if web else resolver.target(item.document,
                                                                       item.where)
        if target is None:
            skipped.append(item.document.path)
            continue
        start, end, exact, prefix, suffix, lost, moved = _place(item, target)
        if moved and (web or item.start is None):
            located += 1
        else:
            reanchored += moved
        orphaned += lost and not item.orphaned
        tags.append((target.sha256, Tag(0, 0, start, end, item.kind, item.note, exact, prefix,
                                        suffix, item.author, item.created_at, item.updated_at,
                                        lost)))
        if lost and not item.orphaned:
            continue
        for link in item.links:
            other = resolver.target(link.document, item.where)
            if other.trusted and other.sha256 != target.sha256:  # offsets valid there
                links.append((target.sha256, start, end, other.sha256, link.start, link.end,
                              link.score))
    used = {sha for sha, _ in tags} | {link[3] for link in links}
    documents = {t.sha256: (t.sha256, t.path, t.title) for t in resolver.targets.values()
                 if t.new and t.sha256 in used}
    added, links_added = store.bulk.merge_tags(list(documents.values()), tags, links, kinds)
    return ImportResult(str(path), len(items), added, reanchored, orphaned, len(documents),
                        links_added, located, tuple(skipped), len(new_kinds))

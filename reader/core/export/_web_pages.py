"""Matching annotations of web pages to library documents by their quote.

Web annotation tools (Hypothesis and the like) name an ``http(s)`` page as the source and
count positions in that page's text, not ours. The page may well be in the library (a
saved copy of the article): the document whose text holds the annotation's quote (with
its prefix and suffix, when several do) takes its tags, placed by the quote. Annotations
of pages the library lacks are skipped and reported, never guessed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.core.export._fields import ImportedTag
from reader.core.export._records import DocumentRef, DocumentTexts

if TYPE_CHECKING:
    from reader.core.store import DocumentRecord, Store


def is_web_page(ref: DocumentRef) -> bool:
    """Whether a document reference names a web page (an http or https URL)."""
    return ref.path.startswith(("http://", "https://"))


class WebPages:
    """Library documents for web-page annotations, found by quote and remembered per URL."""

    def __init__(self, store: "Store", texts: DocumentTexts) -> None:
        self._store = store
        self._texts = texts
        self._library: list[tuple["DocumentRecord", str]] | None = None
        self._by_url: dict[str, list["DocumentRecord"]] = {}

    def _documents(self) -> list[tuple["DocumentRecord", str]]:
        if self._library is None:  # read once, and only when a file names a web page
            self._library = [(doc, text) for doc in self._store.documents()
                             if (text := self._texts.text(doc)) is not None]
        return self._library

    def find(self, item: ImportedTag) -> tuple["DocumentRecord", str] | None:
        """The document (and its text) holding the item's quote, or None."""
        if not item.exact:
            return None
        url = item.document.path
        earlier = self._by_url.get(url, [])
        candidates = ([(d, t) for d, t in self._documents() if d in earlier]
                      + [(d, t) for d, t in self._documents() if d not in earlier])
        context = item.prefix + item.exact + item.suffix
        found = [(d, t) for d, t in candidates if item.exact in t]
        best = next(((d, t) for d, t in found if context in t), found[0] if found else None)
        if best is not None and best[0] not in earlier:
            self._by_url.setdefault(url, []).append(best[0])
        return best

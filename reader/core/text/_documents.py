"""Load a file into a Document: decoded, line endings normalized, identified by SHA-256.

Plain text, Markdown and HTML are read here; other formats register a loader in
``reader.core.loaders._registry`` and return the same Document, so everything downstream is unchanged.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.core.text._decoding import decode_bytes  # noqa: F401  (a name of this module before)

#: Files above this size are refused before reading; big enough for a long book.
DEFAULT_MAX_BYTES = 40 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".rst", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Document:
    """A readable text with its identity; every offset in the app indexes ``text``."""

    text: str
    title: str
    path: Path | None = None
    source_format: str = "text"
    #: Start offset of each page, for paginated sources (PDF); empty otherwise.
    page_starts: tuple[int, ...] = ()
    sha256: str = field(default="", compare=False)
    #: A one-line note on how the text was obtained that the reader should see (e.g. a web
    #: page whose extracted article looks too short); empty when there is nothing to say.
    notice: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    @property
    def display_name(self) -> str:
        """The title, or the file name when the title is empty."""
        return self.title or (self.path.name if self.path else "Untitled")

    def page_at(self, offset: int) -> int | None:
        """1-based page number holding ``offset``, or None for unpaginated text."""
        if not self.page_starts:
            return None
        return max(1, bisect_right(self.page_starts, offset))


Loader = Callable[[Path, bytes], Document]


def text_sha256(text: str) -> str:
    """SHA-256 hex digest of normalized text, the document identity."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def guess_title(text: str, fallback: str) -> str:
    """First Markdown heading, or a short first line that reads like a headline, else fallback."""
    for line in text.split("\n", 50)[:50]:
        stripped = line.strip()
        if not stripped:
            continue
        heading = re.match(r"#{1,6}\s+(.+?)\s*#*$", stripped)
        if heading:
            return heading.group(1)
        if len(stripped) <= 120 and not stripped.endswith((".", ",", ";", ":", "?", "!")):
            return stripped
        break
    return fallback


def document_from_text(
    text: str,
    title: str | None = None,
    path: Path | None = None,
    source_format: str = "text",
    page_starts: tuple[int, ...] = (),
    notice: str = "",
) -> Document:
    """Build a Document from already decoded text (clipboard, loaders, tests)."""
    text = normalize_newlines(text)
    fallback = path.stem if path else "Untitled"
    return Document(
        text=text,
        title=title if title else guess_title(text, fallback),
        path=path,
        source_format=source_format,
        page_starts=page_starts,
        notice=notice,
    )

"""Load a file into a Document: decoded, line endings normalized, identified by SHA-256.

Plain text, Markdown and HTML are read here; other formats register a loader in
``reader.core.loaders._registry`` and return the same Document, so everything downstream is unchanged.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from reader.core.errors import DocumentError

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


_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes, name: str = "file") -> str:
    """Decode file bytes to text: BOMs first, then strict UTF-8, then detection.

    Raises DocumentError for content that looks binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: not valid {encoding} text ({exc.reason})") from None
    if b"\x00" in data:
        raise DocumentError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect_and_decode(data, name)
    if _mostly_control(text):
        raise DocumentError(f"{name}: looks like a binary file, not text")
    return text


def _detect_and_decode(data: bytes, name: str) -> str:
    western = _as_western(data)
    if western is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise DocumentError(f"{name}: unknown text encoding (binary file?)")
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return data.decode(best.encoding, errors="replace")


def _as_western(data: bytes) -> str | None:
    """cp1252 text when it reads as a Western language: accented letters are a minority.

    Detectors often call short French or German text Central European; text in another
    script decoded as cp1252 is nearly all accented letters, so it fails this test.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:65536] if ch.isalpha()]
    if not letters:
        return None
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return text if accented / len(letters) <= 0.3 else None


def _mostly_control(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    return bad / len(sample) > 0.05


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

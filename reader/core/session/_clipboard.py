"""Pasted text (plain or HTML) as a Document, kept in the library so it reopens later.

A clipboard document has no file: its text lives in the store, under the path
``clipboard:<first 12 hex digits of its SHA-256>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.text import Document, document_from_text, text_sha256
from reader.core.loaders import load_document
from reader.core.errors import DocumentError
from reader.core.loaders import SKIP_ALWAYS, html_blocks, parse_html

if TYPE_CHECKING:
    from reader.core.store import DocumentRecord, Store

CLIPBOARD_PREFIX = "clipboard:"
CLIPBOARD_FORMAT = "clipboard"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_CF_HTML_HEADER = re.compile(r"^Version:\d[\s\S]*?(?=<)")


def document_from_clipboard(text: str | None, html: str | None) -> Document:
    """A Document from the clipboard's plain text and/or HTML.

    The HTML is used when it has more structure (more paragraphs, or headings) than the plain
    text, which is what a browser copy usually offers; otherwise the plain text is kept as is.
    Raises DocumentError when neither holds any text.
    """
    plain = _paragraphed(_normalize(text or ""))
    plain_count = len([p for p in _BLANK_LINE.split(plain) if p.strip()])
    title: str | None = None
    chosen = plain
    if html and html.strip():
        blocks = html_blocks(parse_html(_CF_HTML_HEADER.sub("", html)), skip_tags=SKIP_ALWAYS)
        headings = sum(1 for block in blocks if block.level)
        if blocks and (len(blocks) > plain_count or (headings and len(blocks) >= plain_count)
                       or not plain.strip()):
            chosen = "\n\n".join(block.text for block in blocks)
            title = next((block.text for block in blocks if block.level), None)
    chosen = chosen.strip()
    if not chosen:
        raise DocumentError("The clipboard holds no text")
    return document_from_text(chosen, title=title, source_format=CLIPBOARD_FORMAT)


def _normalize(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _paragraphed(text: str) -> str:
    """Text copied from apps often puts one paragraph per line with no blank lines between.

    When no blank line exists and lines are long (so they were not hard-wrapped), each line
    becomes a paragraph; hard-wrapped text is left for the splitter as it is.
    """
    if _BLANK_LINE.search(text):
        return text
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and max(len(line) for line in lines) > 100:
        return "\n\n".join(lines)
    return text


def clipboard_path(document: Document) -> str:
    """The store path that names a clipboard document."""
    return f"{CLIPBOARD_PREFIX}{document.sha256[:12]}"


def remember_clipboard_document(store: Store, document: Document) -> DocumentRecord:
    """Store a clipboard document with its text (one transaction); returns its record."""
    return store.remember_document(document.sha256, path=clipboard_path(document),
                                   title=document.title, text=document.text,
                                   source_format=CLIPBOARD_FORMAT)


def load_stored_document(store: Store, record: DocumentRecord) -> Document:
    """Reopen a document from the store: its kept text, else (for files) the file itself."""
    text = store.document_text(record.id)
    is_clipboard = record.path.startswith(CLIPBOARD_PREFIX)
    if text is None:
        if is_clipboard:
            raise DocumentError(f"{record.title or record.path}: its text is not in the library")
        return load_document(record.path)
    if text_sha256(text) != record.sha256:
        raise DocumentError(f"{record.title or record.path}: the stored text is damaged")
    return Document(text=text, title=record.title, path=None if is_clipboard else Path(record.path),
                    source_format=CLIPBOARD_FORMAT if is_clipboard else "text",
                    sha256=record.sha256)

"""Loaders for formats beyond plain text: Word, OpenDocument, PDF, EPUB, RTF, saved web pages.

Each module turns one format into the same ``Document`` (paragraphs separated by blank lines,
headings as their own paragraphs, a title); ``load_document`` looks the
file suffix up in ``extra_loaders()``. Every loader raises only ``DocumentError`` (one line) for
bad input, and accepts optional ``progress``/``cancel`` keywords used by ``open_document``.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from reader.core.text import (DEFAULT_MAX_BYTES, HTML_SUFFIXES, TEXT_SUFFIXES, Document, Loader,
                              decode_text, document_from_text, normalize_newlines,
                              read_bounded)
from reader.core.errors import DocumentError, UnsupportedFormatError
from reader.core.loaders._html import html_to_text
from reader.core.loaders._blocks import Cancel, Progress, check_cancel


def extra_loaders() -> dict[str, Loader]:
    """Lower-case file suffix -> loader for every format this package reads."""
    from reader.core.loaders._docx import load_docx
    from reader.core.loaders._epub import load_epub
    from reader.core.loaders._odt import load_odt
    from reader.core.loaders._pdf import load_pdf
    from reader.core.loaders._rtf import load_rtf
    from reader.core.loaders._web import load_web_page

    return {
        ".docx": load_docx,
        ".docm": load_docx,
        ".odt": load_odt,
        ".ott": load_odt,
        ".pdf": load_pdf,
        ".epub": load_epub,
        ".rtf": load_rtf,
        ".html": load_web_page,
        ".htm": load_web_page,
        ".xhtml": load_web_page,
    }


def open_document(path: str | Path, *, progress: Progress | None = None,
                  cancel: Cancel | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                  whole_page: bool = False) -> Document:
    """``load_document`` with progress (``progress(done, total)``) and cooperative cancel.

    Meant for a worker thread: ``cancel()`` is polled between pages/chapters and a
    ``CancelledError`` ends the work. Formats without their own loader go through
    ``load_document`` unchanged. ``whole_page`` reads a web page's whole text instead of
    its article.
    """
    path = Path(path)
    check_cancel(cancel)
    loader = extra_loaders().get(path.suffix.lower())
    if whole_page and path.suffix.lower() in HTML_SUFFIXES:
        from reader.core.loaders._web import load_whole_page

        loader = load_whole_page
    if loader is None or not _takes_progress(loader):
        document = load_document(path, max_bytes=max_bytes)
    else:
        data = read_bounded(path, max_bytes)
        document = loader(path, data, progress=progress, cancel=cancel)  # type: ignore[call-arg]
    check_cancel(cancel)
    return document


def _takes_progress(loader: Loader) -> bool:
    try:
        parameters = inspect.signature(loader).parameters
    except (TypeError, ValueError):
        return False
    return "progress" in parameters or any(
        p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def _load_plain(path: Path, data: bytes) -> Document:
    decoded = decode_text(data, path.name)
    return document_from_text(normalize_newlines(decoded.text), path=path, source_format="text",
                              notice=decoded.note)


def _load_html(path: Path, data: bytes) -> Document:
    decoded = decode_text(data, path.name)
    title, text = html_to_text(decoded.text)
    return document_from_text(text, title=title or None, path=path, source_format="html",
                              notice=decoded.note)


def _builtin_loaders() -> dict[str, Loader]:
    loaders: dict[str, Loader] = {suffix: _load_plain for suffix in TEXT_SUFFIXES}
    loaders.update({suffix: _load_html for suffix in HTML_SUFFIXES})
    return loaders


def _registered_loaders() -> dict[str, Loader]:
    loaders = _builtin_loaders()
    loaders.update(extra_loaders())
    return loaders


def load_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``path`` into a Document, or raise DocumentError with a one-line reason."""
    path = Path(path)
    data = read_bounded(path, max_bytes)   # one read: regular files, within the limit
    suffix = path.suffix.lower()
    # plain text needs none of the other formats' modules (importing them all takes longer
    # than reading a short text); no extra loader claims a text suffix
    loader = (_load_plain if suffix in TEXT_SUFFIXES
              else _registered_loaders().get(suffix))
    if loader is None:
        if b"\x00" in data[:4096] and not _decodes(data, path.name):
            raise UnsupportedFormatError(
                f"{path}: the {suffix or 'unknown'} format is not supported")
        loader = _load_plain
    return loader(path, data)


def _decodes(data: bytes, name: str) -> bool:
    """True for text with NUL bytes that still decodes (UTF-16 without a BOM)."""
    try:
        decode_text(data, name)
    except DocumentError:
        return False
    return True

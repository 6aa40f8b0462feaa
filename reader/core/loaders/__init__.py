"""Loaders for formats beyond plain text: Word, OpenDocument, PDF, EPUB, RTF, saved web pages.

Each module turns one format into the same ``Document`` (paragraphs separated by blank lines,
headings as their own paragraphs, a title); ``reader.core.documents.load_document`` looks the
file suffix up in ``extra_loaders()``. Every loader raises only ``DocumentError`` (one line) for
bad input, and accepts optional ``progress``/``cancel`` keywords used by ``open_document``.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from reader.core.documents import DEFAULT_MAX_BYTES, Document, Loader, load_document
from reader.core.errors import DocumentError
from reader.core.loaders.blocks import Cancel, Progress, check_cancel


def extra_loaders() -> dict[str, Loader]:
    """Lower-case file suffix -> loader for every format this package reads."""
    from reader.core.loaders.docx import load_docx
    from reader.core.loaders.epub import load_epub
    from reader.core.loaders.odt import load_odt
    from reader.core.loaders.pdf import load_pdf
    from reader.core.loaders.rtf import load_rtf
    from reader.core.loaders.web import load_web_page

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
                  cancel: Cancel | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """``load_document`` with progress (``progress(done, total)``) and cooperative cancel.

    Meant for a worker thread: ``cancel()`` is polled between pages/chapters and a
    ``CancelledError`` ends the work. Formats without their own loader go through
    ``load_document`` unchanged.
    """
    path = Path(path)
    check_cancel(cancel)
    loader = extra_loaders().get(path.suffix.lower())
    if loader is None or not _takes_progress(loader):
        document = load_document(path, max_bytes=max_bytes)
    else:
        try:
            size = path.stat().st_size
        except OSError:
            return load_document(path, max_bytes=max_bytes)  # it words the error
        if size > max_bytes or not path.is_file():
            return load_document(path, max_bytes=max_bytes)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
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

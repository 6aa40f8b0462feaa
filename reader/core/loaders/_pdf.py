"""PDF through pypdfium2 (PDFium, the engine of Chrome's viewer): positioned text lines per
page (``_pdf_read``), then the page layout (``_pdf_layout``: running headers and footers,
line-number margins, columns) and paragraphs rebuilt from it (``_pdf_paragraphs``).

pypdfium2 plus our layout was measured against pdfminer.six's layout analysis (bench and
README): it keeps more paragraphs whole on our generated layouts and is about ten times
faster. It is imported only here, so a missing install becomes an UnsupportedFormatError
that says what to install.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.errors import DocumentError, UnsupportedFormatError
from reader.core.loaders._blocks import MAX_TEXT_CHARS, Cancel, Progress, check_cancel, guarded
from reader.core.loaders._pdf_layout import PdfLine, drop_line_numbers, drop_running_lines
from reader.core.loaders._pdf_paragraphs import build_text
from reader.core.loaders._pdf_read import page_lines
from reader.core.text import Document, document_from_text

PDF_INSTALL_HINT = "pip install 'source-reader[pdf]'"
#: More pages than this are refused rather than read for minutes.
MAX_PAGES = 10_000


@guarded("PDF")
def load_pdf(path: Path, data: bytes, *, progress: Progress | None = None,
             cancel: Cancel | None = None) -> Document:
    """Read a PDF's text layer into a Document with ``page_starts`` set."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise UnsupportedFormatError(
            f"{path.name}: reading PDF needs the pypdfium2 package; install it with "
            f"{PDF_INSTALL_HINT}") from None
    if not data.lstrip()[:1024].count(b"%PDF"):
        raise DocumentError(f"{path.name}: not a PDF file (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise DocumentError(f"{path.name}: the PDF is password-protected") from None
        raise DocumentError(f"{path.name}: not a readable PDF ({' '.join(str(exc).split())})") \
            from None
    try:
        pages, title = _read_pages(pdf, path, progress, cancel)
    finally:
        pdf.close()
    if not any(pages):
        raise DocumentError(f"{path.name}: the PDF has no text layer (scanned?); OCR it first")
    pages = [drop_line_numbers(lines) for lines in pages]
    kept = drop_running_lines(pages)
    laid_out = build_text(kept if any(kept) else pages)
    title = title or laid_out.first_heading or path.stem
    return document_from_text(laid_out.text, title=title, path=path, source_format="pdf",
                              page_starts=laid_out.page_starts)


def _read_pages(pdf, path: Path, progress: Progress | None, cancel: Cancel | None,
                ) -> tuple[list[list[PdfLine]], str | None]:
    count = len(pdf)
    if count > MAX_PAGES:
        raise DocumentError(f"{path.name}: refused, {count} pages (the limit is {MAX_PAGES})")
    pages: list[list[PdfLine]] = []
    chars = 0
    for index in range(count):
        check_cancel(cancel)
        lines = page_lines(pdf, index)
        chars += sum(len(line.text) for line in lines)
        if chars > MAX_TEXT_CHARS:
            raise DocumentError(f"{path.name}: refused, more than "
                                f"{MAX_TEXT_CHARS // 1_000_000} million characters of text")
        pages.append(lines)
        if progress is not None:
            progress(index + 1, count)
    return pages, _metadata_title(pdf)


def _metadata_title(pdf) -> str | None:
    """The Title field, when it reads like a title and not a file name or a tool's default."""
    try:
        title = " ".join((pdf.get_metadata_value("Title") or "").split())
    except Exception:  # noqa: BLE001 - damaged metadata is not worth failing over
        return None
    return title if looks_like_title(title) else None


_FILE_NAME = re.compile(r"\.[a-z]{2,4}$|\\|^/", re.IGNORECASE)  # "x.docx", "C:\\x", "/tmp/x"
_TOOL_DEFAULTS = ("microsoft word - ", "microsoft powerpoint - ", "untitled", "title",
                  "document", "slide 1", "no title", "print")


def looks_like_title(title: str) -> bool:
    """True for "Annual Report 2024", False for "10811.exe", "Microsoft Word - x.doc", "xyz"."""
    lowered = title.lower()
    letters = sum(ch.isalpha() for ch in title)
    if not title or letters < 4 or _FILE_NAME.search(title):
        return False
    if lowered in _TOOL_DEFAULTS or lowered.startswith(_TOOL_DEFAULTS[:2]):
        return False
    return len(title.split()) >= 2 or letters >= 6

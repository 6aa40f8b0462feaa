"""PDF through pypdfium2 (PDFium, the engine of Chrome's viewer): text lines with positions
per page, then ``pdf_layout`` rebuilds paragraphs and drops running headers and footers.

pypdfium2 was measured against pypdf and pdfminer.six (see bench/bench_loaders.py): it is the
fastest by far and orders text well. It is imported only here, so a missing install becomes
an UnsupportedFormatError that says what to install.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.text import Document, document_from_text
from reader.core.errors import DocumentError, UnsupportedFormatError
from reader.core.loaders._blocks import MAX_TEXT_CHARS, Cancel, Progress, check_cancel, guarded
from reader.core.loaders._pdf_layout import PdfLine, build_text, drop_running_lines

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
    kept = drop_running_lines(pages)
    laid_out = build_text(kept if any(kept) else pages)
    title = title or laid_out.first_heading
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
        lines = _page_lines(pdf, index)
        chars += sum(len(line.text) for line in lines)
        if chars > MAX_TEXT_CHARS:
            raise DocumentError(f"{path.name}: refused, more than "
                                f"{MAX_TEXT_CHARS // 1_000_000} million characters of text")
        pages.append(lines)
        if progress is not None:
            progress(index + 1, count)
    return pages, _metadata_title(pdf)


def _page_lines(pdf, index: int) -> list[PdfLine]:
    """The page's text lines in PDFium's reading order, with loose character boxes."""
    import pypdfium2.raw as raw

    page = pdf[index]
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        count = textpage.count_chars()
        text = textpage.get_text_range() if count > 0 else ""
        lines: list[PdfLine] = []
        position = 0
        for chunk in text.split("\r\n"):
            stripped = chunk.strip()
            if stripped:
                first = position + len(chunk) - len(chunk.lstrip())
                last = position + len(chunk.rstrip()) - 1
                if last < count:  # PDFium indices drift only after characters beyond the BMP
                    x0, bottom, _, top = textpage.get_charbox(first, loose=True)
                    x1 = textpage.get_charbox(last, loose=True)[2]
                    size = raw.FPDFText_GetFontSize(textpage, first)
                elif lines:
                    previous = lines[-1]
                    x0, x1, size = previous.x0, previous.x1, previous.size
                    top, bottom = height - previous.bottom, height - previous.bottom - size
                else:
                    x0, x1, size, top, bottom = 0.0, 0.0, 10.0, height, height - 10.0
                if stripped.endswith(("\ufffe", "\x02")):  # PDFium's mark for a hyphenated end
                    stripped = stripped[:-1] + "-"
                stripped = stripped.replace("\ufffe", "").replace("\x02", "")
                lines.append(PdfLine(stripped, index, x0, x1, height - top, height - bottom, size))
            position += len(chunk) + 2
        return lines
    finally:
        textpage.close()
        page.close()


def _metadata_title(pdf) -> str | None:
    try:
        title = (pdf.get_metadata_value("Title") or "").strip()
    except Exception:  # noqa: BLE001 - damaged metadata is not worth failing over
        return None
    lowered = title.lower()
    if (not title or lowered in {"untitled", "title", "document"} or lowered.startswith(
            "microsoft word - ") or lowered.endswith((".doc", ".docx", ".pdf", ".odt", ".indd"))):
        return None
    return title

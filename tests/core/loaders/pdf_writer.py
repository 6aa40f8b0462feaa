"""A tiny raw PDF writer for huge page counts (fpdf2 is too slow for thousands of pages)."""

from __future__ import annotations


def page_words(number: int) -> str:
    """Letters naming page ``number`` (0-based): a, b, ..., z, aa, ab, ..."""
    out = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(97 + rest) + out
    return out


def many_pages_pdf(pages: int) -> bytes:
    """A valid PDF of ``pages`` pages, each with one distinct line of Helvetica text."""
    return pdf_from_page_streams(
        [b"BT /F1 11 Tf 72 720 Td (Words on page %s.) Tj ET" % page_words(index).encode()
         for index in range(pages)])


def pdf_from_page_streams(streams: list[bytes]) -> bytes:
    """A valid PDF with one Letter page per content stream, font /F1 = Helvetica."""
    pages = len(streams)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
                   pages, b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for index, content in enumerate(streams):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       b"<< /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * index))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)

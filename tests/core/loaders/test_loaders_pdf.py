"""PDF loading: reading order, paragraphs, hyphenation, running headers, pages."""

from __future__ import annotations

import sys

import pytest

from reader.core.loaders import load_document
from reader.core.errors import CancelledError, DocumentError, UnsupportedFormatError
from reader.core.loaders import open_document
from reader.core.loaders import PdfLine, build_text, drop_running_lines
from reader.core.text import split_statements
from tests.core.loaders.loader_fixtures import PDF_STATEMENTS, make_pdf, make_scanned_pdf
from tests.core.loaders.pdf_writer import many_pages_pdf, page_words

pytest.importorskip("pypdfium2")
pytest.importorskip("fpdf")


def test_pdf_statements_and_pages_are_exact(tmp_path):
    doc = load_document(make_pdf(tmp_path / "report.pdf"))
    got = [(doc.page_at(s.start), s.text) for s in split_statements(doc.text)]
    assert got == PDF_STATEMENTS
    assert doc.title == "Annual Report"
    assert doc.source_format == "pdf"
    assert len(doc.page_starts) == 3


def test_running_header_and_page_numbers_are_dropped(tmp_path):
    doc = load_document(make_pdf(tmp_path / "report.pdf"))
    assert "City Council Annual Report" not in doc.text
    assert "Page 1" not in doc.text and "of 3" not in doc.text


def test_page_starts_point_at_each_pages_first_line(tmp_path):
    doc = load_document(make_pdf(tmp_path / "report.pdf"))
    assert doc.text[doc.page_starts[1]:].startswith("March. Residents")
    assert doc.text[doc.page_starts[2]:].startswith("Tables of figures")


def test_title_falls_back_to_the_first_heading(tmp_path):
    doc = load_document(make_pdf(tmp_path / "report.pdf", title=""))
    assert doc.title == "Budget approved"


def test_scanned_pdf_asks_for_ocr(tmp_path):
    with pytest.raises(DocumentError, match="no text layer.*OCR it first"):
        load_document(make_scanned_pdf(tmp_path / "scan.pdf"))


@pytest.mark.parametrize("payload, message", [
    (b"just some words", "no %PDF header"),
    (b"%PDF-1.7\n1 0 obj garbage", "not a readable PDF"),
])
def test_broken_pdf_is_a_document_error(tmp_path, payload, message):
    path = tmp_path / "bad.pdf"
    path.write_bytes(payload)
    with pytest.raises(DocumentError, match=message):
        load_document(path)


def test_password_protected_pdf(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="user")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 5, "Secret.")
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(DocumentError, match="password-protected"):
        load_document(path)


def test_missing_pypdfium2_says_what_to_install(tmp_path, monkeypatch):
    path = make_pdf(tmp_path / "report.pdf")
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(UnsupportedFormatError, match=r"pip install 'source-reader\[pdf\]'"):
        load_document(path)


def test_thousands_of_pages_report_progress_and_cancel(tmp_path):
    path = tmp_path / "huge.pdf"
    path.write_bytes(many_pages_pdf(5000))
    seen: list[tuple[int, int]] = []
    doc = open_document(path, progress=lambda done, total: seen.append((done, total)))
    assert len(doc.page_starts) == 5000
    assert seen[-1] == (5000, 5000) and len(seen) == 5000
    assert doc.page_at(doc.text.index(f"Words on page {page_words(4999)}.")) == 5000
    with pytest.raises(CancelledError):
        open_document(path, progress=lambda done, total: seen.append((done, total)),
                      cancel=lambda: len(seen) > 5010)


def test_page_limit_refuses(tmp_path, monkeypatch):
    from reader.core.loaders import _pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 10)
    path = tmp_path / "many.pdf"
    path.write_bytes(many_pages_pdf(11))
    with pytest.raises(DocumentError, match="11 pages"):
        load_document(path)


def _line(text, page, top, x0=72.0, x1=500.0, size=10.0):
    return PdfLine(text, page, x0, x1, top, top + size, size)


@pytest.mark.parametrize("lines, expected", [
    # hyphen at a line end rejoins the word; a wider gap starts a paragraph
    ([_line("A long para-", 0, 100), _line("graph ends.", 0, 112), _line("Next one.", 0, 140)],
     "A long paragraph ends.\n\nNext one."),
    # an indented first line starts a paragraph even without a gap
    ([_line("First paragraph text", 0, 100), _line("goes on here.", 0, 112),
      _line("Second starts here", 0, 124, x0=90), _line("and ends.", 0, 136)],
     "First paragraph text goes on here.\n\nSecond starts here and ends."),
    # a larger font is a heading on its own
    ([_line("Heading", 0, 80, size=16), _line("Body text here.", 0, 100)],
     "Heading\n\nBody text here."),
    # a hyphen between a digit and a word is kept
    ([_line("In 2020-", 0, 100), _line("2021 it grew.", 0, 112)], "In 2020- 2021 it grew."),
])
def test_layout_table(lines, expected):
    assert build_text([lines]).text == expected


def test_running_lines_need_repetition():
    words = ["Apples grow.", "Pears ripen.", "Plums fall."]
    pages = [[_line("Quarterly Report", p, 20), _line(words[p], p, 100),
              _line(str(p + 1), p, 780)] for p in range(3)]
    kept = drop_running_lines(pages)
    assert [[line.text for line in page] for page in kept] == [[w] for w in words]
    single = [[_line("Quarterly Report", 0, 20), _line("Body.", 0, 100)]]
    assert [line.text for line in drop_running_lines(single)[0]] == ["Quarterly Report", "Body."]

"""PDF paragraphs rebuilt from layout: one generated PDF per layout feature."""

from __future__ import annotations

import pytest

from reader.core.loaders import load_document
from tests.core.loaders.pdf_layouts import LayoutPdf, wrap

pytest.importorskip("pypdfium2")
pytest.importorskip("fpdf")

PARAGRAPHS = [
    "The harbour board met on Thursday to settle the dredging schedule for the coming year. "
    "Members heard from the engineers, the fishing cooperative and two groups of residents "
    "before voting on the plan.",
    "Most of the work will take place in the winter months, when fewer ships call. The "
    "engineers said the channel would be closed for no more than six days in total.",
    "The fishing cooperative asked for compensation for the days its boats cannot leave the "
    "inner basin, and the board agreed to study the request before the spring.",
    "A final report is due in March. It will be published on the website of the board and "
    "discussed at a public meeting in the town hall.",
]


def _load(tmp_path, layout: LayoutPdf, name: str = "layout.pdf"):
    path = tmp_path / name
    path.write_bytes(layout.pdf())
    return load_document(path)


def _paragraphs(doc) -> list[str]:
    return doc.text.split("\n\n")


@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged"])
def test_block_paragraphs_with_spacing_are_joined(tmp_path, justify):
    layout = LayoutPdf()
    layout.new_page()
    y = 90.0
    for text in PARAGRAPHS:
        y = layout.paragraph(72, y, 300, text, justify=justify) + 8
    assert _paragraphs(_load(tmp_path, layout)) == PARAGRAPHS


@pytest.mark.parametrize("justify", [True, False], ids=["justified", "ragged"])
def test_indented_paragraphs_without_spacing(tmp_path, justify):
    layout = LayoutPdf()
    layout.new_page()
    y = 90.0
    for text in PARAGRAPHS:
        y = layout.paragraph(72, y, 300, text, indent=18, justify=justify)
    assert _paragraphs(_load(tmp_path, layout)) == PARAGRAPHS


def test_short_last_line_ends_a_paragraph_without_spacing_or_indent(tmp_path):
    layout = LayoutPdf()
    layout.new_page()
    y = 90.0
    for text in PARAGRAPHS:
        y = layout.paragraph(72, y, 300, text)
    assert _paragraphs(_load(tmp_path, layout)) == PARAGRAPHS


def test_heading_in_a_larger_font_stands_alone_and_is_the_title(tmp_path):
    layout = LayoutPdf()
    layout.new_page()
    layout.line(72, 80, "Dredging plan agreed", size=18)
    layout.paragraph(72, 110, 300, PARAGRAPHS[0])
    doc = _load(tmp_path, layout)
    assert _paragraphs(doc) == ["Dredging plan agreed", PARAGRAPHS[0]]
    assert doc.title == "Dredging plan agreed"


@pytest.mark.parametrize("lines, expected", [
    # a word broken by the typesetter is made whole
    (["The engineers presented a detailed sched-", "ule for the work."],
     "The engineers presented a detailed schedule for the work."),
    # a compound broken at its own hyphen keeps it
    (["The board prefers a long-", "term plan for the channel."],
     "The board prefers a long-term plan for the channel."),
    # names and other languages: hyphenation is assumed
    (["The new berth is named after Gunnars-", "dottir, the first harbour master."],
     "The new berth is named after Gunnarsdottir, the first harbour master."),
    # a number range is left alone
    (["The channel closes on 12-", "14 January for the work."],
     "The channel closes on 12- 14 January for the work."),
])
def test_real_hyphenation_only(tmp_path, lines, expected):
    layout = LayoutPdf()
    layout.new_page()
    layout.line(72, 90, lines[0], justify_to=280)
    layout.line(72, 104, lines[1])
    assert _load(tmp_path, layout).text == expected


def _two_columns(layout: LayoutPdf, row_by_row: bool) -> None:
    """A title across the page, then PARAGRAPHS in two columns of nine lines at most."""
    layout.new_page()
    layout.line(72, 70, "Harbour Board Minutes", size=16)
    placed: list[tuple[float, float, str, float | None]] = []
    column, y = 0, 100.0
    for text in PARAGRAPHS:
        lines = wrap(text, 220, 10)
        for index, line in enumerate(lines):
            if y > 100 + 8 * 13:  # the second paragraph goes on in the next column
                column, y = column + 1, 100.0
            last = index == len(lines) - 1
            placed.append((72 + column * 250, y, line, None if last else 220.0))
            y += 13
        y += 5
    if row_by_row:
        placed.sort(key=lambda item: (item[1], item[0]))
    for x, y, line, width in placed:
        layout.line(x, y, line, size=10, justify_to=width)


@pytest.mark.parametrize("row_by_row", [False, True], ids=["column-order", "row-order"])
def test_two_columns_are_read_column_by_column(tmp_path, row_by_row):
    layout = LayoutPdf()
    _two_columns(layout, row_by_row)
    assert _paragraphs(_load(tmp_path, layout)) == ["Harbour Board Minutes", *PARAGRAPHS]


def test_line_number_margin_is_dropped(tmp_path):
    layout = LayoutPdf()
    for page in range(2):
        layout.new_page()
        lines = [line for text in PARAGRAPHS[2 * page:2 * page + 2]
                 for line in wrap(text, 380, 12, indent=36)]
        starts = {0, len(wrap(PARAGRAPHS[2 * page], 380, 12, indent=36))}
        for number, line in enumerate(lines, start=1):
            y = 80 + number * 26
            layout.line(60, y, str(number), size=12)
            layout.line(108 + (36 if number - 1 in starts else 0), y, line, size=12)
    doc = _load(tmp_path, layout)
    assert _paragraphs(doc) == PARAGRAPHS
    assert doc.page_at(doc.text.index(PARAGRAPHS[2])) == 2


def test_running_headers_footers_and_chapter_heads_are_dropped(tmp_path):
    layout = LayoutPdf()
    for page in range(4):
        layout.new_page()
        head = "Annual Review of the Harbour" if page % 2 else f"Chapter {1 + page // 2}: Works"
        layout.line(72, 40, f"{head}  {page + 11}", size=9)
        layout.paragraph(72, 90, 300, PARAGRAPHS[page])
        layout.line(290, 760, f"Page {page + 11}", size=9)
    doc = _load(tmp_path, layout)
    assert _paragraphs(doc) == PARAGRAPHS
    assert "Chapter" not in doc.text and "Annual Review" not in doc.text


def test_paragraph_carries_on_across_a_page_break(tmp_path):
    lines = wrap(PARAGRAPHS[0], 300, 11)
    layout = LayoutPdf()
    layout.new_page()
    for index, line in enumerate(lines[:2]):
        layout.line(72, 700 + index * 14, line, justify_to=300)
    layout.new_page()
    y = 80.0
    for index, line in enumerate(lines[2:]):
        last = index == len(lines) - 3
        layout.line(72, y, line, justify_to=None if last else 300)
        y += 14
    layout.paragraph(72, y + 10, 300, PARAGRAPHS[1])
    doc = _load(tmp_path, layout)
    assert _paragraphs(doc) == PARAGRAPHS[:2]
    assert doc.page_at(doc.text.index(lines[2])) == 2


def test_file_name_in_metadata_is_not_the_title(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title("10811.exe")
    pdf.add_page()
    pdf.set_font("Helvetica", size=20)
    pdf.cell(0, 12, "Quarterly Harbour Report")
    pdf.ln(16)
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, PARAGRAPHS[0])
    path = tmp_path / "report.pdf"
    pdf.output(str(path))
    assert load_document(path).title == "Quarterly Harbour Report"

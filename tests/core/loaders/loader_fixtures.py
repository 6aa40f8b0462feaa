"""Fixture files for the loader tests, generated in code with known text.

Word files come from python-docx (plus a footnotes part it cannot write), OpenDocument from
odfpy, PDF from fpdf2 (lines placed by hand, so line breaks, hyphenation, running headers and
page numbers are known), EPUB and RTF are written directly. Each builder returns the path.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

DOCX_STATEMENTS = [
    "Council backs harbour plan",
    "The council met on Monday.",
    "It approved the harbour plan after a long debate.",
    "Item | Cost | Owner",
    "Berths | 120 | Port",
    "Reactions",
    "Residents were pleased.",
    "Fishermen were not.",
    "[1] Figures from the port authority.",
]


def make_docx(path: Path, title: str = "Harbour Plan") -> Path:
    """A .docx with a title property, headings, a table, a tab and one footnote."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    doc.core_properties.title = title
    doc.add_heading("Council backs harbour plan", level=1)
    para = doc.add_paragraph("The council met on Monday. It approved the harbour plan")
    para.add_run(" after a long debate.")
    para._p.append(parse_xml(f'<w:r xmlns:w="{W_NS}"><w:footnoteReference w:id="1"/></w:r>'))
    table = doc.add_table(rows=2, cols=3)
    for r, row in enumerate([["Item", "Cost", "Owner"], ["Berths", "120", "Port"]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_heading("Reactions", level=2)
    doc.add_paragraph("Residents were pleased.\tFishermen were not.")
    buffer = io.BytesIO()
    doc.save(buffer)
    path.write_bytes(_add_footnotes(buffer.getvalue(), "Figures from the port authority."))
    return path


def _add_footnotes(docx: bytes, note: str) -> bytes:
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{W_NS}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        '<w:continuationSeparator/></w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r>'
        f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {note}</w:t></w:r></w:p>'
        '</w:footnote></w:footnotes>')
    rel = ('<Relationship Id="rIdFoot" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/footnotes" Target="footnotes.xml"/>')
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            target.writestr(info, data)
        target.writestr("word/footnotes.xml", footnotes)
    return out.getvalue()


ODT_STATEMENTS = [
    "The harbour",
    "Ships arrived on time.",
    "Cargo was unloaded quickly.",
    "Ship | Tons",
    "Aurora | 1200",
    "First item",
    "Second item",
    "[1] According to the port authority.",
]


def make_odt(path: Path) -> Path:
    """An .odt with a meta title, a heading, a footnote, spaces, a table and a list."""
    from odf import dc
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, Note, NoteBody, NoteCitation, P, S

    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text="Harbour Report"))
    doc.text.addElement(H(outlinelevel=1, text="The harbour"))
    para = P(text="Ships arrived on time.")
    note = Note(noteclass="footnote", id="ftn1")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="According to the port authority."))
    note.addElement(body)
    para.addElement(note)
    para.addText(" Cargo was unloaded")
    para.addElement(S(c=3))
    para.addText("quickly.")
    doc.text.addElement(para)
    table = Table(name="Ships")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for values in (["Ship", "Tons"], ["Aurora", "1200"]):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    doc.text.addElement(table)
    items = List()
    for text in ("First item", "Second item"):
        item = ListItem()
        item.addElement(P(text=text))
        items.addElement(item)
    doc.text.addElement(items)
    doc.save(str(path))
    return path


#: (page, statement) pairs of make_pdf's file, in order.
PDF_STATEMENTS = [
    (1, "Budget approved"),
    (1, "The council approved the budget on Monday after a long debate."),
    (1, "Spending on schools will rise by ten percent, the mayor said."),
    (1, "Road repairs were postponed until the spring."),
    (1, "The committee will review the plan in March."),
    (2, "Residents can comment online."),
    (2, "A second paragraph on page two."),
    (3, "Tables of figures follow in the annex."),
]
_PDF_PAGES = [
    [("Budget approved", 16), None,
     "The council approved the budget on Monday after a long",
     "debate. Spending on schools will rise by ten percent, the", "mayor said.", None,
     "Road repairs were postponed until the spring. The commit-", "tee will review the plan in"],
    ["March. Residents can comment online.", None, "A second paragraph on page two."],
    ["Tables of figures follow in the annex."],
]


def make_pdf(path: Path, title: str = "Annual Report", pages: list | None = None,
             header: bool = True) -> Path:
    """A PDF with a running header, "Page N of M" footers, a heading, a hyphenated word and a
    paragraph that continues on the next page. ``pages`` lists lines per page: a string, a
    (text, font size) pair, or None for a paragraph gap."""
    from fpdf import FPDF

    pages = _PDF_PAGES if pages is None else pages
    pdf = FPDF()
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            pdf.set_font("Helvetica", size=9)
            pdf.set_xy(20, 10)
            pdf.cell(0, 5, "City Council Annual Report")
            pdf.set_xy(100, 285)
            pdf.cell(0, 5, f"Page {number} of {len(pages)}")
        y = 25.0
        for line in lines:
            if line is None:
                y += 4
                continue
            text, size = (line, 11) if isinstance(line, str) else line
            pdf.set_font("Helvetica", "B" if size > 11 else "", size=size)
            pdf.set_xy(20, y)
            pdf.cell(0, 5, text)
            y += 5 if size <= 11 else 9
    pdf.output(str(path))
    return path


def make_scanned_pdf(path: Path) -> Path:
    """A PDF whose only page is an image: no text layer."""
    from fpdf import FPDF
    from PIL import Image

    image = path.with_suffix(".png")
    Image.new("L", (120, 60), 100).save(image)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image), x=10, y=10, w=100)
    pdf.output(str(path))
    return path


EPUB_STATEMENTS = [
    "Chapter One: The Storm",
    "The storm came at night.",
    "The keeper lit the lamp.",
    "Nobody slept.",
    "Chapter Two: Morning",
    "By morning the sea was calm.",
    "Boats | Crew",
]


def _xhtml(body: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns='
            f'"http://www.w3.org/1999/xhtml"><head><title>x</title></head><body>{body}'
            '</body></html>')


def make_epub(path: Path, version: int = 3) -> Path:
    """An EPUB whose manifest order differs from its spine; chapter 1 has no heading of its
    own (the table of contents names it), chapter 2 has one inside a <header>."""
    opf_nav = ('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" '
               'properties="nav"/>' if version == 3 else
               '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
    spine_nav = '<itemref idref="nav"/>' if version == 3 else ""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        book.writestr("META-INF/container.xml", (
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
            'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>'))
        book.writestr("OEBPS/content.opf", (
            f'<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
            f'version="{version}.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>The Lighthouse Keeper</dc:title></metadata><manifest>{opf_nav}'
            '<item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/>'
            '<item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>'
            f'</manifest><spine toc="ncx">{spine_nav}<itemref idref="c1"/><itemref idref="c2"/>'
            '</spine></package>'))
        book.writestr("OEBPS/nav.xhtml", _xhtml(
            '<nav epub:type="toc"><ol><li><a href="text/ch1.xhtml">Chapter One: The Storm</a>'
            '</li><li><a href="text/ch%202.xhtml#s">Chapter Two: Morning</a></li></ol></nav>'))
        book.writestr("OEBPS/toc.ncx", (
            '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>'
            '<navPoint id="n1"><navLabel><text>Chapter One: The Storm</text></navLabel>'
            '<content src="text/ch1.xhtml"/></navPoint><navPoint id="n2"><navLabel><text>'
            'Chapter Two: Morning</text></navLabel><content src="text/ch%202.xhtml"/>'
            '</navPoint></navMap></ncx>'))
        book.writestr("OEBPS/text/ch1.xhtml", _xhtml(
            "<p>The storm came at night. The keeper lit the lamp.</p><p>Nobody slept.</p>"))
        book.writestr("OEBPS/text/ch 2.xhtml", _xhtml(
            "<header><h1>Chapter Two: Morning</h1></header><p>By morning the sea was calm.</p>"
            "<table><tr><td>Boats</td><td>Crew</td></tr></table>"))
    return path


RTF_STATEMENTS = [
    "Ferry service resumes",
    "Caf\u00e9 owners welcomed the news.",
    "The ferry runs twice a day\u2014from Monday \u201con time\u201d.",
    "Route | Times",
    "North | 08:00",
    "Smile \U0001F600 please.",
    "[1] Source: harbour office.",
]
RTF_SOURCE = (
    r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}"
    r"{\colortbl;\red0\green0\blue0;}" "\n"
    r"{\info{\title Press Release}{\author Office}}{\*\generator Test;}" "\n"
    r"\pard\b Ferry service resumes\b0\par" "\n"
    r"\pard Caf\'e9 owners welcomed the news.{\super\chftn}{\footnote\pard\plain{\super\chftn}"
    r" Source: harbour office.} The ferry runs\line twice a day\emdash from Monday "
    r"\u8220?on time\u8221?.\par" "\n"
    r"\trowd\cellx1000\cellx2000 Route\cell Times\cell\row" "\n"
    r"\trowd\cellx1000\cellx2000 North\cell 08:00\cell\row" "\n"
    r"\pard Smile \u-10179?\u-8704? please.\par}"
)


def make_rtf(path: Path) -> Path:
    """An RTF with an \\info title, a code-page byte, \\uN escapes, a table and a footnote."""
    path.write_bytes(RTF_SOURCE.encode("ascii"))
    return path


def make_zip_bomb(path: Path, member: str, size: int = 300 * 1024 * 1024) -> Path:
    """A small zip whose ``member`` inflates to ``size`` bytes of zeros (streamed, so the
    test itself never holds them)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open(member, "w", force_zip64=True) as handle:
            chunk = bytes(1024 * 1024)
            for _ in range(size // len(chunk)):
                handle.write(chunk)
    return path

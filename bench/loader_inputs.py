"""Inputs for bench/bench_loaders.py: big PDFs and .docx files made in code, PDFs with a
realistic layout (justified columns, running heads, line numbers), and the saved news pages
of the development set when it is present (read in place, never copied)."""

from __future__ import annotations

import io
import json
import os
import random
import re
import tarfile
import zipfile
from pathlib import Path

from tests.core.loaders.pdf_layouts import LayoutPdf, wrap

ROOT = Path(__file__).resolve().parent.parent


def _dev_pages_folder() -> Path:
    """``$READER_DEV_DATA``, else ``../shared/dev-data`` beside the project (or its worktree)."""
    candidates = [Path(os.environ["READER_DEV_DATA"])] if os.environ.get("READER_DEV_DATA") else []
    candidates += [ROOT.parent / "shared" / "dev-data", ROOT.parents[1] / "shared" / "dev-data"]
    return next((c for c in candidates if c.is_dir()), candidates[-1]) / "news-pages"

WORDS = ("the council said on monday that new budget would raise spending schools roads while "
         "cutting administrative costs across several departments according officials who "
         "spoke after meeting harbour residents plan expansion fishing court appeal berths "
         "rail link million euros authority mayor decision generation opponents dredging").split()


def report_pdf_page(pages: int, lines: int, rng: random.Random) -> bytes:
    """A text PDF: running header, ``lines`` body lines in paragraphs, page-number footer."""
    from tests.core.loaders.pdf_writer import pdf_from_page_streams

    streams = []
    for index in range(pages):
        ops = [b"BT /F1 9 Tf 72 760 Td (Annual Report 2024 - City Council) Tj ET"]
        y = 730
        for line in range(lines):
            words = " ".join(rng.choice(WORDS) for _ in range(12))
            ops.append(b"BT /F1 11 Tf 72 %d Td (%s) Tj ET" % (y, words.encode()))
            y -= 20 if line % 6 == 5 else 14
        ops.append(b"BT /F1 9 Tf 300 40 Td (%d) Tj ET" % (index + 1))
        streams.append(b"\n".join(ops))
    return pdf_from_page_streams(streams)


_CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def big_docx(target_bytes: int, rng: random.Random) -> bytes:
    """A .docx of about ``target_bytes`` with headings, paragraphs and a table per section.

    Words come from a 5,000-word made-up vocabulary, so it compresses like real prose.
    """
    vocabulary = ["".join(rng.choice("etaoinshrdlucmfwypvbgk") for _ in range(rng.randint(2, 9)))
                  for _ in range(5000)]
    sections = 100
    for _ in range(4):
        data = _docx_bytes(sections, vocabulary, rng)
        if len(data) >= target_bytes:
            return data
        sections = int(sections * target_bytes / len(data) * 1.05) + 1
    return data


def _docx_bytes(sections: int, vocabulary: list[str], rng: random.Random) -> bytes:
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body: list[str] = []
    for section in range(sections):
        body.append(f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Section '
                    f"{section}</w:t></w:r></w:p>")
        for _ in range(3):
            text = " ".join(rng.choice(vocabulary) for _ in range(60))
            body.append(f"<w:p><w:r><w:t>{text}.</w:t></w:r></w:p>")
        cells = "".join(f"<w:tc><w:p><w:r><w:t>{rng.choice(vocabulary)}</w:t></w:r></w:p></w:tc>"
                        for _ in range(3))
        body.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
    xml = f'<w:document xmlns:w="{w}"><w:body>{"".join(body)}</w:body></w:document>'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/document.xml", xml)
    return out.getvalue()


def layout_pdfs(paragraphs: list[str]) -> dict[str, tuple[bytes, list[str]]]:
    """Name -> (PDF, its paragraphs) for layouts a paragraph rebuilder must handle; text is
    drawn at ``1 Tf`` scaled by the text matrix, as many producers write it."""
    out = {}
    for name, indent, gap in (("justified, spaced", 0, 8), ("indented, no spacing", 18, 0)):
        layout = LayoutPdf(scaled=True)
        layout.new_page()
        y = 90.0
        for text in paragraphs:
            if y > 700:
                layout.new_page()
                y = 90.0
            y = layout.paragraph(72, y, 460, text, indent=indent) + gap
        out[name] = (layout.pdf(), paragraphs)
    out["two columns, written row by row"] = (_two_columns(paragraphs), paragraphs)
    out["line-number margin"] = (_numbered(paragraphs), paragraphs)
    return out


def _two_columns(paragraphs: list[str]) -> bytes:
    layout = LayoutPdf(scaled=True)
    rows: list[tuple[float, float, str, float | None]] = []
    column, y = 0, 80.0
    for text in paragraphs:
        lines = wrap(text, 220, 10)
        for index, line in enumerate(lines):
            if y > 720:
                column, y = column + 1, 80.0
            rows.append((column, y, line, None if index == len(lines) - 1 else 220.0))
            y += 13
        y += 5
    for page in range(column // 2 + 1):
        layout.new_page()
        layout.line(72, 50, "Harbour Board Minutes, volume 3", size=8)
        for col, y, line, width in sorted((r for r in rows if r[0] // 2 == page),
                                          key=lambda r: (r[1], r[0])):
            layout.line(72 + (col % 2) * 250, y, line, size=10, justify_to=width)
    return layout.pdf()


def _numbered(paragraphs: list[str]) -> bytes:
    layout = LayoutPdf(scaled=True)
    lines: list[tuple[str, bool]] = []
    for text in paragraphs:
        wrapped = wrap(text, 380, 12, indent=36)
        lines += [(line, index == 0) for index, line in enumerate(wrapped)]
    for start in range(0, len(lines), 25):
        layout.new_page()
        for number, (line, first) in enumerate(lines[start:start + 25], start=1):
            layout.line(60, 80 + number * 26, str(number), size=12)
            layout.line(108 + (36 if first else 0), 80 + number * 26, line, size=12)
    return layout.pdf()


def dev_news_pages(limit: int = 0) -> list[tuple[str, bytes, list[str], list[str]]]:
    """(file, html, snippets that must appear, snippets that must not) of the English pages
    of the development set, or [] when it is not on this machine."""
    folder = _dev_pages_folder()
    archive, index = folder / "pages.tar.xz", folder / "evaldata.json"
    if not archive.is_file() or not index.is_file():
        return []
    wanted = {}
    for item in json.loads(index.read_text(encoding="utf-8")).values():
        words = re.findall(r"[^\W_]+", " ".join(item["with"] + item["without"]).lower())
        common = sum(w in _FUNCTION_WORDS for w in words) / max(1, len(words))
        if common >= 0.08:  # the scorer's test for an English page
            wanted[item["file"]] = item
    out = []
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            item = wanted.get(Path(member.name).name)
            handle = tar.extractfile(member) if item and member.isfile() else None
            if handle is not None:
                out.append((item["file"], handle.read(), item["with"], item["without"]))
    out.sort()
    return out[:limit] if limit else out


_FUNCTION_WORDS = set("the of and to a in is that for it on with as was be this are by at or "
                      "from an not".split())

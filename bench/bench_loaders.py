"""Open time of big files per format, ours beside other libraries measured in the same run.

Targets (issue 8): a 100-page PDF and a 1 MB .docx each open in <= 2 s. Also: a 5,000-page
PDF, and article extraction from saved news pages (ours vs trafilatura vs readability-lxml:
paragraphs kept, furniture leaked, title and byline, time, installed size). Alternatives that
are not installed are reported as such. Numbers are noisy on a shared 2-core machine.
"""

from __future__ import annotations

import importlib.metadata as metadata
import io
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.loaders import load_document  # noqa: E402
from tests.core.loaders.news_pages import ARTICLE, BOILERPLATE, BYLINE, TITLE, all_pages  # noqa: E402
from tests.core.loaders.pdf_writer import many_pages_pdf  # noqa: E402

WORDS = ("the council said on monday that new budget would raise spending schools roads while "
         "cutting administrative costs across several departments according officials who "
         "spoke after meeting harbour residents plan expansion fishing court appeal berths "
         "rail link million euros authority mayor decision generation opponents dredging").split()


def timed(function, repeat: int = 3) -> tuple[float, object]:
    """Best wall time of ``repeat`` runs and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


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


def alternative(name: str, function, repeat: int = 2) -> tuple[str, str]:
    """(time, note) for another library, or why it could not run."""
    try:
        seconds, result = timed(function, repeat=repeat)
    except ImportError:
        return "n/a", "not installed"
    return f"{seconds:.2f} s", f"{len(result):,} chars"


def file_table(folder: Path) -> None:
    rng = random.Random(8)
    pdf = folder / "report100.pdf"
    pdf.write_bytes(report_pdf_page(100, 45, rng))
    docx = folder / "big.docx"
    docx.write_bytes(big_docx(1024 * 1024, rng))
    huge = folder / "pages5000.pdf"
    huge.write_bytes(many_pages_pdf(5000))
    rows = []
    for label, path in ((f"PDF, 100 pages ({pdf.stat().st_size // 1024} KB)", pdf),
                        (f"DOCX ({docx.stat().st_size / 1e6:.2f} MB)", docx),
                        ("PDF, 5,000 pages", huge)):
        seconds, doc = timed(lambda p=path: load_document(p))
        verdict = "ok" if seconds <= 2.0 else "over 2 s"
        rows.append((label, "ours (load_document)", f"{seconds:.2f} s",
                     f"{len(doc.text):,} chars, {verdict}"))
    rows.append(("PDF, 100 pages", "pypdfium2 raw text, no layout",
                 *alternative("pypdfium2", lambda: _pdfium_text(pdf))))
    rows.append(("PDF, 100 pages", "pypdf extract_text",
                 *alternative("pypdf", lambda: _pypdf_text(pdf))))
    rows.append(("PDF, 100 pages", "pdfminer.six extract_text (1 run)",
                 *alternative("pdfminer", lambda: _pdfminer_text(pdf), repeat=1)))
    rows.append(("DOCX", "python-docx paragraphs",
                 *alternative("docx", lambda: _python_docx_text(docx))))
    print("| file | reader | time (best of 3 ours, of 2 others) | result |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


def _pdfium_text(path: Path) -> str:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


def _pypdf_text(path: Path) -> str:
    import pypdf

    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def _pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


def _python_docx_text(path: Path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def _ours(html: str) -> str:
    from reader.core.loaders import extract_article

    return "\n\n".join(extract_article(html).paragraphs())


def _trafilatura(html: str) -> str:
    import trafilatura

    found = trafilatura.bare_extraction(html, with_metadata=True)
    if found is None:
        return ""
    found = found.as_dict() if hasattr(found, "as_dict") else found
    return "\n".join(str(found.get(key) or "") for key in ("title", "author", "text"))


def _readability(html: str) -> str:
    from readability import Document

    from reader.core.loaders import html_to_text

    page = Document(html)
    return page.title() + "\n\n" + html_to_text(page.summary())[1]


def installed_mb(root: str) -> str:
    """Size on disk of a distribution and everything it requires (installed ones)."""
    seen: set[str] = set()
    todo = [root]
    total = 0
    while todo:
        name = re.split(r"[\s;<>=!~\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if not name or name in seen:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        total += sum(f.size or 0 for f in dist.files or ())
        todo += [req for req in dist.requires or () if "extra ==" not in req]
    return f"{total / 1e6:.0f} MB" if total else "n/a"


def html_table() -> None:
    print("\n| extractor | article paragraphs kept | furniture leaked | title, byline kept "
          "| time per page | installed size |")
    print("|---|---|---|---|---|---|")
    for name, function, dist in (("ours (stdlib)", _ours, None),
                                 ("trafilatura", _trafilatura, "trafilatura"),
                                 ("readability-lxml", _readability, "readability-lxml")):
        kept = leaked = meta = 0
        seconds = 0.0
        try:
            function("<p>warm up</p>")
            for page in all_pages():
                spent, text = timed(lambda h=page.html: function(h), repeat=2)
                seconds += spent
                flat = " ".join(text.split())
                kept += sum(" ".join(p.split()) in flat for p in ARTICLE)
                leaked += sum(junk in flat for junk in BOILERPLATE)
                meta += (TITLE in flat) + (BYLINE.removeprefix("By ") in flat)
        except ImportError:
            print(f"| {name} | not installed | | | | |")
            continue
        pages = len(all_pages())
        size = "0 (stdlib)" if dist is None else installed_mb(dist)
        print(f"| {name} | {kept}/{pages * len(ARTICLE)} | {leaked} | {meta}/{2 * pages} | "
              f"{1000 * seconds / pages:.1f} ms | {size} |")


def main() -> int:
    """Print the tables."""
    with tempfile.TemporaryDirectory() as folder:
        file_table(Path(folder))
    html_table()
    print(f"\nPDF engine pypdfium2: {installed_mb('pypdfium2')}; pypdf: {installed_mb('pypdf')}; "
          f"pdfminer.six: {installed_mb('pdfminer.six')} (installed sizes with dependencies)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

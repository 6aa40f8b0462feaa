"""Turn positioned PDF text lines into paragraphs: pure functions, no PDF library needed.

Running headers and footers are lines near the top or bottom of a page whose text (digits
ignored) repeats on many pages; page numbers are dropped wherever they sit in that band.
Lines join into a paragraph until a larger vertical gap, an indented first line, a change of
font size (headings stand alone), or a short line ending a sentence; hyphenated line ends
are rejoined. Paragraphs carry on across a page break when the sentence clearly does.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from statistics import median

from reader.core.loaders._blocks import clean_paragraph

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|pagina|página)\s*)?[-–—(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*"
    r"(?:(?:of|/|von|de)\s*\d{1,5})?\s*[-–—)\]]?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_BAND = 2  # lines at each end of a page that may be running headers or footers


@dataclass(frozen=True)
class PdfLine:
    """One text line: ``top``/``bottom`` measured downwards from the top of the page."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class PdfText:
    """Paragraph text joined by blank lines, the offset where each page starts, a heading."""

    text: str
    page_starts: tuple[int, ...]
    first_heading: str | None


def drop_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Pages without running headers, footers and page numbers."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_key(line.text) for line in _band(lines)})
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, int(0.4 * with_text + 0.999))
    kept: list[list[PdfLine]] = []
    for lines in pages:
        band = {id(line) for line in _band(lines)}
        kept.append([line for line in lines if id(line) not in band
                     or not (_PAGE_NUMBER.match(line.text.strip())
                             or counts[_key(line.text)] >= needed)])
    return kept


def _band(lines: list[PdfLine]) -> list[PdfLine]:
    ordered = sorted(lines, key=lambda line: line.top)
    return ordered[:_BAND] + ordered[_BAND:][-_BAND:]


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def build_text(pages: list[list[PdfLine]]) -> PdfText:
    """Join the lines of every page into paragraphs and note where each page starts."""
    lines = [line for page in pages for line in page]
    body_size = _body_size(lines)
    leading = _typical_leading(pages)
    left = {page[0].page: min(line.x0 for line in page) for page in pages if page}
    right = {page[0].page: max(line.x1 for line in page) for page in pages if page}
    paragraphs: list[list[PdfLine]] = []
    previous: PdfLine | None = None
    for line in lines:
        if previous is None or _breaks(previous, line, body_size, leading, left, right):
            paragraphs.append([])
        paragraphs[-1].append(line)
        previous = line
    return _join(paragraphs, len(pages), body_size)


def _body_size(lines: list[PdfLine]) -> float:
    weights: Counter[float] = Counter()
    for line in lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _typical_leading(pages: list[list[PdfLine]]) -> float:
    steps = [b.bottom - a.bottom for page in pages for a, b in zip(page, page[1:])
             if 0 < b.bottom - a.bottom < 4 * max(a.size, 1.0) and abs(a.size - b.size) < 0.5]
    return median(steps) if steps else 0.0


def _breaks(prev: PdfLine, line: PdfLine, body: float, leading: float,
            left: dict[int, float], right: dict[int, float]) -> bool:
    """True when ``line`` starts a new paragraph after ``prev``."""
    heading = _is_heading(line, body) or _is_heading(prev, body)
    if heading and abs(prev.size - line.size) > 0.5:
        return True
    if line.page != prev.page:
        ends_sentence = bool(_SENTENCE_END.search(prev.text))
        return heading or ends_sentence and not line.text[:1].islower()
    step = line.bottom - prev.bottom
    if step <= 0 or (leading and step > 1.35 * leading) or step > 2.2 * max(line.size, 1.0):
        return True  # a gap, or a new column
    if heading:
        return False  # a heading that wraps onto a second line
    indent = line.x0 - left.get(line.page, line.x0)
    if indent > 1.5 * line.size and prev.x0 - left.get(prev.page, prev.x0) < 0.5 * line.size:
        return True
    width = right.get(prev.page, prev.x1) - left.get(prev.page, prev.x0)
    short = width > 0 and (prev.x1 - left.get(prev.page, prev.x0)) < 0.7 * width
    return short and bool(_SENTENCE_END.search(prev.text))


def _is_heading(line: PdfLine, body: float) -> bool:
    return line.size >= 1.15 * body and len(line.text) < 200


def _join(paragraphs: list[list[PdfLine]], page_count: int, body: float) -> PdfText:
    out: list[str] = []
    length = 0
    page_starts: list[int] = []
    heading: str | None = None
    for lines in paragraphs:
        if out:
            out.append("\n\n")
            length += 2
        for index, line in enumerate(lines):
            text = clean_paragraph(line.text)
            if index:
                kept, separator = _rejoin(out[-1], text)
                length += len(kept) - len(out[-1]) + len(separator)
                out[-1] = kept
                out.append(separator)
            while len(page_starts) < line.page + 1:
                page_starts.append(length)
            out.append(text)
            length += len(text)
        if heading is None and lines and lines[0].page == 0 and _is_heading(lines[0], body):
            heading = " ".join(clean_paragraph(line.text) for line in lines)
    while len(page_starts) < page_count:
        page_starts.append(length)
    return PdfText("".join(out), tuple(page_starts), heading)


def _rejoin(before: str, after: str) -> tuple[str, str]:
    """(previous line, separator) for two wrapped lines: a hyphenated word is made whole."""
    if (len(before) > 1 and before.endswith("-") and before[-2].isalpha()
            and after[:1].islower()):
        return before[:-1], ""
    return before, " "

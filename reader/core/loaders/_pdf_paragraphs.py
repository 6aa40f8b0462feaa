"""Join PDF lines, in reading order, into paragraphs: pure functions, no PDF library needed.

A line starts a new paragraph after a gap wider than the usual line spacing for its font
size, at a change of font size (headings stand alone), at an indented first line, at a
bullet, when centring starts or stops, or when the line before it ended early: the first
word of this line would have fitted at the end of that one ("right-edge fill"; it works
for justified and ragged text alike). Across a column or page break the paragraph goes on
unless the last line ended a sentence short of the right edge. Wrapped lines are joined,
and hyphenated words rejoined only when that is real hyphenation (``_hyphens``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from statistics import median

from reader.core.loaders._blocks import clean_paragraph
from reader.core.loaders._hyphens import join_lines
from reader.core.loaders._pdf_layout import Placed, PdfLine, reading_order

_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
_OPEN_END = re.compile(r"[a-z\-–]$")
_BULLET = re.compile(r"^(?:[•◦▪▫●○■□►▸‣⁃∙·*–—-]|\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,4})[.)])"
                     r"\s+\S")


@dataclass(frozen=True)
class PdfText:
    """Paragraph text joined by blank lines, the offset where each page starts, and the
    largest text of the first page when it is larger than the body (a title)."""

    text: str
    page_starts: tuple[int, ...]
    first_heading: str | None


def build_text(pages: list[list[PdfLine]]) -> PdfText:
    """Paragraphs of the pages' lines (each page's lines in any order)."""
    flow = [placed for lines in pages for placed in reading_order(lines)]
    starts = paragraph_starts(flow)
    paragraphs: list[list[PdfLine]] = []
    for placed, start in zip(flow, starts):
        if start or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(placed.line)
    text, page_starts = _join(paragraphs, len(pages))
    return PdfText(text, page_starts, _largest_on_first_page(paragraphs, flow))


def paragraph_starts(flow: list[Placed]) -> list[bool]:
    """For each line in reading order: does it start a paragraph?"""
    spacings = _spacings(flow)
    out: list[bool] = []
    paragraph: list[PdfLine] = []
    for index, placed in enumerate(flow):
        following = flow[index + 1] if index + 1 < len(flow) else None
        start = index == 0 or _breaks(flow[index - 1], placed, following, spacings,
                                      _block_right(paragraph, flow[index - 1]))
        paragraph = [placed.line] if start else paragraph + [placed.line]
        out.append(start)
    return out


def _block_right(paragraph: list[PdfLine], prev: Placed) -> float:
    """The right edge lines of this paragraph fill: the column's, or for a block indented
    on the left (a quotation) the edge its own lines reach."""
    if len(paragraph) < 2 or any(line.x0 < prev.left + 0.6 * line.size
                                 or line.page != prev.line.page for line in paragraph):
        return prev.right
    return max(line.x1 for line in paragraph)


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= 0.12 * max(a, b)


@dataclass(frozen=True)
class _Spacing:
    """The usual baseline step for a font size, and whether paragraphs are set apart by
    extra space (then a line that ends a little short is just a ragged or hard-wrapped line,
    and only a clearly short one ends a paragraph)."""

    leading: float
    spaced: bool

    def is_gap(self, step: float) -> bool:
        """A step wider than the usual line spacing."""
        return step > self.leading + max(1.0, 0.2 * self.leading)


def _spacings(flow: list[Placed]) -> dict[int, _Spacing]:
    """Rounded font size -> its spacing, from steps between lines of one column."""
    steps: dict[int, list[float]] = defaultdict(list)
    for a, b in zip(flow, flow[1:]):
        first, second = a.line, b.line
        if (first.page == second.page and a.column == b.column
                and _same_size(first.size, second.size)):
            step = second.bottom - first.bottom
            if 0.5 * first.size < step < 3 * first.size:
                steps[round(first.size)].append(step)
    out = {}
    for size, values in steps.items():
        spacing = _Spacing(median(values), False)
        gaps = sum(1 for step in values if spacing.is_gap(step))
        out[size] = _Spacing(spacing.leading, gaps >= 3 and gaps >= 0.04 * len(values))
    return out


def _breaks(prev: Placed, cur: Placed, following: Placed | None,
            spacings: dict[int, _Spacing], right: float) -> bool:
    before, line = prev.line, cur.line
    size = line.size
    if not _same_size(before.size, size):
        return True
    flows_on = before.page == line.page and prev.column == cur.column
    spacing = spacings.get(round(size), _Spacing(1.2 * size, False))
    if flows_on:
        step = line.bottom - before.bottom
        if spacing.is_gap(step) or step < 0.3 * size:
            return True
    if _BULLET.match(line.text) and line.x0 <= before.x0 + 0.5 * size:
        return True
    if _centred(prev) != _centred(cur):
        return True
    if (_first_line_indent(cur, following) and line.x0 > before.x0 + 0.4 * size
            and before.x0 <= prev.left + 0.3 * size
            and (not _full(prev) or _SENTENCE_END.search(before.text))):
        return True  # (a full line without a sentence end goes on: a hanging indent)
    if not flows_on:  # a new column or page: go on while the sentence clearly does
        if _OPEN_END.search(before.text):
            return False
        return bool(_SENTENCE_END.search(before.text)) and not _full(prev) \
            or _ends_early(before, line, right, spacing.spaced)
    return _ends_early(before, line, right, spacing.spaced)


def _centred(placed: Placed) -> bool:
    line, width = placed.line, placed.right - placed.left
    margin_left, margin_right = line.x0 - placed.left, placed.right - line.x1
    return (min(margin_left, margin_right) > max(3 * line.size, 0.1 * width)
            and abs(margin_left - margin_right) < max(3.0, 0.03 * width))


def _first_line_indent(placed: Placed, following: Placed | None) -> bool:
    """Indented from the column's edge, and the next line of the column goes back left."""
    line = placed.line
    if not 0.6 * line.size <= line.x0 - placed.left <= 8 * line.size:
        return False
    if following is None or following.line.page != line.page \
            or following.column != placed.column:
        return True
    return following.line.x0 < line.x0 - 0.4 * line.size \
        or not _same_size(following.line.size, line.size)


def _full(placed: Placed) -> bool:
    """The line reaches the right edge (justified lines do; a last line rarely does)."""
    return placed.right - placed.line.x1 < max(1.5, 0.15 * placed.line.size)


def _ends_early(before: PdfLine, line: PdfLine, right: float, spaced: bool) -> bool:
    """The first word of ``line`` would have fitted at the end of ``before`` (with spaced
    paragraphs: ``before`` fills less than two thirds of the line)."""
    room = right - before.x1
    if spaced:
        return room > 0.35 * (right - before.x0)
    char = (before.x1 - before.x0) / max(1, len(before.text))
    first_word = line.text.split(" ", 1)[0]
    return room > char * (len(first_word) + 1.5) + 0.5 * before.size


def _join(paragraphs: list[list[PdfLine]], page_count: int) -> tuple[str, tuple[int, ...]]:
    """The text and each page's start offset (a page starting mid-paragraph starts there)."""
    out: list[str] = []
    page_starts: list[int] = []
    length = 0
    for lines in paragraphs:
        start = length + (2 if out else 0)
        text = ""
        for index, line in enumerate(lines):
            piece = clean_paragraph(line.text)
            text = join_lines(text, piece) if index else piece
            while len(page_starts) <= line.page:
                page_starts.append(start + len(text) - len(piece))
        out.append(text)
        length = start + len(text)
    while len(page_starts) < page_count:
        page_starts.append(length)
    return "\n\n".join(out), tuple(page_starts)


def _largest_on_first_page(paragraphs: list[list[PdfLine]], flow: list[Placed]) -> str | None:
    """The paragraph of the largest text on page 1, when it is larger than the body text."""
    sizes: Counter[int] = Counter()
    for placed in flow:
        sizes[round(placed.line.size * 2)] += len(placed.line.text)
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0] / 2
    first = [lines for lines in paragraphs if lines[0].page == 0]
    if not first:
        return None
    best = max(first, key=lambda lines: lines[0].size)
    text = " ".join(clean_paragraph(line.text) for line in best)
    if best[0].size < 1.15 * body or len(text) > 200 or sum(ch.isalpha() for ch in text) < 3:
        return None
    return text

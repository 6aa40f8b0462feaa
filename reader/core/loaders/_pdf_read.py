"""Positioned text lines of one PDF page, read through PDFium's text page (pypdfium2).

PDFium gives the page's text in its reading order with line breaks; for each line we ask
for its text rectangles (one per text run) and split the line where a wide gap separates
runs: two columns written row by row, or a line number beside its line, become separate
lines. Each line gets the baseline and the effective font size of its first letter (font
size times the text matrix's scale: many PDFs draw at ``1 Tf`` and scale with the matrix).
Only a handful of calls per line, never one per character: a 100-page report reads in
well under a second.
"""

from __future__ import annotations

import ctypes
import math
import re
from itertools import accumulate
from typing import Any

from reader.core.loaders._pdf_layout import PdfLine

# PDFium ends a line at CR LF, and marks a hyphen it joined across lines with \x02 or \ufffe.
_LINE = re.compile("[^\r\n\x02\ufffe]+[\x02\ufffe]?")
_HYPHEN_MARKS = "\x02\ufffe"
Rect = tuple[float, float, float, float]  # left, right, bottom, top (PDF units, y upwards)


def page_lines(pdf: Any, index: int) -> list[PdfLine]:
    """Every text line of page ``index`` (0-based), split at wide gaps."""
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range(0, count)
        reader = _PageReader(textpage.raw, page.get_height(), index, text, count)
        lines: list[PdfLine] = []
        for match in _LINE.finditer(text):
            lines.extend(reader.lines(match.start(), match.end()))
        return lines
    finally:
        textpage.close()
        page.close()


class _PageReader:
    """Line geometry from one PDFium text page (``tp`` is the raw FPDF_TEXTPAGE)."""

    def __init__(self, tp: Any, height: float, page: int, text: str, count: int) -> None:
        import pypdfium2.raw as raw

        self.raw, self.tp, self.height, self.page, self.text = raw, tp, height, page, text
        # Characters beyond the BMP are one str index here but two PDFium indices.
        self.shift = list(accumulate((ord(ch) > 0xFFFF for ch in text), initial=0)) \
            if len(text) != count else None
        self._a, self._b, self._c, self._d = (ctypes.c_double() for _ in range(4))
        self._matrix = raw.FS_MATRIX()

    def index(self, position: int) -> int:
        """PDFium's character index of ``text[position]``."""
        return position if self.shift is None else position + self.shift[position]

    def box(self, position: int) -> Rect:
        """The tight box of one character (empty for generated spaces)."""
        self.raw.FPDFText_GetCharBox(self.tp, self.index(position), self._a, self._b,
                                     self._c, self._d)
        return self._a.value, self._b.value, self._c.value, self._d.value

    def rects(self, start: int, end: int) -> list[Rect]:
        """The text runs of ``text[start:end]``, in text order."""
        first = self.index(start)
        count = self.raw.FPDFText_CountRects(self.tp, first, self.index(end) - first)
        out = []
        for i in range(count):
            self.raw.FPDFText_GetRect(self.tp, i, self._a, self._d, self._b, self._c)
            if self._b.value > self._a.value:
                out.append((self._a.value, self._b.value, self._c.value, self._d.value))
        return out

    def lines(self, start: int, end: int) -> list[PdfLine]:
        """The line ``text[start:end]``, split where its runs are far apart."""
        rects = self.rects(start, end)
        if not rects:
            return []
        groups = _group_runs(rects)
        cuts = [start]
        for later in range(1, len(groups)):
            cuts.append(self._first_in(cuts[-1], end, groups[later:]))
        cuts.append(end)
        out = []
        for a, b, group in zip(cuts, cuts[1:], groups):
            line = self._line(a, b, min(r[0] for r in group), max(r[1] for r in group))
            if line is not None:
                out.append(line)
        return out

    def _first_in(self, lo: int, hi: int, groups: list[list[Rect]]) -> int:
        """First position in ``[lo, hi)`` whose character lies in one of ``groups``."""
        end = hi
        while lo < hi:
            middle = (lo + hi) // 2
            if self._inside(middle, end, groups):
                hi = middle
            else:
                lo = middle + 1
        return lo

    def _inside(self, position: int, end: int, groups: list[list[Rect]]) -> bool:
        while position < end:
            left, right, bottom, top = self.box(position)
            if right > left:  # generated spaces have no box: judge by the next character
                x, y = (left + right) / 2, (bottom + top) / 2
                return any(r[0] - 1 <= x <= r[1] + 1 and r[2] - 1 <= y <= r[3] + 1
                           for group in groups for r in group)
            position += 1
        return True

    def _line(self, start: int, end: int, x0: float, x1: float) -> PdfLine | None:
        chunk = self.text[start:end]
        text = chunk.strip()
        if not text:
            return None
        first = start + len(chunk) - len(chunk.lstrip())
        probe = next((start + k for k, ch in enumerate(chunk[:24]) if ch.isalnum()), first)
        index = self.index(probe)
        self.raw.FPDFText_GetMatrix(self.tp, index, self._matrix)
        scale = math.hypot(self._matrix.c, self._matrix.d) or 1.0
        size = self.raw.FPDFText_GetFontSize(self.tp, index) * scale
        if not 0.5 < size < 500:
            size = 10.0
        self.raw.FPDFText_GetCharOrigin(self.tp, index, self._a, self._b)
        baseline = self.height - self._b.value
        if first > start:  # drawn leading spaces: the line starts at its first visible letter
            x0 = max(x0, self.box(first)[0])
        if text[-1] in _HYPHEN_MARKS:
            text = text[:-1] + "-"
        for mark in _HYPHEN_MARKS:
            text = text.replace(mark, "")
        return PdfLine(text, self.page, x0, x1, baseline - size, baseline, size)


def _group_runs(rects: list[Rect]) -> list[list[Rect]]:
    """Consecutive runs on one row with at most a word gap between them form a group."""
    groups = [[rects[0]]]
    for rect in rects[1:]:
        group = groups[-1]
        last = group[-1]
        tall = max(last[3] - last[2], rect[3] - rect[2])
        same_row = min(last[3], rect[3]) - max(last[2], rect[2]) > 0.3 * tall
        gap = rect[0] - max(r[1] for r in group)
        if same_row and -0.5 * tall < gap <= max(6.0, 0.9 * tall):
            group.append(rect)
        else:
            groups.append([rect])
    return groups

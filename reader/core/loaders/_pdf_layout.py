"""Page layout of positioned PDF lines: pure functions, no PDF library needed.

* Running headers and footers are rows near the top or bottom of a page whose text (digits
  ignored) repeats on many pages, or that carry the page's own number (a chapter title with
  the page number changes every chapter, but its number follows the page).
* A margin column of line numbers (court transcripts, pleadings, bills) is dropped: numbers
  alone at one x position, rising down the page; numbers glued to the start of nearly every
  line and counting up are cut off.
* Reading order: empty vertical strips between columns of text (gutters) split a page into
  columns; lines that span the gutters cut the page into bands; each band is read column by
  column, left to right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|pagina|página)\s*)?[-–—(\[]?\s*(?:\d{1,5}|[ivxlcdm]{1,7})\s*"
    r"(?:(?:of|/|von|de)\s*\d{1,5})?\s*[-–—)\]]?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d{1,4}$")
_NUMBER_PREFIX = re.compile(r"^(\d{1,3})\s+(?=\S)")
_EDGE_NUMBERS = (re.compile(r"^(\d{1,4})\b"), re.compile(r"\b(\d{1,4})$"))
_BAND = 2  # rows at each end of a page that may be running headers or footers


@dataclass(frozen=True)
class PdfLine:
    """One text line: ``top``/``bottom`` measured downwards from the top of the page
    (``bottom`` is the baseline), ``size`` the effective font size."""

    text: str
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(frozen=True)
class Placed:
    """A line in reading order, with the edges of the column (or page) it flows in."""

    line: PdfLine
    left: float
    right: float
    column: int  # -1 for a line spanning the columns


def rows(lines: list[PdfLine]) -> list[list[PdfLine]]:
    """Lines grouped by shared baseline, top to bottom, each row left to right."""
    out: list[list[PdfLine]] = []
    for line in sorted(lines, key=lambda l: (l.bottom, l.x0)):
        if out and abs(out[-1][0].bottom - line.bottom) <= 0.3 * min(line.size, out[-1][0].size):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def drop_running_lines(pages: list[list[PdfLine]]) -> list[list[PdfLine]]:
    """Pages without running headers, footers and page numbers. Rows go from the top and
    bottom edges inwards, and a repeated row must stand apart from the text next to it (a
    wider gap than the page's usual line step), so body text that happens to repeat stays."""
    counts: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    edges: list[tuple[list[list[PdfLine]], list[list[PdfLine]]]] = []
    for index, lines in enumerate(pages):
        ordered = rows(lines)
        top = ordered[:_BAND]
        bottom = ordered[_BAND:][-_BAND:][::-1]
        edges.append((top, bottom))
        band = [line for row in top + bottom for line in row]
        counts.update({_key(line.text) for line in band})
        offsets.update({n - index for line in band for n in _edge_numbers(line.text)})
    with_text = sum(1 for lines in pages if lines)
    needed = max(2, int(0.4 * with_text + 0.999))
    offset, hits = offsets.most_common(1)[0] if offsets else (0, 0)
    numbered = hits >= max(3, 0.3 * with_text)

    def running(line: PdfLine, index: int) -> bool:
        return counts[_key(line.text)] >= needed or (
            numbered and index + offset in _edge_numbers(line.text))

    usual = _usual_step(pages)
    kept: list[list[PdfLine]] = []
    for index, (lines, (top, bottom)) in enumerate(zip(pages, edges)):
        ordered = rows(lines)
        drop: set[int] = set()
        for side, inward in ((top, 1), (bottom, -1)):
            for row in side:
                position = ordered.index(row)
                neighbour = position + inward
                apart = (not 0 <= neighbour < len(ordered)
                         or abs(ordered[neighbour][0].bottom - row[0].bottom) > 1.3 * usual)
                if not all(_PAGE_NUMBER.match(line.text.strip())
                           or (apart and running(line, index)) for line in row):
                    break
                drop.update(id(line) for line in row)
        kept.append([line for line in lines if id(line) not in drop])
    return kept


def _usual_step(pages: list[list[PdfLine]]) -> float:
    """The usual distance between the baselines of running text (0 when there is none)."""
    steps = []
    for lines in pages:
        ordered = rows(lines)
        steps += [b[0].bottom - a[0].bottom for a, b in zip(ordered, ordered[1:])
                  if b[0].bottom - a[0].bottom < 3 * max(a[0].size, b[0].size)]
    return median(steps) if steps else 0.0


def _key(text: str) -> str:
    return " ".join(re.sub(r"\d+", "#", text.lower()).split())


def _edge_numbers(text: str) -> set[int]:
    """Numbers at the start or end of a line, where running heads print the page number."""
    return {int(m.group(1)) for m in (p.search(text) for p in _EDGE_NUMBERS) if m}


def drop_line_numbers(lines: list[PdfLine]) -> list[PdfLine]:
    """One page without its margin column of line numbers, if it has one."""
    numbers = [line for line in lines if _NUMBER.match(line.text)]
    others = [line for line in lines if not _NUMBER.match(line.text)]
    if len(numbers) >= 5 and others:
        margin = _aligned(numbers)
        left = median(line.x0 for line in others)
        right = median(line.x1 for line in others)
        outside = (all(line.x1 <= left + 1 for line in margin)
                   or all(line.x0 >= right - 1 for line in margin))
        if len(margin) >= 5 and outside and _rising([int(line.text) for line in margin]):
            gone = {id(line) for line in margin}
            lines = [line for line in lines if id(line) not in gone]
    prefixed = [line for line in lines if _NUMBER_PREFIX.match(line.text)]
    if len(prefixed) >= 5 and len(prefixed) >= 0.6 * len(lines):
        values = [int(_NUMBER_PREFIX.match(line.text).group(1))  # type: ignore[union-attr]
                  for line in sorted(prefixed, key=lambda l: l.bottom)]
        if sum(1 for a, b in zip(values, values[1:]) if b == a + 1) >= 0.7 * (len(values) - 1):
            cut = {id(line) for line in prefixed}
            lines = [replace(line, text=_NUMBER_PREFIX.sub("", line.text))
                     if id(line) in cut else line for line in lines]
    return lines


def _aligned(lines: list[PdfLine]) -> list[PdfLine]:
    """The largest group of lines sharing a left or a right edge (within 3 points)."""
    best: list[PdfLine] = []
    for edge in (lambda line: line.x0, lambda line: line.x1):
        for anchor in lines:
            group = [line for line in lines if abs(edge(line) - edge(anchor)) <= 3.0]
            if len(group) > len(best):
                best = group
    return best


def _rising(values: list[int]) -> bool:
    return sum(1 for a, b in zip(values, values[1:]) if b > a) >= 0.8 * (len(values) - 1)


def reading_order(lines: list[PdfLine]) -> list[Placed]:
    """One page's lines in reading order (see module docstring); same-row pieces of one
    column are merged into one line."""
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    gutters = _gutters(lines, left, right)
    bounds = [left] + [x for gutter in gutters for x in gutter] + [right]
    columns = [(bounds[2 * i], bounds[2 * i + 1]) for i in range(len(gutters) + 1)]
    placed = [(line, _column_of(line, gutters)) for line in lines]
    spanning = rows([line for line, column in placed if column < 0])
    out: list[Placed] = []
    top = float("-inf")
    for band_end in spanning + [[]]:
        cut = band_end[0].bottom if band_end else float("inf")
        for index, (c0, c1) in enumerate(columns):
            column = [line for line, c in placed if c == index and top < line.bottom <= cut]
            edges = _edges(column, c0, c1)
            out.extend(Placed(merge_row(row), *edges, index) for row in rows(column))
        if band_end:
            out.append(Placed(merge_row(band_end), left, right, -1))
        top = cut
    return out


def merge_row(row: list[PdfLine]) -> PdfLine:
    """Pieces of one row in one column become one line (a bullet and its text, say)."""
    if len(row) == 1:
        return row[0]
    row = sorted(row, key=lambda line: line.x0)
    text = row[0].text
    for a, b in zip(row, row[1:]):
        text += ("" if b.x0 - a.x1 < 0.1 * a.size else " ") + b.text
    main = max(row, key=lambda line: len(line.text))
    return replace(main, text=text, x0=row[0].x0, x1=max(line.x1 for line in row))


def _edges(column: list[PdfLine], c0: float, c1: float) -> tuple[float, float]:
    """A column's text edges: the outermost x that at least two lines reach."""
    if not column:
        return c0, c1
    lefts = sorted(line.x0 for line in column)
    rights = sorted((line.x1 for line in column), reverse=True)
    left = next((a for a, b in zip(lefts, lefts[1:]) if b - a <= 2.0), lefts[0])
    right = next((a for a, b in zip(rights, rights[1:]) if a - b <= 2.0), rights[0])
    return left, right


def _column_of(line: PdfLine, gutters: list[tuple[float, float]]) -> int:
    if any(line.x0 < g0 and line.x1 > g1 for g0, g1 in gutters):
        return -1
    centre = (line.x0 + line.x1) / 2
    return sum(1 for _, g1 in gutters if centre > g1)


def _gutters(lines: list[PdfLine], left: float, right: float) -> list[tuple[float, float]]:
    """Empty vertical strips between columns, each with several lines on both sides."""
    narrow = sorted((line for line in lines if line.x1 - line.x0 < 0.6 * (right - left)),
                    key=lambda line: line.x0)
    if len(narrow) < 6:
        return []
    wide_gap = max(6.0, 0.6 * median(line.size for line in narrow))
    gaps: list[tuple[float, float]] = []
    reach = narrow[0].x1
    for line in narrow[1:]:
        if line.x0 - reach >= wide_gap:
            gaps.append((reach, line.x0))
        reach = max(reach, line.x1)
    return [(g0, g1) for g0, g1 in gaps
            if sum(1 for line in narrow if line.x1 <= g0) >= 3
            and sum(1 for line in narrow if line.x0 >= g1) >= 3]

"""PDF pages laid out line by line, for the layout tests: columns, justified and ragged
paragraphs, indents, hyphenated line ends, line-number margins, running headers.

Lines are placed at exact positions with Helvetica (widths from fpdf2's metrics) through the
raw writer in ``pdf_writer``; justified lines get PDF word spacing (``Tw``), as typesetters
do. Coordinates are points from the top-left corner of a Letter page (612 x 792).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.core.loaders.pdf_writer import pdf_from_page_streams

PAGE_HEIGHT = 792.0


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in Helvetica at ``size`` points."""
    from fpdf import FPDF

    pdf = FPDF(unit="pt")
    pdf.set_font("Helvetica", size=size)
    return pdf.get_string_width(text)


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """Greedy line breaking: each line takes as many words as fit in ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        room = width - (indent if not lines else 0.0)
        if current and text_width(candidate, size) > room:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def _escape(text: str) -> bytes:
    raw = text.encode("latin-1")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


@dataclass
class LayoutPdf:
    """Pages of positioned lines; ``pdf()`` gives the file's bytes. ``scaled`` draws text as
    many producers do, at ``1 Tf`` scaled up by the text matrix (the font size alone then
    says 1 point)."""

    scaled: bool = False
    pages: list[list[bytes]] = field(default_factory=list)

    def new_page(self) -> None:
        """Start a page; later lines go on it."""
        self.pages.append([])

    def line(self, x: float, y: float, text: str, size: float = 11.0,
             justify_to: float | None = None) -> None:
        """One line with its baseline at ``y``; stretched to ``justify_to`` points wide."""
        spacing = 0.0
        gaps = text.count(" ")
        if justify_to is not None and gaps:
            spacing = (justify_to - text_width(text, size)) / gaps
        if self.scaled:  # word spacing is in unscaled text space units
            self.pages[-1].append(b"BT /F1 1 Tf %.5f Tw %.2f 0 0 %.2f %.2f %.2f Tm (%s) Tj ET" % (
                spacing / size, size, size, x, PAGE_HEIGHT - y, _escape(text)))
            return
        self.pages[-1].append(b"BT /F1 %.2f Tf %.3f Tw %.2f %.2f Td (%s) Tj ET" % (
            size, spacing, x, PAGE_HEIGHT - y, _escape(text)))

    def paragraph(self, x: float, y: float, width: float, text: str, size: float = 11.0,
                  leading: float = 14.0, indent: float = 0.0, justify: bool = True) -> float:
        """A wrapped paragraph from baseline ``y``; returns the baseline after its last line."""
        lines = wrap(text, width, size, indent)
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            left = x + (indent if index == 0 else 0.0)
            self.line(left, y, line, size, None if last or not justify else x + width - left)
            y += leading
        return y

    def pdf(self) -> bytes:
        """The PDF file."""
        return pdf_from_page_streams([b"\n".join(ops) for ops in self.pages])

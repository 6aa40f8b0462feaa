"""What a laid-out text view measures: used by the wrap tests of the view and the window."""

from __future__ import annotations


def widest_line(view) -> float:
    """The natural width of the widest laid-out line of a QPlainTextEdit's document."""
    widest = 0.0
    block = view.document().firstBlock()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            widest = max(widest, layout.lineAt(i).naturalTextWidth())
        block = block.next()
    return widest

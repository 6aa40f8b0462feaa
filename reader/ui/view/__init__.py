"""A document pane: the text view, its margins and marks, tooltips, UTF-16 offsets."""

from __future__ import annotations

from reader.ui.view._document_view import DocumentView
from reader.ui.view._elided import ElidedLabel
from reader.ui.view._note_editor import NoteEditor
from reader.ui.view._overview import OverviewStrip
from reader.ui.view._find_marks import FindMarks
from reader.ui.view._pane import PaneWidget
from reader.ui.view._tooltip import statement_tooltip

__all__ = [
    "DocumentView", "ElidedLabel", "FindMarks", "NoteEditor", "OverviewStrip", "PaneWidget",
    "statement_tooltip",
]

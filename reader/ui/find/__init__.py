"""Finding text in the window: the find bar and its controller (the open panes), and the
Find in Library panel (every document the library knows)."""

from __future__ import annotations

from reader.ui.find._bar import FindBar
from reader.ui.find._controller import FindController
from reader.ui.find._jobs import index_open_document, search_library_job
from reader.ui.find._library_panel import LIBRARY_LIMIT, LibraryFindPanel

__all__ = [
    "FindBar", "FindController", "LIBRARY_LIMIT", "LibraryFindPanel", "index_open_document",
    "search_library_job",
]

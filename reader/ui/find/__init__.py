"""Finding text in the window: the find bar and its controller (the open panes), and the
Find in Library panel (every document the library knows)."""

from __future__ import annotations

from reader.ui.find._bar import FindBar
from reader.ui.find._controller import FindController

__all__ = ["FindBar", "FindController"]

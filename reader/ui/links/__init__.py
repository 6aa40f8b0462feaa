"""What joins the panes: link gutter ribbons, overview strips, sync scroll, alignment jobs."""

from __future__ import annotations

from reader.ui.links._alignments import AlignmentController, BIG_STATEMENTS
from reader.ui.links._gutter import GUTTER_WIDTH, LinkGutter
from reader.ui.links._scroll_map import ScrollMap, monotone_chain, sync_point
from reader.ui.links._state import (
    linked_statements, links_between, partners, possible_partners, word_differences)
from reader.ui.links._sync_scroll import SyncScroller

__all__ = [
    "AlignmentController", "BIG_STATEMENTS", "GUTTER_WIDTH", "LinkGutter", "ScrollMap",
    "SyncScroller", "linked_statements", "links_between", "monotone_chain", "partners",
    "possible_partners", "sync_point", "word_differences",
]

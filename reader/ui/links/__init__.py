"""What joins the panes: the link gutter (links, candidates, related paragraphs), the link
threshold control and link keys, sync scroll, alignment jobs."""

from __future__ import annotations

from reader.ui.links._alignments import AlignmentController, BIG_STATEMENTS
from reader.ui.links._controls import LINK_SHORTCUTS, LinkControls, install_link_controls
from reader.ui.links._gutter import GUTTER_WIDTH, LinkGutter
from reader.ui.links._keys import LinkKeys
from reader.ui.links._presenter import LinkPresenter, LinkTarget
from reader.ui.links._ribbons import CurrentEnds
from reader.ui.links._scroll_map import ScrollMap, monotone_chain, sync_point
from reader.ui.links._state import flip_link, links_between, word_differences
from reader.ui.links._sync_scroll import SyncScroller
from reader.ui.links._threshold import LinkThreshold, RibbonLegend, ThresholdSlider

__all__ = [
    "AlignmentController", "BIG_STATEMENTS", "CurrentEnds", "GUTTER_WIDTH", "LINK_SHORTCUTS",
    "LinkControls", "LinkGutter", "LinkKeys", "LinkPresenter", "LinkTarget", "LinkThreshold",
    "RibbonLegend", "ScrollMap", "SyncScroller", "ThresholdSlider", "flip_link",
    "install_link_controls", "links_between", "monotone_chain", "sync_point",
    "word_differences",
]

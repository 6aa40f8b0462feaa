"""Side panels of the reader window, each built over a SessionBridge."""

from __future__ import annotations

from reader.ui.panels._coders import CodersPanel
from reader.ui.panels._related import RelatedPanel
from reader.ui.panels._suggestions import SuggestionsPanel, count_above, make_accept_action
from reader.ui.panels._tags import TagsPanel

__all__ = [
    "CodersPanel", "RelatedPanel", "SuggestionsPanel", "TagsPanel", "count_above", "make_accept_action",
]

"""Quote selectors for tags, and re-finding a tagged span in a changed document."""

from __future__ import annotations

from reader.core.anchoring._selectors import (
    Anchor, TextAnchorer, best_statement, make_selector, reanchor, snap_to_statements)

__all__ = [
    "Anchor", "TextAnchorer", "best_statement", "make_selector", "reanchor", "snap_to_statements",
]

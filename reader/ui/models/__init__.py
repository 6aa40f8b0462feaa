"""Thin Qt item models over core collections, kept in step by SessionBridge signals; and the
correspondence of the open panes as the window draws it (plain values, no Qt)."""

from __future__ import annotations

from reader.ui.models._alignment_reader import (
    candidate_floor, default_threshold, lowest_threshold, read_index)
from reader.ui.models._correspondence import (
    Candidate, RelatedGroup, candidates_in, link_threshold, manual_pairs,
    pair_view, related_groups, statement_at, strongest)
from reader.ui.models._library_hits import LibraryHitsModel, context_text
from reader.ui.models._orphans import OrphansModel
from reader.ui.models._pair_index import (
    Band, PairIndex, Passage, passages, shown_partners, visible_faint, visible_links)
from reader.ui.models._related import LinkedRole, PaneRole, RelatedModel, ScoreRole, StatementRole
from reader.ui.models._tags import (
    AuthorRole, DocumentRole, KindRole, KindsRole, RESET_THRESHOLD, SearchRole, TagsModel,
    pane_rows)

__all__ = [
    "AuthorRole", "Band", "Candidate", "DocumentRole", "KindRole", "KindsRole", "LibraryHitsModel",
    "LinkedRole", "OrphansModel", "PairIndex", "PaneRole", "Passage", "RESET_THRESHOLD",
    "RelatedGroup", "RelatedModel", "ScoreRole", "SearchRole", "StatementRole", "TagsModel",
    "candidate_floor", "candidates_in", "context_text", "default_threshold", "link_threshold",
    "lowest_threshold", "manual_pairs", "pair_view", "pane_rows", "passages", "read_index",
    "related_groups", "shown_partners", "statement_at", "strongest", "visible_faint",
    "visible_links",
]

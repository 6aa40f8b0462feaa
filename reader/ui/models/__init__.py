"""Thin Qt item models over core collections, kept in step by SessionBridge signals."""

from __future__ import annotations

from reader.ui.models._orphans import OrphansModel
from reader.ui.models._related import LinkedRole, PaneRole, RelatedModel, ScoreRole, StatementRole
from reader.ui.models._related_source import candidates_in
from reader.ui.models._tags import (
    AuthorRole, DocumentRole, KindRole, KindsRole, RESET_THRESHOLD, SearchRole, TagsModel,
    pane_rows)

__all__ = [
    "AuthorRole", "DocumentRole", "KindRole", "KindsRole", "LinkedRole", "OrphansModel", "PaneRole",
    "RESET_THRESHOLD", "RelatedModel", "ScoreRole", "SearchRole", "StatementRole", "TagsModel",
    "candidates_in", "pane_rows",
]

"""Thin Qt item models over core collections, kept in step by SessionBridge signals.

- ``tags.TagsModel(bridge)``: tagged statements of every open pane (table).
- ``orphans.OrphansModel(bridge)``: orphaned tags (table).
- ``related.RelatedModel(bridge)``: the current statement's candidates per other pane (tree).
Each passes pytest-qt's ``qtmodeltester``.
"""

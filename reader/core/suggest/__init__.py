"""Suggested tags (opinion, claim, quotation) with readable reasons, and the learned model."""

from __future__ import annotations

from reader.core.suggest._context import contexts_for
from reader.core.suggest._cues import find_cues
from reader.core.suggest._model import MIN_EXAMPLES, MODEL_SETTING_KEY, TagModel, model_for_store
from reader.core.suggest._quotes import find_quote_spans, quote_open_after
from reader.core.suggest._suggest import suggest_statement, suggest_statements
from reader.core.suggest._types import KINDS, SuggestContext, Suggestion

__all__ = [
    "KINDS", "MIN_EXAMPLES", "MODEL_SETTING_KEY", "SuggestContext", "Suggestion", "TagModel",
    "contexts_for", "find_cues", "find_quote_spans", "model_for_store", "quote_open_after",
    "suggest_statement", "suggest_statements",
]

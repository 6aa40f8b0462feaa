"""Suggested tags (opinion, claim, quotation) with readable reasons, and the learned model."""

from __future__ import annotations

from reader.core.suggest._base import BaseModel, base_model, rules_only_model
from reader.core.suggest._context import contexts_for
from reader.core.suggest._cues import analyse_statement, find_cues
from reader.core.suggest._features import statement_features
from reader.core.suggest._linear import fit_temperature, softmax
from reader.core.suggest._model import (
    MIN_EXAMPLES, MODEL_SETTING_KEY, TagModel, examples_from_tags, model_for_store, save_model,
    saved_model)
from reader.core.suggest._quotes import find_quote_spans, quote_open_after
from reader.core.suggest._suggest import suggest_statement, suggest_statements
from reader.core.suggest._suggestion_list import SuggestionList
from reader.core.suggest._types import KINDS, SuggestContext, Suggestion
from reader.core.suggest._vectors import vectors_available

__all__ = [
    "BaseModel", "KINDS", "MIN_EXAMPLES", "MODEL_SETTING_KEY", "SuggestContext", "Suggestion",
    "SuggestionList", "TagModel", "analyse_statement", "base_model", "contexts_for", "examples_from_tags",
    "find_cues", "find_quote_spans", "fit_temperature", "model_for_store", "quote_open_after",
    "rules_only_model", "save_model", "saved_model", "softmax", "statement_features",
    "suggest_statement", "suggest_statements", "vectors_available",
]

"""Suggested tag (opinion, claim, quotation or none) for each statement, with its reasons.

Rules first: ``find_cues`` lists weighted cues; the weights per kind are summed and turned
into probabilities (softmax). A ``TagModel`` learned from at least MIN_EXAMPLES of the
reader's own tags, when given, adds its learned corrections to those sums.
Nothing here touches the store: a suggestion is never a tag until the reader accepts it.
"""

from __future__ import annotations

import math
from typing import Sequence

from reader.core.text import Statement
from reader.core.suggest._context import contexts_for
from reader.core.suggest._cues import cue_totals, find_cues
from reader.core.suggest._model import (
    MIN_EXAMPLES, MODEL_SETTING_KEY, TagModel, examples_from_tags, model_for_store,
)
from reader.core.suggest._types import KINDS, Cue, SuggestContext, Suggestion

__all__ = [
    "KINDS", "MIN_EXAMPLES", "MODEL_SETTING_KEY", "Suggestion", "SuggestContext", "TagModel",
    "contexts_for", "examples_from_tags", "model_for_store", "rule_probabilities",
    "suggest_statement", "suggest_statements",
]

NONE_THRESHOLD = 4.0  # a 'none' cue this strong (heading, attribution line) wins outright
MAX_REASONS = 3


def suggest_statement(text: str, context: SuggestContext | None = None) -> Suggestion:
    """The suggestion for one statement; ``context`` adds what neighbouring lines show."""
    return _decide(find_cues(text, context), None, 0)


def suggest_statements(statements: Sequence[Statement], text: str | None = None,
                       model: TagModel | None = None) -> list[Suggestion]:
    """Suggestions for a document's statements, in order.

    ``text`` is the document's text (lets the rules see line breaks, e.g. a block quote
    followed by an attribution line); ``model`` adds what the reader's tags taught (a model
    learned from fewer than MIN_EXAMPLES tags is ignored).
    """
    contexts = contexts_for(statements, text)
    if model is not None and model.n_examples < MIN_EXAMPLES:
        model = None  # too few tags to learn from: the rules alone
    results: list[Suggestion] = []
    for statement, context in zip(statements, contexts):
        cues = find_cues(statement.text, context)
        probs = model.predict_cues(statement.text, cues) if model is not None else None
        results.append(_decide(cues, probs, model.n_examples if model else 0))
    return results


def rule_probabilities(cues: Sequence[Cue]) -> dict[str, float]:
    """Probability of each kind from the rules alone (softmax of summed cue weights)."""
    totals = cue_totals(cues)
    top = max(totals)
    exps = [math.exp(score - top) for score in totals]
    total = sum(exps)
    return {kind: value / total for kind, value in zip(KINDS, exps)}


def _decide(cues: Sequence[Cue], model_probs: dict[str, float] | None,
            n_examples: int) -> Suggestion:
    none_cues = [c for c in cues if c.kind == "none"]
    if none_cues and sum(c.weight for c in none_cues) >= NONE_THRESHOLD:
        return Suggestion(None, 0.0, tuple(c.reason for c in none_cues[:MAX_REASONS]))
    rules = rule_probabilities(cues)
    probs = model_probs if model_probs is not None else rules
    kind = max(KINDS, key=lambda k: probs[k])
    reasons = _reasons(kind, cues)
    if model_probs is not None and max(KINDS, key=lambda k: rules[k]) != kind:
        reasons.insert(0, f"learned from {n_examples} of your tags (the rules alone would say "
                          f"{max(KINDS, key=lambda k: rules[k])})")
    elif model_probs is not None:
        reasons.append(f"confirmed by what {n_examples} of your tags taught")
    return Suggestion(kind, round(probs[kind], 3), tuple(reasons[:MAX_REASONS + 1]))


def _reasons(kind: str, cues: Sequence[Cue]) -> list[str]:
    mine = sorted((c for c in cues if c.kind == kind), key=lambda c: -c.weight)
    reasons = [c.reason for c in mine]
    person = next((r for r in reasons if r.startswith("first person")), None)
    evaluative = next((r for r in reasons if r.startswith("evaluative word")), None)
    if person and evaluative:  # "first person and evaluative word 'reckless'"
        reasons = [r for r in reasons if r not in (person, evaluative)]
        reasons.insert(0, f"first person and {evaluative}")
    if not reasons:
        reasons = ["a plain statement with no opinion or quotation cue"] if kind == "claim" \
            else []
    return reasons[:MAX_REASONS]

"""Suggested tag (opinion, claim, quotation or none) for each statement, with its reasons.

The rules read each statement (``analyse_statement``: cues a person can read, e.g. "reporting
verb 'said' with a named speaker"); the shipped model weighs those cues together with lexicon
scores, the statement's form and its words (``_base``), and its calibrated probabilities give
the kind and the confidence. A ``TagModel`` learned from at least MIN_EXAMPLES of the
reader's own tags adds its corrections when they proved to help. Headings, attribution lines
and boilerplate get no tag (rules alone). Nothing here touches the store.
"""

from __future__ import annotations

import math
from typing import Sequence

from reader.core.text import Statement
from reader.core.suggest._base import BaseModel, base_model
from reader.core.suggest._context import contexts_for
from reader.core.suggest._cues import analyse_statement, cue_totals
from reader.core.suggest._features import statement_features
from reader.core.suggest._linear import add_scores, softmax
from reader.core.suggest._model import MIN_EXAMPLES, TagModel
from reader.core.suggest._reasons import reasons_for
from reader.core.suggest._suggestion_list import SuggestionList
from reader.core.suggest._types import KINDS, Cue, SuggestContext, Suggestion

__all__ = ["rule_probabilities", "suggest_statement", "suggest_statements"]

NONE_THRESHOLD = 4.0  # a 'none' cue this strong (heading, attribution line) wins outright
MAX_REASONS = 3


def suggest_statement(text: str, context: SuggestContext | None = None,
                      model: TagModel | None = None) -> Suggestion:
    """The suggestion for one statement; ``context`` adds what neighbouring lines show."""
    usable = _usable(model)
    extra = usable.vector_scores([text]) if usable is not None else None
    return _suggest_one(text, context, usable, base_model(), extra[0] if extra else None)


def suggest_statements(statements: Sequence[Statement], text: str | None = None,
                       model: TagModel | None = None, *,
                       base: BaseModel | None = None) -> SuggestionList:
    """Suggestions for a document's statements, in order.

    ``text`` is the document's text (lets the rules see line breaks, e.g. a block quote
    followed by an attribution line); ``model`` adds what the reader's tags taught (a model
    learned from fewer than MIN_EXAMPLES tags is ignored); ``base`` replaces the shipped
    model (the benchmark compares it with the rules alone).
    """
    usable = _usable(model)
    weigh = base or base_model()
    # Sentence vectors in one batch (only for a reader's model that learned weights for them).
    extras = usable.vector_scores([s.text for s in statements]) if usable is not None else None
    # Held compactly (a big document has a million of them), each made when read.
    return SuggestionList(_suggest_one(statement.text, context, usable, weigh,
                                       extras[k] if extras is not None else None)
                          for k, (statement, context) in enumerate(
                              zip(statements, contexts_for(statements, text))))


def rule_probabilities(cues: Sequence[Cue]) -> dict[str, float]:
    """Probability of each kind from the rules alone (softmax of summed cue weights)."""
    totals = cue_totals(cues)
    top = max(totals)
    exps = [math.exp(score - top) for score in totals]
    total = sum(exps)
    return {kind: value / total for kind, value in zip(KINDS, exps)}


def _usable(model: TagModel | None) -> TagModel | None:
    # Read at call time: tests lower MIN_EXAMPLES on this module.
    return model if model is not None and model.n_examples >= MIN_EXAMPLES else None


def _suggest_one(text: str, context: SuggestContext | None, model: TagModel | None,
                 base: BaseModel, vector_extra: Sequence[float] | None = None) -> Suggestion:
    analysis = analyse_statement(text, context)
    cues = analysis.cues
    none_weight = sum(c.weight for c in cues if c.kind == "none")
    if none_weight >= NONE_THRESHOLD or not analysis.tokens:
        reasons = tuple(c.reason for c in cues if c.kind == "none")[:MAX_REASONS]
        return Suggestion(None, 0.0, reasons or ("no words to judge",))
    features = statement_features(analysis, text.strip())
    scores = [0.0, 0.0, 0.0]
    add_scores(scores, base.linear, features)
    probs = softmax(scores, base.temperature)
    kind = KINDS[max(range(3), key=probs.__getitem__)]
    note = None
    if model is not None and model.helps:
        learned = softmax(model.correct(scores, features, vector_extra),
                          model.temperature or base.temperature)
        learned_kind = KINDS[max(range(3), key=learned.__getitem__)]
        note = f"learned from {model.n_examples} of your tags " + (
            f"(without them: {kind})" if learned_kind != kind else "(they agree)")
        probs, kind = learned, learned_kind
    reasons = reasons_for(kind, analysis)[:MAX_REASONS]
    if note is not None:
        if note.endswith("(they agree)"):
            reasons.append(note)
        else:
            reasons.insert(0, note)
    return Suggestion(kind, round(probs[KINDS.index(kind)], 3), tuple(reasons))

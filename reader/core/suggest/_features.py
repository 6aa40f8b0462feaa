"""The model's features of one statement: the rules' cues, lexicon scores, form and words.

Everything is read from an ``Analysis`` (one pass of the rules), and only from the writer's
own words where it matters: a subjective word inside a quote or a reported clause is the
speaker's, not the writer's. Values are scaled to about 0..2 so that one learning rate fits
them all.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from reader.core.suggest._sentiment import sentiment_lexicon
from reader.core.suggest._types import Analysis
from reader.core.suggest._words import is_first_person

_FIRST_SINGULAR = frozenset("i me my mine myself".split())
_FIRST_PLURAL = frozenset("we us our ours ourselves".split())
_SECOND = frozenset("you your yours yourself yourselves".split())
_MODALS = frozenset("must should ought would could might may can cannot can't shouldn't "
                    "wouldn't couldn't".split())
_NEGATIONS = frozenset("not never no nothing nobody none neither nor".split())
_CONNECTIVES = frozenset("but and so yet or".split())
_STRONG_SUBJECTIVITY = 0.6
_KIND_INDEX = {"opinion": 0, "claim": 1, "quotation": 2}
# Columns of a word's row: subjectivity, strong, |polarity|, |valence|, negative, positive,
# modal, negation, adverb, superlative.
_COLUMNS = 10
_MODAL, _NEGATION, _ADVERB, _SUPERLATIVE = 6, 7, 8, 9
_COUNTED = ((4, "lex:negative"), (5, "lex:positive"), (_MODAL, "form:modals"),
            (_NEGATION, "form:negations"), (_ADVERB, "form:adverbs"),
            (_SUPERLATIVE, "form:superlatives"))


@lru_cache(maxsize=1)
def word_table() -> Mapping[str, tuple[tuple[int, float], ...]]:
    """One row of numbers per known word, so a statement's words are read in one lookup each."""
    rows: dict[str, list[float]] = {}
    for word, scores in sentiment_lexicon().items():
        subjectivity = scores.subjectivity or 0.0
        valence = scores.valence or 0.0
        rows[word] = [subjectivity, float(subjectivity >= _STRONG_SUBJECTIVITY),
                      abs(scores.polarity or 0.0), abs(valence), float(valence < -1),
                      float(valence > 1), 0.0, 0.0, 0.0, 0.0]
    for words, column in ((_MODALS, _MODAL), (_NEGATIONS, _NEGATION)):
        for word in words:
            rows.setdefault(word, [0.0] * _COLUMNS)[column] = 1.0
    for word in ("most", "least"):
        rows.setdefault(word, [0.0] * _COLUMNS)[_SUPERLATIVE] = 1.0
    for word, row in rows.items():  # the suffix rules, for listed words too
        if word.endswith("ly") and len(word) > 4:
            row[_ADVERB] = 1.0
        if word.endswith("est") and len(word) > 5:
            row[_SUPERLATIVE] = 1.0
        if word.endswith("n't"):
            row[_NEGATION] = 1.0
    # Sparse rows ((column, value) pairs): most words fill one or two columns. A plain dict,
    # read-only by convention: it is looked up for every word of every statement.
    return {w: tuple((i, v) for i, v in enumerate(r) if v) for w, r in rows.items()}


@dataclass(frozen=True)
class Features:
    """A statement's features: named values (cues, lexicon, form) and the writer's own words
    (each a binary feature 'w:word'; kept apart because scoring them is the hot loop)."""

    values: dict[str, float]
    words: frozenset[str]

    def as_dict(self) -> dict[str, float]:
        """All features by name, words as 'w:word' (for training)."""
        return {**self.values, **{"w:" + w: 1.0 for w in self.words}}


def adjective_of(adverb: str) -> str:
    """The adjective an -ly adverb comes from, by spelling ('happily' -> 'happy')."""
    if adverb.endswith(("ably", "ibly")):
        return adverb[:-1] + "e"
    if adverb.endswith("ily"):
        return adverb[:-3] + "y"
    return adverb[:-2]


def statement_features(analysis: Analysis, text: str) -> Features:
    """The features of one statement (names are stable: the models are keyed by them)."""
    features: dict[str, float] = {"<bias>": 1.0}
    totals = [0.0, 0.0, 0.0]
    for cue in analysis.cues:
        index = _KIND_INDEX.get(cue.kind)
        if index is not None:
            features["cue:" + cue.feature] = 1.0
            totals[index] += cue.weight
    features["rule:opinion"] = totals[0] / 4
    features["rule:claim"] = totals[1] / 4
    features["rule:quotation"] = totals[2] / 4
    table = word_table()
    words = [w for w, mine in zip(analysis.lower, analysis.writer) if mine and w[0].isalpha()]
    unique = frozenset(words)
    # Sums over the writer's distinct words of each column of their word_table() rows.
    sums = [0.0] * _COLUMNS
    subjective_max = 0.0
    known = [w for w in unique if w in table]
    for word in known:
        row = table[word]
        for i, value in row:
            sums[i] += value
        if row and row[0][0] == 0 and row[0][1] > subjective_max:
            subjective_max = row[0][1]
    for word in unique.difference(known):
        if word.endswith("ly"):
            if len(word) > 4:
                sums[_ADVERB] += 1
                for i, value in table.get(adjective_of(word), ()):  # "absurdly" -> "absurd"
                    sums[i] += value
        elif word.endswith("est"):
            if len(word) > 5:
                sums[_SUPERLATIVE] += 1
        elif word.endswith("n't"):
            sums[_NEGATION] += 1
    tokens = analysis.tokens
    firsts = [t[0] for t in tokens]
    persons: set[str] = set()
    if not unique.isdisjoint(_FIRST_SINGULAR) or not unique.isdisjoint(_FIRST_PLURAL):
        persons = {low for k, (tok, low, mine) in enumerate(
            zip(tokens, analysis.lower, analysis.writer)) if mine and is_first_person(tok, k)}
    # Only what is present: a zero adds nothing to a score, and the scoring loop is hot.
    put = features.__setitem__
    if sums[0]:
        put("lex:subjectivity", min(sums[0], 6.0) / 3)
        put("lex:subjective_max", subjective_max)
    if sums[2]:
        put("lex:polarity", min(sums[2], 6.0) / 3)
    if sums[1]:
        put("lex:strong", min(sums[1], 3.0) / 2)
        if analysis.reported:  # the writer's loaded words around someone else's words
            put("lex:strong_with_report", min(sums[1], 3.0) / 2)
    if sums[3]:
        put("lex:valence", min(sums[3], 6.0) / 3)
    for column, name in _COUNTED:
        if sums[column]:
            put(name, min(sums[column], 3.0) / 2)
    if persons:
        if not persons.isdisjoint(_FIRST_SINGULAR):
            put("form:first_singular", 1.0)
        if not persons.isdisjoint(_FIRST_PLURAL):
            put("form:first_plural", 1.0)
    if not unique.isdisjoint(_SECOND):
        put("form:second", 1.0)
    digits = sum(map(str.isdigit, firsts))
    if digits:
        put("form:digits", min(digits, 3) / 2)
    capitals = sum(map(str.isupper, firsts[1:]))
    if capitals:
        put("form:capitals", capitals / (len(tokens) - 1))
    put("form:length", math.log(max(1, len(words))) / 3)
    if text.rstrip().endswith("?"):
        put("form:question", 1.0)
    if "!" in text:
        put("form:exclamation", 1.0)
    if analysis.quote_share:
        put("form:quoted", analysis.quote_share)
    if analysis.reported:
        put("form:reported", 1.0)
    if analysis.lower and analysis.lower[0] in _CONNECTIVES:
        put("form:connective_start", 1.0)
    if "—" in text or " - " in text:
        put("form:dash", 1.0)
    if "(" in text:
        put("form:brackets", 1.0)
    return Features(features, unique)

"""Reasons a person can read for a suggested kind: the rules' cues, then the lexicon's words."""

from __future__ import annotations

from reader.core.suggest._features import adjective_of
from reader.core.suggest._sentiment import sentiment_lexicon
from reader.core.suggest._types import Analysis

_STRONG = 0.6  # pattern subjectivity at or above this counts as a subjective word
_LOADED = 1.5  # VADER valence at or above this (either sign) counts as loaded


def reasons_for(kind: str, analysis: Analysis) -> list[str]:
    """Reasons for ``kind``, strongest cue first; never empty."""
    mine = sorted((c for c in analysis.cues if c.kind == kind), key=lambda c: -c.weight)
    reasons = [c.reason for c in mine]
    person = next((r for r in reasons if r.startswith("first person")), None)
    evaluative = next((r for r in reasons if r.startswith("evaluative word")), None)
    if person and evaluative:  # "first person and evaluative word 'reckless'"
        reasons = [r for r in reasons if r not in (person, evaluative)]
        reasons.insert(0, f"first person and {evaluative}")
    if kind == "opinion":
        words = subjective_words(analysis)
        if words:
            shown = " and ".join(f"'{w}'" for w in words[:2])
            reasons.append(f"subjective or loaded word{'s' if len(words) > 1 else ''} {shown} "
                           f"(sentiment lexicon)")
    if not reasons:
        reasons.append({
            "claim": "a plain statement with no opinion or quotation cue",
            "opinion": "the wording as a whole reads as the writer's view (no single cue)",
            "quotation": "the wording as a whole reads as someone else's words",
        }[kind])
    return reasons


def subjective_words(analysis: Analysis) -> list[str]:
    """The writer's own words the lexicon marks as subjective or loaded, in order, once each."""
    lexicon = sentiment_lexicon()
    found: list[str] = []
    for word, mine in zip(analysis.lower, analysis.writer):
        scores = lexicon.get(word) if mine else None
        if scores is None and mine and word.endswith("ly"):
            scores = lexicon.get(adjective_of(word))
        if scores is None or word in found:
            continue
        if (scores.subjectivity or 0.0) >= _STRONG or abs(scores.valence or 0.0) >= _LOADED:
            found.append(word)
    return found

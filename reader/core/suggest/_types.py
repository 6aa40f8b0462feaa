"""Values shared by the suggestion modules: a suggestion, a cue, and a statement's context."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

KINDS = ("opinion", "claim", "quotation")


@dataclass(frozen=True)
class Suggestion:
    """A suggested tag kind (or None), a confidence in 0..1, and reasons a person can read.

    ``kind`` is None when the statement is not something to tag (a heading, an attribution
    line, contact details); its ``confidence`` is then 0.0 and ``reasons`` say why.
    """

    kind: str | None
    confidence: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SuggestContext:
    """What the neighbouring lines tell about one statement (built by ``contexts_for``)."""

    first_in_document: bool = False
    inside_quote: bool = False  # a quote opened in an earlier sentence is still open
    block_quote_by: str | None = None  # in a block quote; its attribution ('' if unknown)
    attribution_line: bool = False  # the line naming the author of the block quote above
    speaker_label: str | None = None  # a turn of an interview transcript ('Q', 'A', 'HOST')
    speaker_nearby: bool = False  # a quote whose speaker is named in a neighbouring sentence


@dataclass(frozen=True)
class Cue:
    """One piece of evidence for a kind ('opinion', 'claim', 'quotation' or 'none')."""

    kind: str
    weight: float
    feature: str
    reason: str


@dataclass(frozen=True)
class Analysis:
    """One statement read by the rules: its cues, and its tokens outside quote marks with
    ``writer`` marking those that are the writer's own words (not a reported clause)."""

    cues: list[Cue]
    tokens: tuple[str, ...]
    lower: tuple[str, ...]
    writer: tuple[bool, ...]
    quote_share: float  # share of the characters inside quote marks
    reported: bool  # a reporting verb ('said', 'according to') was found


# Weight of each cue (by feature name), set by hand on the dev split of the evaluation set.
# Opinion cues outweigh claim cues: a sentence with a fact and a judgement is an opinion.
CUE_WEIGHTS = MappingProxyType({
    # quotation
    "transcript_turn": 3.5, "block_quote": 3.5, "inside_quote": 3.0, "quote_continues": 3.0,
    "quote_runs_on": 3.0, "quote_major": 3.0, "quote_whole": 2.0, "quote_partial": 1.2,
    "quote_answer": 2.2,
    "speaker_label": 3.0, "quote_speaker_nearby": 2.6,
    "according_to": 2.4, "report_named": 2.6, "report_noun": 2.4,
    "report_pronoun": 2.2, "report_subject": 2.0, "report_relative": 1.2, "report_none": 0.5,
    # opinion
    "evaluative": 2.0, "evaluative_more": 0.5, "loaded_phrase": 2.4, "certainty_phrase": 1.4,
    "first_person_view": 1.6, "obligation": 1.2, "first": 1.4, "second": 1.4, "modal": 1.6,
    "certain": 1.4, "hedge": 0.8, "intens": 0.5, "prediction": 0.7, "imperative": 1.6,
    "judges_report": 2.0, "question": 2.0, "exclamation": 1.8, "superlative": 0.8,
    "scare_quote": 0.8, "report_first_person": 1.0, "comment_adverb": 1.6,
    # claim
    "claim_prior": 0.6, "others_feel": 1.2, "date": 0.8, "money": 0.8, "percent": 0.8, "count": 0.5,
    "numbers_cap": 1.6, "actor_event": 0.8, "event": 0.4, "names": 0.2,
    "claim_in_attribution": 0.5,  # factor for claim cues around reported speech
    # none
    "attribution_line": 6.0, "boilerplate": 5.0, "heading": 4.5,
})


def make_cue(kind: str, feature: str, reason: str, weight: float | None = None) -> Cue:
    """A Cue whose weight comes from CUE_WEIGHTS unless given."""
    return Cue(kind, CUE_WEIGHTS[feature] if weight is None else weight, feature, reason)

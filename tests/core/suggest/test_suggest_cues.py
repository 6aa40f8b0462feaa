"""Each suggestion cue on a minimal sentence, plus the traps the issue names."""

from __future__ import annotations

import pytest

from reader.core.suggest import SuggestContext, suggest_statement
from reader.core.suggest import find_cues
from reader.core.suggest import find_quote_spans, quote_open_after


def features(text: str, context: SuggestContext | None = None) -> set[str]:
    return {cue.feature for cue in find_cues(text, context)}


# (sentence, a cue feature that must fire, kind suggested, words the reasons must contain)
CUES = [
    # quotation
    ("“We will appeal this ruling at once,” said Ron Whitaker.", "quote_major", "quotation",
     "curly marks covering 66%"),
    ('"We will appeal this ruling at once," Whitaker said.', "quote_major", "quotation",
     "straight marks"),
    ("“The ruling is wrong,” Whitaker said in a statement on Friday.", "quote_partial",
     "quotation", "'said' with a named speaker (Whitaker)"),
    ("Smith said the plan would fail.", "report_named", "quotation", "'said' with a named speaker"),
    ("The company said the plan would fail.", "report_noun", "quotation", "'company'"),
    ("She warned that prices would rise.", "report_pronoun", "quotation", "'warned'"),
    ("Prices rose 4 percent, according to the agency.", "according_to", "quotation",
     "according to"),
    ("He opposed the deal, arguing that it was unfair.", "report_pronoun", "quotation",
     "'arguing'"),
    ("Q: How did you start?", "speaker_label", "quotation", "speaker label ('Q:')"),
    ("HOST: Will you resign?", "speaker_label", "quotation", "speaker label ('HOST:')"),
    ("“The first part of a long quote,", "quote_runs_on", "quotation", "runs on"),
    ("and the end of it,” she said.", "quote_continues", "quotation", "end of a quote"),
    # opinion
    ("The plan is reckless.", "evaluative", "opinion", "evaluative word 'reckless'"),
    ("I think the plan is reckless.", "first", "opinion", "first person and evaluative word"),
    ("You can read the plan online.", "second", "opinion", "addresses the reader"),
    ("The council should publish the plan.", "modal", "opinion", "obligation ('should')"),
    ("It is clear that the plan failed.", "certainty_phrase", "opinion", "it is clear"),
    ("The plan will clearly fail.", "certain", "opinion", "certainty ('clearly')"),
    ("Perhaps the plan works.", "hedge", "opinion", "hedge ('Perhaps')"),
    ("Who reads these plans anyway?", "question", "opinion", "rhetorical"),
    ("Read the plan before you vote.", "imperative", "opinion", "imperative"),
    ("That was a missed opportunity.", "loaded_phrase", "opinion", "missed opportunity"),
    ("It is the most elegant plan.", "superlative", "opinion", "most elegant"),
    # claim
    ("In 2015, Musk donated $1 billion to the charity.", "numbers", "claim",
     "a date, a sum of money"),
    ("Turnout was 38 percent.", "numbers", "claim", "a percentage"),
    ("The council met on Tuesday.", "numbers", "claim", "a date ('Tuesday')"),
    ("The Senate passed the bill.", "actor_event", "claim", "named actor ('Senate')"),
    ("The bill was passed.", "event", "claim", "past tense ('passed')"),
]


@pytest.mark.parametrize("text, feature, kind, reason", CUES)
def test_cue_on_minimal_sentence(text, feature, kind, reason):
    assert feature in features(text)
    suggestion = suggest_statement(text)
    assert suggestion.kind == kind
    assert any(reason in r for r in suggestion.reasons), suggestion.reasons


# Weak cues: the trained model weighs them, so alone they may not decide; they must still move
# the suggestion towards their kind compared with the same sentence without them.
@pytest.mark.parametrize("text, plain, feature", [
    ("The plan passed at last!", "The plan passed at last.", "exclamation"),
    ("The plan will change everything.", "The plan changes everything.", "prediction"),
    ("Perhaps the plan works.", "The plan works.", "hedge"),
])
def test_weak_opinion_cue_raises_opinion(text, plain, feature):
    assert feature in features(text) and feature not in features(plain)
    with_cue, without = suggest_statement(text), suggest_statement(plain)

    def opinion(s):
        return s.confidence if s.kind == "opinion" else (1 - s.confidence) / 2

    assert opinion(with_cue) > opinion(without)


@pytest.mark.parametrize("text, reason", [
    ("Elon Musk Backs Out of His Latest Attack", "heading"),
    ("###", "boilerplate"),
    ("Media contact: Jordan Lee, press@example.com", "boilerplate"),
])
def test_not_a_statement_gets_no_suggestion(text, reason):
    suggestion = suggest_statement(text)
    assert suggestion.kind is None and suggestion.confidence == 0.0
    assert any(reason in r for r in suggestion.reasons)


def test_context_cues():
    block = SuggestContext(block_quote_by="Elon Musk")
    assert suggest_statement("A pivot might bring in investment.", block).kind == "quotation"
    assert "attribution line 'Elon Musk'" in suggest_statement("A pivot helps.", block).reasons[0]
    turn = SuggestContext(speaker_label="PATEL")
    assert suggest_statement("Rates matter, of course they do.", turn).kind == "quotation"
    inside = SuggestContext(inside_quote=True)
    assert "inside_quote" in features("Nobody knew what to do.", inside)
    assert suggest_statement("Elon Musk", SuggestContext(attribution_line=True)).kind is None


# The traps named in the issue.
def test_trap_scare_quoted_word_is_not_a_quotation():
    text = "Rail bosses have a favourite word these days, and it is “efficiency.”"
    result = suggest_statement(text)
    assert result.kind != "quotation"
    assert "scare_quote" in features(text)
    assert suggest_statement("The lab released a “fix” on Monday.").kind == "claim"


def test_trap_claimed_inside_an_opinion():
    for text in ("The company claimed, rather conveniently, that passengers would not notice.",
                 "Musk claimed, absurdly, that the chips were his.",
                 "Anyone who claimed the plan was safe should be ashamed."):
        assert suggest_statement(text).kind == "opinion", text
    assert suggest_statement("Musk claimed that the chips were his.").kind == "quotation"


def test_trap_question_that_is_a_quotation():
    for text in ("“Why would anyone trust them now?” asked Maria Lopez.",
                 '"Why should we pay for it?" she asked.',
                 "Why would anyone trust them now?” asked Maria Lopez, a tenant."):
        result = suggest_statement(text)
        assert result.kind == "quotation", text
        assert not any("rhetorical" in r for r in result.reasons)
    assert suggest_statement("Why would anyone trust them now?").kind == "opinion"


def test_words_inside_quotes_or_reported_clauses_are_not_the_writers():
    assert "evaluative" not in features("Smith said the plan was reckless.")
    assert "evaluative" not in features("“The plan is reckless,” Smith said.")
    assert "modal" not in features("The chief said the arrests should bring relief.")
    assert "evaluative" in features("The reckless chief said the plan would work.")


def test_reported_speech_false_friends():
    assert "report_pronoun" not in features("It will be available in 14 states.")
    assert not {"report_named", "report_noun"} & features("It asks regulators to apply rules.")
    assert "report_noun" not in features("His claim was rejected by the court.")
    assert "according_to" not in features("The band played according to plan.")


@pytest.mark.parametrize("text, spans", [
    ("He said “no way” twice.", [("no way", "closed")]),
    ("“Start of a quote.", [("Start of a quote.", "open")]),
    ("end of a quote.” Then more.", [("end of a quote.", "close")]),
    ('She said "yes" and "no".', [("yes", "closed"), ("no", "closed")]),
    ("Musk’s plan isn’t new.", []),
    ("An admired ‘Howard Hughes of Gen X’, he said.", [("Howard Hughes of Gen X", "closed")]),
])
def test_quote_spans(text, spans):
    assert [(s.content, s.shape) for s in find_quote_spans(text)] == spans


def test_quote_state_carries_across_sentences():
    assert quote_open_after(False, "“It was hard.") is True
    assert quote_open_after(True, "We had no choice.") is True
    assert quote_open_after(True, "We left.” she said.") is False
    assert quote_open_after(False, 'He said "yes" twice.') is False


@pytest.mark.parametrize("text, kind", [
    ("Labour mayors are disappointed by the decision.", "claim"),  # how others feel
    ("Residents were furious about the closure.", "claim"),
    ("I am disappointed by the decision.", "opinion"),  # the writer's own feeling
    ("The decision is disappointing.", "opinion"),  # the writer's judgement
])
def test_third_parties_feelings_are_not_the_writers(text, kind):
    assert suggest_statement(text).kind == kind
    assert ("others_feel" in features(text)) == (kind == "claim")


def test_a_capitalised_past_form_inside_a_sentence_is_a_name_not_an_event():
    assert "event" not in {c.feature for c in find_cues("The Left deliberately obscures it.")}
    assert "event" in {c.feature for c in find_cues("Police left the scene on Friday.")}


@pytest.mark.parametrize("text, adverb", [
    ("Worryingly, prices rose 4% in March.", "Worryingly"),
    ("But sadly, the plan failed.", "sadly"),
    ("Finally, the council voted.", None),  # orders the statement
    ("Reportedly, the deal is close.", None),  # sources it
    ("Politically, the bill is in trouble.", None),  # places it
])
def test_a_comment_adverb_is_the_writers_stance(text, adverb):
    found = [c.reason for c in find_cues(text) if c.feature == "comment_adverb"]
    assert found == ([f"a comment adverb, the writer's stance ('{adverb}')"] if adverb else [])

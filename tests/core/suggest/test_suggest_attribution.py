"""Quotation and attribution: who speaks, with which verbs, in which quote marks, and where."""

from __future__ import annotations

import pytest

from reader.core.suggest import find_cues, find_quote_spans, suggest_statement, suggest_statements
from reader.core.text import split_statements


def features(text: str) -> set[str]:
    return {cue.feature for cue in find_cues(text)}


@pytest.mark.parametrize("text, speaker", [
    ("A source said the talks had stalled.", "source"),
    ("The network said it would appeal the fine.", "network"),
    ("The campaign told reporters the count was rigged.", "campaign"),
    ("The rates will rise, said the mayor.", "mayor"),
    ("Officials told the paper that the plant would close.", "Officials"),
    ("The fire spread overnight, a firefighter said.", "firefighter"),
])
def test_common_noun_and_organisation_speakers(text, speaker):
    suggestion = suggest_statement(text)
    assert suggestion.kind == "quotation", (text, suggestion)
    assert any(f"'{speaker}'" in r or f"({speaker})" in r for r in suggestion.reasons), suggestion


@pytest.mark.parametrize("text", [
    "The Guardian reports that the deal is off.",
    "The lawsuit charges that the firm hid the losses.",
    "Critics argue that the law goes too far.",
    "The union notes that wages have fallen.",
    "Polls show that voters are split.",
    "A new study found that sleep improves memory.",
    "Court documents show that the payments began in 2019.",
    "Prices rose 4 percent, according to the agency.",
    "The Times Record reported Friday that the trial would last a week.",
    "The singer has entered rehab, her agent confirmed to reporters on Friday.",
    "The report of the Secretary of the Navy exhibits the progress made on the new cruisers.",
    "I am informed that 170 cases were decided during the month of November.",
    "It was declared by the French Government that it would grant no commissions.",
])
def test_reporting_verbs_and_findings(text):
    assert suggest_statement(text).kind == "quotation", text


@pytest.mark.parametrize("text", [
    "We must reject the austerian urges of the Treasury.",  # 'urges' as a noun
    "I found only six other states that allow it.",  # 'states' as a noun after a number
    "Chinese cooking varies according to regional origin.",  # a manner, not a source
    "The report was published on Monday.",  # 'report' as a noun
    "The council found a new site for the depot.",  # 'found' without a finding
    "Observers from European states attended the vote.",  # 'states' as a noun
    "Police questioned people who saw the crash.",  # 'questioned' without a question
    "Sales fell, and the company reported a loss.",  # a reported result, an event
    "It is earnestly hoped that the treaty will be ratified.",  # a passive with no source
    "The skills demanded by modern industry are many.",  # a participle, not speech
    "He was told to leave the building.",  # an order, not words reported
])
def test_not_attribution(text):
    kinds = {c.kind for c in find_cues(text)}
    assert "quotation" not in kinds, (text, find_cues(text))


@pytest.mark.parametrize("text", [
    '"We will not back down," the senator said.',
    "“We will not back down,” the senator said.",
    "''We will not back down,'' the senator said.",
    "``We will not back down,'' the senator said.",
    "«We will not back down», the senator said.",
    "‘We will not back down,’ the senator said.",
])
def test_every_quote_style(text):
    spans = find_quote_spans(text)
    assert spans and spans[0].words == 5, (text, spans)
    assert suggest_statement(text).kind == "quotation"


def test_attribution_inside_the_reported_words():
    # "X, Howard said, Y": both sides are Howard's, none of it the writer's.
    cues = features("In fact, Howard said, the jurors were shockingly, absurdly slow.")
    assert "report_named" in cues and "evaluative" not in cues


def test_quoted_first_person_is_the_speakers():
    quoted = "“I think we made a terrible mistake,” the minister said."
    cues = features(quoted)
    assert "first" not in cues and "first_person_view" not in cues
    assert suggest_statement(quoted).kind == "quotation"
    assert suggest_statement("I think we made a terrible mistake.").kind == "opinion"


@pytest.mark.parametrize("text, quote_at", [
    ("“We will fight this ruling,” she said. “It is unjust and we will win.”", 1),
    ("“It is unjust and we will win.” The mayor said so on Friday, adding: “We appeal.”", 0),
    ("The mayor spoke after the vote. “We will appeal,” she said. “This is not over.”", 2),
])
def test_speaker_in_the_next_or_previous_sentence(text, quote_at):
    statements = split_statements(text)
    result = suggest_statements(statements, text)[quote_at]
    assert result.kind == "quotation"
    assert any("sentence before or after" in r for r in result.reasons), result


def test_a_lone_quote_without_any_speaker_is_weaker():
    alone = suggest_statement("“The whole system is rotten to the core.”")
    attributed = suggest_statement("“The whole system is rotten to the core,” he said.")
    assert "quote_whole" in features("“The whole system is rotten to the core.”")
    assert attributed.kind == "quotation"
    assert alone.kind != "quotation" or alone.confidence < attributed.confidence


@pytest.mark.parametrize("text", [
    "His email states how the lab needed to raise far more money.",
    "He goes further to say how the lab needs ever larger sums.",
])
def test_reporting_how_and_that(text):
    assert suggest_statement(text).kind == "quotation", text


def test_csv_escaped_quotes_are_the_inner_marks():
    # A sentence copied from a CSV cell: wrapped in one pair, its own quote marks doubled.
    text = '"The blurb calls it ""a fine, brave book,"" and it is not."'
    spans = find_quote_spans(text)
    assert [s.content for s in spans] == ["a fine, brave book,"]
    assert suggest_statement(text).kind != "quotation"
    whole = '"""It is a fine book,"" she said."'
    assert [s.content for s in find_quote_spans(whole)] == ["It is a fine book,"]
    plain = '"The blurb calls it a fine book," she said.'
    assert [s.content for s in find_quote_spans(plain)] == ["The blurb calls it a fine book,"]


def test_a_quote_open_from_before_closes_at_a_spaced_mark():
    # One sentence per line (as some news text comes): the quote opened on one line ends on
    # the next, its closing mark set off by a space.
    text = ('"My prayer is that the world will not just sit by and watch.\n\n'
            'We need to make it clear that attacks will not be tolerated, "the evangelist said.'
            '\n\nThe camp holds 24,000 refugees.')
    statements = split_statements(text)
    kinds = [s.kind for s in suggest_statements(statements, text)]
    assert kinds == ["quotation", "quotation", "claim"], kinds
    spans = find_quote_spans('tolerated, "the evangelist said.', running_on=True)
    assert spans and spans[0].shape == "close"
    assert find_quote_spans('tolerated, "the evangelist said.')[0].shape == "open"

"""suggest_statement / suggest_statements: the API, document context, and the seeds."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.loaders import load_document
from reader.core.text import Statement, split_statements
from reader.core.suggest import (
    KINDS, Suggestion, contexts_for, suggest_statement, suggest_statements,
)


def statements_of(text: str) -> list[Statement]:
    """Statements with one sentence per line-separated block (independent of the splitter)."""
    out, pos = [], 0
    for paragraph, block in enumerate(text.split("\n\n")):
        for line in block.split("\n"):
            start = text.index(line, pos)
            out.append(Statement(len(out), start, start + len(line), line, paragraph))
            pos = start + len(line)
    return out


def kinds(text: str) -> list[str | None]:
    return [s.kind for s in suggest_statements(statements_of(text), text)]


def test_suggestion_is_frozen_and_well_formed():
    result = suggest_statement("The plan is reckless.")
    assert isinstance(result, Suggestion)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.kind = "claim"  # type: ignore[misc]
    assert result.kind in KINDS and 0.0 < result.confidence <= 1.0
    assert isinstance(result.reasons, tuple) and all(isinstance(r, str) for r in result.reasons)


def test_empty_inputs():
    assert suggest_statements([]) == []
    empty = suggest_statement("   ")  # no words: nothing to tag
    assert empty.kind is None and empty.confidence == 0.0 and empty.reasons


def test_block_quote_followed_by_attribution_line():
    text = ("The death knell is this statement he made in 2018\n\n"
            "A for-profit pivot might create a more sustainable revenue stream.\n\n"
            "Elon Musk\n\n"
            "Like, what?")
    results = suggest_statements(statements_of(text), text)
    assert [r.kind for r in results][1:] == ["quotation", None, "opinion"]
    assert "attribution line 'Elon Musk'" in results[1].reasons[0]
    assert results[2].reasons[0] == "the attribution line of a block quote"


def test_dash_attribution_and_colon_introduction():
    text = ("The minister ended his speech with these words:\n\n"
            "We will build the homes the country needs.\n\n"
            "Nobody believes this.\n\n"
            "— Sam Altman")
    assert kinds(text)[1:] == ["quotation", "quotation", None]


def test_heading_only_where_it_looks_like_one():
    text = "Council approves budget after late vote\n\nThe council voted 7-2 on Tuesday."
    assert kinds(text) == [None, "claim"]
    # A name on its own line after a heading is not a block quote's attribution.
    assert kinds("About SunPeak Energy\n\nSunPeak was founded in 2011.") == [None, "claim"]


def test_a_section_heading_is_not_an_attribution_line():
    text = ("Sales fell 4 percent in May.\n\nThe council met on Tuesday.\n\nBudget Details\n\n"
            "The plan costs $4 million.")
    assert kinds(text) == ["claim", "claim", None, "claim"]


def test_transcript_turns_are_quotations():
    text = ("HOST: Your government promised 300,000 homes.\nWhy should anyone believe it?\n\n"
            "PATEL: Because we changed the rules.\n\n"
            "The interview was broadcast on Thursday.")
    assert kinds(text) == ["quotation", "quotation", "quotation", "claim"]
    contexts = contexts_for(statements_of(text), text)
    assert contexts[1].speaker_label == "HOST"
    assert contexts[3].speaker_label is None


def test_one_label_is_not_a_transcript():
    text = "NOTE: The figures were revised on Monday.\n\nSales rose 4 percent in May."
    assert kinds(text) == ["claim", "claim"]


def test_quote_running_over_several_sentences():
    text = "“Twenty years is a long time. Most restaurants close. I am not angry,” he said."
    statements = split_statements(text)
    assert len(statements) == 3
    results = suggest_statements(statements, text)
    assert [r.kind for r in results] == ["quotation"] * 3
    assert "inside a quote" in results[1].reasons[0]


def test_paragraph_boundaries_from_statements_without_text():
    text = "HOST: Is it true?\n\nGUEST: It is.\n\nThe show aired in May 2020."
    statements = statements_of(text)
    assert [s.kind for s in suggest_statements(statements)] == [
        "quotation", "quotation", "claim"]


def seed_results(path) -> list[tuple[str, Suggestion]]:
    document = load_document(path)
    statements = split_statements(document.text)
    return list(zip((s.text for s in statements), suggest_statements(statements, document.text)))


def starting(results: list[tuple[str, Suggestion]], prefix: str) -> Suggestion:
    return next(r for text, r in results if text.startswith(prefix))


def test_neutral_seed(neutral_seed):
    results = seed_results(neutral_seed)
    assert starting(results, "In 2015, Musk donated $1 billion").kind == "claim"
    assert starting(results, "In the ongoing debate between Musk").kind == "opinion"
    assert starting(results, "The organization argued that").kind == "quotation"
    counts = {k: sum(r.kind == k for _, r in results) for k in KINDS}
    assert all(counts[k] >= 3 for k in KINDS), counts


def test_column_seed(column_seed):
    results = seed_results(column_seed)
    assert starting(results, "Elon Musk Backs Out").kind is None
    assert next(r for t, r in results if t == "Elon Musk").kind is None
    assert starting(results, "You can’t make this stuff up").kind == "opinion"
    assert starting(results, "Musk said OpenAI was racing").kind == "quotation"
    assert starting(results, "Musk was a founding member").kind == "claim"
    quote = starting(results, "A for-profit pivot")
    assert quote.kind == "quotation"
    assert any("block quote" in r for r in quote.reasons)


@given(st.text(alphabet=st.sampled_from(list("ab CDé.,;:?!'\"“”‘’«»—-$%0123\n")), max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_a_well_formed_suggestion(text):
    result = suggest_statement(text)
    assert result.kind in (*KINDS, None)
    assert 0.0 <= result.confidence <= 1.0
    statements = split_statements(text)
    assert len(suggest_statements(statements, text)) == len(statements)

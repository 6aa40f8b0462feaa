"""The alignment engine on the two sample articles: a careful reader's pairs rank high."""

from __future__ import annotations

import pytest

from reader.core.align import align_pair
from reader.core.loaders import load_document
from reader.core.text import segment_document

# (start of a statement in the neutral article, start of its partner in the column)
READER_PAIRS = [
    ("In response to Musk’s comments, OpenAI defended its decision",
     "In response to Musk’s lawsuit, OpenAI published emails"),
    ("Despite their differences, Musk and OpenAI have some history of collaboration.",
     "Musk was a founding member of OpenAI and left the company in 2018."),
]


# Every pair a careful reader draws between the two (the neutral article's statement, the
# column's): the same step of the story, told in both.
CAREFUL_READER_PAIRS = READER_PAIRS + [
    ("One of his biggest targets", "Musk’s latest tantrum was aimed at OpenAI."),
    ("He has been particularly critical of OpenAI", "Musk’s latest tantrum was aimed at OpenAI."),
    ("He has been particularly critical of OpenAI", "Musk said OpenAI was racing for profits"),
    ("In 2015, Musk donated $1 billion", "Musk was a founding member of OpenAI"),
    ("However, in recent years, their relationship", "Musk’s latest tantrum was aimed at OpenAI."),
    ("However, in recent years, their relationship", "He recently filed, then withdrew"),
]


def _index(statements, start: str) -> int:
    (found,) = [s.index for s in statements if s.text.startswith(start)]
    return found


@pytest.fixture
def seed_statements(neutral_seed, column_seed):
    return (segment_document(load_document(neutral_seed)),
            segment_document(load_document(column_seed)))


@pytest.mark.parametrize("method", ["lexical", "auto"])
@pytest.mark.parametrize("left_start,right_start", READER_PAIRS)
def test_partner_is_among_the_top_three(seed_statements, method, left_start, right_start):
    left, right = seed_statements
    result = align_pair(left, right, method=method, top_k=3)
    i, j = _index(left, left_start), _index(right, right_start)
    assert j in [c.statement for c in result.related[(0, i)]]


def test_seed_links_are_few_and_confident(seed_statements):
    left, right = seed_statements
    result = align_pair(left, right, method="lexical")
    # two articles on one story share little wording: only confident links are drawn
    assert 1 <= len(result.pairs) <= 3
    assert all(p.score >= 0.45 for p in result.pairs)


def test_seed_links_are_pairs_a_careful_reader_draws(seed_statements):
    """At the default threshold, most confident links are pairs a careful reader draws (a name
    shared by two statements that say different things about it is not one)."""
    left, right = seed_statements
    result = align_pair(left, right, method="lexical")
    careful = {(_index(left, a), _index(right, b)) for a, b in CAREFUL_READER_PAIRS}
    linked = [(p.left_statement, p.right_statement) for p in result.pairs]
    assert linked
    assert sum(pair in careful for pair in linked) / len(linked) >= 0.5


def test_a_signature_line_is_nobody_s_candidate(seeds) -> None:
    """"Elon Musk" (the column's signature) shares a name with the neutral article's first
    statement; two words cannot restate it, so it is not drawn or outlined as a partner."""
    left, right = (segment_document(load_document(p)) for p in seeds)
    signature = next(s.index for s in right if s.text == "Elon Musk")
    alignment = align_pair(left, right)
    assert alignment.candidates, "the seeds have candidates"
    assert all(p.right_statement != signature for p in alignment.candidates)
    assert all(len(left[p.left_statement].text.split()) >= 3
               and len(right[p.right_statement].text.split()) >= 3
               for p in alignment.candidates)

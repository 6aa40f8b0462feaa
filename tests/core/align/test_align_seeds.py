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
    assert len(result.pairs) <= 3
    assert all(p.score >= 0.45 for p in result.pairs)


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

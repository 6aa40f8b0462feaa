"""Specific details (figures, days, rare names) read from word tokens."""

from __future__ import annotations

import pytest

from reader.core.align._specifics import figure_ids, token_detail, ubiquitous, without
from reader.core.align._similarity import Vocabulary


@pytest.mark.parametrize("token,zipf,expected", [
    ("sixth", 4.5, "6"), ("6th", 2.5, "6"), ("Six", 5.0, "6"), ("1990s", 2.5, "1990"),
    ("2018", 2.5, "2018"), ("Tuesday", 4.6, "tue"), ("tuesday", 4.6, None),
    ("March", 5.0, "mar"), ("march", 4.8, None), ("Okafor", 2.5, "okafor"),
    ("tantrum", 2.9, "tantrum"), ("company", 5.6, None), ("the", 7.7, None),
])
def test_token_detail(token, zipf, expected):
    assert token_detail(token, zipf) == expected


def test_vocabulary_reads_details_in_the_same_pass():
    vocab = Vocabulary()
    a = vocab.features("Okafor, 27, was hurt on Tuesday in the sixth minute.")
    b = vocab.features("The 27-year-old Okafor left the field in the 6th minute.")
    shared = {name for name, n in vocab.detail_ids.items() if n in a.details & b.details}
    assert shared == {"okafor", "27", "6"}
    assert {"27", "6", "tue"} <= {name for name, n in vocab.detail_ids.items()
                                  if n in figure_ids(vocab.detail_ids)}
    assert vocab.detail_ids["okafor"] not in figure_ids(vocab.detail_ids)


def test_details_in_most_statements_are_a_topic():
    found = [frozenset({1, 2}), frozenset({1}), frozenset({1, 3}), frozenset()]
    assert ubiquitous(found) == frozenset({1})
    assert without(found, frozenset({1})) == [frozenset({2}), frozenset(), frozenset({3}),
                                              frozenset()]
    assert ubiquitous([frozenset({1})]) == frozenset()   # one mention is never a topic

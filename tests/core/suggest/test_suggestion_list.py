"""SuggestionList: a document's suggestions held compactly, read like a list."""

from __future__ import annotations

import pickle

import pytest

from reader.core.suggest import Suggestion, SuggestionList, suggest_statements
from reader.core.text import split_statements

ITEMS = [Suggestion("opinion", 0.875, ("evaluative word 'great'",)),
         Suggestion(None, 0.0, ("heading",)),
         Suggestion("claim", 0.5, ()),
         Suggestion("quotation", 0.912, ("reporting verb 'said'", "named speaker")),
         Suggestion("opinion", 0.6, ("evaluative word 'great'",))]


def test_reads_back_what_was_put_in():
    compact = SuggestionList(ITEMS)
    assert len(compact) == 5 and compact == ITEMS and list(compact) == ITEMS
    assert compact[0] == ITEMS[0] and compact[-1] == ITEMS[-1] and compact[1:3] == ITEMS[1:3]
    assert compact[1].kind is None and compact[3].reasons == ITEMS[3].reasons
    with pytest.raises(IndexError):
        compact[5]
    assert not SuggestionList() and SuggestionList() == []


def test_equal_reasons_are_kept_once():
    compact = SuggestionList(ITEMS * 1000)
    assert len(compact) == 5000
    assert len(compact._table) == 4   # four distinct reason tuples
    assert compact[5].reasons is compact[0].reasons


def test_pickles_compactly():
    compact = SuggestionList(ITEMS * 1000)
    data = pickle.dumps(compact, protocol=pickle.HIGHEST_PROTOCOL)
    assert len(data) < 20 * len(compact)
    back = pickle.loads(data)
    assert back == compact
    back.append(ITEMS[3])
    assert len(back._table) == 4 and back[-1] == ITEMS[3]


def test_suggest_statements_returns_one_per_statement():
    text = "I think this is a terrible plan. The council met on 4 May. \"We will win,\" she said."
    statements = split_statements(text)
    found = suggest_statements(statements, text)
    assert isinstance(found, SuggestionList) and len(found) == len(statements)
    assert [s.kind for s in found] == ["opinion", "claim", "quotation"]

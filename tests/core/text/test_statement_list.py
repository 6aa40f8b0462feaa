"""StatementList and SpanArray: compact statement storage that reads like a list."""

from __future__ import annotations

import pickle
import sys
from array import array

import pytest

from reader.core.text import (SpanArray, Statement, StatementList, TextPositions,
                              compact_statements, split_statements, statement_ends,
                              statement_starts)

TEXT = "First one. Second one here!\n\nA new paragraph? Yes.\n\n\U0001F600 Emoji ends."


def _objects(text: str) -> list[Statement]:
    """The statements as plain objects, as the list-based splitter made them."""
    return list(split_statements(text))


def test_reads_like_the_list_of_statements():
    compact = split_statements(TEXT)
    plain = _objects(TEXT)
    assert isinstance(compact, StatementList)
    assert len(compact) == len(plain) == 5
    assert compact == plain and plain == list(compact)
    assert [s.text for s in compact] == ["First one.", "Second one here!", "A new paragraph?",
                                         "Yes.", "\U0001F600 Emoji ends."]
    assert [s.paragraph for s in compact] == [0, 0, 1, 1, 2]
    assert [s.index for s in compact] == list(range(5))
    assert compact[-1] == plain[-1] and compact[1:3] == plain[1:3]
    assert list(reversed(compact)) == plain[::-1]
    for s in compact:
        assert TEXT[s.start:s.end] == s.text
    with pytest.raises(IndexError):
        compact[5]
    with pytest.raises(IndexError):
        compact[-6]


def test_offsets_are_the_stored_arrays():
    compact = split_statements(TEXT)
    assert statement_starts(compact) is compact.starts
    assert statement_ends(compact) is compact.ends
    assert list(compact.starts) == [s.start for s in _objects(TEXT)]
    plain = _objects(TEXT)
    assert statement_starts(plain) == [s.start for s in plain]


def test_pickles_as_arrays_and_shares_the_document_text():
    compact = split_statements(TEXT * 200)
    data = pickle.dumps(compact, protocol=pickle.HIGHEST_PROTOCOL)
    back = pickle.loads(data)
    assert back == compact and back.text is not compact.text
    # the copy that came back is re-pointed at the caller's text (not kept twice)
    shared = compact_statements(compact.text, back)
    assert shared.text is compact.text and shared == compact
    assert len(data) < len(compact.text) * 1.2 + 30 * len(compact)
    with pytest.raises(ValueError):
        back.with_text("other text")


def test_compact_statements_packs_a_list():
    plain = _objects(TEXT)
    packed = compact_statements(TEXT, plain)
    assert isinstance(packed, StatementList) and packed == plain and packed.text is TEXT
    assert compact_statements(TEXT, packed) is packed
    assert compact_statements(TEXT, []) == [] and len(compact_statements(TEXT, [])) == 0


def test_far_smaller_than_statement_objects():
    text = " ".join(f"Fact {i} holds." for i in range(20_000))
    compact = split_statements(text)
    plain = list(compact)
    per_object = sum(sys.getsizeof(s) + sys.getsizeof(s.__dict__) + sys.getsizeof(s.text)
                     for s in plain[:1000]) / 1000
    per_compact = sum(sys.getsizeof(a) for a in (compact.starts, compact.ends,
                                                 compact.paragraphs)) / len(compact)
    assert per_compact <= 30 < per_object / 5


def test_mismatched_arrays_are_refused():
    with pytest.raises(ValueError):
        StatementList("ab", [0], [1, 2], [0])


def test_positions_share_the_arrays_without_astral_characters():
    text = "One. Two."
    compact = split_statements(text)
    positions = TextPositions.of(text, compact)
    assert positions.starts is compact.starts and positions.ends is compact.ends
    astral = split_statements(TEXT)
    shifted = TextPositions.of(TEXT, astral)
    assert list(shifted.starts)[-1] == astral[-1].start and list(shifted.ends)[-1] == \
        astral[-1].end + 1  # the emoji is two UTF-16 units


def test_span_array():
    compact = split_statements(TEXT)
    spans = SpanArray.of(compact)
    assert spans.starts is compact.starts
    assert len(spans) == 5 and spans[0] == (0, 10) and spans[-1] == (compact[-1].start,
                                                                    compact[-1].end)
    assert list(spans) == [(s.start, s.end) for s in compact] == spans[:]
    assert spans == tuple((s.start, s.end) for s in compact)
    back = pickle.loads(pickle.dumps(spans))
    assert back == spans and isinstance(back.starts, array)
    assert SpanArray.of(_objects(TEXT)) == spans

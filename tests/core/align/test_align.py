"""The alignment engine, Meld-matcher style: tiny statement lists in, exact links out."""

from __future__ import annotations

import pytest

from reader.core.align import (DEFAULT_THRESHOLD, Alignment, align_documents, align_pair,
                               resolve_method)
from reader.core.errors import CancelledError
from reader.core.text import Statement, split_statements

RAIL = "The committee approved the new railway budget after a long and bitter debate."
RAIN = "Heavy rain flooded the coastal villages during the autumn storm last week."
ORCHID = "Scientists discovered a rare species of orchid in the remote mountain forest."
BAKERY = "The bakery on the corner sells fresh croissants to commuters every morning."
CHESS = "A teenage player from Oslo won the regional chess championship on Sunday."
RAIL_EDIT = "After a bitter debate, the committee has approved a new budget for the railways."
LONG = ("The committee approved the new railway budget after a long and bitter debate, "
        "while heavy rain flooded the coastal villages during the autumn storm last week.")


def statements(*sentences: str) -> list[Statement]:
    """Statements of a text made of these sentences, one paragraph each."""
    return split_statements("\n\n".join(sentences))


def statement_pairs(alignment: Alignment) -> set[tuple[int, int]]:
    return {(p.left_statement, p.right_statement) for p in alignment.pairs}


def passages(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.left_statements, link.right_statements) for link in alignment.links]


CASES = {
    # name: (left sentences, right sentences, expected statement pairs, expected passages)
    "identical": ([RAIL, RAIN, ORCHID], [RAIL, RAIN, ORCHID],
                  {(0, 0), (1, 1), (2, 2)}, [((0, 1, 2), (0, 1, 2))]),
    "reorder": ([RAIL, RAIN, ORCHID], [ORCHID, RAIL, RAIN],
                {(0, 1), (1, 2), (2, 0)}, [((0, 1), (1, 2)), ((2,), (0,))]),
    "insert": ([RAIL, RAIN], [RAIL, BAKERY, CHESS, RAIN],
               {(0, 0), (1, 3)}, [((0,), (0,)), ((1,), (3,))]),
    "delete": ([RAIL, BAKERY, CHESS, RAIN], [RAIL, RAIN],
               {(0, 0), (3, 1)}, [((0,), (0,)), ((3,), (1,))]),
    "reword": ([BAKERY, RAIL, CHESS], [RAIL_EDIT], {(1, 0)}, [((1,), (0,))]),
    "split": ([LONG, ORCHID], [RAIL, RAIN, ORCHID],
              {(0, 0), (0, 1), (1, 2)}, [((0, 1), (0, 1, 2))]),
    "merge": ([BAKERY, RAIL, RAIN], [LONG],
              {(1, 0), (2, 0)}, [((1, 2), (0,))]),
    "nothing in common": ([RAIL, RAIN], [BAKERY, CHESS, ORCHID], set(), []),
    "one statement each": ([RAIN], [RAIN], {(0, 0)}, [((0,), (0,))]),
    "one statement vs several": ([ORCHID], [RAIL, ORCHID, RAIN], {(0, 1)}, [((0,), (1,))]),
    "empty left": ([], [RAIL, RAIN], set(), []),
    "empty both": ([], [], set(), []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_alignment_table(name):
    left, right, expected_pairs, expected_passages = CASES[name]
    result = align_pair(statements(*left), statements(*right), method="lexical")
    assert statement_pairs(result) == expected_pairs
    assert passages(result) == expected_passages
    for link in result.links:
        assert 0.0 <= link.score <= 1.0
        assert (link.left, link.right) == (0, 1)
        assert not link.manual


def test_passage_spans_are_offsets_of_the_statements():
    left = statements(RAIL, RAIN, ORCHID)
    right = statements(BAKERY, RAIN, ORCHID)
    (link,) = align_pair(left, right, method="lexical").links
    assert link.left_span == (left[1].start, left[2].end)
    assert link.right_span == (right[1].start, right[2].end)


def test_identical_statements_score_one():
    result = align_pair(statements(RAIL, RAIN), statements(RAIL, RAIN), method="lexical")
    assert [p.score for p in result.pairs] == [1.0, 1.0]


def test_threshold_controls_what_counts_as_a_link():
    left, right = statements(RAIL), statements(RAIL_EDIT)
    score = align_pair(left, right, method="lexical", threshold=0.0).pairs[0].score
    assert 0.0 < score < 1.0
    assert align_pair(left, right, method="lexical", threshold=min(1.0, score + 0.01)).links == ()
    assert len(align_pair(left, right, method="lexical", threshold=score - 0.001).links) == 1


def test_pins_link_and_rejections_unlink():
    left, right = statements(RAIL, RAIN), statements(BAKERY, RAIN)
    pinned = align_pair(left, right, method="lexical", pins=[(0, 0)])
    assert statement_pairs(pinned) == {(0, 0), (1, 1)}
    assert [link.manual for link in pinned.links] == [True, False]
    rejected = align_pair(left, right, method="lexical", rejections=[(1, 1)])
    assert rejected.links == ()
    both = align_pair(left, right, method="lexical", pins=[(1, 1)], rejections=[(1, 1)])
    assert both.links == ()  # a rejection wins over a pin of the same pair


def test_pins_out_of_range_are_ignored():
    result = align_pair(statements(RAIL), statements(RAIL), method="lexical", pins=[(5, 0)])
    assert statement_pairs(result) == {(0, 0)}


def test_top_k_ranks_candidates_for_both_sides():
    left = statements(RAIL, RAIN)
    right = statements(ORCHID, RAIN, RAIL_EDIT)
    result = align_pair(left, right, method="lexical", top_k=2)
    assert [c.statement for c in result.related[(0, 0)]] == [2, 1] or \
        result.related[(0, 0)][0].statement == 2
    assert result.related[(0, 1)][0].statement == 1
    assert result.related[(1, 1)][0].statement == 1
    for candidates in result.related.values():
        assert len(candidates) <= 2
        assert [c.score for c in candidates] == sorted((c.score for c in candidates),
                                                        reverse=True)


def test_progress_is_reported_up_to_one():
    seen: list[float] = []
    align_pair(statements(RAIL, RAIN), statements(RAIN, RAIL), method="lexical",
               progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)


def test_cancel_stops_the_work():
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(CancelledError):
        align_pair(statements(RAIL, RAIN), statements(RAIN, RAIL), method="lexical",
                   cancel=cancel)
    with pytest.raises(CancelledError):
        align_documents([statements(RAIL), statements(RAIL)], method="lexical",
                        cancel=lambda: True)


def test_every_pair_of_three_documents():
    docs = [statements(RAIL, RAIN), statements(RAIN, ORCHID), statements(ORCHID, RAIL)]
    result = align_documents(docs, method="lexical", threshold=None, top_k=1, pins=(),
                             rejections=(), progress=None, cancel=None)
    found = {(p.left, p.left_statement, p.right, p.right_statement) for p in result.pairs}
    assert found == {(0, 1, 1, 0), (0, 0, 2, 1), (1, 1, 2, 0)}
    assert {c.doc for c in result.related[(0, 0)]} == {1, 2}


def test_pins_and_rejections_across_documents_point_either_way():
    docs = [statements(RAIL), statements(BAKERY), statements(RAIL)]
    result = align_documents(docs, method="lexical", pins=[(1, 0, 0, 0)],
                             rejections=[(2, 0, 0, 0)])
    found = {(p.left, p.left_statement, p.right, p.right_statement, p.manual)
             for p in result.pairs}
    assert found == {(0, 0, 1, 0, True)}


def test_unknown_method_is_an_error():
    with pytest.raises(ValueError):
        resolve_method("magic")


def test_default_threshold_is_a_score():
    assert 0.0 < DEFAULT_THRESHOLD < 1.0


@pytest.mark.parametrize("left_text,right_text", [
    ("Der Ausschuss genehmigte nach langer Debatte das neue Budget für die Eisenbahn.",
     "Der Ausschuss genehmigte das neue Budget für die Eisenbahn."),
    ("委员会在长时间辩论后批准了新的铁路预算。", "委员会批准了新的铁路预算。"),
])
def test_other_languages_still_link_shared_wording(left_text, right_text):
    result = align_pair(split_statements(left_text), split_statements(right_text),
                        method="lexical")
    assert statement_pairs(result) == {(0, 0)}


def test_statements_without_words_do_not_crash():
    result = align_pair(split_statements("... !!! ???"), split_statements("— — —"),
                        method="lexical", top_k=3)
    assert result.links == ()


@pytest.mark.parametrize("name", ["identical", "reorder", "insert", "delete", "split", "merge"])
def test_indexed_streaming_path_gives_the_same_links(name, monkeypatch):
    from reader.core.align import _lexical as lexical

    left, right, expected_pairs, _ = CASES[name]
    monkeypatch.setattr(lexical, "EXHAUSTIVE_PAIRS", 0)  # force index + streaming
    monkeypatch.setattr(lexical, "STREAM_CHUNK", 1)
    seen: list[float] = []
    result = align_pair(statements(*left), statements(*right), method="lexical",
                        progress=seen.append, top_k=1)
    assert statement_pairs(result) == expected_pairs
    assert seen == sorted(seen) and seen[-1] == 1.0
    with pytest.raises(CancelledError):
        align_pair(statements(*left), statements(*right), method="lexical",
                   cancel=lambda: True)

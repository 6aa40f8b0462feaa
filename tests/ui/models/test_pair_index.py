"""The window's correspondence values, by tables (no display): what is linked at a threshold,
which candidates are drawn faint, how linked pairs group into ribbons, related paragraphs,
and reading a core Alignment (its eligible pairs, candidates and related paragraphs)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from reader.ui.models import (Band, Passage, passages, read_index, shown_partners,
                              visible_faint, visible_links)
from reader.ui.models._pair_index import best_candidates, build_index


@dataclass(frozen=True)
class Pair:
    left: int
    left_statement: int
    right: int
    right_statement: int
    score: float
    manual: bool = False


@dataclass(frozen=True)
class Para:
    left_span: tuple[int, int]
    right_span: tuple[int, int]
    score: float


@dataclass(frozen=True)
class CoreAlignment:
    """The shape of the core's Alignment (fields the window reads)."""

    links: tuple = ()
    related: dict = field(default_factory=dict)
    pairs: tuple = ()
    candidates: tuple = ()
    paragraphs: tuple = ()
    eligible: tuple = ()


INDEX = build_index(
    links=[(0, 0, 0.9), (1, 2, 0.5), (2, 3, 0.35), (3, 1, 0.2)],
    candidates=[(0, 0, 0.9), (1, 2, 0.5), (1, 1, 0.4), (2, 3, 0.35), (4, 4, 0.3)],
    manual=frozenset({(3, 1)}), bands=())


@pytest.mark.parametrize("threshold, left, right", [
    (0.95, [3], [1]),                       # only the manual pin
    (0.9, [0, 3], [0, 1]),
    (0.45, [0, 1, 3], [0, 1, 2]),
    (0.3, [0, 1, 2, 3], [0, 1, 2, 3]),
])
def test_linked_statements_follow_the_threshold(threshold, left, right) -> None:
    assert sorted(INDEX.linked_statements(threshold, left_side=True)) == left
    assert sorted(INDEX.linked_statements(threshold, left_side=False)) == right


@pytest.mark.parametrize("threshold, faint", [
    (0.45, {(1, 1, 0.4), (2, 3, 0.35), (4, 4, 0.3)}),
    (0.3, {(1, 1, 0.4), (4, 4, 0.3)}),      # (2, 3) is a link now, not a candidate
])
def test_faint_candidates_are_the_unlinked_ones(threshold, faint) -> None:
    assert set(visible_faint(INDEX, threshold, range(5), ())) == faint
    assert set(visible_faint(INDEX, threshold, (), range(5))) == faint


def test_visible_links_and_shown_partners() -> None:
    assert set(visible_links(INDEX, 0.45, [1], [])) == {(1, 2, 0.5, False)}
    assert set(visible_links(INDEX, 0.45, [], [1])) == {(3, 1, 0.2, True)}
    assert shown_partners(INDEX, 0.45, 1, left_side=True) == {2: (0.5, True), 1: (0.4, False)}
    assert shown_partners(INDEX, 0.6, 1, left_side=True) == {2: (0.5, False), 1: (0.4, False)}
    assert shown_partners(INDEX, 0.45, 4, left_side=False) == {4: (0.3, False)}


@pytest.mark.parametrize("pairs, groups", [
    ([], []),
    ([(0, 0, 0.5, False), (1, 1, 0.7, False)], [((0, 1), (0, 1), 0.6, False)]),
    ([(0, 0, 0.5, False), (2, 2, 0.7, False)],                   # a gap: two ribbons
     [((0,), (0,), 0.5, False), ((2,), (2,), 0.7, False)]),
    ([(0, 1, 0.5, False), (1, 0, 0.5, False)], [((0, 1), (0, 1), 0.5, False)]),  # crossed
    ([(0, 0, 0.5, False), (0, 1, 0.5, False)], [((0,), (0, 1), 0.5, False)]),    # 1:2
    ([(0, 0, 0.5, True), (1, 1, 0.5, False)],                    # pins stay apart
     [((0,), (0,), 0.5, True), ((1,), (1,), 0.5, False)]),
])
def test_adjacent_links_group_into_passages(pairs, groups) -> None:
    assert passages(pairs) == [Passage(*g) for g in groups]


@pytest.mark.parametrize("scored, kept", [
    ([(0, 0, 0.5), (0, 1, 0.45), (0, 2, 0.3)], {(0, 0), (0, 1), (0, 2)}),  # 2 each, either side
    ([(0, 0, 0.5), (0, 1, 0.3), (1, 1, 0.6)], {(0, 0), (1, 1)}),          # (0,1) far from best
    ([(0, 0, 0.2)], set()),                                               # under the floor
])
def test_best_candidates(scored, kept) -> None:
    assert {(i, j) for i, j, _s in best_candidates(scored, floor=0.25)} == kept


def test_rejected_pairs_are_never_candidates() -> None:
    assert best_candidates([(0, 0, 0.9), (0, 1, 0.8)], rejected=[(0, 0)]) == [(0, 1, 0.8)]


def test_bands_near_a_screen_span() -> None:
    index = build_index([], [], frozenset(), [Band((0, 10), (50, 60), 0.3),
                                              Band((100, 200), (0, 10), 0.3)])
    assert index.bands_near((5, 6), (1000, 1001)) == [Band((0, 10), (50, 60), 0.3)]
    assert index.bands_near((300, 400), (5, 6)) == [Band((100, 200), (0, 10), 0.3)]
    assert index.bands_near((300, 400), (70, 80)) == []


def test_reading_the_core_alignment_with_eligible_pairs_and_candidates() -> None:
    alignment = CoreAlignment(
        pairs=(Pair(0, 0, 1, 1, 0.7), Pair(0, 2, 1, 0, 0.3, manual=True)),
        eligible=(Pair(0, 0, 1, 1, 0.7), Pair(0, 1, 1, 2, 0.35),
                  Pair(0, 2, 1, 0, 0.3, manual=True)),
        candidates=(Pair(0, 1, 1, 2, 0.35), Pair(0, 1, 1, 0, 0.3)),
        paragraphs=(Para((0, 10), (20, 30), 0.4),))
    index = read_index(alignment, False, rejected=[(1, 0)])
    assert (0, 0.3) not in index.partners(1, left_side=True)          # rejected
    index = read_index(alignment, False)
    assert sorted(index.linked_statements(0.45, left_side=True)) == [0, 2]
    assert sorted(index.linked_statements(0.3, left_side=True)) == [0, 1, 2]
    assert index.manual == {(2, 0)}
    assert index.bands == (Band((0, 10), (20, 30), 0.4),)
    flipped = read_index(alignment, True)          # seen from the other pane
    assert sorted(flipped.linked_statements(0.45, left_side=False)) == [0, 2]
    assert flipped.bands == (Band((20, 30), (0, 10), 0.4),)
    assert flipped.partners(2, left_side=True)[0] == (1, 0.35)
    assert index.flipped() == flipped                       # flipping what a worker read

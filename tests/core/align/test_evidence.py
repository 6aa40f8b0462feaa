"""Calibration of one document pair's scores: pure functions, tables in, exact values out."""

from __future__ import annotations

import pytest

from reader.core.align._evidence import (
    BACKBONE_MIN_LINKS, BACKBONE_RELAX, CONFLICT_LOSS, PAIR_LIFT, along_backbone,
    find_backbone, lifted, longest_chain, mutual_best, pair_confidence, with_conflicts,
    with_specifics)

NONE: frozenset[int] = frozenset()


@pytest.mark.parametrize("pairs,expected", [
    ([], []),
    ([(0, 0)], [(0, 0)]),
    ([(0, 0), (1, 1), (2, 2)], [(0, 0), (1, 1), (2, 2)]),
    ([(0, 2), (1, 0), (2, 1), (3, 3)], [(1, 0), (2, 1), (3, 3)]),
    ([(0, 5), (1, 1), (2, 2), (3, 0), (4, 3)], [(1, 1), (2, 2), (4, 3)]),
])
def test_longest_chain_is_increasing_on_both_sides(pairs, expected):
    assert longest_chain(pairs) == expected


def test_mutual_best_needs_both_sides_and_the_minimum():
    scores = {(0, 0): 0.9, (0, 1): 0.5, (1, 1): 0.4, (2, 1): 0.6, (3, 3): 0.2}
    # (1, 1) loses column 1 to (2, 1); (3, 3) is below the minimum
    assert mutual_best(scores, 0.3) == [(0, 0), (2, 1)]


def test_shared_details_gain_and_none_lose_but_identical_stays_one():
    left = [frozenset({1}), NONE, NONE]
    right = [frozenset({1, 2}), NONE, NONE]
    out = with_specifics({(0, 0): 0.5, (1, 1): 0.5, (2, 2): 1.0}, left, right)
    assert out[(0, 0)] > 0.5 > out[(1, 1)]
    assert out[(2, 2)] == 1.0


def test_conflicting_figures_lower_a_pair():
    # "on Tuesday, 27" against "on Friday, 31": figures 1, 2 only left; 3, 4 only right
    left = [frozenset({1, 2}), frozenset({5})]
    right = [frozenset({3, 4}), frozenset({5})]
    figures = frozenset({1, 2, 3, 4, 5})
    out = with_conflicts({(0, 0): 0.6, (1, 1): 0.6, (0, 1): 0.6}, left, right, figures)
    assert out[(0, 0)] == pytest.approx(0.6 * (1 - CONFLICT_LOSS))
    assert out[(1, 1)] == 0.6          # a figure in common
    assert out[(0, 1)] == 0.6          # right's 5 is told in the left document too
    names_only = with_conflicts({(0, 0): 0.6}, left, right, frozenset())
    assert names_only[(0, 0)] == 0.6   # names are not figures: no conflict


@pytest.mark.parametrize("best,expected", [(0.4, 0.0), (0.5, 0.0), (0.625, 0.5), (0.9, 1.0)])
def test_pair_confidence_reads_the_best_pair_sharing_details(best, expected):
    shared = [frozenset({7})]
    scores = {(0, 0): best}
    assert pair_confidence(scores, shared, shared) == pytest.approx(expected)
    assert pair_confidence(scores, [NONE], [NONE]) == 0.0


def test_lift_raises_every_score_but_not_past_one():
    out = lifted({(0, 0): 0.3, (1, 1): 0.98}, 1.0)
    assert out == {(0, 0): pytest.approx(0.3 + PAIR_LIFT), (1, 1): 1.0}
    assert lifted({(0, 0): 0.3}, 0.0) == {(0, 0): 0.3}


def _diagonal(count: int, value: float) -> dict[tuple[int, int], float]:
    return {(i, i): value for i in range(count)}


def test_a_long_in_order_chain_is_a_backbone():
    n = BACKBONE_MIN_LINKS
    assert find_backbone(_diagonal(n, 0.8), n, n) == tuple((i, i) for i in range(n))
    assert find_backbone(_diagonal(n - 1, 0.8), n, n) == ()        # too short
    assert find_backbone(_diagonal(n, 0.8), n, 10 * n) == tuple((i, i) for i in range(n))
    assert find_backbone(_diagonal(n, 0.2), n, n) == ()            # not confident


def test_backbone_band_raises_each_statements_best_partner_only():
    backbone = ((0, 0), (4, 4))
    scores = {(0, 0): 0.9, (4, 4): 0.9, (2, 2): 0.2, (2, 3): 0.15, (3, 3): 0.5, (2, 6): 0.25,
              (1, 1): 0.2, (1, 7): 0.8}
    out = along_backbone(scores, backbone)
    assert out[(2, 2)] == pytest.approx(0.2 / BACKBONE_RELAX)   # best in its band
    assert out[(2, 3)] == 0.15                                   # best of neither side
    assert out[(2, 6)] == 0.25                                   # outside the band
    assert out[(1, 1)] == 0.2        # statement 1 moved: its partner outside is far better

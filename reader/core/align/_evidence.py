"""From link scores to calibrated confidences for one document pair.

Three kinds of evidence beyond word overlap, each a pure function over a score table:

- **Specific details** (``with_specifics``): a pair sharing a number, a day or a rare name
  gains, one sharing none loses a little, so "who, when, how many" outweighs topic words.
- **The pair as a whole** (``pair_confidence``): when the documents' best pair that shares
  specific details is strong, the two documents report the same event, and every score of
  the pair is raised a little; two reports of similar but different events stay where they are.
- **Versions** (``find_backbone``, ``along_backbone``): two versions of one text show a long
  in-order chain of confident, mutually best pairs. Then each statement's best partner between
  the chain's neighbouring links needs only part of the usual score.

Evidence that applies to independent reports only is in ``_reports``.

Scores stay in [0, 1]; one threshold means the same for every pair afterwards.
"""

from __future__ import annotations

import bisect
from typing import Mapping, Sequence

from reader.core.align._specifics import Details

Scores = dict[tuple[int, int], float]

#: Gain (towards 1) of a pair sharing specific details; loss (towards 0) of one sharing none.
SPECIFIC_GAIN = 0.2
SPECIFIC_LOSS = 0.1
#: Loss of a pair whose figures or days disagree (see with_conflicts).
CONFLICT_LOSS = 0.3
#: A pair's best specific-sharing score between these bounds raises its scores by up to PAIR_LIFT.
PAIR_EVIDENCE_LOW, PAIR_EVIDENCE_HIGH = 0.5, 0.75
PAIR_LIFT = 0.1
#: Backbone: mutually best pairs from this score, forming an in-order chain at least this long
#: and covering at least this share of the shorter document.
ANCHOR_SCORE = 0.35
BACKBONE_MIN_LINKS = 8
BACKBONE_MIN_SHARE = 0.3
#: Along the backbone, a statement's best partner needs only this share of the threshold...
BACKBONE_RELAX = 0.5
#: ... unless one of the two has a partner elsewhere this much better (1 / share).
BAND_NEAR_BEST = 0.75


def with_specifics(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                   right: Sequence[Details]) -> Scores:
    """Scores moved up for pairs that share specific details and down for those that share none."""
    out: Scores = {}
    for (i, j), value in scores.items():
        if left[i] & right[j]:
            out[(i, j)] = value + SPECIFIC_GAIN * (1.0 - value)
        else:
            # the loss fades towards 1: identical statements stay identical
            out[(i, j)] = value - 2.0 * SPECIFIC_LOSS * value * (1.0 - value)
    return out


def with_conflicts(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                   right: Sequence[Details], figures: frozenset[int]) -> Scores:
    """Scores lowered where the two statements give different figures or days.

    Both name figures (numbers, days, months: ids in ``figures``), share none, and each has
    one the other document never mentions: "on Tuesday ... 27" against "on Friday ... 31"
    reads as another event with the same cast, not a restatement.
    """
    left_all = frozenset().union(*left) if left else frozenset()
    right_all = frozenset().union(*right) if right else frozenset()
    out = dict(scores)
    for (i, j), value in scores.items():
        mine, theirs = left[i] & figures, right[j] & figures
        if (mine and theirs and not mine & theirs and mine - right_all
                and theirs - left_all):
            out[(i, j)] = value * (1.0 - CONFLICT_LOSS)
    return out


def pair_confidence(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                    right: Sequence[Details]) -> float:
    """How sure we are (0..1) that the two documents tell of the same events.

    Read from the strongest pair that shares specific details: a name or figure repeated in a
    near-identical sentence is rare between reports of two different events.
    """
    best = max((value for (i, j), value in scores.items()
                if value > PAIR_EVIDENCE_LOW and left[i] & right[j]), default=0.0)
    share = (best - PAIR_EVIDENCE_LOW) / (PAIR_EVIDENCE_HIGH - PAIR_EVIDENCE_LOW)
    return min(1.0, max(0.0, share))


def lifted(scores: Mapping[tuple[int, int], float], confidence: float) -> Scores:
    """Every score raised by ``confidence`` x PAIR_LIFT (capped at 1)."""
    lift = PAIR_LIFT * confidence
    if not lift:
        return dict(scores)
    return {key: min(1.0, value + lift) for key, value in scores.items()}


def mutual_best(scores: Mapping[tuple[int, int], float], minimum: float) -> list[tuple[int, int]]:
    """Pairs that are each other's best partner and score at least ``minimum``, by left index."""
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for (i, j), value in scores.items():
        if value > best_row.get(i, (0.0, -1))[0]:
            best_row[i] = (value, j)
        if value > best_col.get(j, (0.0, -1))[0]:
            best_col[j] = (value, i)
    return sorted((i, j) for i, (value, j) in best_row.items()
                  if value >= minimum and best_col[j][1] == i)


def longest_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest sub-sequence increasing on both sides (``pairs`` sorted by left index)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[position] = j
            tail_at[position] = n
        previous[n] = tail_at[position - 1] if position else -1
    chain: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.append(pairs[n])
        n = previous[n]
    return chain[::-1]


def find_backbone(scores: Mapping[tuple[int, int], float], left_count: int,
                  right_count: int) -> tuple[tuple[int, int], ...]:
    """The in-order chain of confident links that marks two versions of one text, or ()."""
    chain = longest_chain(mutual_best(scores, ANCHOR_SCORE))
    shorter = min(left_count, right_count)
    if len(chain) >= BACKBONE_MIN_LINKS and len(chain) >= BACKBONE_MIN_SHARE * shorter:
        return tuple(chain)
    return ()


def along_backbone(scores: Mapping[tuple[int, int], float],
                   backbone: Sequence[tuple[int, int]]) -> Scores:
    """Scores with each statement's best partner inside the backbone's band raised.

    The band of a statement runs from the partner of the backbone link before it to that of
    the link after it; its best pair in the band (for either side) scores ``value / RELAX``,
    unless either statement has a clearly better partner outside the band (moved text).
    """
    lefts = [i for i, _ in backbone]
    inside: Scores = {}
    for (i, j), value in scores.items():
        k = bisect.bisect_right(lefts, i)
        if k and lefts[k - 1] == i:
            low = high = backbone[k - 1][1]
        else:
            low = backbone[k - 1][1] if k else 0
            high = backbone[k][1] if k < len(backbone) else j
        if low <= j <= high:
            inside[(i, j)] = value
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for (i, j), value in inside.items():
        if value > best_row.get(i, (-1.0, -1))[0]:
            best_row[i] = (value, j)
        if value > best_col.get(j, (-1.0, -1))[0]:
            best_col[j] = (value, i)
    overall_row: dict[int, float] = {}
    overall_col: dict[int, float] = {}
    for (i, j), value in scores.items():
        if value > overall_row.get(i, 0.0):
            overall_row[i] = value
        if value > overall_col.get(j, 0.0):
            overall_col[j] = value
    out = dict(scores)
    for (i, j), value in inside.items():
        # a moved sentence keeps its strong partner outside the band: no weak stand-in
        if ((best_row[i][1] == j or best_col[j][1] == i)
                and value >= BAND_NEAR_BEST * max(overall_row[i], overall_col[j])):
            out[(i, j)] = min(1.0, value / BACKBONE_RELAX)
    return out

"""From scored statement pairs to links: thresholds, split/merge, pins, rejections, passages.

Pure functions over plain values, tested like Meld's matchers. Two rules choose which pairs
may link, neither depending on the threshold (so a new threshold only cuts the list):
``restatement_links`` (independent reports: up to PARTNERS partners per statement) and
``best_partner_links`` (versions of one text: the best partner of one statement and close to
the best of the other; a statement wholly contained in a longer one, one half of a split or a
merge, links on its containment, so N:M still happens). Grouping links into passages is in
``_result`` (order between passages is free: non-monotone).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

from reader.core.align._similarity import PairScore

#: A link must score this share of the best link of one of its statements (about the best)...
BEST = 0.95
#: ... and at least this share of the best link of the other (split and merged sentences).
NEAR_BEST = 0.75
#: Containment counts for this much of a link score (a half of a split sentence).
CONTAINMENT_FACTOR = 0.85
#: Containment needs this much weight in the smaller statement (about three rare words).
MIN_CONTAINED_WEIGHT = 2.5
#: Containment needs at least this symmetric score (a half shares about half the words).
CONTAINMENT_MIN_SCORE = 0.27
#: Restatements: a statement links to at most this many partners...
PARTNERS = 4
#: ... each scoring at least this share of the best pair of its two statements.
PARTNER_SHARE = 0.5
#: Weight of the best neighbouring link in a pair's context score.
CONTEXT_SHARE = 0.25
CONTEXT_REACH = 2


@dataclass(frozen=True)
class StatementLink:
    """One linked pair of statements (indices into the two documents' statement lists)."""

    left: int
    right: int
    score: float
    manual: bool = False


def link_score(pair: PairScore, left_weight: float, right_weight: float) -> float:
    """Score in [0, 1] used to decide a link: symmetric, or containment for split/merge."""
    smaller = min(left_weight, right_weight)
    if smaller < MIN_CONTAINED_WEIGHT or pair.score < CONTAINMENT_MIN_SCORE:
        return pair.score
    contained = pair.left_in_right if left_weight <= right_weight else pair.right_in_left
    return max(pair.score, CONTAINMENT_FACTOR * contained)


def with_context(scores: Mapping[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """Scores raised a little by strong pairs nearby (sentences travel with their neighbours).

    The anchors are the best pair of each statement; a pair gains when an anchor lies within
    CONTEXT_REACH statements on both sides (never itself, nor one sharing its statements).
    """
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for (i, j), value in scores.items():
        if value > best_row.get(i, (0.0, 0))[0]:
            best_row[i] = (value, j)
        if value > best_col.get(j, (0.0, 0))[0]:
            best_col[j] = (value, i)
    anchors: dict[int, list[tuple[int, float]]] = {}
    for i, (value, j) in best_row.items():
        anchors.setdefault(i, []).append((j, value))
    for j, (value, i) in best_col.items():
        if best_row.get(i, (0.0, -1))[1] != j:
            anchors.setdefault(i, []).append((j, value))
    out: dict[tuple[int, int], float] = {}
    reach = range(-CONTEXT_REACH, CONTEXT_REACH + 1)
    for (i, j), value in scores.items():
        support = 0.0
        for di in reach:
            if di:
                for j2, other in anchors.get(i + di, ()):
                    if other > support and j2 != j and -CONTEXT_REACH <= j2 - j <= CONTEXT_REACH:
                        support = other
        out[(i, j)] = value + CONTEXT_SHARE * support * (1.0 - value) if support else value
    return out


def best_partner_links(scores: Mapping[tuple[int, int], float], floor: float = 0.0, *,
                       rejections: Iterable[tuple[int, int]] = ()) -> list[StatementLink]:
    """One-to-one links with split/merge: the best partner of one of its statements and
    close to the best of the other (the rule for two versions of one text).

    The rule does not depend on a threshold: cut the result at any score >= ``floor``.
    """
    rejected = set(rejections)
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for (i, j), value in scores.items():
        if value < floor or (i, j) in rejected:
            continue
        if value > best_left.get(i, 0.0):
            best_left[i] = value
        if value > best_right.get(j, 0.0):
            best_right[j] = value
    links = []
    for (i, j), value in scores.items():
        if value < floor or value <= 0.0 or (i, j) in rejected:
            continue
        ratios = (value / best_left[i], value / best_right[j])
        # the best partner of one of its statements, and a close second for the other
        if max(ratios) >= BEST and min(ratios) >= NEAR_BEST:
            links.append(StatementLink(i, j, value))
    return sorted(links, key=lambda link: (link.left, link.right))


def restatement_links(scores: Mapping[tuple[int, int], float], floor: float = 0.0, *,
                      rejections: Iterable[tuple[int, int]] = ()) -> list[StatementLink]:
    """Links allowing several partners per statement (independent reports restate an event).

    A pair qualifies when it is among the PARTNERS best of both its statements and scores at
    least PARTNER_SHARE of the better of their two best pairs: a statement may link to a
    headline, a lede and a later restatement, but not to everything on the topic.
    """
    rejected = set(rejections)
    rows: dict[int, list[float]] = {}
    cols: dict[int, list[float]] = {}
    kept = [(key, value) for key, value in scores.items()
            if value >= floor and value > 0.0 and key not in rejected]
    for (i, j), value in kept:
        rows.setdefault(i, []).append(value)
        cols.setdefault(j, []).append(value)
    row_best, row_last = _top_bounds(rows)
    col_best, col_last = _top_bounds(cols)
    links = [StatementLink(i, j, value) for (i, j), value in kept
             if value >= row_last[i] and value >= col_last[j]
             and value >= PARTNER_SHARE * max(row_best[i], col_best[j])]
    return sorted(links, key=lambda link: (link.left, link.right))


def _top_bounds(table: dict[int, list[float]]) -> tuple[dict[int, float], dict[int, float]]:
    """Per statement: its best value, and the PARTNERS-th best (the lowest that still counts)."""
    best: dict[int, float] = {}
    last: dict[int, float] = {}
    for key, values in table.items():
        if len(values) == 1:
            best[key] = last[key] = values[0]
            continue
        top = sorted(values, reverse=True)[:PARTNERS]
        best[key], last[key] = top[0], top[-1]
    return best, last


def with_pins(links: Sequence[StatementLink], scores: Mapping[tuple[int, int], float],
              pins: Iterable[tuple[int, int]], rejections: Iterable[tuple[int, int]] = ()
              ) -> list[StatementLink]:
    """``links`` plus the manual pins (marked manual, with their computed score)."""
    rejected = set(rejections)
    pinned = {p: StatementLink(p[0], p[1], scores.get(p, 0.0), manual=True)
              for p in dict.fromkeys(pins) if p not in rejected}
    out = list(pinned.values()) + [link for link in links if (link.left, link.right) not in pinned]
    return sorted(out, key=lambda link: (link.left, link.right))

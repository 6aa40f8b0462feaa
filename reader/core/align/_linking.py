"""From scored statement pairs to links: thresholds, split/merge, pins, rejections, passages.

Pure functions over plain values, tested like Meld's matchers. A pair becomes a link when its
score clears the threshold and it is the best partner of one of its two statements and close
to the best of the other; a statement wholly contained in a longer one (one half of a split or a merge)
links on its containment, so one statement may link to several (N:M). Adjacent links are
then grouped into passages; order between passages is free (non-monotone).
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


def select_links(scores: Mapping[tuple[int, int], float], threshold: float, *,
                 pins: Iterable[tuple[int, int]] = (),
                 rejections: Iterable[tuple[int, int]] = ()) -> list[StatementLink]:
    """Statement links from link scores: above threshold, best for one side, near it for the other."""
    rejected = set(rejections)
    pinned = [p for p in dict.fromkeys(pins) if p not in rejected]
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for (i, j), value in scores.items():
        if value < threshold or (i, j) in rejected:
            continue
        if value > best_left.get(i, 0.0):
            best_left[i] = value
        if value > best_right.get(j, 0.0):
            best_right[j] = value
    links = {p: StatementLink(p[0], p[1], scores.get(p, 0.0), manual=True) for p in pinned}
    for (i, j), value in scores.items():
        if value < threshold or (i, j) in rejected or (i, j) in links:
            continue
        ratios = (value / best_left[i], value / best_right[j])
        # the best partner of one of its statements, and a close second for the other
        if max(ratios) >= BEST and min(ratios) >= NEAR_BEST:
            links[(i, j)] = StatementLink(i, j, value)
    return sorted(links.values(), key=lambda link: (link.left, link.right))


@dataclass(frozen=True)
class PassageGroup:
    """Linked statements that sit next to each other on both sides."""

    left_statements: tuple[int, ...]
    right_statements: tuple[int, ...]
    score: float
    manual: bool


def group_passages(links: Sequence[StatementLink]) -> list[PassageGroup]:
    """Group links whose statements are adjacent (or shared) on both sides.

    Manual links are grouped only with manual links, so a pinned pair stays visible as such.
    A passage's score is the mean of its links' scores.
    """
    parent = list(range(len(links)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    position = {(link.left, link.right, link.manual): n for n, link in enumerate(links)}
    for n, link in enumerate(links):
        for di in (0, 1):
            for dj in (-1, 0, 1):
                if (di, dj) == (0, 0):
                    continue
                other = position.get((link.left + di, link.right + dj, link.manual))
                if other is not None:
                    parent[find(other)] = find(n)
    groups: dict[int, list[StatementLink]] = {}
    for n, link in enumerate(links):
        groups.setdefault(find(n), []).append(link)
    out = [
        PassageGroup(
            tuple(sorted({link.left for link in members})),
            tuple(sorted({link.right for link in members})),
            sum(link.score for link in members) / len(members),
            members[0].manual,
        )
        for members in groups.values()
    ]
    return sorted(out, key=lambda g: (g.left_statements[0], g.right_statements[0]))

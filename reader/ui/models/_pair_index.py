"""What the window draws between two documents, as plain values (no Qt here).

A ``PairIndex`` is built once per alignment and does not depend on the link threshold:

- ``links_left`` / ``links_right``: every pair that is linked at some threshold (the
  eligible pairs; a pair is linked at ``t`` when it is manual or scores ``t`` or more);
- ``by_left`` / ``by_right``: every statement's best candidates above the floor;
- ``bands``: related paragraphs.

Moving the threshold therefore needs no new index: what is linked is read for the
statements on screen when painting, and adjacent linked pairs are grouped into passages
there (``passages``). Everything is oriented as the panes show it: "left" is the left pane.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

Pair = tuple[int, int]
Span = tuple[int, int]
Partners = tuple[tuple[int, float], ...]

#: Candidates kept per statement and side: its best, and the next ones when nearly as good.
PER_STATEMENT = 2
NEAR_BEST = 0.85
#: A manual link counts as this score when deciding what is linked.
MANUAL = 2.0


@dataclass(frozen=True)
class Band:
    """Two related paragraphs, drawn as a wide faint band behind the statement ribbons."""

    left_span: Span
    right_span: Span
    score: float


@dataclass(frozen=True)
class Passage:
    """Adjacent linked pairs drawn as one ribbon."""

    left_statements: tuple[int, ...]
    right_statements: tuple[int, ...]
    score: float
    manual: bool = False


@dataclass(frozen=True)
class PairIndex:
    """Threshold-independent correspondence of one document pair (left pane -> right pane)."""

    by_left: Mapping[int, Partners] = field(default_factory=dict)
    by_right: Mapping[int, Partners] = field(default_factory=dict)
    links_left: Mapping[int, Partners] = field(default_factory=dict)
    links_right: Mapping[int, Partners] = field(default_factory=dict)
    manual: frozenset[Pair] = frozenset()
    bands: tuple[Band, ...] = ()
    #: (-best link score, statement) of each side's statements with an eligible link, sorted:
    #: the statements linked at ``t`` are a prefix.
    order_left: tuple[tuple[float, int], ...] = ()
    order_right: tuple[tuple[float, int], ...] = ()
    #: Bands sorted by where they start on each side, and the longest band there.
    band_starts: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
    band_order: tuple[tuple[int, ...], tuple[int, ...]] = ((), ())
    band_longest: tuple[int, int] = (0, 0)

    def partners(self, statement: int, left_side: bool) -> Partners:
        """(other statement, score) of a statement's candidates, best first."""
        return (self.by_left if left_side else self.by_right).get(statement, ())

    def linked(self, statement: int, left_side: bool, threshold: float) -> Partners:
        """(other statement, score) linked to a statement at ``threshold``, best first."""
        table = self.links_left if left_side else self.links_right
        out = []
        for other, score in table.get(statement, ()):
            pair = (statement, other) if left_side else (other, statement)
            if score >= threshold or pair in self.manual:
                out.append((other, score))
        return tuple(out)

    def is_linked(self, i: int, j: int, threshold: float) -> bool:
        """True when left ``i`` and right ``j`` are linked at ``threshold``."""
        return any(other == j and (score >= threshold or (i, j) in self.manual)
                   for other, score in self.links_left.get(i, ()))

    def linked_statements(self, threshold: float, left_side: bool) -> list[int]:
        """Statements of one side with a link at ``threshold``."""
        order = self.order_left if left_side else self.order_right
        return [s for _score, s in order[:bisect_left(order, (-threshold, 1 << 62))]]

    def flipped(self) -> "PairIndex":
        """The same correspondence seen with the two documents' panes swapped."""
        return PairIndex(self.by_right, self.by_left, self.links_right, self.links_left,
                         frozenset((j, i) for i, j in self.manual),
                         tuple(Band(b.right_span, b.left_span, b.score) for b in self.bands),
                         self.order_right, self.order_left,
                         (self.band_starts[1], self.band_starts[0]),
                         (self.band_order[1], self.band_order[0]),
                         (self.band_longest[1], self.band_longest[0]))

    def bands_near(self, left: Span, right: Span) -> list[Band]:
        """Bands meeting the ``left`` span on the left or the ``right`` span on the right."""
        found: set[int] = set()
        for side, (start, end) in enumerate((left, right)):
            starts, order = self.band_starts[side], self.band_order[side]
            low = bisect_left(starts, start - self.band_longest[side])
            for k in range(low, bisect_left(starts, end)):
                band = self.bands[order[k]]
                if (band.left_span if side == 0 else band.right_span)[1] > start:
                    found.add(order[k])
        return [self.bands[k] for k in sorted(found)]


def build_index(links: Iterable[tuple[int, int, float]],
                candidates: Iterable[tuple[int, int, float]], manual: frozenset[Pair],
                bands: Sequence[Band]) -> PairIndex:
    """A PairIndex from eligible links, candidates, pins and bands (left -> right)."""
    links_left, links_right = table(links)
    by_left, by_right = table(candidates)
    orders = []
    for own, left_side in ((links_left, True), (links_right, False)):
        best = []
        for statement, partners in own.items():
            top = max((MANUAL if ((statement, o) if left_side else (o, statement)) in manual
                       else score) for o, score in partners)
            best.append((-top, statement))
        orders.append(tuple(sorted(best)))
    bands = tuple(bands)
    starts, order, longest = [], [], []
    for side in (0, 1):
        spans = [band.left_span if side == 0 else band.right_span for band in bands]
        ranked = sorted(range(len(spans)), key=lambda k: spans[k][0])
        order.append(tuple(ranked))
        starts.append(tuple(spans[k][0] for k in ranked))
        longest.append(max((e - s for s, e in spans), default=0))
    return PairIndex(by_left, by_right, links_left, links_right, manual, bands,
                     orders[0], orders[1], (starts[0], starts[1]), (order[0], order[1]),
                     (longest[0], longest[1]))


def table(pairs: Iterable[tuple[int, int, float]]) -> tuple[dict[int, Partners],
                                                            dict[int, Partners]]:
    """Index (left, right, score) pairs by left and by right statement, best first."""
    best: dict[Pair, float] = {}
    for i, j, score in pairs:
        if score > best.get((i, j), -1.0):
            best[(i, j)] = float(score)
    by_left: dict[int, list[tuple[int, float]]] = {}
    by_right: dict[int, list[tuple[int, float]]] = {}
    for (i, j), score in best.items():
        by_left.setdefault(i, []).append((j, score))
        by_right.setdefault(j, []).append((i, score))
    return ({i: tuple(sorted(v, key=_order)) for i, v in by_left.items()},
            {j: tuple(sorted(v, key=_order)) for j, v in by_right.items()})


def _order(item: tuple[int, float]) -> tuple[float, int]:
    return (-item[1], item[0])


def best_candidates(scored: Iterable[tuple[int, int, float]], rejected: Iterable[Pair] = (),
                    floor: float = 0.0, per_statement: int = PER_STATEMENT,
                    near: float = NEAR_BEST) -> list[tuple[int, int, float]]:
    """Each statement's best partners scoring ``floor`` or more: its best, and up to
    ``per_statement`` - 1 more scoring ``near`` of it (a pair kept by either statement)."""
    rejected = set(rejected)
    by_left, by_right = table((i, j, s) for i, j, s in scored
                              if s >= floor and (i, j) not in rejected)
    kept: dict[Pair, float] = {}
    for i, partners in by_left.items():
        for j, score in _near(partners, per_statement, near):
            kept[(i, j)] = score
    for j, partners in by_right.items():
        for i, score in _near(partners, per_statement, near):
            kept[(i, j)] = score
    return [(i, j, score) for (i, j), score in kept.items()]


def _near(partners: Partners, count: int, near: float) -> Partners:
    top = partners[:count]
    return tuple(p for p in top if p[1] >= near * top[0][1]) if top else ()


def passages(pairs: Iterable[tuple[int, int, float, bool]]) -> list[Passage]:
    """Group linked pairs whose statements are adjacent (or shared) on both sides; manual
    pairs only with manual ones. A passage's score is the mean of its pairs'."""
    items = sorted(set(pairs))
    parent = list(range(len(items)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    where = {(i, j, manual): n for n, (i, j, _s, manual) in enumerate(items)}
    for n, (i, j, _s, manual) in enumerate(items):
        for di, dj in ((0, 1), (1, -1), (1, 0), (1, 1)):
            other = where.get((i + di, j + dj, manual))
            if other is not None:
                parent[find(other)] = find(n)
    groups: dict[int, list[tuple[int, int, float, bool]]] = {}
    for n, item in enumerate(items):
        groups.setdefault(find(n), []).append(item)
    return sorted((Passage(tuple(sorted({i for i, _j, _s, _m in g})),
                           tuple(sorted({j for _i, j, _s, _m in g})),
                           sum(s for _i, _j, s, _m in g) / len(g), g[0][3])
                   for g in groups.values()),
                  key=lambda p: (p.left_statements[0], p.right_statements[0]))


def visible_links(index: PairIndex, threshold: float, left_rows: Iterable[int],
                  right_rows: Iterable[int]) -> list[tuple[int, int, float, bool]]:
    """Linked pairs (left, right, score, manual) with an end among the given statements."""
    found: set[tuple[int, int, float, bool]] = set()
    for i in left_rows:
        for j, score in index.linked(i, True, threshold):
            found.add((i, j, score, (i, j) in index.manual))
    for j in right_rows:
        for i, score in index.linked(j, False, threshold):
            found.add((i, j, score, (i, j) in index.manual))
    return list(found)


def visible_faint(index: PairIndex, threshold: float, left_rows: Iterable[int],
                  right_rows: Iterable[int]) -> list[tuple[int, int, float]]:
    """Unlinked candidate pairs with an end among the given statements."""
    seen: dict[Pair, float] = {}
    for i in left_rows:
        for j, score in index.by_left.get(i, ()):
            seen[(i, j)] = score
    for j in right_rows:
        for i, score in index.by_right.get(j, ()):
            seen[(i, j)] = score
    return [(i, j, score) for (i, j), score in seen.items()
            if not index.is_linked(i, j, threshold)]


def shown_partners(index: PairIndex, threshold: float, statement: int,
                   left_side: bool) -> dict[int, tuple[float, bool]]:
    """What is drawn for one statement: other statement -> (score, linked)."""
    out = {other: (score, False) for other, score in index.partners(statement, left_side)}
    for other, score in index.linked(statement, left_side, threshold):
        out[other] = (score, True)
    return out

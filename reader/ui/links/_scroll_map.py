"""Map a position in one document to the matching position in another through its links.

Like Meld's sync-scroll, the map is piecewise linear between matched blocks: the start and
end of every linked passage are anchors. Links may cross (an article can reorder), so only a
longest chain of links that keeps both documents in order is used; crossing links still
show as ribbons, they just do not steer the scroll. Pure Python, no Qt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

Span = tuple[int, int]


@dataclass(frozen=True)
class ScrollMap:
    """Sorted anchor pairs (left offset, right offset) from (0, 0) to (left_len, right_len)."""

    left: tuple[int, ...]
    right: tuple[int, ...]

    @classmethod
    def from_spans(cls, spans: Iterable[tuple[Span, Span]], left_len: int,
                   right_len: int) -> "ScrollMap":
        """Build the map from (left_span, right_span) pairs of linked passages."""
        return cls.chained(spans).with_ends(left_len, right_len)

    @classmethod
    def chained(cls, spans: Iterable[tuple[Span, Span]]) -> "ScrollMap":
        """The anchors of the linked passages alone, from (0, 0) (no document ends yet, see
        ``with_ends``): the part that takes time, worked out once per cut of the links."""
        chain = monotone_chain(sorted(spans))
        left = [0]
        right = [0]
        for (ls, le), (rs, re) in chain:
            for a, b in ((ls, rs), (le, re)):
                if a >= left[-1] and b >= right[-1] and (a, b) != (left[-1], right[-1]):
                    left.append(a)
                    right.append(b)
        return cls(tuple(left), tuple(right))

    def with_ends(self, left_len: int, right_len: int) -> "ScrollMap":
        """This map running on to the ends of documents of these lengths."""
        if left_len > self.left[-1] or right_len > self.right[-1]:
            return ScrollMap(self.left + (max(left_len, self.left[-1]),),
                             self.right + (max(right_len, self.right[-1]),))
        return self

    def to_right(self, offset: int) -> int:
        """The right-document offset matching left ``offset``."""
        return _interpolate(self.left, self.right, offset)

    def to_left(self, offset: int) -> int:
        """The left-document offset matching right ``offset``."""
        return _interpolate(self.right, self.left, offset)

    def flipped(self) -> "ScrollMap":
        """The same map seen from the other document."""
        return ScrollMap(self.right, self.left)


def _interpolate(xs: Sequence[int], ys: Sequence[int], x: int) -> int:
    if len(xs) < 2:
        return x
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, x) - 1
    x0, x1 = xs[i], xs[i + 1]
    y0, y1 = ys[i], ys[i + 1]
    if x1 == x0:
        return y1
    return int(round(y0 + (y1 - y0) * (x - x0) / (x1 - x0)))


def monotone_chain(pairs: Sequence[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
    """Longest run of pairs (sorted by left span) whose right spans also go forward without
    overlapping; O(n log n), patience-sorting style."""
    tails: list[int] = []          # smallest right end of a chain of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    last_left_end: list[int] = []
    for n, ((ls, le), (rs, re)) in enumerate(pairs):
        # chains we can extend: right end <= rs and left end <= ls
        k = bisect_right(tails, rs)
        while k > 0 and last_left_end[k - 1] > ls:
            k -= 1
        previous[n] = tail_index[k - 1] if k > 0 else -1
        if k == len(tails):
            tails.append(re)
            tail_index.append(n)
            last_left_end.append(le)
        elif re < tails[k]:
            tails[k] = re
            tail_index[k] = n
            last_left_end[k] = le
    chain: list[tuple[Span, Span]] = []
    n = tail_index[-1] if tail_index else -1
    while n >= 0:
        chain.append(pairs[n])
        n = previous[n]
    chain.reverse()
    return chain


def sync_point(value: int, minimum: int, maximum: int, page: int) -> float:
    """Where in the viewport (0 top .. 1 bottom) two panes are kept level (Meld's rule):
    the middle normally, sliding to the top in the first half screen of the document and
    to the bottom in the last, so both ends of both documents stay reachable."""
    half = max(1.0, page / 2)
    point = 0.5 * min(1.0, (value - minimum) / half)
    bottom = (maximum + page) - 1.5 * page
    point += 0.5 * max(0.0, (value - bottom) / half)
    return max(0.0, min(1.0, point))


def nearest_index(sorted_values: Sequence[int], value: int) -> int:
    """Index of the value closest to ``value`` in a sorted sequence (-1 if empty)."""
    if not sorted_values:
        return -1
    i = bisect_left(sorted_values, value)
    if i == 0:
        return 0
    if i == len(sorted_values):
        return i - 1
    return i if sorted_values[i] - value < value - sorted_values[i - 1] else i - 1

"""The values an alignment hands out, and re-cutting it at a new threshold without re-scoring."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence


Span = tuple[int, int]


@dataclass(frozen=True)
class Candidate:
    """A statement of another document and how well it matches (score in [0, 1])."""

    doc: int
    statement: int
    score: float


@dataclass(frozen=True)
class PassageLink:
    """Linked runs of statements in two documents, with their code-point spans."""

    left: int
    right: int
    left_statements: tuple[int, ...]
    right_statements: tuple[int, ...]
    left_span: Span
    right_span: Span
    score: float
    manual: bool = False


@dataclass(frozen=True)
class StatementPair:
    """One pair of statements of two documents (``left``/``right`` index the documents)."""

    left: int
    left_statement: int
    right: int
    right_statement: int
    score: float
    manual: bool = False


@dataclass(frozen=True)
class ParagraphLink:
    """Two related paragraphs: their statements' evidence adds up (``support`` pairs of them)."""

    left: int
    right: int
    left_paragraph: int
    right_paragraph: int
    left_span: Span
    right_span: Span
    score: float
    support: int


@dataclass(frozen=True)
class Alignment:
    """The result of aligning documents.

    ``pairs`` are the statement links at ``threshold`` (manual pins always in) and ``links``
    the same grouped into passages. ``eligible`` lists every pair the linking rule accepts at
    any threshold, in document order, so ``at_threshold`` only has to cut it. ``candidates`` holds
    each statement's best partners above the candidate floor (links included); ``paragraphs``
    related paragraphs; ``related`` the ``top_k`` best candidates per (doc, statement), when
    asked for; ``modes`` says per document pair whether it read as "versions" or "reports".
    ``spans`` holds each aligned document's statement spans (for passages).
    """

    links: tuple[PassageLink, ...]
    related: dict[tuple[int, int], tuple[Candidate, ...]] = field(default_factory=dict)
    pairs: tuple[StatementPair, ...] = ()
    method: str = "lexical"
    candidates: tuple[StatementPair, ...] = ()
    paragraphs: tuple[ParagraphLink, ...] = ()
    threshold: float = 0.0
    modes: dict[tuple[int, int], str] = field(default_factory=dict)
    eligible: tuple[StatementPair, ...] = ()
    spans: dict[int, Sequence[Span]] = field(default_factory=dict)  # SpanArray each

    #: Adjacency of ``eligible`` and passages already built (filled on the first re-cut,
    #: then shared by every re-cut of this alignment).
    _neighbours: list[tuple[int, ...]] | None = field(default=None, init=False, repr=False,
                                                      compare=False)
    _made: dict[tuple[int, ...], PassageLink] = field(default_factory=dict, init=False,
                                                      repr=False, compare=False)

    def at_threshold(self, threshold: float) -> Alignment:
        """The same alignment with ``pairs`` and ``links`` cut at ``threshold`` (no re-scoring).

        Manual pins stay; everything else is shared with this alignment. The grouping into
        passages reuses an adjacency computed once, so a re-cut is a filter and a union-find.
        """
        if self._neighbours is None:
            # a cache, not state: frozen fields stay as they were
            object.__setattr__(self, "_neighbours", neighbours(self.eligible))
        eligible = self.eligible
        active = [pair.score >= threshold or pair.manual for pair in eligible]
        pairs = tuple(pair for pair, on in zip(eligible, active) if on)
        links = grouped(eligible, active, self._neighbours, self.spans, self._made)
        recut = replace(self, pairs=pairs, links=links, threshold=threshold)
        object.__setattr__(recut, "_neighbours", self._neighbours)
        object.__setattr__(recut, "_made", self._made)
        return recut

    def pair_spans(self, left: int, right: int) -> list[tuple[int, int, int, int, float]]:
        """(left start, left end, right start, right end, score) of each automatic statement
        pair between two documents: what a tag is linked to in exports (a passage can span a
        whole document when two documents are near-identical)."""
        out = []
        left_spans, right_spans = self.spans.get(left, ()), self.spans.get(right, ())
        for pair in self.pairs:
            if pair.manual:
                continue
            if (pair.left, pair.right) == (left, right):
                a, b = pair.left_statement, pair.right_statement
            elif (pair.left, pair.right) == (right, left):
                a, b = pair.right_statement, pair.left_statement
            else:
                continue
            if a < len(left_spans) and b < len(right_spans):
                out.append((*left_spans[a], *right_spans[b], float(pair.score)))
        return out


def document_order(pairs: Iterable[StatementPair]) -> list[StatementPair]:
    """Pairs sorted by documents, then statements."""
    return sorted(pairs, key=lambda p: (p.left, p.right, p.left_statement, p.right_statement))


def neighbours(pairs: Sequence[StatementPair]) -> list[tuple[int, ...]]:
    """For each pair, the indices of the pairs adjacent to it on both sides (same documents,
    same manual flag): the next statement on the left and the same or a neighbouring one on
    the right, or the same left statement and a neighbouring right one."""
    index = {(p.left, p.right, p.left_statement, p.right_statement, p.manual): n
             for n, p in enumerate(pairs)}
    get = index.get
    out: list[tuple[int, ...]] = []
    for p in pairs:
        a, b, i, j, m = p.left, p.right, p.left_statement, p.right_statement, p.manual
        found = [get(key) for key in ((a, b, i, j + 1, m), (a, b, i + 1, j - 1, m),
                                      (a, b, i + 1, j, m), (a, b, i + 1, j + 1, m))]
        out.append(tuple(n for n in found if n is not None))
    return out


def grouped(pairs: Sequence[StatementPair], active: Sequence[bool],
            adjacency: Sequence[tuple[int, ...]], spans: Mapping[int, Sequence[Span]],
            made: dict[tuple[int, ...], PassageLink] | None = None) -> tuple[PassageLink, ...]:
    """Passages of the ``active`` pairs, from a precomputed adjacency (see ``neighbours``).

    ``made`` caches passages by their member indices: most survive a small threshold change,
    so a re-cut rebuilds only the ones that changed. Passages come in the order of their
    first pair (``pairs`` being in document order).
    """
    parent = list(range(len(pairs)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for n, others in enumerate(adjacency):
        if others and active[n]:
            for other in others:
                if active[other]:
                    parent[find(other)] = find(n)
    members: dict[int, list[int]] = {}
    for n, on in enumerate(active):
        if on:
            members.setdefault(find(n), []).append(n)
    made = {} if made is None else made
    out = []
    for group in members.values():
        key = tuple(group)
        link = made.get(key)
        if link is None:
            link = made[key] = _passage_link([pairs[n] for n in group], spans)
        out.append((group[0], link))
    out.sort(key=lambda item: item[0])
    return tuple(link for _, link in out)


def _passage_link(group: list[StatementPair], spans: Mapping[int, Sequence[Span]]) -> PassageLink:
    first = group[0]
    left, right = spans[first.left], spans[first.right]
    lefts = sorted({p.left_statement for p in group})
    rights = sorted({p.right_statement for p in group})
    return PassageLink(
        first.left, first.right, tuple(lefts), tuple(rights),
        (left[lefts[0]][0], left[lefts[-1]][1]), (right[rights[0]][0], right[rights[-1]][1]),
        round(sum(p.score for p in group) / len(group), 4), first.manual)

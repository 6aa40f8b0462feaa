"""The values an alignment hands out, and re-cutting it at a new threshold without re-scoring."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from reader.core.align._linking import StatementLink, group_passages

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
    any threshold, best first, so ``at_threshold`` only has to cut it. ``candidates`` holds
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
    spans: dict[int, tuple[Span, ...]] = field(default_factory=dict)

    def at_threshold(self, threshold: float) -> Alignment:
        """The same alignment with ``pairs`` and ``links`` cut at ``threshold`` (no re-scoring).

        Manual pins stay; everything else is shared with this alignment.
        """
        pairs = cut(self.eligible, threshold)
        return replace(self, pairs=pairs, links=passages(pairs, self.spans), threshold=threshold)


def cut(eligible: Sequence[StatementPair], threshold: float) -> tuple[StatementPair, ...]:
    """The eligible pairs scoring at least ``threshold`` (manual ones always), in document order."""
    kept = [pair for pair in eligible if pair.manual or pair.score >= threshold]
    kept.sort(key=lambda p: (p.left, p.right, p.left_statement, p.right_statement))
    return tuple(kept)


def passages(pairs: Iterable[StatementPair],
             spans: Mapping[int, Sequence[Span]]) -> tuple[PassageLink, ...]:
    """Pairs grouped into passages (adjacent on both sides), per document pair."""
    by_documents: dict[tuple[int, int], list[StatementLink]] = {}
    for pair in pairs:
        by_documents.setdefault((pair.left, pair.right), []).append(
            StatementLink(pair.left_statement, pair.right_statement, pair.score, pair.manual))
    out: list[PassageLink] = []
    for (a, b), links in sorted(by_documents.items()):
        links.sort(key=lambda link: (link.left, link.right))
        left, right = spans[a], spans[b]
        for group in group_passages(links):
            out.append(PassageLink(
                a, b, group.left_statements, group.right_statements,
                (left[group.left_statements[0]][0], left[group.left_statements[-1]][1]),
                (right[group.right_statements[0]][0], right[group.right_statements[-1]][1]),
                round(group.score, 4), group.manual))
    return tuple(out)

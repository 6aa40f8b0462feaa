"""Reads a statement's related candidates out of the bridge's core Alignments.

``related_groups(bridge, pane, statement, top)`` -> one RelatedGroup per other open pane:
its linked statements (from the alignment's statement pairs, manual ones flagged) and its
best-scoring candidates (from ``Alignment.related``), best first, without repeats.
An alignment may number its two documents 0/1 (``align_pair``'s default) or by pane; the
numbering is read from the alignment itself, so either works.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Candidate:
    """A statement of another pane related to the current one."""

    pane: int
    statement: int
    score: float
    text: str
    linked: bool = False
    manual: bool = False


@dataclass(frozen=True)
class RelatedGroup:
    """The candidates found in one other pane."""

    pane: int
    title: str
    candidates: tuple[Candidate, ...]


def alignment_sides(alignment: Any) -> tuple[int, int]:
    """The document numbers an alignment uses for its left and right documents."""
    if alignment.links:
        return alignment.links[0].left, alignment.links[0].right
    if alignment.pairs:
        return alignment.pairs[0].left, alignment.pairs[0].right
    docs = sorted({key[0] for key in alignment.related})
    if len(docs) == 2:
        return docs[0], docs[1]
    return 0, 1


def _partners(alignment: Any, own: int, statement: int) -> list[tuple[int, float, bool]]:
    """(other statement, score, manual) for each statement pair holding ``statement``."""
    out = []
    for pair in alignment.pairs:
        if pair.left == own and pair.left_statement == statement:
            out.append((pair.right_statement, pair.score, pair.manual))
        elif pair.right == own and pair.right_statement == statement:
            out.append((pair.left_statement, pair.score, pair.manual))
    return out


def candidates_in(alignment: Any, own_is_left: bool, statement: int,
                  top: int) -> list[tuple[int, float, bool, bool]]:
    """(statement, score, linked, manual) in the other document of a pair alignment."""
    left, right = alignment_sides(alignment)
    own = left if own_is_left else right
    found: dict[int, tuple[int, float, bool, bool]] = {}
    for other, score, manual in _partners(alignment, own, statement):
        found[other] = (other, score, True, manual)
    for candidate in alignment.related.get((own, statement), ())[:top]:
        if candidate.statement not in found:
            found[candidate.statement] = (candidate.statement, candidate.score, False, False)
    return sorted(found.values(), key=lambda c: (not c[2], -c[1], c[0]))


def related_groups(bridge: Any, pane: int, statement: int, top: int = 5) -> list[RelatedGroup]:
    """The candidates of ``statement`` of ``pane`` in every other open pane, by pane order."""
    session = bridge.session
    panes = session.panes
    own_sha = panes[pane].document.sha256
    groups = []
    for index, other in enumerate(panes):
        if index == pane:
            continue
        other_sha = other.document.sha256
        alignment = bridge.alignment(own_sha, other_sha)
        own_is_left = True
        if alignment is None:
            alignment = bridge.alignment(other_sha, own_sha)
            own_is_left = False
        found: list[Candidate] = []
        if alignment is not None:
            for number, score, linked, manual in candidates_in(alignment, own_is_left,
                                                               statement, top):
                if 0 <= number < len(other.statements):
                    found.append(Candidate(index, number, score, other.statements[number].text,
                                           linked, manual))
        groups.append(RelatedGroup(index, other.document.display_name, tuple(found)))
    return groups

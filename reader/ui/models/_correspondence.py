"""The correspondence of the open panes as the window shows it, read from the bridge.

``pair_view(bridge, a, b)`` gives panes ``a`` < ``b`` their PairIndex (links at every
threshold, candidates, related paragraphs), kept in ``bridge.derived`` until an alignment
changes; ``link_threshold(bridge)`` is where links start. On top of it: the current
statement's candidates in the other panes (outlined there), the one `l` links, and the
numbered list of the Related panel (Ctrl+number links the n-th).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from reader.core.text import statement_starts
from reader.ui.models._alignment_reader import default_threshold, read_index, related_of
from reader.ui.models._pair_index import PairIndex, shown_partners

Pairs = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Candidate:
    """A statement of another pane drawn as a partner of the current statement."""

    pane: int
    statement: int
    score: float
    linked: bool = False
    manual: bool = False
    text: str = ""


@dataclass(frozen=True)
class RelatedGroup:
    """The candidates listed for one other pane in the Related panel."""

    pane: int
    title: str
    candidates: tuple[Candidate, ...]


def _alignment(bridge: Any, sha_a: str, sha_b: str) -> tuple[Any, bool]:
    alignment = bridge.alignment(sha_a, sha_b)
    if alignment is not None:
        return alignment, False
    alignment = bridge.alignment(sha_b, sha_a)
    return alignment, alignment is not None


def statement_at(starts: list[int], offset: int) -> int:
    """Index of the statement starting at ``offset`` exactly, else the one holding it."""
    i = bisect_left(starts, offset)
    if i < len(starts) and starts[i] == offset:
        return i
    return max(0, i - 1)


def manual_pairs(session: Any, a: int, b: int) -> tuple[Pairs, Pairs]:
    """Pins and rejections between panes ``a`` and ``b``, as (a statement, b statement)."""
    pane_a, pane_b = session.panes[a], session.panes[b]
    key_a, key_b = pane_a.doc_key, pane_b.doc_key
    found: list[tuple[int, int, str]] = []
    for link in session.manual_links():
        ids = (link.left_document_id, link.right_document_id)
        if ids == (key_a, key_b):
            found.append((link.left_start, link.right_start, link.action))
        elif ids == (key_b, key_a):
            found.append((link.right_start, link.left_start, link.action))
    if not found:  # the usual case: no start lists (a million statements take 0.2 s)
        return (), ()
    starts_a = statement_starts(pane_a.statements)
    starts_b = statement_starts(pane_b.statements)
    pins: list[tuple[int, int]] = []
    rejections: list[tuple[int, int]] = []
    for a_start, b_start, action in found:
        pair = (statement_at(starts_a, a_start), statement_at(starts_b, b_start))
        (pins if action == "link" else rejections).append(pair)
    return tuple(sorted(set(pins))), tuple(sorted(set(rejections)))


def rejected_pairs(bridge: Any, a: int, b: int) -> Pairs:
    """The reader's rejections between panes ``a`` and ``b`` as (a statement, b statement)."""
    session = bridge.session
    rejections = tuple(link.id for link in session.manual_links() if link.action == "reject")
    if not rejections:
        return ()
    key = ("links-rejected", id(session.panes[a]), id(session.panes[b]), rejections)
    if key not in bridge.derived:
        bridge.derived[key] = manual_pairs(session, a, b)[1]
    return bridge.derived[key]


def pair_view(bridge: Any, a: int, b: int) -> PairIndex | None:
    """The correspondence of panes ``a`` < ``b`` (``a`` on the left), or None before their
    alignment arrives; kept in ``bridge.derived`` until the alignment changes."""
    session = bridge.session
    left, right = session.panes[a], session.panes[b]
    alignment, flipped = _alignment(bridge, left.document.sha256, right.document.sha256)
    if alignment is None:
        return None
    rejected = rejected_pairs(bridge, a, b)
    key = ("links-index", id(alignment), flipped, rejected)
    index = bridge.derived.get(key)
    if index is None:
        ready = bridge.link_indexes.get(id(alignment))
        if ready is not None and ready[0] is alignment and ready[1] == (
                _flip(rejected) if flipped else rejected):
            index = ready[2].flipped() if flipped else ready[2]
        else:       # not read in a worker (e.g. a test's alignment): read it here
            index = read_index(alignment, flipped, rejected)
        bridge.derived[key] = index
    return index


def _flip(pairs: Pairs) -> Pairs:
    return tuple(sorted((b, a) for a, b in pairs))


def link_threshold(bridge: Any) -> float:
    """The threshold links are drawn from: the reader's choice, else the core's own."""
    chosen = bridge.link_threshold
    return default_threshold() if chosen is None else float(chosen)


def candidates_in(bridge: Any, pane: int, statement: int, other: int) -> list[Candidate]:
    """The current statement's drawn partners in pane ``other``: links first, best first."""
    a, b = min(pane, other), max(pane, other)
    view = pair_view(bridge, a, b)
    if view is None or statement < 0:
        return []
    found = shown_partners(view, link_threshold(bridge), statement, left_side=pane == a)
    statements = bridge.session.panes[other].statements
    out = []
    for number, (score, linked) in found.items():
        if 0 <= number < len(statements):
            pair = (statement, number) if pane == a else (number, statement)
            out.append(Candidate(other, number, score, linked, pair in view.manual,
                                 statements[number].text))
    return sorted(out, key=lambda c: (not c.linked, -c.score, c.statement))


def strongest(candidates: list[Candidate], pane: int) -> Candidate | None:
    """The candidate `l` links: the highest score; on a tie, the nearer pane, then the
    earlier statement."""
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.score, -abs(c.pane - pane), -c.statement))


def related_groups(bridge: Any, pane: int, statement: int, top: int = 5) -> list[RelatedGroup]:
    """The Related panel's list for a statement, one group per other pane in pane order:
    the drawn partners (links first, then best first), then the core's next best candidates,
    ``top`` at most beside the links."""
    session = bridge.session
    groups = []
    for other, other_pane in enumerate(session.panes):
        if other == pane:
            continue
        found = candidates_in(bridge, pane, statement, other) if statement >= 0 else []
        listed = {c.statement for c in found}
        extra = [] if statement < 0 else _more_candidates(bridge, pane, statement, other)
        statements = other_pane.statements
        for number, score in extra:
            if len(found) >= top + sum(c.linked for c in found):
                break
            if number not in listed and 0 <= number < len(statements):
                listed.add(number)
                found.append(Candidate(other, number, score, text=statements[number].text))
        groups.append(RelatedGroup(other, other_pane.document.display_name, tuple(found)))
    return groups


def _more_candidates(bridge: Any, pane: int, statement: int,
                     other: int) -> list[tuple[int, float]]:
    session = bridge.session
    alignment, flipped = _alignment(bridge, session.panes[pane].document.sha256,
                                    session.panes[other].document.sha256)
    if alignment is None:
        return []
    return related_of(alignment, not flipped, statement)

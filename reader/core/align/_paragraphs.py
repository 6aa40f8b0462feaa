"""Paragraph-level correspondence: related paragraphs from their statements' evidence.

Two articles may share a sub-topic with no single sentence pair confident enough to link.
Each statement candidate pair above the candidate floor is weak evidence that its two
paragraphs are related; the evidence of distinct statements adds up (noisy-or), so a
paragraph pair with several fair candidates outranks one with a single faint one.
"""

from __future__ import annotations

import heapq
from typing import Sequence

from reader.core.align._result import ParagraphLink, StatementPair
from reader.core.text import Statement

#: Candidate scores count from this value up (below it a candidate is noise).
EVIDENCE_FROM = 0.25
#: A paragraph pair is related from this combined evidence...
PARAGRAPH_MIN = 0.3
#: ... and when it is among the few best of both its paragraphs.
PARAGRAPH_PARTNERS = 2


def paragraph_links(candidates: Sequence[StatementPair], left: Sequence[Statement],
                    right: Sequence[Statement]) -> list[ParagraphLink]:
    """Related paragraph pairs of one document pair, from its statement candidates."""
    best: dict[tuple[int, int], dict[int, float]] = {}
    for pair in candidates:
        strength = (pair.score - EVIDENCE_FROM) / (1.0 - EVIDENCE_FROM)
        if strength <= 0.0:
            continue
        key = (left[pair.left_statement].paragraph, right[pair.right_statement].paragraph)
        # one statement counts once per paragraph pair: its strongest candidate there
        per_statement = best.setdefault(key, {})
        if strength > per_statement.get(pair.left_statement, 0.0):
            per_statement[pair.left_statement] = strength
    scored: dict[tuple[int, int], tuple[float, int]] = {}
    for key, strengths in best.items():
        missing = 1.0
        for value in strengths.values():
            missing *= 1.0 - value
        if 1.0 - missing >= PARAGRAPH_MIN:
            scored[key] = (1.0 - missing, len(strengths))
    keep = _among_best(scored)
    left_spans = _paragraph_spans(left)
    right_spans = _paragraph_spans(right)
    a = candidates[0].left if candidates else 0
    b = candidates[0].right if candidates else 1
    return [ParagraphLink(a, b, p, q, left_spans[p], right_spans[q], round(score, 4), support)
            for (p, q), (score, support) in sorted(scored.items()) if (p, q) in keep]


def _among_best(scored: dict[tuple[int, int], tuple[float, int]]) -> set[tuple[int, int]]:
    rows: dict[int, list[float]] = {}
    cols: dict[int, list[float]] = {}
    for (p, q), (score, _) in scored.items():
        rows.setdefault(p, []).append(score)
        cols.setdefault(q, []).append(score)
    row_last = {p: heapq.nlargest(PARAGRAPH_PARTNERS, v)[-1] for p, v in rows.items()}
    col_last = {q: heapq.nlargest(PARAGRAPH_PARTNERS, v)[-1] for q, v in cols.items()}
    return {(p, q) for (p, q), (score, _) in scored.items()
            if score >= row_last[p] or score >= col_last[q]}


def _paragraph_spans(statements: Sequence[Statement]) -> dict[int, tuple[int, int]]:
    spans: dict[int, tuple[int, int]] = {}
    for statement in statements:
        start, end = spans.get(statement.paragraph, (statement.start, statement.end))
        spans[statement.paragraph] = (min(start, statement.start), max(end, statement.end))
    return spans

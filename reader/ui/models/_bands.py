"""Related paragraphs worked out from their statements' candidates (used when the core's
alignment carries no paragraph links of its own)."""

from __future__ import annotations

from typing import Mapping, Sequence

from reader.ui.models._pair_index import Band, Pair, Partners, Span


def paragraph_bands(candidates: Mapping[int, Partners], left: Sequence[object],
                    right: Sequence[object], minimum: float) -> tuple[Band, ...]:
    """Related paragraphs from their statements' candidates (``candidates``: by left).

    A paragraph pair scores the mean, over the statements of both paragraphs, of each one's
    best candidate inside the other paragraph (0 without one): paragraphs sharing several
    sub-topics score high even when no single pair is confident. A band is kept when it is
    the best of one of its paragraphs and scores ``minimum`` or more.
    """
    lpara = [getattr(s, "paragraph", 0) for s in left]
    rpara = [getattr(s, "paragraph", 0) for s in right]
    rows: dict[Pair, dict[int, float]] = {}
    cols: dict[Pair, dict[int, float]] = {}
    for i, partners in candidates.items():
        for j, score in partners:
            if 0 <= i < len(left) and 0 <= j < len(right):
                key = (lpara[i], rpara[j])
                row, col = rows.setdefault(key, {}), cols.setdefault(key, {})
                row[i] = max(row.get(i, 0.0), score)
                col[j] = max(col.get(j, 0.0), score)
    lsize, rsize = _sizes(lpara), _sizes(rpara)
    scores = {key: (sum(rows[key].values()) + sum(cols[key].values()))
              / (lsize[key[0]] + rsize[key[1]]) for key in rows}
    best_left: dict[int, float] = {}
    best_right: dict[int, float] = {}
    for (p, q), value in scores.items():
        best_left[p] = max(best_left.get(p, 0.0), value)
        best_right[q] = max(best_right.get(q, 0.0), value)
    lspan, rspan = _spans(left, lpara), _spans(right, rpara)
    return tuple(sorted((Band(lspan[p], rspan[q], round(value, 4))
                         for (p, q), value in scores.items()
                         if value >= minimum and (value >= best_left[p]
                                                  or value >= best_right[q])),
                        key=lambda b: (b.left_span, b.right_span)))


def _sizes(paragraphs: Sequence[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for p in paragraphs:
        out[p] = out.get(p, 0) + 1
    return out


def _spans(statements: Sequence[object], paragraphs: Sequence[int]) -> dict[int, Span]:
    out: dict[int, Span] = {}
    for statement, p in zip(statements, paragraphs):
        start, end = statement.start, statement.end  # type: ignore[attr-defined]
        first, last = out.get(p, (start, end))
        out[p] = (min(first, start), max(last, end))
    return out

"""Read a core Alignment into the window's PairIndex (see _pair_index).

The one place that knows which fields the core's Alignment has. With the core's
``eligible`` / ``candidates`` / ``paragraphs`` they are used as they are; without them
(an older core) they are worked out here from ``related`` (each statement's top candidates)
and the statement pairs.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from reader.ui.models._bands import paragraph_bands
from reader.ui.models._pair_index import (Band, Pair, PairIndex, best_candidates, build_index,
                                          table)

#: Without the core's own values: the candidate floor, the default link threshold, the
#: lowest threshold offered and where related paragraphs start.
FALLBACK_FLOOR = 0.25
FALLBACK_THRESHOLD = 0.45
FALLBACK_LOWEST = 0.25
BAND_MINIMUM = 0.2


def _core(name: str, fallback: float) -> float:
    from reader.core import align

    return float(getattr(align, name, fallback))


def candidate_floor() -> float:
    """Candidates scoring below this are not drawn."""
    return _core("CANDIDATE_FLOOR", FALLBACK_FLOOR)


def default_threshold() -> float:
    """The core's own link threshold (the slider's "automatic" position)."""
    return _core("DEFAULT_THRESHOLD", FALLBACK_THRESHOLD)


def lowest_threshold() -> float:
    """Below this threshold there is nothing more to link."""
    return _core("MIN_THRESHOLD", FALLBACK_LOWEST)


def _oriented(i: int, j: int, flipped: bool) -> Pair:
    return (j, i) if flipped else (i, j)


def _sides(alignment: Any) -> tuple[int, int]:
    if alignment.links:
        return alignment.links[0].left, alignment.links[0].right
    if alignment.pairs:
        return alignment.pairs[0].left, alignment.pairs[0].right
    docs = sorted({key[0] for key in alignment.related})
    return (docs[0], docs[1]) if len(docs) == 2 else (0, 1)


def _core_api(alignment: Any) -> bool:
    """True when the core's Alignment lists its eligible pairs and candidates."""
    return bool(getattr(alignment, "eligible", ()) or getattr(alignment, "candidates", ()))


def _pairs(items: Iterable[Any], flipped: bool) -> list[tuple[int, int, float]]:
    return [(*_oriented(p.left_statement, p.right_statement, flipped), float(p.score))
            for p in items]


def related_of(alignment: Any, own_is_left: bool, statement: int) -> list[tuple[int, float]]:
    """(other statement, score) of the core's best candidates for one statement."""
    left_doc, right_doc = _sides(alignment)
    own = left_doc if own_is_left else right_doc
    return [(c.statement, float(c.score)) for c in alignment.related.get((own, statement), ())]


def _related_pairs(alignment: Any, flipped: bool) -> list[tuple[int, int, float]]:
    """(left, right, score) from ``related``, oriented to the panes."""
    left_doc, right_doc = _sides(alignment)
    out = []
    for (doc, statement), options in alignment.related.items():
        for candidate in options:
            if doc == left_doc:
                i, j = statement, candidate.statement
            elif doc == right_doc:
                i, j = candidate.statement, statement
            else:
                continue
            out.append((*_oriented(i, j, flipped), float(candidate.score)))
    return out


def read_index(alignment: Any, flipped: bool, left: Sequence[Any], right: Sequence[Any],
               rejected: Iterable[Pair] = ()) -> PairIndex:
    """Everything the window draws for one document pair, at every threshold."""
    rejected = frozenset(rejected)
    manual = frozenset(_oriented(p.left_statement, p.right_statement, flipped)
                       for p in alignment.pairs if p.manual)
    linked = _pairs(alignment.pairs, flipped)
    if _core_api(alignment):
        # linked at ``t``: the eligible pairs scoring ``t`` or more (Alignment.at_threshold)
        linked += _pairs(alignment.eligible, flipped)
        scored = _pairs(alignment.candidates, flipped) + linked
        bands: tuple[Band, ...] | None = tuple(
            Band(*((tuple(p.right_span), tuple(p.left_span)) if flipped else
                   (tuple(p.left_span), tuple(p.right_span))), float(p.score))
            for p in alignment.paragraphs)
    else:
        scored = _related_pairs(alignment, flipped) + linked
        linked += _below_threshold(scored, rejected)
        bands = None
    eligible = [(i, j, s) for i, j, s in linked if (i, j) not in rejected or (i, j) in manual]
    candidates = best_candidates(scored, rejected, candidate_floor())
    if bands is None:
        bands = paragraph_bands(table(candidates)[0], left, right, BAND_MINIMUM)
    return build_index(eligible, candidates, manual, bands)


def _below_threshold(scored: list[tuple[int, int, float]],
                     rejected: frozenset[Pair]) -> list[tuple[int, int, float]]:
    """Without the core's re-cutting: below its threshold, each statement's best candidate
    is what a lower threshold would link."""
    by_left, by_right = table((i, j, s) for i, j, s in scored if (i, j) not in rejected)
    default = default_threshold()
    out = []
    for i, partners in by_left.items():
        if partners[0][1] < default:
            out.append((i, partners[0][0], partners[0][1]))
    for j, partners in by_right.items():
        if partners[0][1] < default:
            out.append((partners[0][0], j, partners[0][1]))
    return out

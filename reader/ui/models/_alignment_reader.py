"""Read a core Alignment into the window's PairIndex (see _pair_index): its ``eligible``
pairs (linked at every threshold they clear, as ``Alignment.at_threshold`` cuts them), its
``candidates`` (each statement's best partners above the floor) and its related
``paragraphs``, oriented as the panes show the two documents."""

from __future__ import annotations

from typing import Any, Iterable

from reader.core.align import CANDIDATE_FLOOR, DEFAULT_THRESHOLD, MIN_THRESHOLD
from reader.ui.models._pair_index import Band, Pair, PairIndex, best_candidates, build_index


def candidate_floor() -> float:
    """Candidates scoring below this are not drawn."""
    return CANDIDATE_FLOOR


def default_threshold() -> float:
    """The core's own link threshold (the slider's "automatic" position)."""
    return DEFAULT_THRESHOLD


def lowest_threshold() -> float:
    """Below this threshold there is nothing more to link."""
    return MIN_THRESHOLD


def _oriented(i: int, j: int, flipped: bool) -> Pair:
    return (j, i) if flipped else (i, j)


def _sides(alignment: Any) -> tuple[int, int]:
    for found in (alignment.links, alignment.pairs, alignment.eligible, alignment.candidates):
        if found:
            return found[0].left, found[0].right
    docs = sorted({key[0] for key in alignment.related})
    return (docs[0], docs[1]) if len(docs) == 2 else (0, 1)


def _pairs(items: Iterable[Any], flipped: bool) -> list[tuple[int, int, float]]:
    return [(*_oriented(p.left_statement, p.right_statement, flipped), float(p.score))
            for p in items]


def related_of(alignment: Any, own_is_left: bool, statement: int) -> list[tuple[int, float]]:
    """(other statement, score) of the core's best candidates for one statement (filled
    when the alignment was asked for ``top_k``)."""
    left_doc, right_doc = _sides(alignment)
    own = left_doc if own_is_left else right_doc
    return [(c.statement, float(c.score)) for c in alignment.related.get((own, statement), ())]


def read_index(alignment: Any, flipped: bool, rejected: Iterable[Pair] = ()) -> PairIndex:
    """Everything the window draws for one document pair, at every threshold (``flipped``:
    the alignment's left document is in the right pane; ``rejected``: the reader's
    rejections, left out even if an older result still lists them)."""
    rejected = frozenset(rejected)
    manual = frozenset(_oriented(p.left_statement, p.right_statement, flipped)
                       for p in alignment.pairs if p.manual)
    linked = _pairs(alignment.eligible, flipped) + _pairs(alignment.pairs, flipped)
    eligible = [(i, j, s) for i, j, s in linked if (i, j) not in rejected or (i, j) in manual]
    # The core's candidates already hold every eligible pair worth drawing (not those of a
    # one- or two-word statement); links at the aligner's threshold are drawn in any case.
    candidates = best_candidates(_pairs(alignment.candidates, flipped)
                                 + _pairs(alignment.pairs, flipped), rejected, CANDIDATE_FLOOR)
    bands = [Band(*((tuple(p.right_span), tuple(p.left_span)) if flipped else
                    (tuple(p.left_span), tuple(p.right_span))), float(p.score))
             for p in alignment.paragraphs]
    return build_index(eligible, candidates, manual, bands)

"""Score one document pair: every candidate statement pair's calibrated confidence.

Steps: lexical candidates and scores (``_lexical``), split/merge containment and the support
of neighbouring pairs (``_linking``), the optional semantic blend (``_semantic``), then the
evidence of specific details, of the pair as a whole and of a versions backbone
(``_evidence``), and for independent reports what is said beyond names, the shared cast and
the openings (``_reports``). The result does not depend on the threshold, so one scoring
serves any cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Sequence

from reader.core.align._evidence import (
    along_backbone, find_backbone, lifted, pair_confidence, with_conflicts, with_specifics)
from reader.core.align._lexical import SharedFeatures, lexical_scores
from reader.core.align._linking import link_score, with_context
from reader.core.align._reports import (
    MIN_CONTENT, with_content, with_openings, with_same_opening, with_shared_cast)
from reader.core.align._similarity import PairScore, Vocabulary
from reader.core.align._specifics import ubiquitous, without
from reader.core.errors import CancelledError, ReaderError
from reader.core.text import Statement

#: Pairs below this lexical score (and not contained in each other) are forgotten at once.
KEEP_FLOOR = 0.05
VERSIONS, REPORTS = "versions", "reports"

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class PairScores:
    """Calibrated scores of one document pair's candidate statement pairs.

    ``mode`` is VERSIONS when an in-order backbone was found (``backbone`` holds it), else
    REPORTS; ``confidence`` is how sure the scorer is that both tell of the same events.
    """

    scores: dict[tuple[int, int], float]
    mode: str
    confidence: float
    backbone: tuple[tuple[int, int], ...] = ()
    #: With ``keep_weak``: pairs below KEEP_FLOOR (never linked), for ranking lists only.
    weak: dict[tuple[int, int], float] = field(default_factory=dict)


def score_documents(left: Sequence[Statement], right: Sequence[Statement], *,
                    method: str = "lexical", embedder=None, keep_weak: bool = False,
                    shared: tuple[SharedFeatures, int, int] | None = None,
                    progress: Progress | None = None, cancel: Cancel | None = None) -> PairScores:
    """Calibrated confidences of the candidate statement pairs of two documents.

    ``keep_weak`` also returns the pairs too weak to ever link (for a full ranking); they
    take no part in the calibration, so links never depend on it. ``shared`` (features of
    several documents read once, and this pair's two document indices) saves re-reading a
    large document for each of its pairs.
    """
    report = progress or (lambda fraction: None)
    keep = (lambda pair: pair.score > 0.0) if keep_weak else _worth_keeping
    if shared is not None and shared[0].is_large(shared[1], shared[2]):
        lexical = shared[0].scores(shared[1], shared[2], keep=keep, cancel=cancel)
    else:
        lexical = lexical_scores(Vocabulary(), [s.text for s in left], [s.text for s in right],
                                 keep=keep, progress=lambda f: report(0.8 * f), cancel=cancel)
    lw, rw = lexical.left_weights, lexical.right_weights
    common = ubiquitous(lexical.left_details) & ubiquitous(lexical.right_details)
    left_details = without(lexical.left_details, common)
    right_details = without(lexical.right_details, common)
    figures = lexical.figures
    all_details = (lexical.left_details, lexical.right_details)
    scores: dict[tuple[int, int], float] = {}
    weak: dict[tuple[int, int], float] = {}
    names_only: list[tuple[int, int]] = []
    for key, pair in lexical.pairs.items():
        if _worth_keeping(pair):
            scores[key] = link_score(pair, lw[key[0]], rw[key[1]])
            if pair.content < MIN_CONTENT:
                names_only.append(key)
        else:
            weak[key] = link_score(pair, lw[key[0]], rw[key[1]])
    del lexical
    if method == "semantic":
        from reader.core.align import _semantic as semantic

        if embedder is None and not semantic.available():
            raise ReaderError("semantic alignment needs the [semantic] extra "
                              "(pip install 'source-reader[semantic]')")
        scores = semantic.blend_semantic(left, right, scores, embedder=embedder, cancel=cancel,
                                         progress=lambda f: report(0.8 + 0.15 * f))
    _check(cancel)
    scores = with_context(scores)
    scores = with_conflicts(with_specifics(scores, left_details, right_details),
                            left_details, right_details, figures)
    confidence = pair_confidence(scores, left_details, right_details)
    scores = lifted(scores, confidence)
    backbone = find_backbone(scores, len(left), len(right))
    if backbone:
        return PairScores(along_backbone(scores, backbone), VERSIONS, confidence, backbone, weak)
    scores = with_shared_cast(scores, *all_details, figures)
    scores = with_openings(with_same_opening(scores, [s.text for s in left],
                                             [s.text for s in right]),
                           left_details, right_details)
    if method != "semantic":
        # sentence embeddings see paraphrase where no word is shared: no names-only cap then.
        # Two shared figures or days ("98-91" ... "Sunday") tell what happened, even in
        # other words; one (a year) may be chance.
        scores = with_content(scores, [(i, j) for i, j in names_only
                                       if len(left_details[i] & right_details[j] & figures) < 2])
    return PairScores(scores, REPORTS, confidence, (), weak)


def _worth_keeping(pair: PairScore) -> bool:
    """Whether a lexical pair may ever link: some overlap, or one contains the other."""
    return pair.score > KEEP_FLOOR or max(pair.left_in_right, pair.right_in_left) > 0.5


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError("alignment cancelled")

"""Link related statements and passages across documents: the public alignment API.

``align_pair`` aligns two statement lists; ``align_documents`` every pair of 2..N lists.
Scoring (lexical by default, optionally blended with sentence embeddings, then calibrated per
document pair) is in ``_scoring``; which pairs may link in ``_linking``; the result values and
the cheap re-cut at a new threshold in ``_result``. Nothing here builds an n x m matrix.
"""

from __future__ import annotations

import heapq
from typing import Callable, Sequence

from reader.core.align._lexical import EXHAUSTIVE_PAIRS, SharedFeatures
from reader.core.align._linking import (
    best_partner_links, restatement_links, with_pins)
from reader.core.align._paragraphs import paragraph_links
from reader.core.align._result import (
    Alignment, Candidate, StatementPair, document_order)
from reader.core.align._scoring import VERSIONS, score_documents
from reader.core.errors import CancelledError
from reader.core.text import SpanArray, Statement

#: Links below this calibrated score are not drawn (``--threshold`` overrides it).
DEFAULT_THRESHOLD = 0.5
#: Each statement's best partners from this score are candidates (faint ribbons); a threshold
#: below it shows nothing more.
CANDIDATE_FLOOR = 0.25
#: Fewer words than this and a statement is never drawn as a possible partner.
MIN_CANDIDATE_WORDS = 3
MIN_THRESHOLD = CANDIDATE_FLOOR
#: Candidates kept per statement and document pair.
CANDIDATES_PER_STATEMENT = 3
METHODS = ("auto", "lexical", "semantic")

Progress = Callable[[float], None]
Cancel = Callable[[], bool]
Scores = dict[tuple[int, int], float]


def resolve_method(method: str, statement_count: int = 0) -> str:
    """The method ``auto`` stands for here: semantic when installed and the texts are short."""
    if method not in METHODS:
        raise ValueError(f"unknown alignment method {method!r}; expected one of {METHODS}")
    if method != "auto":
        return method
    from reader.core.align import _semantic as semantic

    if statement_count <= semantic.AUTO_MAX_STATEMENTS and semantic.available():
        return "semantic"
    return "lexical"


def semantic_embedder(store):
    """An embedder that caches sentence embeddings in ``store``, or None without the
    ``[semantic]`` extra (imported here so the model loads only when asked for)."""
    from reader.core.align import _semantic as semantic

    return semantic.cached_embedder(store) if semantic.available() else None


def align_pair(left: Sequence[Statement], right: Sequence[Statement], *, left_index: int = 0,
               right_index: int = 1, method: str = "auto", threshold: float | None = None,
               top_k: int = 0, pins: Sequence[tuple[int, int]] = (),
               rejections: Sequence[tuple[int, int]] = (), progress: Progress | None = None,
               cancel: Cancel | None = None, embedder=None,
               shared: SharedFeatures | None = None, candidates: bool = True) -> Alignment:
    """Align two statement lists; ``pins``/``rejections`` are (left, right) statement pairs.

    ``progress`` is called with 0..1; when ``cancel()`` turns true, CancelledError is raised
    between steps. ``embedder`` (semantic only) overrides how statements are embedded.
    ``top_k`` only fills ``related``: it never changes links, pairs or candidates.
    ``shared``: features of all documents read once (``align_documents`` passes it; the
    document indices are ``left_index`` and ``right_index``). ``candidates=False`` skips
    the candidates and paragraphs (for callers that print only links and pairs).
    """
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    used = resolve_method(method, len(left) + len(right))
    report = progress or (lambda fraction: None)
    _check(cancel)
    report(0.0)
    scored = score_documents(
        left, right, method=used, embedder=embedder, keep_weak=top_k > 0,
        shared=None if shared is None else (shared, left_index, right_index),
        cancel=cancel, progress=lambda f: report(0.95 * f))
    _check(cancel)
    scores = scored.scores
    rejected = {(i, j) for i, j in rejections}
    rule = best_partner_links if scored.mode == VERSIONS else restatement_links
    links = rule(scores, CANDIDATE_FLOOR, rejections=rejected)
    valid_pins = [(i, j) for i, j in pins if 0 <= i < len(left) and 0 <= j < len(right)]
    links = with_pins(links, scores, valid_pins, rejected)
    eligible = tuple(document_order(
        StatementPair(left_index, link.left, right_index, link.right, round(link.score, 4),
                      link.manual) for link in links))
    too_short = ({i for i, s in enumerate(left) if _too_short(s.text)},
                 {j for j, s in enumerate(right) if _too_short(s.text)})
    found = (_candidates(scores, rejected, eligible, left_index, right_index, too_short)
             if candidates else ())
    spans = {left_index: SpanArray.of(left), right_index: SpanArray.of(right)}
    related = (_related({**scored.weak, **scores}, left_index, right_index, top_k)
               if top_k > 0 else {})
    paragraphs = tuple(paragraph_links(found, left, right)) if candidates else ()
    report(1.0)
    # cut through at_threshold, so the slider's first move finds its caches warm
    return Alignment((), related, (), used, found, paragraphs, threshold,
                     {(left_index, right_index): scored.mode}, eligible,
                     spans).at_threshold(threshold)


def _too_short(text: str) -> bool:
    """A signature, a dateline or an exclamation ("Elon Musk", "Like, hwat?"): too few words
    to restate another statement, though a shared name can score it as a candidate."""
    return len(text.split()) < MIN_CANDIDATE_WORDS


def _candidates(scores: Scores, rejected: set[tuple[int, int]],
                eligible: Sequence[StatementPair], left_index: int,
                right_index: int, too_short: tuple[set[int], set[int]] = (set(), set()),
                ) -> tuple[StatementPair, ...]:
    """Each statement's best partners from CANDIDATE_FLOOR, plus every eligible link;
    statements of fewer than MIN_CANDIDATE_WORDS words are nobody's candidate."""
    rows: dict[int, list[tuple[float, int]]] = {}
    cols: dict[int, list[tuple[float, int]]] = {}
    short_left, short_right = too_short
    for (i, j), value in scores.items():
        if (value >= CANDIDATE_FLOOR and (i, j) not in rejected and i not in short_left
                and j not in short_right):
            rows.setdefault(i, []).append((value, j))
            cols.setdefault(j, []).append((value, i))
    chosen = {(p.left_statement, p.right_statement) for p in eligible if not p.manual
              and p.left_statement not in short_left
              and p.right_statement not in short_right}
    top = CANDIDATES_PER_STATEMENT
    # most statements have only a few options: sorting short lists beats a heap
    for i, options in rows.items():
        chosen.update((i, j) for _, j in (sorted(options, reverse=True)[:top]
                                          if len(options) > top else options))
    for j, options in cols.items():
        chosen.update((i, j) for _, i in (sorted(options, reverse=True)[:top]
                                          if len(options) > top else options))
    return tuple(StatementPair(left_index, i, right_index, j, round(scores[(i, j)], 4))
                 for i, j in sorted(chosen))


def _related(scores: Scores, left_index: int, right_index: int,
             top_k: int) -> dict[tuple[int, int], tuple[Candidate, ...]]:
    by_left: dict[int, list[tuple[float, int]]] = {}
    by_right: dict[int, list[tuple[float, int]]] = {}
    for (i, j), value in scores.items():
        by_left.setdefault(i, []).append((value, j))
        by_right.setdefault(j, []).append((value, i))
    related: dict[tuple[int, int], tuple[Candidate, ...]] = {}
    for own, other, table in ((left_index, right_index, by_left),
                              (right_index, left_index, by_right)):
        for statement, options in table.items():
            best = heapq.nlargest(top_k, options, key=lambda item: (item[0], -item[1]))
            related[(own, statement)] = tuple(Candidate(other, s, round(v, 4)) for v, s in best)
    return related


def align_documents(statements: Sequence[Sequence[Statement]], *, method: str = "auto",
                    threshold: float | None = None, top_k: int = 0,
                    pins: Sequence[tuple[int, int, int, int]] = (),
                    rejections: Sequence[tuple[int, int, int, int]] = (),
                    progress: Progress | None = None, cancel: Cancel | None = None,
                    embedder=None, candidates: bool = True) -> Alignment:
    """Align every pair of 2..N documents.

    ``pins``/``rejections`` are (left doc, left statement, right doc, right statement).
    ``related`` then holds, for each statement, candidates from every other document.
    """
    count = len(statements)
    jobs = [(a, b) for a in range(count) for b in range(a + 1, count)]
    used = resolve_method(method, max((len(s) for s in statements), default=0) * 2)
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    shared = None
    if count > 2 and any(len(statements[a]) * len(statements[b]) > EXHAUSTIVE_PAIRS
                         for a, b in jobs):
        shared = SharedFeatures([[s.text for s in doc] for doc in statements])
    results: list[Alignment] = []
    for n, (a, b) in enumerate(jobs):
        def step(fraction: float, n: int = n) -> None:
            if progress is not None:
                progress((n + fraction) / len(jobs))

        results.append(align_pair(
            statements[a], statements[b], left_index=a, right_index=b, method=used,
            threshold=threshold, top_k=top_k,
            pins=_pair_items(pins, a, b), rejections=_pair_items(rejections, a, b),
            progress=step, cancel=cancel, embedder=embedder, shared=shared,
            candidates=candidates))
    if progress is not None:
        progress(1.0)
    return merge_alignments(results, used, threshold)


def merge_alignments(results: Sequence[Alignment], method: str,
                     threshold: float) -> Alignment:
    """One Alignment holding the document pairs of several (each from ``align_pair``)."""
    related: dict[tuple[int, int], list[Candidate]] = {}
    modes: dict[tuple[int, int], str] = {}
    spans: dict[int, Sequence[tuple[int, int]]] = {}
    for result in results:
        for key, found in result.related.items():
            related.setdefault(key, []).extend(found)
        modes.update(result.modes)
        spans.update(result.spans)
    return Alignment(
        tuple(link for r in results for link in r.links),
        {key: tuple(value) for key, value in related.items()},
        tuple(pair for r in results for pair in r.pairs), method,
        tuple(c for r in results for c in r.candidates),
        tuple(p for r in results for p in r.paragraphs), threshold, modes,
        tuple(document_order(p for r in results for p in r.eligible)), spans)


def _pair_items(items: Sequence[tuple[int, int, int, int]], a: int,
                b: int) -> list[tuple[int, int]]:
    out = []
    for left_doc, left_statement, right_doc, right_statement in items:
        if (left_doc, right_doc) == (a, b):
            out.append((left_statement, right_statement))
        elif (left_doc, right_doc) == (b, a):
            out.append((right_statement, left_statement))
    return out


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError("alignment cancelled")

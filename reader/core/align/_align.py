"""Link related statements and passages across documents: the public alignment API.

``align_pair`` aligns two statement lists; ``align_documents`` every pair of 2..N lists.
The lexical method (default, no heavy dependencies) lives in similarity/lexical; the optional
semantic one (sentence embeddings, extra ``[semantic]``) in semantic. Link selection, pins,
rejections and passage grouping are in linking. Nothing here builds an n x m matrix.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import Callable, Sequence

from reader.core.errors import CancelledError, ReaderError
from reader.core.align._lexical import lexical_scores
from reader.core.align._linking import group_passages, link_score, select_links, with_context
from reader.core.align._similarity import Vocabulary
from reader.core.text import Statement

#: Links below this score are not drawn (``--threshold`` overrides it).
DEFAULT_THRESHOLD = 0.45
METHODS = ("auto", "lexical", "semantic")
#: Pairs scoring below this share of the threshold are forgotten early (unless for --top).
KEEP_SHARE = 0.5

Progress = Callable[[float], None]
Cancel = Callable[[], bool]


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
    left_span: tuple[int, int]
    right_span: tuple[int, int]
    score: float
    manual: bool = False


@dataclass(frozen=True)
class StatementPair:
    """One linked pair of statements (finer than a passage; used by diffs and benchmarks)."""

    left: int
    left_statement: int
    right: int
    right_statement: int
    score: float
    manual: bool = False


@dataclass(frozen=True)
class Alignment:
    """The result of aligning documents.

    ``links`` are passage links; ``pairs`` the statement pairs inside them; ``related`` maps
    (doc, statement) to its best candidates in each other document, best first (only filled
    when ``top_k`` > 0); ``method`` is the method actually used.
    """

    links: tuple[PassageLink, ...]
    related: dict[tuple[int, int], tuple[Candidate, ...]] = field(default_factory=dict)
    pairs: tuple[StatementPair, ...] = ()
    method: str = "lexical"


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
               cancel: Cancel | None = None, embedder=None) -> Alignment:
    """Align two statement lists; ``pins``/``rejections`` are (left, right) statement pairs.

    ``progress`` is called with 0..1; when ``cancel()`` turns true, CancelledError is raised
    between steps. ``embedder`` (semantic only) overrides how statements are embedded.
    """
    threshold = DEFAULT_THRESHOLD if threshold is None else float(threshold)
    used = resolve_method(method, len(left) + len(right))
    report = progress or (lambda fraction: None)
    _check(cancel)
    report(0.0)
    floor = threshold * KEEP_SHARE if not top_k and used == "lexical" else 0.0
    lexical = lexical_scores(
        Vocabulary(), [s.text for s in left], [s.text for s in right],
        keep=lambda pair: pair.score > floor or max(pair.left_in_right, pair.right_in_left) > 0.5,
        progress=lambda f: report(0.8 * f), cancel=cancel)
    lw, rw = lexical.left_weights, lexical.right_weights
    scores = {key: link_score(pair, lw[key[0]], rw[key[1]])
              for key, pair in lexical.pairs.items()}
    del lexical
    if used == "semantic":
        from reader.core.align import _semantic as semantic

        if embedder is None and not semantic.available():
            raise ReaderError("semantic alignment needs the [semantic] extra "
                              "(pip install 'source-reader[semantic]')")
        scores = semantic.blend_semantic(left, right, scores, embedder=embedder, cancel=cancel,
                                progress=lambda f: report(0.8 + 0.15 * f))
    _check(cancel)
    scores = with_context(scores)
    valid_pins = [(i, j) for i, j in pins if 0 <= i < len(left) and 0 <= j < len(right)]
    links = select_links(scores, threshold, pins=valid_pins, rejections=rejections)
    pairs = tuple(StatementPair(left_index, link.left, right_index, link.right,
                                round(link.score, 4), link.manual) for link in links)
    passages = tuple(
        PassageLink(left_index, right_index, group.left_statements, group.right_statements,
                    (left[group.left_statements[0]].start, left[group.left_statements[-1]].end),
                    (right[group.right_statements[0]].start,
                     right[group.right_statements[-1]].end),
                    round(group.score, 4), group.manual)
        for group in group_passages(links)
    )
    related = _related(scores, left_index, right_index, top_k) if top_k > 0 else {}
    report(1.0)
    return Alignment(passages, related, pairs, used)


def _related(scores: dict[tuple[int, int], float], left_index: int, right_index: int,
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
                    embedder=None) -> Alignment:
    """Align every pair of 2..N documents.

    ``pins``/``rejections`` are (left doc, left statement, right doc, right statement).
    ``related`` then holds, for each statement, candidates from every other document.
    """
    count = len(statements)
    jobs = [(a, b) for a in range(count) for b in range(a + 1, count)]
    links: list[PassageLink] = []
    pairs: list[StatementPair] = []
    related: dict[tuple[int, int], list[Candidate]] = {}
    used = resolve_method(method, max((len(s) for s in statements), default=0) * 2)
    for n, (a, b) in enumerate(jobs):
        def step(fraction: float, n: int = n) -> None:
            if progress is not None:
                progress((n + fraction) / len(jobs))

        result = align_pair(
            statements[a], statements[b], left_index=a, right_index=b, method=used,
            threshold=threshold, top_k=top_k,
            pins=_pair_items(pins, a, b), rejections=_pair_items(rejections, a, b),
            progress=step, cancel=cancel, embedder=embedder)
        links.extend(result.links)
        pairs.extend(result.pairs)
        for key, candidates in result.related.items():
            related.setdefault(key, []).extend(candidates)
    if progress is not None:
        progress(1.0)
    return Alignment(tuple(links), {k: tuple(v) for k, v in related.items()}, tuple(pairs), used)


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

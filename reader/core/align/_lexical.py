"""Candidate pairs of statements and their lexical scores, without an n x m matrix.

Small document pairs are scored exhaustively. Large ones go through an inverted index of the
shorter document: each statement of the other looks up only its rarest keys (short posting
lists), adds up the shared weight per candidate, and fully scores its best few candidates.
Work and memory grow with the number of statements, not with their product.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain
from operator import itemgetter
from typing import Callable, Iterable, Iterator, Sequence

from reader.core.errors import CancelledError
from reader.core.align._specifics import figure_ids
from reader.core.align._similarity import Features, PairScore, Vocabulary, score_pair

#: Above this many statement pairs, candidates come from the inverted index.
EXHAUSTIVE_PAIRS = 250_000
#: Keys (per statement) looked up in the index, rarest first.
KEYS_PER_QUERY = 12
#: Candidates per statement that are fully scored.
CANDIDATES_PER_STATEMENT = 5
#: Keys present in more than this share of statements in both documents are discounted.
UBIQUITOUS_SHARE = 0.3
UBIQUITOUS_FLOOR = 0.3
#: Check for cancel / report progress every this many statements.
CHUNK = 256
#: Statements of the longer document read (and forgotten) at a time.
STREAM_CHUNK = 2048


@dataclass(frozen=True)
class LexicalScores:
    """Kept candidate pairs (left, right) -> PairScore, and every statement's weight."""

    pairs: dict[tuple[int, int], PairScore]
    left_weights: list[float]
    right_weights: list[float]
    #: Each statement's specific details (ids of the run's Vocabulary.detail_ids).
    left_details: list[frozenset[int]] = field(default_factory=list)
    right_details: list[frozenset[int]] = field(default_factory=list)
    #: Which detail ids are figures, days or months (the rest are names).
    figures: frozenset[int] = frozenset()


def lexical_scores(vocab: Vocabulary, left_texts: Sequence[str], right_texts: Sequence[str], *,
                   keep: Callable[[PairScore], bool],
                   progress: Callable[[float], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> LexicalScores:
    """Score the candidate pairs of two documents' statements, keeping those ``keep`` accepts.

    Small inputs: every pair, with ubiquitous keys discounted. Large inputs: the shorter
    document is indexed and the longer one streamed through in chunks, so only the index
    side's features are ever held in memory.
    """
    report = progress or (lambda fraction: None)
    if len(left_texts) * len(right_texts) <= EXHAUSTIVE_PAIRS:
        left = [vocab.features(text) for text in left_texts]
        _check(cancel)
        right = [vocab.features(text) for text in right_texts]
        discount_ubiquitous(vocab, left, right)
        left, right = vocab.finalize(left), vocab.finalize(right)
        report(0.25)
        pairs = _score_rows(vocab, left, right, _all_pairs(right), keep, False,
                            lambda f: report(0.25 + 0.75 * f), cancel)
        return LexicalScores(pairs, [f.weight for f in left], [f.weight for f in right],
                             [f.details for f in left], [f.details for f in right],
                             figure_ids(vocab.detail_ids))
    swap = len(left_texts) < len(right_texts)
    index_texts, query_texts = (left_texts, right_texts) if swap else (right_texts, left_texts)
    indexed = vocab.finalize([vocab.features(text) for text in index_texts])
    report(0.1)
    candidates = _index_candidates(vocab, indexed)
    vocab.frozen_pairs = True
    pairs: dict[tuple[int, int], PairScore] = {}
    query_weights: list[float] = []
    query_details: list[frozenset[int]] = []
    total = len(query_texts)
    for start in range(0, total, STREAM_CHUNK):
        _check(cancel)
        chunk = vocab.finalize([vocab.features(t) for t in query_texts[start:start + STREAM_CHUNK]])
        query_weights.extend(f.weight for f in chunk)
        query_details.extend(f.details for f in chunk)
        for (q, other), pair in _score_rows(vocab, chunk, indexed, candidates, keep, swap,
                                            None, cancel).items():
            pairs[(other, start + q) if swap else (start + q, other)] = pair
        report(0.1 + 0.9 * min(total, start + STREAM_CHUNK) / total)
    index_weights = [f.weight for f in indexed]
    index_details = [f.details for f in indexed]
    figures = figure_ids(vocab.detail_ids)
    if swap:
        return LexicalScores(pairs, index_weights, query_weights, index_details, query_details,
                             figures)
    return LexicalScores(pairs, query_weights, index_weights, query_details, index_details,
                         figures)


class SharedFeatures:
    """Several large documents read once with one Vocabulary, for aligning every pair.

    With N documents each one takes part in N - 1 pairs; reading and indexing it once
    instead of per pair saves most of the work. Unlike the two-document path nothing is
    streamed, so memory grows with all the documents together.
    """

    def __init__(self, texts_per_document: Sequence[Sequence[str]]) -> None:
        self.vocab = Vocabulary()
        raw = [[self.vocab.features(text) for text in texts] for texts in texts_per_document]
        # name flags settle only once every statement has been read: finalize after
        self.features = [self.vocab.finalize(features) for features in raw]
        self._indexes: dict[int, Callable[[Features], Iterable[int]]] = {}

    def is_large(self, a: int, b: int) -> bool:
        """Whether the pair (a, b) takes the indexed path (else score it on its own)."""
        return len(self.features[a]) * len(self.features[b]) > EXHAUSTIVE_PAIRS

    def scores(self, a: int, b: int, *, keep: Callable[[PairScore], bool],
               cancel: Callable[[], bool] | None = None) -> LexicalScores:
        """Candidate pair scores of documents ``a`` (left) and ``b`` (right)."""
        left, right = self.features[a], self.features[b]
        swap = len(left) < len(right)
        indexed, index_doc, queries = (left, a, right) if swap else (right, b, left)
        candidates = self._indexes.get(index_doc)
        if candidates is None:
            candidates = self._indexes[index_doc] = _index_candidates(self.vocab, indexed)
        found = _score_rows(self.vocab, queries, indexed, candidates, keep, swap, None, cancel)
        pairs = {((other, q) if swap else (q, other)): pair for (q, other), pair in found.items()}
        return LexicalScores(pairs, [f.weight for f in left], [f.weight for f in right],
                             [f.details for f in left], [f.details for f in right],
                             figure_ids(self.vocab.detail_ids))


def _check(cancel: Callable[[], bool] | None) -> None:
    if cancel is not None and cancel():
        raise CancelledError("alignment cancelled")


def discount_ubiquitous(vocab: Vocabulary, left: list[Features], right: list[Features]) -> None:
    """Lower the weight of keys found in most statements of both documents.

    In two articles about one dispute every sentence names the same two parties; those names
    are rare in English but say nothing about which sentences belong together here.
    """
    if len(left) < 4 or len(right) < 4:
        return
    counts_left = _key_counts(left)
    counts_right = _key_counts(right)
    for key, count in counts_left.items():
        share = min(count / len(left), counts_right.get(key, 0) / len(right))
        if share > UBIQUITOUS_SHARE:
            factor = max(UBIQUITOUS_FLOOR, 1.0 - (share - UBIQUITOUS_SHARE) / (1 - UBIQUITOUS_SHARE))
            vocab.key_weight[key] *= factor


def _key_counts(features: list[Features]) -> Counter[int]:
    return Counter(chain.from_iterable(feature.keys for feature in features))


def _score_rows(vocab: Vocabulary, queries: list[Features], indexed: list[Features],
                candidates: Callable[[Features], Iterable[int]], keep: Callable[[PairScore], bool],
                swap: bool, progress: Callable[[float], None] | None,
                cancel: Callable[[], bool] | None) -> dict[tuple[int, int], PairScore]:
    """Scores of (query, indexed) pairs worth keeping; ``swap`` scores them as (indexed, query)."""
    out: dict[tuple[int, int], PairScore] = {}
    total = len(queries)
    for start in range(0, total, CHUNK):
        _check(cancel)
        for q in range(start, min(total, start + CHUNK)):
            query = queries[q]
            for other in candidates(query):
                pair = (score_pair(vocab, indexed[other], query) if swap
                        else score_pair(vocab, query, indexed[other]))
                if keep(pair):
                    out[(q, other)] = pair
        if progress is not None:
            progress(min(total, start + CHUNK) / total)
    return out


def _all_pairs(indexed: list[Features]) -> Callable[[Features], Sequence[int]]:
    every = [i for i, f in enumerate(indexed) if f.keys]
    return lambda query: every if query.keys else ()


def _index_candidates(vocab: Vocabulary,
                      indexed: list[Features]) -> Callable[[Features], Iterator[int]]:
    postings: defaultdict[int, list[int]] = defaultdict(list)
    for position, feature in enumerate(indexed):
        for key in feature.keys:
            postings[key].append(position)
    # A key in more than ~1% of statements is too common to find candidates with.
    cap = max(20, len(indexed) // 100)
    weights = vocab.key_weight
    short = {key: (weights[key], posting) for key, posting in postings.items()
             if len(posting) <= cap}
    del postings
    lookup = short.get
    by_weight = itemgetter(0)
    posting_of = by_count = itemgetter(1)

    def candidates(query: Features) -> Iterator[int]:
        usable = list(filter(None, map(lookup, query.keys)))  # (weight, posting) or None
        if len(usable) > KEYS_PER_QUERY:
            usable.sort(key=by_weight, reverse=True)
            del usable[KEYS_PER_QUERY:]
        # Count shared rare keys per candidate (C speed); full scores re-rank them after.
        acc: Counter[int] = Counter(chain.from_iterable(map(posting_of, usable)))
        if len(acc) <= 1:
            return iter(acc)
        # the most shared first, ties in the order met (as Counter.most_common); a C sort
        # of the whole short table beats a Python-level heap over it
        best = sorted(acc.items(), key=by_count, reverse=True)[:CANDIDATES_PER_STATEMENT]
        # a candidate sharing under a third of the best one's rare keys is not worth scoring
        floor = best[0][1] / 3
        return (position for position, count in best if count >= floor)

    return candidates

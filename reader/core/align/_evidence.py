"""From link scores to calibrated confidences for one document pair.

Three kinds of evidence beyond word overlap, each a pure function over a score table:

- **Specific details** (``with_specifics``): a pair sharing a number, a day or a rare name
  gains, one sharing none loses a little, so "who, when, how many" outweighs topic words.
- **The pair as a whole** (``pair_confidence``): when the documents' best pair that shares
  specific details is strong, the two documents report the same event, and every score of
  the pair is raised a little; two reports of similar but different events stay where they are.
- **Versions** (``find_backbone``, ``along_backbone``): two versions of one text show a long
  in-order chain of confident, mutually best pairs. Then each statement's best partner between
  the chain's neighbouring links needs only part of the usual score.

Two more apply to independent reports only (never to two versions of one text):

- **What happened, not only who** (``with_content``): a pair whose shared words are only names
  and figures ("...co-founded by Sam Altman" / "He demanded Sam Altman give back...") names the
  same people but says nothing alike about them; it stays a candidate, below a link.
- **The same opening words** (``with_same_opening``): a statement that begins with the same
  words as another ("In response to Musk's ...") tells the same step of the story, or copies it.
- **The same cast** (``with_shared_cast``): two reports of one event name the same people and
  places; two reports of two similar events (two quakes, two players hurt) mostly do not.
  When a tenth of the names in either document are in both, every pair gains a little.
- **Openings** (``with_openings``): a news report states its main event in its first few
  statements (headline and lede), so a pair of two openings gains a little.

Scores stay in [0, 1]; one threshold means the same for every pair afterwards.
"""

from __future__ import annotations

import bisect
import re
from typing import Collection, Mapping, Sequence

from reader.core.align._specifics import Details
from reader.core.align._wordweights import WordWeights

Scores = dict[tuple[int, int], float]

_WORD = re.compile(r"\w+(?:['’]\w+)*")

#: Gain (towards 1) of a pair sharing specific details; loss (towards 0) of one sharing none.
SPECIFIC_GAIN = 0.2
SPECIFIC_LOSS = 0.1
#: Loss of a pair whose figures or days disagree (see with_conflicts).
CONFLICT_LOSS = 0.3
#: A pair's best specific-sharing score between these bounds raises its scores by up to PAIR_LIFT.
PAIR_EVIDENCE_LOW, PAIR_EVIDENCE_HIGH = 0.5, 0.75
PAIR_LIFT = 0.1
#: A pair sharing less than this weight of words other than names and figures (about one
#: ordinary word: "said" weighs 0.16, "response" 0.5) shares only who, not what...
MIN_CONTENT = 0.25
#: ... and scores at most this: a candidate (a faint ribbon), never a link at the default.
NAMES_ONLY_CAP = 0.45
#: Documents whose shared names make this share of all their names tell of one event...
CAST_SHARE = 0.1
#: ... and all their pairs gain this much.
CAST_LIFT = 0.07
#: The first this many statements of a report (headline and lede) are its opening...
OPENING = 4
#: ... and a pair of two openings gains this much.
OPENING_LIFT = 0.1
#: Two statements whose first this many words are the same (case aside) open alike...
SAME_OPENING_WORDS = 4
#: ... and gain this share of the way to 1, when one of those words weighs this much
#: ("response" 0.5; "first" 0.15).
SAME_OPENING_GAIN = 0.25
SAME_OPENING_MIN_WEIGHT = 0.4
#: Backbone: mutually best pairs from this score, forming an in-order chain at least this long
#: and covering at least this share of the shorter document.
ANCHOR_SCORE = 0.35
BACKBONE_MIN_LINKS = 8
BACKBONE_MIN_SHARE = 0.3
#: Along the backbone, a statement's best partner needs only this share of the threshold...
BACKBONE_RELAX = 0.5
#: ... unless one of the two has a partner elsewhere this much better (1 / share).
BAND_NEAR_BEST = 0.75


def with_specifics(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                   right: Sequence[Details]) -> Scores:
    """Scores moved up for pairs that share specific details and down for those that share none."""
    out: Scores = {}
    for (i, j), value in scores.items():
        if left[i] & right[j]:
            out[(i, j)] = value + SPECIFIC_GAIN * (1.0 - value)
        else:
            # the loss fades towards 1: identical statements stay identical
            out[(i, j)] = value - 2.0 * SPECIFIC_LOSS * value * (1.0 - value)
    return out


def with_conflicts(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                   right: Sequence[Details], figures: frozenset[int]) -> Scores:
    """Scores lowered where the two statements give different figures or days.

    Both name figures (numbers, days, months: ids in ``figures``), share none, and each has
    one the other document never mentions: "on Tuesday ... 27" against "on Friday ... 31"
    reads as another event with the same cast, not a restatement.
    """
    left_all = frozenset().union(*left) if left else frozenset()
    right_all = frozenset().union(*right) if right else frozenset()
    out = dict(scores)
    for (i, j), value in scores.items():
        mine, theirs = left[i] & figures, right[j] & figures
        if (mine and theirs and not mine & theirs and mine - right_all
                and theirs - left_all):
            out[(i, j)] = value * (1.0 - CONFLICT_LOSS)
    return out


def pair_confidence(scores: Mapping[tuple[int, int], float], left: Sequence[Details],
                    right: Sequence[Details]) -> float:
    """How sure we are (0..1) that the two documents tell of the same events.

    Read from the strongest pair that shares specific details: a name or figure repeated in a
    near-identical sentence is rare between reports of two different events.
    """
    best = max((value for (i, j), value in scores.items()
                if value > PAIR_EVIDENCE_LOW and left[i] & right[j]), default=0.0)
    share = (best - PAIR_EVIDENCE_LOW) / (PAIR_EVIDENCE_HIGH - PAIR_EVIDENCE_LOW)
    return min(1.0, max(0.0, share))


def lifted(scores: Mapping[tuple[int, int], float], confidence: float) -> Scores:
    """Every score raised by ``confidence`` x PAIR_LIFT (capped at 1)."""
    lift = PAIR_LIFT * confidence
    if not lift:
        return dict(scores)
    return {key: min(1.0, value + lift) for key, value in scores.items()}


def with_content(scores: Scores, names_only: Collection[tuple[int, int]]) -> Scores:
    """Scores of the pairs in ``names_only`` (they share names or figures but hardly a word
    of what is said about them) capped at NAMES_ONLY_CAP: related, not a restatement.

    Returns ``scores`` itself when nothing changes (large documents: no copy).
    """
    updates = {key: NAMES_ONLY_CAP for key in names_only
               if scores.get(key, 0.0) > NAMES_ONLY_CAP}
    return {**scores, **updates} if updates else scores


def with_openings(scores: Scores, left: Sequence[Details], right: Sequence[Details],
                  count: int = OPENING) -> Scores:
    """Pairs of two statements among the first ``count`` of their documents raised by
    OPENING_LIFT (capped at 1): both openings tell the main event.

    Not when the two share no specific detail and each names one the other document never
    mentions: two openings on the same topic about different people or days.
    """
    updates: Scores = {}
    left_all: frozenset[int] | None = None
    right_all: frozenset[int] = frozenset()
    for i in range(min(count, len(left))):
        for j in range(min(count, len(right))):
            value = scores.get((i, j))
            if value is None:
                continue
            if left_all is None:
                left_all, right_all = frozenset().union(*left), frozenset().union(*right)
            if left[i] & right[j] or not (left[i] - right_all and right[j] - left_all):
                updates[(i, j)] = min(1.0, value + OPENING_LIFT)
    return {**scores, **updates} if updates else scores


def shared_cast(left: Sequence[Details], right: Sequence[Details],
                figures: frozenset[int]) -> float:
    """Share (Jaccard) of the two documents' names (details that are not figures or days)
    found in both."""
    left_names = frozenset().union(*left) - figures if left else frozenset()
    right_names = frozenset().union(*right) - figures if right else frozenset()
    both = left_names | right_names
    return len(left_names & right_names) / len(both) if both else 0.0


def with_shared_cast(scores: Scores, left: Sequence[Details], right: Sequence[Details],
                     figures: frozenset[int]) -> Scores:
    """Every score raised by CAST_LIFT (capped at 1) when the documents share CAST_SHARE of
    their names; ``left``/``right`` are every statement's details, topic names included."""
    if shared_cast(left, right, figures) < CAST_SHARE:
        return scores
    return {key: min(1.0, value + CAST_LIFT) for key, value in scores.items()}


def opening_words(text: str, weights: WordWeights | None = None,
                  count: int = SAME_OPENING_WORDS) -> tuple[str, ...] | None:
    """The first ``count`` words of a statement in lower case, or None if it is shorter or
    they are all common words ("For the first time" opens many unrelated statements)."""
    words = [word.lower() for word in _WORD.findall(text, 0, 40 * count)[:count]]
    if len(words) < count:
        return None
    weights = weights or WordWeights()
    if max(map(weights.weight, words)) < SAME_OPENING_MIN_WEIGHT:
        return None
    return tuple(words)


def with_same_opening(scores: Scores, left: Sequence[str], right: Sequence[str]) -> Scores:
    """Pairs of statements that begin with the same SAME_OPENING_WORDS words raised by
    SAME_OPENING_GAIN of their distance to 1.

    The shorter document's openings are read whole; the longer one's only for statements
    in a pair, and kept only when they match one (a 20 MB text has 200,000 statements).
    """
    weights = WordWeights()
    swap = len(left) > len(right)
    small, large = (right, left) if swap else (left, right)
    small_heads = [opening_words(text, weights) for text in small]
    known = set(small_heads)
    known.discard(None)
    if not known:
        return scores
    state = bytearray(len(large))          # 0 not read yet, 1 no match, 2 a match
    large_heads: dict[int, tuple[str, ...]] = {}
    updates: Scores = {}
    for (i, j), value in scores.items():
        s, n = (j, i) if swap else (i, j)
        head = small_heads[s]
        if head is None:
            continue
        if not state[n]:
            found = opening_words(large[n], weights)
            state[n] = 2 if found in known else 1
            if state[n] == 2:
                large_heads[n] = found
        if state[n] == 2 and large_heads[n] == head:
            updates[(i, j)] = value + SAME_OPENING_GAIN * (1.0 - value)
    return {**scores, **updates} if updates else scores


def mutual_best(scores: Mapping[tuple[int, int], float], minimum: float) -> list[tuple[int, int]]:
    """Pairs that are each other's best partner and score at least ``minimum``, by left index."""
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for (i, j), value in scores.items():
        if value > best_row.get(i, (0.0, -1))[0]:
            best_row[i] = (value, j)
        if value > best_col.get(j, (0.0, -1))[0]:
            best_col[j] = (value, i)
    return sorted((i, j) for i, (value, j) in best_row.items()
                  if value >= minimum and best_col[j][1] == i)


def longest_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest sub-sequence increasing on both sides (``pairs`` sorted by left index)."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_at.append(n)
        else:
            tails[position] = j
            tail_at[position] = n
        previous[n] = tail_at[position - 1] if position else -1
    chain: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        chain.append(pairs[n])
        n = previous[n]
    return chain[::-1]


def find_backbone(scores: Mapping[tuple[int, int], float], left_count: int,
                  right_count: int) -> tuple[tuple[int, int], ...]:
    """The in-order chain of confident links that marks two versions of one text, or ()."""
    chain = longest_chain(mutual_best(scores, ANCHOR_SCORE))
    shorter = min(left_count, right_count)
    if len(chain) >= BACKBONE_MIN_LINKS and len(chain) >= BACKBONE_MIN_SHARE * shorter:
        return tuple(chain)
    return ()


def along_backbone(scores: Mapping[tuple[int, int], float],
                   backbone: Sequence[tuple[int, int]]) -> Scores:
    """Scores with each statement's best partner inside the backbone's band raised.

    The band of a statement runs from the partner of the backbone link before it to that of
    the link after it; its best pair in the band (for either side) scores ``value / RELAX``,
    unless either statement has a clearly better partner outside the band (moved text).
    """
    lefts = [i for i, _ in backbone]
    inside: Scores = {}
    for (i, j), value in scores.items():
        k = bisect.bisect_right(lefts, i)
        if k and lefts[k - 1] == i:
            low = high = backbone[k - 1][1]
        else:
            low = backbone[k - 1][1] if k else 0
            high = backbone[k][1] if k < len(backbone) else j
        if low <= j <= high:
            inside[(i, j)] = value
    best_row: dict[int, tuple[float, int]] = {}
    best_col: dict[int, tuple[float, int]] = {}
    for (i, j), value in inside.items():
        if value > best_row.get(i, (-1.0, -1))[0]:
            best_row[i] = (value, j)
        if value > best_col.get(j, (-1.0, -1))[0]:
            best_col[j] = (value, i)
    overall_row: dict[int, float] = {}
    overall_col: dict[int, float] = {}
    for (i, j), value in scores.items():
        if value > overall_row.get(i, 0.0):
            overall_row[i] = value
        if value > overall_col.get(j, 0.0):
            overall_col[j] = value
    out = dict(scores)
    for (i, j), value in inside.items():
        # a moved sentence keeps its strong partner outside the band: no weak stand-in
        if ((best_row[i][1] == j or best_col[j][1] == i)
                and value >= BAND_NEAR_BEST * max(overall_row[i], overall_col[j])):
            out[(i, j)] = min(1.0, value / BACKBONE_RELAX)
    return out

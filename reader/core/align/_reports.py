"""Evidence for independent reports of one event (never applied to two versions of one text).

Each a pure function over a score table, like those in ``_evidence``:

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

Functions return the table itself when nothing changes: a large document's table is not
copied for a rule that touches a handful of pairs.
"""

from __future__ import annotations

import re
from typing import Collection, Sequence

from reader.core.align._specifics import Details
from reader.core.align._wordweights import WordWeights

Scores = dict[tuple[int, int], float]

_WORD = re.compile(r"\w+(?:['’]\w+)*")

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

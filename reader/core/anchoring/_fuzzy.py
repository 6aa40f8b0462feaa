"""Scoring a place in a text against a quote selector, and the fuzzy quote search.

Used by ``reader.core.anchoring._selectors``: the context of a candidate is compared with the old
prefix and suffix, and a quote that is no longer in the text verbatim is looked for where
many of its words appear in order, then aligned and checked against its surroundings.
"""

from __future__ import annotations

import re
from difflib import Match, SequenceMatcher

# Weights of the combined score (Hypothesis' match-quote uses the same proportions).
_QUOTE, _PREFIX, _SUFFIX, _POSITION = 50.0, 20.0, 20.0, 2.0
_TOTAL = _QUOTE + _PREFIX + _SUFFIX + _POSITION
_MIN_FUZZY_QUOTE = 0.75  # "lightly reworded": at least this similar to the old quote
_MIN_FUZZY_CONTEXT = 0.5  # ... and the text around it still looks like before
_MIN_FUZZY_LENGTH = 20
_CLOSE_QUOTE = 0.9  # a quote this close may have changed surroundings on one side
_NEIGHBOUR = 0.8  # a candidate this much like the old context IS the old neighbour
_COMMON_WORD = 400  # words seen more often than this do not vote for fuzzy candidates
_WORD = re.compile(r"\w+")
_CLOSING = ".!?\"')]\u201d\u2019"


def similarity(a: str, b: str) -> float:
    """0..1 likeness of two short strings (1.0 when both are empty).

    Like ``SequenceMatcher.ratio`` but counting only runs of 3+ equal characters, so two
    unrelated English snippets score near 0 instead of ~0.35 (shared letters and spaces).
    """
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return 2 * sum(block.size for block in blocks if block.size >= 3) / (len(a) + len(b))


class QuoteScorer:
    """A text to re-find quotes in, with context scoring and the fuzzy search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._words: dict[str, list[int]] | None = None

    def _sides(self, start: int, length: int, prefix: str, suffix: str) -> tuple[float, float]:
        """Likeness of the text before and after ``[start, start+length)`` to the old context.

        A side shorter than the other was cut by the start or end of the old text, so it is
        compared with as much new text as the longer side: an empty prefix only matches at
        the very start.
        """
        width = max(len(prefix), len(suffix))
        before = self.text[max(0, start - width):start] if len(prefix) < width else \
            self.text[max(0, start - len(prefix)):start]
        after = self.text[start + length:start + length + width]
        return similarity(prefix, before), similarity(suffix, after)

    def _context(self, start: int, length: int, prefix: str, suffix: str) -> float:
        """Mean likeness of both sides to the old context."""
        return sum(self._sides(start, length, prefix, suffix)) / 2

    def _score(self, quote: float, start: int, length: int, prefix: str, suffix: str,
               old_start: int) -> float:
        before, after = self._sides(start, length, prefix, suffix)
        distance = abs(start - old_start) / max(len(self.text), 1)
        return (_QUOTE * quote + _PREFIX * before + _SUFFIX * after
                + _POSITION * (1 - min(distance, 1))) / _TOTAL

    # -- fuzzy ---------------------------------------------------------------------------

    def _word_index(self) -> dict[str, list[int]]:
        if self._words is None:
            index: dict[str, list[int]] = {}
            for match in _WORD.finditer(self.text):
                index.setdefault(match.group().lower(), []).append(match.start())
            self._words = index
        return self._words

    def _candidates(self, exact: str) -> list[tuple[int, int]]:
        """Regions ``[lo, hi)`` where many words of the quote appear in about the same order."""
        words = [(m.group().lower(), m.start()) for m in _WORD.finditer(exact)]
        useful = [(w, k) for w, k in words if len(w) >= 3] or words
        index = self._word_index()
        votes: list[tuple[int, int]] = []  # (diagonal = where the quote would start, word id)
        for word_id, (word, offset) in enumerate(useful):
            places = index.get(word, ())
            if len(places) > _COMMON_WORD:
                continue
            votes.extend((place - offset, word_id) for place in places)
        if not votes:
            return []
        votes.sort()
        width = max(16, len(exact) // 3)
        need = max(2, int(0.3 * len({w for w, _ in useful})))
        regions: list[tuple[int, int, int]] = []  # (distinct words, lo, hi)
        in_window: dict[int, int] = {}  # word id -> votes inside the sliding window
        left = 0
        for diagonal, word_id in votes:
            in_window[word_id] = in_window.get(word_id, 0) + 1
            while diagonal - votes[left][0] > width:
                gone = votes[left][1]
                in_window[gone] -= 1
                if not in_window[gone]:
                    del in_window[gone]
                left += 1
            if len(in_window) >= need:
                regions.append((len(in_window), votes[left][0], diagonal))
        regions.sort(key=lambda r: -r[0])
        chosen: list[tuple[int, int]] = []
        for _, lo, hi in regions:
            if all(hi < c_lo - width or lo > c_hi + width for c_lo, c_hi in chosen):
                chosen.append((lo, hi))
            if len(chosen) >= 4:
                break
        return chosen

    def _by_fuzzy(self, exact: str, prefix: str, suffix: str,
                  old_start: int) -> tuple[float, int, int] | None:
        """(score, start, end) of the one confident approximate match, or None."""
        if len(exact) < _MIN_FUZZY_LENGTH:
            return None  # a reworded short phrase could be anything
        text = self.text
        slack = len(exact) // 4 + 8
        found: list[tuple[float, int, int]] = []
        for lo, hi in self._candidates(exact):
            w_start = max(0, lo - slack)
            window = text[w_start:min(len(text), hi + len(exact) + slack)]
            aligned = self._align(exact, w_start, window)
            if aligned is None:
                continue
            start, end, matched = aligned
            if text[start:end] == exact:
                continue  # the exact quote, already judged (and refused) by its context
            quote = 2 * matched / (len(exact) + (end - start))
            if quote < _MIN_FUZZY_QUOTE:
                continue
            if not self._fits_context(exact, quote, start, end, prefix, suffix):
                continue
            found.append((self._score(quote, start, end - start, prefix, suffix, old_start),
                          start, end))
        if not found:
            return None
        found.sort(reverse=True)
        if len(found) > 1 and found[0][0] - found[1][0] < 0.02:
            return None  # two places fit equally well: refuse to guess
        return found[0]

    def _align(self, exact: str, w_start: int, window: str) -> tuple[int, int, int] | None:
        """(start, end, matched characters) of the quote's best alignment in the window."""
        blocks = [b for b in SequenceMatcher(None, exact, window, autojunk=False)
                  .get_matching_blocks() if b.size >= 3]
        # Drop stray blocks at either end: a few letters matched far from the rest.
        while len(blocks) > 1 and _stray(blocks[0], blocks[1]):
            blocks.pop(0)
        while len(blocks) > 1 and _stray(blocks[-1], blocks[-2]):
            blocks.pop()
        if not blocks:
            return None
        first, last = blocks[0], blocks[-1]
        # Cover the quote's unmatched head and tail (a reworded first or last word).
        start = w_start + max(0, first.b - first.a)
        end = w_start + min(len(window), last.b + last.size + len(exact) - last.a - last.size)
        line_start = self.text.rfind("\n", 0, w_start + first.b) + 1
        line_end = self.text.find("\n", w_start + last.b + last.size)
        start = _word_start(self.text, max(start, line_start))
        end = _word_end(self.text, min(end, line_end if line_end >= 0 else len(self.text)))
        if exact[-1] in _CLOSING and self.text[end:end + 1] == exact[-1]:
            end += 1
        return start, end, sum(b.size for b in blocks)

    def _fits_context(self, exact: str, quote: float, start: int, end: int, prefix: str,
                      suffix: str) -> bool:
        """Whether a fuzzy candidate is the tagged text reworded, judged by its surroundings.

        Both sides must still look like before; one side is enough only for a close quote
        that does not resemble the old neighbour (when a tagged sentence is deleted, the next
        one moves into its place with the same prefix: if it starts like the tag, only the
        other side tells them apart).
        """
        before, after = self._sides(start, end - start, prefix, suffix)
        if max(before, after) < _MIN_FUZZY_CONTEXT:
            return False  # a similar sentence elsewhere, not the tagged one reworded
        candidate = self.text[start:end]
        head, tail = suffix.lstrip(), prefix.rstrip()
        near_neighbour = False
        for old, seen, own in ((head, candidate[:len(head)], exact[:len(head)]),
                               (tail, candidate[-len(tail):], exact[-len(tail):])):
            if len(old) < 8:
                continue
            likeness = similarity(old, seen)
            if likeness >= _NEIGHBOUR and likeness > similarity(own, seen):
                return False  # reads like the text that used to be next to the tag
            near_neighbour = near_neighbour or likeness >= _NEIGHBOUR
        if min(before, after) >= _MIN_FUZZY_CONTEXT:
            return True
        return quote >= _CLOSE_QUOTE and not near_neighbour


def _stray(block: Match, neighbour: Match) -> bool:
    """True when ``block`` lies much farther from its neighbour in the text than in the quote."""
    gap_quote = abs(neighbour.a - block.a)
    gap_text = abs(neighbour.b - block.b)
    return gap_text - gap_quote > block.size + 8


def _word_start(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1].isalnum():
        pos -= 1
    return pos


def _word_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isalnum():
        pos += 1
    return pos

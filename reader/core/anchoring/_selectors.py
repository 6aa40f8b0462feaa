"""Quote selectors for tags, and re-finding a tagged span in a changed text.

A tag keeps its offsets and a quote selector: the exact text plus ~32 characters of context
on each side (as Hypothesis stores web annotations). When the text changes, ``reanchor``
tries, in order: the old position (the same text is still there), the exact quote (the
occurrence whose context and position fit best), and a fuzzy match scored on quote
similarity, context and distance from the old position. A fuzzy match must also agree with
the context: a similar sentence elsewhere is never taken for the tagged one, so a tag whose
text is gone becomes an orphan instead of moving onto the wrong text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from reader.core.anchoring._fuzzy import QuoteScorer, similarity
from reader.core.text import Statement, statement_starts

__all__ = ["Anchor", "TextAnchorer", "best_statement", "make_selector", "reanchor",
           "similarity", "snap_to_statements"]

_SHORT_QUOTE = 12  # shorter quotes need their context to agree before they are trusted
_MAX_OCCURRENCES = 2000


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found: ``[start, end)``, how sure (0..1), and by which method."""

    start: int
    end: int
    confidence: float
    method: str  # 'position' | 'quote' | 'fuzzy'


def make_selector(text: str, start: int, end: int, context: int = 32) -> tuple[str, str, str]:
    """(exact, prefix, suffix) of ``text[start:end]`` with ``context`` characters each side."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    return text[start:end], text[max(0, start - context):start], text[end:end + context]


def reanchor(text: str, exact: str, prefix: str, suffix: str, start: int,
             end: int) -> Anchor | None:
    """Re-find a quote in ``text`` (see the module doc); None when not confident."""
    return TextAnchorer(text).find(exact, prefix, suffix, start, end)


class TextAnchorer(QuoteScorer):
    """Re-finds many quotes in one text; the word index for fuzzy search is built once."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._shift = 0  # how far the last quote found in unchanged context had moved

    def find(self, exact: str, prefix: str, suffix: str, start: int, end: int) -> Anchor | None:
        """The best confident place for the quote, or None (the tag is an orphan)."""
        if not exact:
            return None
        text = self.text
        if (0 <= start and start + len(exact) <= len(text)
                and text[start:start + len(exact)] == exact
                and (len(exact) >= _SHORT_QUOTE or self._context(start, len(exact), prefix,
                                                                  suffix) >= 0.5)):
            return Anchor(start, start + len(exact), 1.0, "position")
        # Fast path for a text edited in few places: tags after an edit moved by the same
        # amount as the previous tag; there, the quote with its whole context unchanged.
        shifted = start + self._shift
        if self._shift and self._same_place(shifted, exact, prefix, suffix):
            return Anchor(shifted, shifted + len(exact), 1.0, "quote")
        found = self._by_quote(exact, prefix, suffix, start)
        if found is not None and self._same_place(found.start, exact, prefix, suffix):
            self._shift = found.start - start
        if found is not None and self._context(found.start, len(exact), prefix, suffix) >= 0.5:
            return found
        # The quote is missing, or only found out of context (a copy elsewhere while the
        # tagged one was reworded): a reworded match in context may fit better.
        best = self._by_fuzzy(exact, prefix, suffix, start)
        fuzzy = Anchor(best[1], best[2], round(best[0], 4), "fuzzy") if best else None
        if found is None or (fuzzy is not None and fuzzy.confidence > found.confidence):
            return fuzzy
        return found

    def _same_place(self, start: int, exact: str, prefix: str, suffix: str) -> bool:
        """The exact quote at ``start`` with exactly its old context on both sides."""
        text = self.text
        if start < 0 or text[start:start + len(exact)] != exact:
            return False
        return self._sides(start, len(exact), prefix, suffix) == (1.0, 1.0)

    # -- exact quote ---------------------------------------------------------------------

    def _by_quote(self, exact: str, prefix: str, suffix: str, old_start: int) -> Anchor | None:
        occurrences: list[int] = []
        pos = self.text.find(exact)
        while pos >= 0 and len(occurrences) < _MAX_OCCURRENCES:
            occurrences.append(pos)
            pos = self.text.find(exact, pos + 1)
        if not occurrences:
            return None
        scored = sorted(((self._score(1.0, p, len(exact), prefix, suffix, old_start), p)
                         for p in occurrences), reverse=True)
        score, best = scored[0]
        if len(exact) < _SHORT_QUOTE or len(scored) > 1:
            # A short phrase, or one of several copies, is trusted only in its old context
            # and when that context tells it clearly from the other copies.
            before, after = self._sides(best, len(exact), prefix, suffix)
            if before + after < 1.0 or min(before, after) < 0.3:
                return None
            if len(scored) > 1 and score - scored[1][0] < 0.02:
                return None
        return Anchor(best, best + len(exact), round(score, 4), "quote")


def best_statement(statements: Sequence[Statement], starts: Sequence[int], start: int,
                   end: int) -> int | None:
    """Position in ``statements`` of the one overlapping ``[start, end)`` most.

    When none overlaps (a span in the gap between statements), the next statement, or the
    last one. Statements are in text order and ``statements[i].index == i``.

    ``starts`` is ``[s.start for s in statements]`` (passed in so callers build it once).
    """
    if not statements:
        return None
    i = max(0, bisect_right(starts, start) - 1)
    best, best_overlap = None, 0
    j = i
    while j < len(statements) and statements[j].start < max(end, start + 1):
        overlap = min(end, statements[j].end) - max(start, statements[j].start)
        if overlap > best_overlap:
            best, best_overlap = j, overlap
        j += 1
    if best is not None:
        return best
    if start >= statements[i].end and i + 1 < len(statements):
        i += 1  # in the gap after statement i: the next one is where the span begins
    return i


def snap_to_statements(anchor: Anchor, statements: Sequence[Statement]) -> tuple[int, int]:
    """The span of the statement the anchor overlaps most (the anchor's own span if none)."""
    index = best_statement(statements, statement_starts(statements), anchor.start, anchor.end)
    if index is None:
        return anchor.start, anchor.end
    return statements[index].start, statements[index].end

"""Finding every match in one (possibly very long) text a window at a time.

A TextScan does a bounded amount of work per ``step()`` so a caller on a GUI thread can
interleave it with painting: first it folds the text (once per text, kept in a
FoldedText), then it finds the first match at or after an origin (the reader's place),
then it collects every match from the top. Matches are kept as two arrays of offsets.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from typing import Iterator

from reader.core.find._folded import WINDOW, FoldedText
from reader.core.find._query import Matcher

#: Matches collected per step at most (a common word has ~20,000 per MB).
MAX_HITS_PER_STEP = 2048
#: Regular expressions are slower: smaller windows, ended at a line break.
REGEX_WINDOW = 1 << 17


class HitList:
    """Matches of one text, in order: ``starts[i]``, ``ends[i]`` (code points)."""

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> tuple[int, int]:
        """The ``index``-th match."""
        return self.starts[index], self.ends[index]

    def index_of(self, start: int) -> int:
        """Index of the first match starting at or after ``start`` (``len`` if none)."""
        return bisect_left(self.starts, start)

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the matches that overlap ``[start, end)``."""
        return range(bisect_right(self.ends, start), bisect_left(self.starts, end))


class TextScan:
    """Every match of ``matcher`` in ``text``, found a step at a time; see module doc.

    ``first`` is the first match at or after ``origin`` (wrapping to the top), known as
    soon as ``first_known``; ``hits`` fills up until ``done``.
    """

    def __init__(self, matcher: Matcher, text: str, folded: FoldedText | None = None,
                 origin: int = 0) -> None:
        self.matcher = matcher
        self.text = text
        self.folded = folded if folded is not None else FoldedText(text)
        self.origin = max(0, min(origin, len(text)))
        self.hits = HitList()
        self.first: tuple[int, int] | None = None
        self.first_known = False
        self.done = False
        self._steps = self._run()

    def step(self) -> bool:
        """Do one window of work; True once every match is found."""
        if not self.done:
            try:
                next(self._steps)
            except StopIteration:
                self.done = True
        return self.done

    def run(self) -> "TextScan":
        """Finish the scan now (tests, the command line)."""
        while not self.step():
            pass
        return self

    def _windows(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        text = self.text
        regex = self.matcher.pattern is not None
        size = REGEX_WINDOW if regex else WINDOW
        position = start
        while position < end:
            stop = min(end, position + size)
            if regex and stop < len(text):
                newline = text.find("\n", stop)
                stop = len(text) if newline < 0 else newline + 1
            yield position, stop
            position = stop

    def _run(self) -> Iterator[None]:
        if self.matcher.needs_folded:
            while not self.folded.ready:
                self.folded.step()
                yield
        folded = self.folded if self.matcher.needs_folded else None
        text, find = self.text, self.matcher.find
        for start, end in (*self._windows(self.origin, len(text)), *self._windows(0, self.origin)):
            found = find(text, folded, start, end, limit=1)
            if found:
                self.first = found[0]
                break
            yield
        self.first_known = True
        yield
        starts, ends = self.hits.starts, self.hits.ends
        for start, end in self._windows(0, len(text)):
            while start < end:
                added = self.matcher.find_into(text, folded, start, end, starts, ends,
                                               limit=MAX_HITS_PER_STEP)
                yield
                if added < MAX_HITS_PER_STEP:
                    break
                start = ends[-1]

"""What to find and how to match it: plain text, whole words, case, regular expressions.

A FindQuery is compiled once into a Matcher, which finds matches inside a bounded window
of a text. Plain text that ignores case is matched on a case-folded copy of the text
(``FoldedText``), as long as the text, so offsets agree and ``str.find`` runs at C speed
(a case-insensitive regular expression is ~15 times slower); regular expressions run on
the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import MutableSequence

from reader.core.errors import ReaderError
from reader.core.find._folded import FoldedText, fold_text



class FindError(ReaderError):
    """A query that cannot be searched for (an empty query, a bad regular expression)."""


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


@dataclass(frozen=True)
class FindQuery:
    """A search as the user typed it: the text and the three options."""

    text: str
    regex: bool = False
    case: bool = False
    whole_word: bool = False

    def compile(self) -> "Matcher":
        """The matcher for this query. Raises FindError for an empty query or a bad
        regular expression (one line, fit for a status bar or stderr)."""
        return Matcher(self)

    def describe(self) -> str:
        """The query with its options, for labels ("'council' (whole word, case)")."""
        options = [name for name, on in (("regex", self.regex), ("whole word", self.whole_word),
                                         ("match case", self.case)) if on]
        return repr(self.text) + (f" ({', '.join(options)})" if options else "")


class Matcher:
    """A compiled FindQuery. ``needs_folded`` says whether ``find`` wants the folded text."""

    def __init__(self, query: FindQuery) -> None:
        if not query.text:
            raise FindError("nothing to find: the query is empty")
        self.query = query
        self.pattern: re.Pattern[str] | None = None
        self.needle = ""
        if query.regex:
            flags = re.MULTILINE | (0 if query.case else re.IGNORECASE)
            source = query.text
            if query.whole_word:
                source = rf"(?<!\w)(?:{source})(?!\w)"
            try:
                self.pattern = re.compile(source, flags)
            except (re.error, OverflowError, RecursionError) as exc:
                raise FindError(f"bad regular expression {query.text!r}: {exc}") from None
        else:
            self.needle = query.text if query.case else fold_text(query.text)

    @property
    def needs_folded(self) -> bool:
        """True when matching runs on the case-folded text."""
        return self.pattern is None and not self.query.case

    @property
    def overlap(self) -> int:
        """How far past a window's end a match that starts inside it may reach (plain)."""
        return max(0, len(self.needle) - 1)

    def find(self, text: str, folded: FoldedText | None, start: int, end: int,
             limit: int = 0) -> list[tuple[int, int]]:
        """Matches that start in ``[start, end)``, in order (at most ``limit`` if > 0).

        ``folded`` is the text's FoldedText when ``needs_folded``, else ignored. A regular
        expression sees the text up to ``end`` only, so callers end windows at a line
        break; an empty match is skipped.
        """
        starts: list[int] = []
        ends: list[int] = []
        self.find_into(text, folded, start, end, starts, ends, limit)
        return list(zip(starts, ends))

    def find_into(self, text: str, folded: FoldedText | None, start: int, end: int,
                  starts: MutableSequence[int], ends: MutableSequence[int],
                  limit: int = 0) -> int:
        """As ``find``, appending to ``starts`` and ``ends`` (arrays for long scans: ints
        are not tracked by the garbage collector, tuples are, and 400,000 of them set off
        full collections); returns how many were added."""
        if self.pattern is not None:
            count = 0
            for match in self.pattern.finditer(text, start, end):
                if match.end() > match.start():
                    starts.append(match.start())
                    ends.append(match.end())
                    count += 1
                    if limit and count >= limit:
                        break
            return count
        if self.query.case:
            return self._find_plain(text, 0, start, end, limit, starts, ends)
        assert folded is not None, "plain search ignoring case needs the folded text"
        # one character of context either side for the whole-word test
        haystack, base = folded.piece(start - 1, end + len(self.needle))
        return self._find_plain(haystack, base, start, end, limit, starts, ends)

    def _find_plain(self, haystack: str, base: int, start: int, end: int, limit: int,
                    starts: MutableSequence[int], ends: MutableSequence[int]) -> int:
        """Plain matches starting in ``[start, end)`` of a haystack whose first character
        is at offset ``base``, appended to ``starts`` and ``ends``."""
        count = 0
        needle, size, whole = self.needle, len(self.needle), self.query.whole_word
        length = len(haystack)
        stop = min(length, end - base + size - 1)
        position = haystack.find(needle, start - base, stop)
        while position >= 0:
            after = position + size
            if not whole or ((position + base == 0 or not _is_word(haystack[position - 1]))
                             and (after >= length or not _is_word(haystack[after]))):
                starts.append(position + base)
                ends.append(after + base)
                count += 1
                if limit and count >= limit:
                    break
                position = haystack.find(needle, after, stop)  # matches never overlap
            else:
                position = haystack.find(needle, position + 1, stop)
        return count

    def find_all(self, text: str) -> list[tuple[int, int]]:
        """Every match in a short text (a statement)."""
        if self.pattern is not None or self.query.case:
            return self.find(text, None, 0, len(text))
        starts: list[int] = []
        ends: list[int] = []
        self._find_plain(fold_text(text), 0, 0, len(text), 0, starts, ends)
        return list(zip(starts, ends))

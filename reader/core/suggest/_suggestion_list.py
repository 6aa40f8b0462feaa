"""Suggestions of a whole document held compactly: a kind code, a confidence and an index
into a table of distinct reason tuples per statement.

A million ``Suggestion`` objects with their own reason strings take about 230 bytes each;
most statements share their reasons with many others, so ``SuggestionList`` keeps 17 bytes
per statement and makes a ``Suggestion`` only when one is read. It reads like a list
(``len``, indexing, slicing, iteration, ``==``) and pickles as arrays.
"""

from __future__ import annotations

from array import array
from typing import Any, Iterable, Iterator, Sequence, overload

from reader.core.suggest._types import KINDS, Suggestion

_NO_KIND = -1


class SuggestionList(Sequence[Suggestion]):
    """Suggestions by statement; ``self[i]`` is the i-th ``Suggestion``."""

    __slots__ = ("_kinds", "_confidences", "_reasons", "_table", "_where")

    def __init__(self, suggestions: Iterable[Suggestion] = ()) -> None:
        self._kinds = array("b")
        self._confidences = array("d")
        self._reasons = array("l")
        self._table: list[tuple[str, ...]] = []
        self._where: dict[tuple[str, ...], int] = {}
        for suggestion in suggestions:
            self.append(suggestion)

    def append(self, suggestion: Suggestion) -> None:
        """Add the next statement's suggestion."""
        self._kinds.append(_NO_KIND if suggestion.kind is None
                           else KINDS.index(suggestion.kind))
        self._confidences.append(suggestion.confidence)
        reasons = tuple(suggestion.reasons)
        slot = self._where.get(reasons)
        if slot is None:
            slot = self._where[reasons] = len(self._table)
            self._table.append(reasons)
        self._reasons.append(slot)

    def __len__(self) -> int:
        return len(self._kinds)

    @overload
    def __getitem__(self, index: int) -> Suggestion: ...

    @overload
    def __getitem__(self, index: slice) -> list[Suggestion]: ...

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self._make(i) for i in range(*index.indices(len(self._kinds)))]
        if index < 0:
            index += len(self._kinds)
        if not 0 <= index < len(self._kinds):
            raise IndexError("suggestion index out of range")
        return self._make(index)

    def _make(self, i: int) -> Suggestion:
        code = self._kinds[i]
        return Suggestion(None if code == _NO_KIND else KINDS[code], self._confidences[i],
                          self._table[self._reasons[i]])

    def __iter__(self) -> Iterator[Suggestion]:
        for i in range(len(self._kinds)):
            yield self._make(i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (SuggestionList, list, tuple)):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"SuggestionList({len(self)} suggestions, {len(self._table)} reason sets)"

    def __reduce__(self) -> tuple:
        return (_rebuild, (self._kinds, self._confidences, self._reasons, self._table))


def _rebuild(kinds: array, confidences: array, reasons: array,
             table: Sequence[tuple[str, ...]]) -> SuggestionList:
    """A SuggestionList from its pickled parts."""
    out = SuggestionList()
    out._kinds, out._confidences, out._reasons = kinds, confidences, reasons
    out._table = list(table)
    out._where = {r: i for i, r in enumerate(out._table)}
    return out

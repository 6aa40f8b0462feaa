"""Who, when and how many: the specific details of a statement that tie it to one event.

Two reports of one event share more than topic words: the same figures ("36-year-old",
"$5.4 billion", "sixth round"), the same days and the same rare names. Two reports of two
similar events (the same company's two patches) share the topic words and little of this.
On the development pairs, a linked pair sharing a number or a rare name was about the same
event six to ten times as often as not. The details are read token by token while the
vocabulary reads a statement (``token_detail``); ``_evidence`` turns them into scores.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Mapping, Sequence

#: A word rarer than this in general English (Zipf) is a specific detail (mostly names).
RARE_NAME_ZIPF = 3.0
#: A detail found in more than this share of a document's statements (on both sides) is a topic.
UBIQUITOUS_SHARE = 0.3

_LEADING_DIGITS = re.compile(r"\d+")
_NUMBER_WORDS = {
    word: str(value)
    for value, words in enumerate((
        (), ("one", "first"), ("two", "second"), ("three", "third"), ("four", "fourth"),
        ("five", "fifth"), ("six", "sixth"), ("seven", "seventh"), ("eight", "eighth"),
        ("nine", "ninth"), ("ten", "tenth"), ("eleven", "eleventh"), ("twelve", "twelfth"),
    ))
    for word in words
}
_CALENDAR = {
    word: word[:3]
    for word in ("monday tuesday wednesday thursday friday saturday sunday january february "
                 "march april june july august september october november december").split()
}

Details = frozenset[int]


def token_detail(token: str, zipf: float) -> str | None:
    """The specific detail a word token stands for, or None.

    Figures by their leading digits ("6th" and "sixth" are both "6"), days and months by their
    first three letters, rare words (``zipf`` below RARE_NAME_ZIPF) by their lower case.
    """
    lower = token.lower()
    if lower in _NUMBER_WORDS:
        return _NUMBER_WORDS[lower]
    if lower in _CALENDAR:
        return _CALENDAR[lower] if token[:1].isupper() else None
    if token[:1].isdigit():
        digits = _LEADING_DIGITS.match(token)
        return digits.group() if digits else None
    if token.isalpha() and zipf < RARE_NAME_ZIPF:
        return lower
    return None


def figure_ids(detail_ids: Mapping[str, int]) -> frozenset[int]:
    """Ids of the details that are figures, days or months (not names)."""
    calendar = set(_CALENDAR.values())
    return frozenset(n for detail, n in detail_ids.items()
                     if detail.isdigit() or detail in calendar)


def ubiquitous(found: Sequence[Details], count: int | None = None) -> frozenset[int]:
    """Details in more than UBIQUITOUS_SHARE of a document's statements.

    In two articles on one dispute every sentence names both parties: such a name is rare in
    English but says nothing about which sentences belong together.
    """
    tally: Counter[int] = Counter()
    for details in found:
        tally.update(details)
    limit = UBIQUITOUS_SHARE * max(len(found) if count is None else count, 1)
    return frozenset(detail for detail, n in tally.items() if n > limit and n > 1)


def without(found: Sequence[Details], common: frozenset[int]) -> list[Details]:
    """Each statement's details less the ``common`` ones."""
    if not common:
        return list(found)
    return [details - common if details & common else details for details in found]

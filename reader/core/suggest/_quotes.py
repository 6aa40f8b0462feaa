"""Quote marks inside one statement: the quoted spans, and whether a quote runs on.

``find_quote_spans`` finds text inside straight, curly, doubled (``…'') or angle (« »)
quote marks, including a quote that runs on from, or into, a neighbouring sentence. Reported
speech without quote marks is ``_reported``'s part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTE_CHARS = "\"“”‘’„«»`"  # with ` for ``…''; a statement with '' is checked apart
_CURLY_DOUBLE = re.compile(r"[“„«]([^“”„«»]*)(?:[”»]|$)")
_CURLY_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘([^‘’]+?)’(?!\w)")
_STRAIGHT_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))'([^\W\d_][^'\n]*?)'(?!\w)")
_WORD = re.compile(r"\w+")

_TITLE_SMALL_WORDS = frozenset("of the a an and in on for to".split())


@dataclass(frozen=True)
class QuoteSpan:
    """Text inside quote marks: ``[start, end)`` of the whole span including its marks."""

    start: int
    end: int
    words: int
    style: str  # 'curly' or 'straight'
    shape: str  # 'closed', 'open' (runs into the next sentence), 'close' (runs in from before)
    content: str


def _span(text: str, start: int, end: int, style: str, shape: str) -> QuoteSpan:
    content = text[start:end].strip(QUOTE_CHARS + " ")
    return QuoteSpan(start, end, len(_WORD.findall(content)), style, shape, content)


def _straight_double(text: str, running_on: bool) -> list[QuoteSpan]:
    marks = [m.start() for m in re.finditer('"', text)]
    spans: list[QuoteSpan] = []
    if len(marks) % 2:
        first = marks[0]
        before = text[first - 1] if first else " "
        # A quote still open from an earlier sentence closes at the first mark, even one
        # set off by a space ('… not be tolerated, "the evangelist said.').
        if running_on or (not before.isspace() and before not in "([—–-"):
            spans.append(_span(text, 0, first + 1, "straight", "close"))
            marks = marks[1:]
        else:
            spans.append(_span(text, marks[-1], len(text), "straight", "open"))
            marks = marks[:-1]
    spans.extend(_span(text, a, b + 1, "straight", "closed")
                 for a, b in zip(marks[::2], marks[1::2]))
    return spans


def normalize_quote_marks(text: str) -> str:
    """``text`` with doubled marks (``…'' and ''…'') as straight double quotes, same length.

    Text copied from a CSV cell doubles its straight double quotes (``"He called it ""fair""."``)
    and wraps the whole in one more pair: the doubled ones are the quote marks, the wrapping
    ones are not (they become spaces)."""
    if '""' in text:
        text = _unescape_csv(text)
    if "``" in text or "''" in text:
        return text.replace("``", ' "').replace("''", '" ')
    return text


def _unescape_csv(text: str) -> str:
    # An odd run of marks at either end holds the cell's wrapping mark; each doubled mark
    # stands for one ('"""Hello,"" she said."' is '"Hello," she said.').
    lead = len(text) - len(text.lstrip('"'))
    trail = len(text) - len(text.rstrip('"'))
    if lead % 2:
        text = " " + text[1:]
    if trail % 2 and len(text) - lead > 0:
        text = text[:-1] + " "
    return text.replace('""', '" ')


def find_quote_spans(text: str, running_on: bool = False) -> list[QuoteSpan]:
    """Quoted spans of ``text`` in order (empty when it has no quote marks); doubled marks
    (``…'', ''…'') count as double quotes. ``running_on``: a quote opened in an earlier
    sentence is still open at the start of this one."""
    text = normalize_quote_marks(text)
    spans: list[QuoteSpan] = []
    if "“" in text or "”" in text or "„" in text or "«" in text:
        opens = [i for i in (text.find("“"), text.find("„"), text.find("«")) if i >= 0]
        first_open = min(opens, default=len(text))
        first_close = text.find("”")
        if 0 <= first_close < first_open:  # the end of a quote that began earlier
            spans.append(_span(text, 0, first_close + 1, "curly", "close"))
        for m in _CURLY_DOUBLE.finditer(text):
            shape = "open" if m.end() == len(text) and text[-1] not in "”»" else "closed"
            spans.append(_span(text, m.start(), m.end(), "curly", shape))
    if '"' in text:
        spans.extend(_straight_double(text, running_on))
    if "‘" in text:
        spans.extend(_span(text, m.start(), m.end(), "curly", "closed")
                     for m in _CURLY_SINGLE.finditer(text))
    if "'" in text and not spans:
        spans.extend(_span(text, m.start(), m.end(), "straight", "closed")
                     for m in _STRAIGHT_SINGLE.finditer(text))
    spans.sort(key=lambda s: s.start)
    return _drop_nested(spans)


def _drop_nested(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    kept: list[QuoteSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def quote_open_after(open_before: bool, text: str) -> bool:
    """Whether a double quote is still open after ``text``, given the state before it."""
    text = normalize_quote_marks(text)
    if not ('"' in text or "“" in text or "”" in text or "„" in text or "«" in text
            or "»" in text):
        return open_before
    state = open_before
    for ch in text:
        if ch in "“„«":
            state = True
        elif ch in "”»":
            state = False
        elif ch == '"':
            state = not state
    return state


def is_title(content: str) -> bool:
    """A quoted title or nickname ('Harbor Lights', 'Howard Hughes of Gen X'), not speech."""
    words = content.rstrip(".,!?").split()
    if not words or len(words) > 6:
        return False
    small = _TITLE_SMALL_WORDS
    return words[0][:1].isupper() and all(w[:1].isupper() or w in small for w in words) and \
        sum(w[:1].isupper() for w in words) >= 2

"""Sentence boundaries inside one block of running text (a paragraph or list item).

One compiled regex finds every candidate: terminal punctuation, optional closing quotes or
brackets, then whitespace. Only at those few places does Python look closer, at the word before
the punctuation and the word after the whitespace, so a megabyte of prose costs a few tens of
thousands of cheap checks instead of a loop over every character.
"""

from __future__ import annotations

import re
import unicodedata

from reader.core.text._abbreviations import (
    AMBIGUOUS_ABBREVIATIONS,
    NEVER_FINAL,
    NUMBER_ABBREVIATIONS,
    PREFIX_TITLES,
    SENTENCE_STARTERS,
    TIME_ABBREVIATIONS,
)

# Terminal punctuation (runs like "?!" or "...." and spaced ellipses ". . ."), closers, space.
# Matches start only at the beginning of a punctuation run and runs are taken possessively,
# so a long run of "!!!!" costs linear time, not quadratic.
_CANDIDATE = re.compile(
    r"(?<![.!?\u203d\u2026])(?P<punct>[.!?\u203d\u2026]++(?:[ \u00a0][.\u2026]++)*)"
    r"(?P<close>[\"'\u201d\u2019\u00bb\u203a)\]}]*)\s+"
)
_OPENERS = "\"'\u201c\u2018\u00ab\u2039([{\u00bf\u00a1"
_WORD = re.compile(r"[^\W\d_]+")
# A sentence that is only a list marker so far: "1", "a", "iv", "• 9" (as in "1. The first item").
_MARKER = re.compile(r"[^\w\s]*\s*(?:\d{1,3}|[A-Za-z]|[ivxlc]{1,5}|[IVXLC]{1,5})")
# "U.S", "a.m", "e.g", "Ph.D": letters joined by single periods.
_DOTTED = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_SYMBOL_STARTS = frozenset("#@")
_SYMBOL_CATEGORIES = frozenset(("Sc", "So"))  # currency signs and emoji can open a sentence
_LOOKBACK = 40
_LOOKAHEAD = 40

# Kinds of word that can stand before a period.
_REGULAR, _PREFIX, _NEVER, _TIME, _AMBIGUOUS = range(5)


def sentence_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets inside ``text[start:end]`` where one sentence ends and the next may begin.

    Each cut is a position just after a sentence's final punctuation (and closing quotes);
    whitespace after a cut belongs to neither sentence. ``start`` and ``end`` bound one block.
    """
    cuts: list[int] = []
    sentence_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        cut = _boundary(text, match, sentence_start)
        if cut is not None:
            cuts.append(cut)
            sentence_start = match.end() if cut == match.end("close") else cut
    return cuts


def _boundary(text: str, match: re.Match[str], sentence_start: int) -> int | None:
    """Where the sentence ends at this candidate, or None if the text runs on."""
    following = text[match.end() : match.end() + _LOOKAHEAD].lstrip(_OPENERS)
    if not following:
        return None
    first = following[0]
    if first.islower():
        return None  # "Yahoo! in", '"This is great." she said', "co. at the party"
    punct = match["punct"]
    p_start = match.start()
    attached = p_start > sentence_start and not text[p_start - 1].isspace()
    if " " in punct or "\u00a0" in punct:
        return _spaced_ellipsis(punct, p_start, match, attached, first.isupper())
    if "!" in punct or "?" in punct or "\u203d" in punct:
        return match.end("close") if first.isalnum() or _symbol_start(first) else None
    if len(punct) > 1 or punct == "\u2026":
        return _ellipsis(text, punct, p_start, match, attached, first)
    return _period(text, match, sentence_start, attached, first, following)


def _spaced_ellipsis(
    punct: str, p_start: int, match: re.Match[str], attached: bool, upper: bool
) -> int | None:
    """". . ." mid-sentence; "word. . . . Next" and "word . . . . Next" end a sentence."""
    if not upper:
        return None
    if attached:
        return p_start + 1  # the word's own period ends it; the ellipsis opens the next one
    dots = punct.count(".") + 3 * punct.count("\u2026")
    return match.end("close") if dots >= 4 else None


def _ellipsis(
    text: str, punct: str, p_start: int, match: re.Match[str], attached: bool, first: str
) -> int | None:
    """"that.... She" ends a sentence; "[...]" and a free-standing "..." do not."""
    if not first.isupper() or not attached or text[p_start - 1] in "[(":
        return None
    return match.end("close")


def _period(
    text: str, match: re.Match[str], sentence_start: int, attached: bool, first: str,
    following: str,
) -> int | None:
    """Decide a single period from the word before it and the word after it."""
    p_start = match.start()
    cut = match.end("close")
    if not attached:
        return cut if first.isupper() or first.isdigit() else None
    if p_start - sentence_start <= 6 and _MARKER.fullmatch(text, sentence_start, p_start):
        return None  # "1. The first item", "a. The first item"
    window = text[max(sentence_start, p_start - _LOOKBACK) : p_start]
    token = window.rsplit(None, 1)[-1].lstrip(_OPENERS)
    if first.isdigit():
        return None if _kind(token) != _REGULAR or token.lower() in NUMBER_ABBREVIATIONS else cut
    if not first.isalpha():
        return cut if _symbol_start(first) else None
    kind = _kind(token)
    if kind == _REGULAR:
        return cut
    if kind in (_PREFIX, _NEVER):
        return None
    word_match = _WORD.match(following)
    word = word_match.group() if word_match else ""
    if kind == _TIME:
        # "at 6 P.M. Mr. Smith then..." ends; "At 5 a.m. Mr. Smith went" is only an opening.
        starts_new = word in SENTENCE_STARTERS or (word.lower() in PREFIX_TITLES)
        return cut if starts_new and len(text[sentence_start:p_start].split()) > 3 else None
    return cut if word in SENTENCE_STARTERS else None


def _symbol_start(char: str) -> bool:
    """True for a symbol that can open a sentence: "$5 was paid", an emoji, "#1", "@name"."""
    return char in _SYMBOL_STARTS or unicodedata.category(char) in _SYMBOL_CATEGORIES


def _kind(token: str) -> int:
    """Classify the word that stands right before a period."""
    if not token or "@" in token or "/" in token:
        return _REGULAR
    lower = token.lower()
    if token[0].isupper() and lower in PREFIX_TITLES:
        return _PREFIX
    if lower in NEVER_FINAL:
        return _NEVER
    if lower in TIME_ABBREVIATIONS:
        return _TIME
    if len(token) == 1 and token.isalpha():
        return _AMBIGUOUS  # an initial ("Jonas E. Smith") or a one-letter word ("you and I.")
    if lower in AMBIGUOUS_ABBREVIATIONS or _DOTTED.fullmatch(token):
        return _AMBIGUOUS
    return _REGULAR

"""Quotes whose speaker is named in the sentence before or after.

News often gives a speaker once and then quotes on: “We will fight this,” she said. “It is
unjust.” The second sentence has no reporting verb of its own; its neighbour has one, with
quote marks too. Speech verbs are matched as words (cheap: this runs over every statement).
"""

from __future__ import annotations

import re
from typing import Sequence

from reader.core.suggest._lexicon import NEEDS_THAT, REPORTING
from reader.core.suggest._quotes import QUOTE_CHARS, find_quote_spans, normalize_quote_marks

_WORD = re.compile(r"[a-z]+")
_SPEECH_FORMS = frozenset(form for form, lemma in REPORTING.items() if lemma not in NEEDS_THAT)
_MOSTLY = 0.5  # share of a sentence inside quote marks to count as a quote
_MARKS = re.compile("[" + re.escape(QUOTE_CHARS) + "]|''")


def speakers_nearby(texts: Sequence[str]) -> set[int]:
    """Positions of statements that are mostly a quote with no speech verb of their own, next
    to a statement that quotes with a speech verb (the speaker's sentence)."""
    marked = [_has_marks(t) for t in texts]
    quoted = [m and _mostly_quoted(t) for t, m in zip(texts, marked)]
    speech = [m and _has_speech_verb(t) for t, m in zip(texts, marked)]
    found: set[int] = set()
    for pos, text in enumerate(texts):
        if not quoted[pos] or speech[pos]:
            continue
        for other in (pos - 1, pos + 1):
            if 0 <= other < len(texts) and speech[other]:
                found.add(pos)
                break
    return found


def _has_marks(text: str) -> bool:
    return _MARKS.search(text) is not None


def _mostly_quoted(text: str) -> bool:
    text = normalize_quote_marks(text.strip())
    spans = find_quote_spans(text)
    return bool(text) and sum(s.end - s.start for s in spans) / len(text) >= _MOSTLY


def _has_speech_verb(text: str) -> bool:
    return not _SPEECH_FORMS.isdisjoint(_WORD.findall(text.lower()))

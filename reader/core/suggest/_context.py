"""What neighbouring lines say about each statement: transcript turns, block quotes with an
attribution line, quotes that run across sentences, the title line."""

from __future__ import annotations

import re
from typing import Sequence

from reader.core.text import Statement
from reader.core.suggest._cues import speaker_label
from reader.core.suggest._lexicon import NOT_NAMES, REPORTING
from reader.core.suggest._nearby import speakers_nearby
from reader.core.suggest._quotes import QUOTE_CHARS, quote_open_after
from reader.core.suggest._types import SuggestContext

_BLANK_LINE = re.compile(r"\n[ \t\f\v]*\n")
_DASHES = "—–―-~"
_TERMINAL = ".!?…\"”’'"
_NAME_PARTICLES = frozenset("de da van von der al bin la le del di du".split())
_INTRO_WORDS = frozenset(("statement", "reads", "read", "following", "wrote", "said", "says",
                          "writes", "tweeted", "posted", "added", "words", "message", "post",
                          "tweet", "letter", "email", "quote"))


def contexts_for(statements: Sequence[Statement], text: str | None = None) -> list[SuggestContext]:
    """One SuggestContext per statement, in order.

    With ``text`` (the document the statements come from) a blank line between two statements
    starts a new paragraph and any line break a new line (an attribution line stands alone on
    its line); without it, a change of ``Statement.paragraph`` does both.
    """
    if not statements:
        return []
    paragraphs = _blocks(statements, text, by_line=False)
    lines = _blocks(statements, text, by_line=True)
    labels = [speaker_label(statements[block[0]].text) for block in paragraphs]
    transcript = sum(1 for label in labels if label) >= 2
    quoted_by: dict[int, str] = {}  # statement position -> attribution
    attributions: set[int] = set()
    for b in range(1, len(lines)):
        previous = statements[lines[b - 1][-1]].text.rstrip()
        name = _attribution(statements[lines[b][0]].text) if len(lines[b]) == 1 else None
        if name is not None and previous[-1:] in _TERMINAL and \
                _set_off_as_quote(statements, lines, b):
            attributions.add(lines[b][0])
            quoted_by.update((pos, name) for pos in lines[b - 1])
        elif previous.endswith(":") and _introduces_quote(previous):
            for pos in lines[b]:
                quoted_by.setdefault(pos, "")
    nearby = speakers_nearby([s.text for s in statements])
    contexts: list[SuggestContext] = []
    open_quote = False
    for b, block in enumerate(paragraphs):
        label = labels[b] if transcript else None
        open_quote = open_quote and _closes_open_quote([statements[p].text for p in block])
        for pos in block:
            contexts.append(SuggestContext(
                first_in_document=pos == 0, inside_quote=open_quote,
                block_quote_by=quoted_by.get(pos), attribution_line=pos in attributions,
                speaker_label=label, speaker_nearby=pos in nearby))
            open_quote = quote_open_after(open_quote, statements[pos].text)
    return contexts


def _closes_open_quote(texts: Sequence[str]) -> bool:
    """Whether a paragraph ends a quote left open by the paragraph before: it does not open
    with a quote mark and has an odd number of straight double marks (text with a sentence
    per line breaks a quote over lines: '…not be tolerated, "the evangelist said.')."""
    first = texts[0].lstrip() if texts else ""
    return not first.startswith(('"', "“", "'")) and sum(t.count('"') for t in texts) % 2 == 1


def _blocks(statements: Sequence[Statement], text: str | None, by_line: bool) -> list[list[int]]:
    """Runs of statement positions split at blank lines (or at any line break if ``by_line``)."""
    blocks: list[list[int]] = [[0]]
    for pos in range(1, len(statements)):
        prev, cur = statements[pos - 1], statements[pos]
        if text is not None:
            gap = text[prev.end:cur.start]
            new = "\n" in gap if by_line else _BLANK_LINE.search(gap) is not None
        else:
            new = cur.paragraph != prev.paragraph
        if new:
            blocks.append([pos])
        else:
            blocks[-1].append(pos)
    return blocks


def _attribution(line: str) -> str | None:
    """The name in an attribution line ('— Elon Musk', 'Elon Musk'), else None."""
    line = line.strip()
    if line[:1] in _DASHES:
        name = line.lstrip(_DASHES + " ").strip()
        return name if name and len(name.split()) <= 12 else None
    words = line.split()
    if not 2 <= len(words) <= 5 or line[-1] in _TERMINAL or any(c.isdigit() for c in line):
        return None
    if words[0].lower() in NOT_NAMES or line.isupper():
        return None  # an all-capitals line is a section heading, not a name
    if all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
        return line.rstrip(",;:")
    return None


def _set_off_as_quote(statements: Sequence[Statement], lines: list[list[int]], b: int) -> bool:
    """Whether the line before attribution line ``b`` reads as a quote, not a section.

    A name under an ordinary paragraph may be a section heading; a quote is set off by a
    dash before the name, quote marks, or an introducing line (no final punctuation, a colon,
    or words like 'statement' or 'wrote').
    """
    if statements[lines[b][0]].text.lstrip()[:1] in _DASHES:
        return True
    quoted = statements[lines[b - 1][0]].text
    if any(c in quoted for c in QUOTE_CHARS):
        return True
    if b < 2:
        return False
    intro = statements[lines[b - 2][-1]].text.rstrip()
    return intro[-1:] not in _TERMINAL or _introduces_quote(intro, last_words=12)


def _introduces_quote(line: str, last_words: int = 6) -> bool:
    tail = line.lower().split()[-last_words:]
    return any(w.strip(":,") in _INTRO_WORDS or w.strip(":,") in REPORTING for w in tail)

"""Literal text every match of a query must contain: what a trigram index can look up.

A plain query is its own literal. For a regular expression the parsed pattern is walked
for runs of literal characters that every match passes through (outside alternations
and optional parts); when there is none, the caller scans every statement instead.
"""

from __future__ import annotations

import re

from reader.core.find._query import FindQuery

def required_literals(query: FindQuery) -> list[str]:
    """Strings every match contains, longest first; [] when there is none to look up."""
    if not query.regex:
        return [query.text]
    try:
        # re._parser is CPython's own regex parser (sre_parse before 3.11); any surprise
        # only costs speed: without literals the caller scans.
        from re import _parser as parser  # type: ignore[attr-defined]

        tree = parser.parse(query.text, 0 if query.case else re.IGNORECASE)
    except Exception:
        return []
    runs: list[str] = []
    _walk(tree, runs, parser)
    return sorted(set(runs), key=len, reverse=True)


def _walk(tree: object, runs: list[str], parser: object) -> None:
    constants = parser  # the opcode names live in the parser module too
    current: list[str] = []

    def flush() -> None:
        if current:
            runs.append("".join(current))
            current.clear()

    for op, value in tree:  # type: ignore[attr-defined]
        if op is constants.LITERAL:
            current.append(chr(value))
        elif op is constants.SUBPATTERN:
            flush()
            _walk(value[-1], runs, parser)
        elif op in (constants.MAX_REPEAT, constants.MIN_REPEAT) and value[0] >= 1:
            flush()
            _walk(value[2], runs, parser)
        elif op is constants.AT:
            continue  # ^ $ \b take no characters: the run goes on
        else:
            flush()
    flush()

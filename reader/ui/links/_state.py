"""Read the bridge's alignments from a pane's point of view: its partners for a statement,
the links to draw between two panes, every statement that has a link, word differences.

Alignments are stored once per document pair in whichever order they were computed; these
helpers flip them as needed, so callers always think "from pane a to pane b".
"""

from __future__ import annotations

from typing import Any

from reader.ui.links._gutter import flip_link


def oriented(bridge: Any, sha_a: str, sha_b: str) -> tuple[Any, bool]:
    """(alignment, flipped): flipped means the alignment's left side is document ``sha_b``."""
    alignment = bridge.alignment(sha_a, sha_b)
    if alignment is not None:
        return alignment, False
    alignment = bridge.alignment(sha_b, sha_a)
    return alignment, alignment is not None


def _sides(alignment: Any) -> tuple[int, int]:
    if alignment.links:
        return alignment.links[0].left, alignment.links[0].right
    if alignment.pairs:
        return alignment.pairs[0].left, alignment.pairs[0].right
    return 0, 1


def partners(bridge: Any, sha_a: str, sha_b: str, statement: int) -> dict[int, float]:
    """Statements of document b linked to ``statement`` of document a, with their scores."""
    alignment, flipped = oriented(bridge, sha_a, sha_b)
    if alignment is None:
        return {}
    out: dict[int, float] = {}
    for pair in alignment.pairs:
        own, other = ((pair.right_statement, pair.left_statement) if flipped
                      else (pair.left_statement, pair.right_statement))
        if own == statement:
            out[other] = max(out.get(other, 0.0), float(pair.score))
    if not out:
        # passage links without statement pairs (older results): use the whole passage
        for link in links_between(bridge, sha_a, sha_b):
            if statement in link.left_statements:
                for other in link.right_statements:
                    out[other] = max(out.get(other, 0.0), float(link.score))
    return out


#: A candidate partner is shown as a possible link (dashed) from this score up.
POSSIBLE_FLOOR = 0.35


def possible_partners(bridge: Any, sha_a: str, sha_b: str, statement: int,
                      top: int = 2) -> dict[int, float]:
    """Best-scoring candidates in document b for a statement of document a that has no link
    there: shown as dashed "possible" ribbons, since on documents with flat similarity (two
    articles naming the same people throughout) no pair may clear the link threshold."""
    from reader.ui.models import candidates_in

    alignment, flipped = oriented(bridge, sha_a, sha_b)
    if alignment is None:
        return {}
    found = candidates_in(alignment, not flipped, statement, top)
    if any(linked for _s, _score, linked, _manual in found):
        return {}
    return {other: float(score) for other, score, _l, _m in found if score >= POSSIBLE_FLOOR}


def links_between(bridge: Any, sha_a: str, sha_b: str) -> tuple[Any, ...]:
    """Passage links from document a (left) to document b (right); flipped ones are made
    once per alignment and kept by the bridge (thousands of links for big documents)."""
    alignment, flipped = oriented(bridge, sha_a, sha_b)
    if alignment is None:
        return ()
    if not flipped:
        return tuple(alignment.links)
    cache = bridge.derived
    key = ("flipped", id(alignment))
    if key not in cache:
        cache[key] = tuple(flip_link(link) for link in alignment.links)
    return cache[key]


def linked_statements(bridge: Any, sha: str, others: list[str]) -> frozenset[int]:
    """Statements of document ``sha`` that have a link to any of ``others``."""
    found: set[int] = set()
    for other in others:
        alignment, flipped = oriented(bridge, sha, other)
        if alignment is None:
            continue
        for link in alignment.links:
            found.update(link.right_statements if flipped else link.left_statements)
    return frozenset(found)


def word_differences(own_text: str, own_start: int, other_text: str,
                     other_start: int) -> tuple[list[tuple[int, int, str]],
                                                list[tuple[int, int, str]]]:
    """Differing word spans of two linked texts, as document offsets with an op name
    ("removed": only on this side, "added": only on the other, "changed": replaced)."""
    try:
        from reader.core.align import diff_words
    except ImportError:
        return [], []
    diff = diff_words(own_text, other_text)
    return (_spans(diff.left_spans, own_start, "removed"),
            _spans(diff.right_spans, other_start, "added"))


def _spans(spans: Any, base: int, default_op: str) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for span in spans or ():
        start, end, op = _span_parts(span, default_op)
        if end > start:
            out.append((base + start, base + end, op))
    return out


def _span_parts(span: Any, default_op: str) -> tuple[int, int, str]:
    """Accept (start, end), (start, end, op) or an object with start/end/op fields."""
    if isinstance(span, tuple):
        if len(span) >= 3:
            return int(span[0]), int(span[1]), _op_name(span[2], default_op)
        return int(span[0]), int(span[1]), default_op
    op = getattr(span, "op", None) or getattr(span, "kind", None)
    return int(span.start), int(span.end), _op_name(op, default_op)


def _op_name(op: Any, default_op: str) -> str:
    text = str(op or "").lower()
    if text in ("replace", "changed", "change"):
        return "changed"
    if text in ("insert", "added", "add"):
        return "added"
    if text in ("delete", "removed", "remove"):
        return "removed"
    return default_op

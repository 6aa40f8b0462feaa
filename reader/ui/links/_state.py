"""Read the bridge's alignments from a pane's point of view: the aligner's passage links
between two panes (synchronized scrolling follows them) and word differences.

Alignments are stored once per document pair in whichever order they were computed; these
helpers flip them as needed, so callers always think "from pane a to pane b".
"""

from __future__ import annotations

from typing import Any

from reader.ui.links._cuts import (LinkCut, cut_links, is_small, keep, kept_cut,
                                    reader_threshold)


def oriented(bridge: Any, sha_a: str, sha_b: str) -> tuple[Any, bool]:
    """(alignment, flipped): flipped means the alignment's left side is document ``sha_b``."""
    alignment = bridge.alignment(sha_a, sha_b)
    if alignment is not None:
        return alignment, False
    alignment = bridge.alignment(sha_b, sha_a)
    return alignment, alignment is not None


def flip_link(link: Any) -> Any:
    """The same passage link seen from the other side (right becomes left)."""
    return type(link)(left=link.right, right=link.left, left_statements=link.right_statements,
                      right_statements=link.left_statements, left_span=link.right_span,
                      right_span=link.left_span, score=link.score, manual=link.manual)


def links_between(bridge: Any, sha_a: str, sha_b: str) -> tuple[Any, ...]:
    """Passage links from document a (left) to document b (right), at the reader's link
    threshold (the cut the window has: see ``shown_cut``); flipped ones are made once per
    alignment and kept by the bridge (thousands of links for big documents)."""
    alignment, flipped = oriented(bridge, sha_a, sha_b)
    if alignment is None:
        return ()
    cut = shown_cut(bridge, alignment) or cut_links(alignment, reader_threshold(bridge))
    alignment = cut.links
    if not flipped:
        return tuple(alignment.links)
    cache = bridge.derived
    key = ("flipped", id(alignment))
    if key not in cache:
        cache[key] = tuple(flip_link(link) for link in alignment.links)
    return cache[key]


def shown_cut(bridge: Any, alignment: Any) -> LinkCut | None:
    """The cut of ``alignment`` the window uses now: the one at the reader's threshold
    (made here when the alignment is small, where that is instant); for a big alignment
    whose new cut is still being made in a worker (``LinkCutter``), the one the bridge
    keeps meanwhile, or None before the first."""
    threshold = reader_threshold(bridge)
    kept = kept_cut(bridge, alignment)
    if kept is not None and kept.threshold == threshold:
        return kept
    if is_small(alignment):
        kept = cut_links(alignment, threshold)
        keep(bridge, kept)
    return kept


def kept_recut(bridge: Any, alignment: Any, threshold: float) -> Any:
    """``alignment`` cut at ``threshold`` as the bridge keeps it, or None."""
    kept = kept_cut(bridge, alignment)
    return kept.links if kept is not None and kept.threshold == threshold else None


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

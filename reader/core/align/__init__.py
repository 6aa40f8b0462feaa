"""Linking related statements and passages across documents, and word differences."""

from __future__ import annotations

from reader.core.align._align import (
    Alignment, DEFAULT_THRESHOLD, align_documents, align_pair, resolve_method,
    semantic_embedder)
from reader.core.align._diffing import DELETE, EQUAL, INSERT, WordDiff, diff_words

__all__ = [
    "Alignment", "DEFAULT_THRESHOLD", "DELETE", "EQUAL", "INSERT", "WordDiff", "align_documents",
    "align_pair", "diff_words", "resolve_method", "semantic_embedder",
]

"""Linking related statements and passages across documents, and word differences."""

from __future__ import annotations

from reader.core.align._align import (
    CANDIDATE_FLOOR, DEFAULT_THRESHOLD, MIN_THRESHOLD, align_documents, align_pair,
    merge_alignments, resolve_method, semantic_embedder)
from reader.core.align._diffing import DELETE, EQUAL, INSERT, WordDiff, diff_words
from reader.core.align._manual import StoredLink, manual_statement_pairs, statements_over
from reader.core.align._result import (
    Alignment, Candidate, ParagraphLink, PassageLink, StatementPair)
from reader.core.align._scoring import REPORTS, VERSIONS

__all__ = [
    "Alignment", "CANDIDATE_FLOOR", "Candidate", "DEFAULT_THRESHOLD", "DELETE", "EQUAL",
    "INSERT", "MIN_THRESHOLD", "ParagraphLink", "PassageLink", "REPORTS",
    "StatementPair", "StoredLink", "VERSIONS", "WordDiff", "align_documents", "align_pair", "diff_words",
    "manual_statement_pairs", "merge_alignments", "resolve_method", "semantic_embedder", "statements_over",
]

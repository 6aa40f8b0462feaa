"""Finding text: in one document (a window at a time, for the GUI), across the open
documents, and in every document the library knows (its statement index)."""

from __future__ import annotations

from reader.core.find._library import (
    LibraryHit, LibraryResult, index_document, index_missing, search_library, statement_rows)
from reader.core.find._literals import required_literals
from reader.core.find._folded import FoldedText, fold_text
from reader.core.find._query import FindError, FindQuery, Matcher
from reader.core.find._scan import HitList, TextScan
from reader.core.find._stepping import step_match

__all__ = [
    "FindError", "FindQuery", "FoldedText", "HitList", "LibraryHit", "LibraryResult", "Matcher",
    "TextScan", "fold_text", "index_document", "index_missing", "required_literals",
    "search_library", "statement_rows", "step_match",
]

"""Documents and their statements: decoding, normalized text, sentence boundaries."""

from __future__ import annotations

from reader.core.text._documents import (
    DEFAULT_MAX_BYTES, Document, HTML_SUFFIXES, Loader, TEXT_SUFFIXES, decode_bytes,
    document_from_text, guess_title, normalize_newlines, text_sha256)
from reader.core.text._decoding import DecodedText, decode_text
from reader.core.text._offsets import OffsetMap, TextPositions
from reader.core.text._reading import read_bounded, sqlite_file_in_use
from reader.core.text._statement import Statement
from reader.core.text._statement_list import SpanArray, StatementList, compact_statements, statement_ends, statement_starts
from reader.core.text._statements import segment_document, split_paragraphs, split_statements
from reader.core.text._stats import count_words

__all__ = [
    "DEFAULT_MAX_BYTES", "DecodedText", "Document", "HTML_SUFFIXES", "Loader", "OffsetMap", "SpanArray", "Statement",
    "StatementList", "compact_statements",
    "TEXT_SUFFIXES", "TextPositions", "count_words", "decode_bytes", "decode_text", "document_from_text",
    "guess_title", "normalize_newlines", "read_bounded", "segment_document", "split_paragraphs",
    "split_statements", "sqlite_file_in_use", "statement_ends", "statement_starts", "text_sha256",
]

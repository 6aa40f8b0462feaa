"""Errors the core raises for bad input; each carries a one-line message for the user."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of every error the user should see as a clear one-line message."""


class DocumentError(ReaderError):
    """A file could not be read as a document (missing, binary, too large, unknown format)."""


class UnsupportedFormatError(DocumentError):
    """The file's format is recognised but not readable (missing optional extra, or not yet)."""


class StoreError(ReaderError):
    """The SQLite library file is unusable: not a database, damaged, too new, or locked."""


class PartialImportError(StoreError):
    """An import stopped after merging part of its file (those rows are kept); importing
    the file again adds the rest."""


class CancelledError(ReaderError):
    """Long work was stopped because the caller asked it to."""

"""Helpers shared by subcommands: JSON output, opening the store, loading documents."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from reader.core.text import Document
from reader.core.loaders import load_document


def write_json(payload: Any, stream=None) -> None:
    """Write ``payload`` as UTF-8 JSON with a trailing newline."""
    stream = stream or sys.stdout
    # One write: json.dump's many small writes are slow on large outputs.
    stream.write(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n")


def document_json(document: Document) -> dict[str, Any]:
    """The ``document`` object of the JSON contract."""
    return {
        "path": str(document.path) if document.path else None,
        "title": document.title,
        "sha256": document.sha256,
        "length": len(document.text),
        "format": document.source_format,
    }


def load_documents(paths: list[str]) -> list[Document]:
    """Load each path, raising DocumentError on the first bad one."""
    return [load_noted(Path(p)) for p in paths]


def load_noted(path: str | Path) -> Document:
    """Load ``path``; what the reader should know (a guessed encoding) goes to stderr."""
    document = load_document(Path(path))
    if document.notice:
        print(f"note: {path}: {document.notice}", file=sys.stderr)
    return document


def add_db_argument(parser) -> None:
    """The shared ``--db PATH`` option."""
    parser.add_argument("--db", metavar="PATH",
                        help="library database (default: READER_DB or the user data directory)")


def db_path(args) -> Path:
    """The database path chosen by --db, READER_DB, or the default."""
    from reader.core.store import default_db_path

    return Path(args.db) if getattr(args, "db", None) else default_db_path()


def whole_number(value: str) -> int:
    """argparse type for a count: a whole number, zero or more."""
    import argparse

    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return number

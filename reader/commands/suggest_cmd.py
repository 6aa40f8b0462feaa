"""`reader suggest FILE --json [--db PATH]`: a suggested tag with reasons for every statement."""

from __future__ import annotations

import sqlite3

from reader.commands.common import write_json


def register(subparsers) -> None:
    """Add the ``suggest`` subcommand."""
    parser = subparsers.add_parser(
        "suggest", help="suggest opinion, claim or quotation for each statement",
        description="Suggest a tag (opinion, claim, quotation, or none) for every statement of "
                    "FILE, with a confidence and the reasons. No tag is stored.")
    parser.add_argument("file", metavar="FILE", help="the document to suggest tags for")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--db", metavar="PATH",
                        help="also learn from the tags in this library (used once it holds "
                             "enough tags; the learned model is kept in the library for reuse, "
                             "tags are never changed)")
    parser.set_defaults(command="suggest")


def run(args) -> int:
    """Print every statement of FILE with its suggested tag as JSON."""
    from reader.commands.common import load_noted
    from reader.core.text import segment_document
    from reader.core.suggest import suggest_statements

    document = load_noted(args.file)
    model = _library_model(args.db) if args.db else None
    statements = segment_document(document)
    suggestions = suggest_statements(statements, document.text, model=model)
    payload = {
        "statements": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text,
             "tag": g.kind, "confidence": g.confidence, "reasons": list(g.reasons),
             **({"page": document.page_at(s.start)} if document.page_starts else {})}
            for s, g in zip(statements, suggestions)
        ],
    }
    write_json(payload)
    return 0


def _library_model(path: str):
    """The TagModel for the library at ``path``, or None if it holds too few tags.

    The library is read read-only; a model trained afresh (the tags changed since the saved
    one) is then kept in it for the next call, if the file can be written. A library that
    cannot be written (read-only file, locked) still gets suggestions, just no saved model.
    """
    from reader.core.errors import StoreError
    from reader.core.store import Store
    from reader.core.suggest import model_for_store, save_model, saved_model

    with Store.open(path, readonly=True) as store:
        model = model_for_store(store)
        saved = saved_model(store)
    if model is not None and (saved is None or saved.fingerprint != model.fingerprint):
        try:
            with Store.open(path) as writable:
                save_model(writable, model)
        except (StoreError, OSError, sqlite3.Error):
            pass  # suggestions do not depend on the cache
    return model

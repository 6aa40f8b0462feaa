"""`reader suggest FILE --json [--db PATH]`: a suggested tag with reasons for every statement."""

from __future__ import annotations

from reader.commands.common import write_json


def register(subparsers) -> None:
    """Add the ``suggest`` subcommand."""
    parser = subparsers.add_parser(
        "suggest", help="suggest opinion, claim or quotation for each statement",
        description="Suggest a tag (opinion, claim, quotation, or none) for every statement of "
                    "FILE, with a confidence and the reasons. Nothing is stored.")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--db", metavar="PATH",
                        help="also learn from the tags in this library (read only; used once "
                             "it holds enough tags)")
    parser.set_defaults(command="suggest")


def run(args) -> int:
    """Print every statement of FILE with its suggested tag as JSON."""
    from reader.core.loaders import load_document
    from reader.core.text import segment_document
    from reader.core.suggest import suggest_statements

    document = load_document(args.file)
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
    """The TagModel for the library at ``path`` (opened read-only), or None if too few tags."""
    from reader.core.store import Store
    from reader.core.suggest import model_for_store

    with Store.open(path, readonly=True) as store:
        return model_for_store(store)

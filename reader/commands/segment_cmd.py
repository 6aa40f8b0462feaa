"""`reader segment FILE --json`: a document's statements with their offsets."""

from __future__ import annotations

from reader.commands.common import document_json, write_json


def register(subparsers) -> None:
    """Add the ``segment`` subcommand."""
    parser = subparsers.add_parser("segment", help="split a document into statements")
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.set_defaults(command="segment")


def run(args) -> int:
    """Print the statements of FILE as JSON."""
    from reader.core.loaders import load_document
    from reader.core.text import segment_document

    document = load_document(args.file)
    statements = segment_document(document)
    payload = {
        "document": document_json(document),
        "statements": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text,
             **({"page": document.page_at(s.start)} if document.page_starts else {})}
            for s in statements
        ],
    }
    write_json(payload)
    return 0

"""`reader segment FILE --json`: a document's statements with their offsets."""

from __future__ import annotations

import sys

from reader.commands.common import document_json, write_json


def register(subparsers) -> None:
    """Add the ``segment`` subcommand."""
    parser = subparsers.add_parser(
        "segment", help="split a document into statements",
        description="Split FILE into statements and print them as JSON, each with its "
                    "[start, end) offsets into the document's text.")
    parser.add_argument("file", metavar="FILE",
                        help="a document (.txt, .md, .html, .pdf, .docx, .odt, .rtf, .epub)")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--whole-page", action="store_true",
                        help="for a saved web page: all of its text, not just the article")
    parser.set_defaults(command="segment")


def run(args) -> int:
    """Print the statements of FILE as JSON; a note on stderr when the reader should know
    something about how the text was obtained (a web page's article looks too short)."""
    from reader.core.loaders import open_document
    from reader.core.text import segment_document

    document = open_document(args.file, whole_page=getattr(args, "whole_page", False))
    if document.notice:
        hint = " (--whole-page reads all of it)" if document.source_format == "html" else ""
        print(f"note: {args.file}: {document.notice}{hint}", file=sys.stderr)
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

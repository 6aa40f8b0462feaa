"""`reader export --format FMT [-o FILE] [filters]`: tagged passages out of the library."""

from __future__ import annotations

import sys

from reader.commands.common import add_db_argument, db_path

FORMAT_NAMES = ("csv", "xlsx", "json", "jsonl", "md", "html", "w3c", "qdpx")


def register(subparsers) -> None:
    """Add the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export", help="export tagged passages (CSV, Excel, JSON, Markdown, HTML, W3C, REFI-QDA)",
        description="Export tagged passages from the library. Text formats go to standard "
                    "output unless -o is given; xlsx and qdpx need -o.")
    parser.add_argument("--format", "-f", required=True, choices=FORMAT_NAMES, dest="format",
                        help="output format")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="write to FILE ('-': standard output)")
    parser.add_argument("--tag", action="append", default=[], metavar="KIND",
                        help="only this kind: opinion, claim, quotation, note or a kind of "
                             "the library's own (repeatable)")
    parser.add_argument("--document", action="append", default=[], metavar="PATH",
                        help="only tags of this document (repeatable)")
    parser.add_argument("--author", action="append", default=[], metavar="NAME",
                        help="only tags by this author (repeatable)")
    parser.add_argument("--since", metavar="DATE",
                        help="only tags created or changed at or after DATE (ISO 8601)")
    parser.add_argument("--session", metavar="NAME",
                        help="only tags of the documents of this named reading session")
    add_db_argument(parser)
    parser.set_defaults(command="export")


def run(args) -> int:
    """Export; the library is opened read-only and never changed."""
    from reader.core.export import ExportError, ExportFilter, export
    from reader.core.store import Store

    filters = ExportFilter(kinds=args.tag, document_paths=args.document, authors=args.author,
                           since=args.since, session=args.session)
    if args.format in ("qdpx", "xlsx") and args.output is None:
        raise ExportError(f"--format {args.format} writes a zip archive: give a file with "
                          "-o FILE (or '-o -' for standard output)")
    to_stdout = args.output in (None, "-")
    with Store.open(db_path(args), readonly=True) as store:
        if not to_stdout:
            count = export(store, args.format, filters, args.output)
            print(f"exported {count} tags to {args.output}", file=sys.stderr)
        else:
            if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
                sys.stdout.reconfigure(encoding="utf-8")  # exports are UTF-8 whatever the locale
            export(store, args.format, filters, sys.stdout)
            sys.stdout.flush()
    return 0

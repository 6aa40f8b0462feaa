"""`reader find QUERY [--regex] [--case] [--word] [--limit N] [--db PATH] --json`: matches in
every document the library knows.

Documents the library has text for but has not indexed yet are split and indexed first
(once, in the index file beside the library; for a library on a read-only mount, in
memory for this search).
"""

from __future__ import annotations

import sys

from reader.commands.common import add_db_argument, db_path, whole_number, write_json


def register(subparsers) -> None:
    """Add the ``find`` subcommand."""
    parser = subparsers.add_parser(
        "find", help="find text in every document of the library",
        description="Find text in every statement of every document the library knows. "
                    "Plain text ignoring case unless --case; --regex for a Python regular "
                    "expression; --word for whole words.")
    parser.add_argument("query", metavar="QUERY",
                        help="the text to find (a regular expression with --regex)")
    parser.add_argument("--regex", action="store_true", help="QUERY is a regular expression")
    parser.add_argument("--case", action="store_true", help="match upper and lower case exactly")
    parser.add_argument("--word", action="store_true", help="match whole words only")
    parser.add_argument("--limit", type=whole_number, default=0, metavar="N",
                        help="stop after N matches (default: all)")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    add_db_argument(parser)
    parser.set_defaults(command="find")


def run(args) -> int:
    """Search the library and print the JSON of the contract."""
    from reader.core.errors import StoreError
    from reader.core.find import FindQuery, index_missing, search_library
    from reader.core.store import Store

    query = FindQuery(args.query, regex=args.regex, case=args.case, whole_word=args.word)
    query.compile()  # a bad query fails before the library is opened
    path = db_path(args)
    if not path.exists():
        raise StoreError(f"{path}: no such database")
    try:
        store = Store.open(path)
    except StoreError as exc:
        if "read-only" not in str(exc) and "cannot be written" not in str(exc):
            raise
        store = Store.open(path, readonly=True)
    with store:
        indexed = index_missing(store)   # never writes the library itself
        if indexed:
            print(f"indexed {indexed} document(s) of the library", file=sys.stderr)
        result = search_library(store, query, limit=args.limit)
    write_json({
        "query": args.query,
        "options": {"regex": args.regex, "case": args.case, "word": args.word},
        "hits": [
            {"document": {"path": hit.document.path, "title": hit.document.title,
                          "sha256": hit.document.sha256},
             "statement": hit.statement, "start": hit.start, "end": hit.end,
             "text": hit.text, "match": hit.match, "statement_start": hit.statement_start}
            for hit in result.hits
        ],
        "truncated": result.truncated,
    })
    return 0

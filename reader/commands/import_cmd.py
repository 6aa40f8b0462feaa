"""`reader import FILE`: merge exported tags (JSON, JSON Lines, W3C), or a whole other
library file, into the library."""

from __future__ import annotations

from reader.commands.common import add_db_argument, db_path


def register(subparsers) -> None:
    """Add the ``import`` subcommand."""
    parser = subparsers.add_parser(
        "import", help="import tags from a JSON, JSON Lines or W3C annotation file, or merge "
                       "another library (.sqlite3)",
        description="Merge tags into the library in one transaction. Tags already there are "
                    "not added again; a malformed file changes nothing. Given another "
                    "library file (a colleague's .sqlite3), merges its documents, texts, "
                    "tags and links, keeping each tag's author; that file is only read.")
    parser.add_argument("file", metavar="FILE",
                        help="a JSON, JSON Lines or W3C export, or another library (.sqlite3)")
    add_db_argument(parser)
    parser.set_defaults(command="import")


def run(args) -> int:
    """Import FILE and print a one-line summary."""
    from reader.core.export import import_tags, read_import_file
    from reader.core.errors import StoreError
    from reader.core.store import Store, is_library_file, merge_library

    library = db_path(args)
    if _same_file(args.file, library):  # before any open(): it would drop SQLite's locks
        raise StoreError(f"{args.file}: is the library itself; nothing to import")
    if is_library_file(args.file):
        with Store.open(library) as store:
            merged = merge_library(store, args.file)
        print(f"{args.file}: {merged.summary()}")
        return 0
    items = read_import_file(args.file)  # a malformed file is refused before opening the library
    with Store.open(library) as store:
        result = import_tags(store, args.file, items)
    print(f"{args.file}: {result.summary()}")
    return 0


def _same_file(a: str, b) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False

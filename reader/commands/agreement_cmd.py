"""`reader agreement`: how far the coders of the library's documents agree (JSON)."""

from __future__ import annotations

from reader.commands.common import add_db_argument, db_path


def register(subparsers) -> None:
    """Add the ``agreement`` subcommand."""
    parser = subparsers.add_parser(
        "agreement", help="agreement between coders: Cohen's kappa, Krippendorff's alpha",
        description="Agreement between the coders (tag authors) of the library's documents. "
                    "The unit is a statement: for each coder, every statement of a document "
                    "that coder tagged at least once has a value, its kind or \"none\". "
                    "Cohen's kappa for each pair over the statements both coded, "
                    "Krippendorff's alpha (nominal) over all coders, per kind and per "
                    "document, and the statements where they differ. Tags by the author "
                    "\"agreed\" (adopted in the window) count only when named with --author.")
    add_db_argument(parser)
    parser.add_argument("--document", action="append", default=[], metavar="PATH",
                        help="only this document (by the path it was opened from; repeatable)")
    parser.add_argument("--author", action="append", default=[], metavar="NAME",
                        help="only this coder (repeatable; default: every author)")
    parser.add_argument("--json", action="store_true",
                        help="print the full report as JSON (else a short summary)")
    parser.set_defaults(command="agreement")


def run(args) -> int:
    """Measure and print the JSON report."""
    from reader.commands.common import write_json
    from reader.core.agreement import agreement_json, measure_library
    from reader.core.errors import StoreError
    from reader.core.export import DocumentTexts
    from reader.core.store import Store

    with Store.open(db_path(args), readonly=True) as store:
        documents = None
        if args.document:
            documents = []
            for path in args.document:
                found = store.documents(path=path) or store.documents(
                    path=str(_absolute(path)))
                if not found:
                    raise StoreError(f"{path}: no such document in the library")
                documents.append(found[0])
        texts = DocumentTexts(store)
        result = measure_library(store, texts.text, documents, args.author or None)
    payload = agreement_json(result)
    if args.json:
        write_json(payload)
    else:
        print(summary_text(payload))
    return 0


def _number(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"


def summary_text(payload: dict) -> str:
    """A few lines for a person: alpha, each pair's kappa, how many statements differ."""
    lines = [f"{len(payload['authors'])} coders, {len(payload['documents'])} documents, "
             f"{payload['statements']} statements coded by two or more",
             f"Krippendorff's alpha (nominal): {_number(payload['krippendorff_alpha'])}"]
    for pair in payload["pairs"]:
        lines.append(f"{pair['authors'][0]} / {pair['authors'][1]}: Cohen's kappa "
                     f"{_number(pair['cohen_kappa'])}, observed {_number(pair['observed'])} "
                     f"over {pair['statements']} statements")
    lines.append(f"{len(payload['disagreements'])} statements where coders differ "
                 "(--json lists them)")
    return "\n".join(lines)


def _absolute(path: str):
    from pathlib import Path

    return Path(path).expanduser().absolute()

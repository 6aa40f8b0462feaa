"""`reader align A B [C...] --json [--top K] [--method M] [--threshold T] [--db PATH]`.

Prints the documents, the passage links between every pair, the linked statement pairs
inside them, and with ``--top K`` the K best candidates of every statement of the first
document in each other document (``--top`` never changes links or pairs). Without
``--db`` no database is touched; with it, the documents are remembered, manual links and
rejections stored there are honoured, and the passage links are saved.
"""

from __future__ import annotations

import argparse
import gc

from reader.commands.common import add_db_argument, document_json, whole_number, write_json


def _unit_interval(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value}")
    return number


def register(subparsers) -> None:
    """Add the ``align`` subcommand."""
    parser = subparsers.add_parser(
        "align", help="link related passages across documents",
        description="Link related statements and passages across two or more documents.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="two or more documents")
    parser.add_argument("--json", action="store_true", help="print JSON (the default)")
    parser.add_argument("--top", type=whole_number, default=0, metavar="K",
                        help="also list the K best candidates of every statement of the first "
                             "document in each other document")
    parser.add_argument("--method", choices=("auto", "lexical", "semantic"), default="auto",
                        help="similarity: lexical (default without the [semantic] extra), "
                             "semantic (sentence embeddings), or auto")
    parser.add_argument("--threshold", type=_unit_interval, default=None, metavar="T",
                        help="minimum calibrated link score in [0, 1] (default 0.5)")
    add_db_argument(parser)
    parser.set_defaults(command="align")


def run(args) -> int:
    """Align the documents and print the JSON of the contract."""
    # Aligning makes millions of small objects and no cycles: the cyclic collector would
    # rescan them again and again (a tenth of the time on two 1 MB texts).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if enabled:
            gc.enable()


def _run(args) -> int:
    from reader.commands.common import load_documents
    from reader.core.align import align_documents, manual_statement_pairs, semantic_embedder
    from reader.core.errors import ReaderError
    from reader.core.text import segment_document

    if len(args.files) < 2:
        raise ReaderError("align needs at least two documents")
    documents = load_documents(args.files)
    statements = [segment_document(document) for document in documents]
    store = None
    pins: list[tuple[int, int, int, int]] = []
    rejections: list[tuple[int, int, int, int]] = []
    doc_ids: list[int] = []
    if args.db:
        store, doc_ids = _open_and_remember(args, documents)
        pins, rejections = manual_statement_pairs(
            store.tag_table.manual_links(doc_ids), doc_ids, statements)
    try:
        embedder = None
        if store is not None and args.method != "lexical":
            embedder = semantic_embedder(store)
        alignment = align_documents(statements, method=args.method, threshold=args.threshold,
                                    top_k=args.top, pins=pins, rejections=rejections,
                                    embedder=embedder, candidates=False)
        if store is not None:
            _save_links(store, doc_ids, alignment)
    finally:
        if store is not None:
            store.close()
    payload = {
        "documents": [document_json(document) for document in documents],
        "links": [
            {"left": link.left, "right": link.right,
             "left_statements": list(link.left_statements),
             "right_statements": list(link.right_statements),
             "left_span": list(link.left_span), "right_span": list(link.right_span),
             "score": link.score, **({"manual": True} if link.manual else {})}
            for link in alignment.links
        ],
        "pairs": [
            {"left": pair.left, "right": pair.right, "left_statement": pair.left_statement,
             "right_statement": pair.right_statement, "score": pair.score,
             "manual": pair.manual}
            for pair in alignment.pairs
        ],
        "related": _related_json(alignment, len(statements[0])) if args.top else [],
    }
    write_json(payload)
    return 0


def _related_json(alignment, first_count: int) -> list[dict]:
    out = []
    for statement in range(first_count):
        candidates = alignment.related.get((0, statement), ())
        out.append({"doc": 0, "statement": statement,
                    "candidates": [{"doc": c.doc, "statement": c.statement, "score": c.score}
                                   for c in candidates]})
    return out


def _open_and_remember(args, documents):
    from reader.commands.common import db_path
    from reader.core.store import Store

    store = Store.open(db_path(args))
    try:
        ids = [store.remember_document(d.sha256, str(d.path or ""), d.title, text=d.text,
                                       source_format=d.source_format).id for d in documents]
    except BaseException:
        store.close()
        raise
    return store, ids


def _save_links(store, doc_ids: list[int], alignment) -> None:
    count = len(doc_ids)
    for a in range(count):
        for b in range(a + 1, count):
            if doc_ids[a] != doc_ids[b]:
                store.tag_table.save_passage_links(doc_ids[a], doc_ids[b],
                                                   alignment.pair_spans(a, b))

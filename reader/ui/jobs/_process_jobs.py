"""Bodies of the background jobs, as plain functions of core objects (no Qt), so they run
the same in a worker thread or in the helper process (``process_lane``). Each takes
``progress(done, total, message)`` and ``cancel()`` keywords."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from reader.core.errors import CancelledError
from reader.core.text import TextPositions
from reader.core.text import count_words

Progress = Callable[..., None]
Cancel = Callable[[], bool]
Pairs = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """A document read and split into statements, its words counted and its statements'
    Qt positions worked out, ready for a pane. (Slots: the helper process sends it as one
    pickle, so the text and the offset arrays its parts share arrive shared.)"""

    document: Any
    statements: list[Any]
    words: int = -1
    layout: TextPositions | None = None
    packed: bytes | None = None   # the text compressed as the library keeps it


def load(path: Path, whole_page: bool = False, *, progress: Progress,
         cancel: Cancel) -> LoadedDocument:
    """Read ``path`` and split it into statements (``whole_page``: a web page's whole text,
    not just its article)."""
    from reader.core.loaders import open_document

    path = Path(path)
    progress(0, 2, f"Reading {path.name}")
    # PDF pages, EPUB chapters and HTML megabytes report progress and honour Cancel.
    document = open_document(
        path, progress=lambda done, total: progress(done, total, f"Reading {path.name}"),
        cancel=cancel, whole_page=whole_page)
    if cancel():
        raise CancelledError("cancelled")
    progress(1, 2, f"Splitting {path.name} into statements")
    loaded = prepare(document, progress=progress, cancel=cancel)
    progress(2, 2, f"Opened {path.name}")
    return loaded


def prepare(document: Any, *, progress: Progress, cancel: Cancel) -> LoadedDocument:
    """Split an already loaded document (clipboard, tests) into statements."""
    from reader.core.store import pack_text
    from reader.core.text import segment_document

    statements = segment_document(document)
    return LoadedDocument(document, statements, count_words(document.text),
                          TextPositions.of(document.text, statements),
                          pack_text(document.text))


def suggest(statements: list[Any], text: str, db_path: str | None = None, *,
            progress: Progress, cancel: Cancel) -> list[Any]:
    """The suggested tag of every statement; with a library, adapted to the reader's own
    tags by the learned model (trained here, off the GUI thread, when the tags changed)."""
    from reader.core.suggest import suggest_statements

    return suggest_statements(statements, text, model=learned_model(db_path))


def learned_model(db_path: str | None) -> Any:
    """The library's tag model (None below a few dozen tags, or without a usable library)."""
    if not db_path:
        return None
    from reader.core.errors import StoreError
    from reader.core.store import Store
    from reader.core.suggest import model_for_store

    # Writable when it can be, so a freshly trained model is saved for the next start.
    for readonly in (False, True):
        try:
            with Store.open(db_path, readonly=readonly) as store:
                return model_for_store(store)
        except ValueError:
            return None
        except StoreError:
            continue
    return None


def align(left: list[Any], right: list[Any], pins: Pairs, rejections: Pairs, top_k: int,
          label: str, method: str = "lexical", db_path: str | None = None, *,
          progress: Progress, cancel: Cancel) -> Any:
    """Align two statement lists (documents numbered 0 and 1). Sentence embeddings are
    cached in the library (``db_path``, own connection), so the model only loads for
    statements never seen before."""
    from reader.core.align import align_pair

    store = embedder = None
    if method != "lexical" and db_path:
        from reader.core.align import semantic_embedder
        from reader.core.store import Store

        try:
            store = Store.open(db_path)
            embedder = semantic_embedder(store)
        except Exception:  # no cache: embed without it
            store = embedder = None
    try:
        return align_pair(left, right, left_index=0, right_index=1, top_k=top_k, pins=pins,
                          rejections=rejections, cancel=cancel, method=method,
                          embedder=embedder,
                          progress=lambda f: progress(int(f * 1000), 1000, label))
    finally:
        if store is not None:
            store.close()


def save_links(db_path: str, left_id: int, right_id: int, alignment: Any,
               threshold: float | None = None, *, progress: Progress, cancel: Cancel) -> int:
    """Keep an alignment's automatic statement links (spans and score) in the library, for
    exports, on its own connection; cut at ``threshold`` when the reader chose one (a re-cut
    of a million-statement alignment takes a second: never on the GUI thread)."""
    from reader.core.store import Store

    if threshold is not None:
        alignment = alignment.at_threshold(threshold)
    rows = alignment.pair_spans(0, 1)
    store = Store.open(db_path)
    try:
        store.tag_table.save_passage_links(left_id, right_id, rows)
    finally:
        store.close()
    return len(rows)


def index_statements(db_path: str, sha256: str, text: str, statements: Any, *,
                     progress: Progress, cancel: Cancel) -> bool:
    """Add a document's statements to the library's index for Find in Library, on its own
    connection (True when it had to be written). Big documents are indexed here in the
    helper process: SQLite's trigram index of a million statements keeps a core busy for
    a minute, which the window's process must not compete with."""
    from reader.core.find import index_document
    from reader.core.store import Store

    with Store.open(db_path) as store:
        record = store.document_by_sha(sha256)
        if record is None:
            return False
        return index_document(store, record.id, text, statements, cancel, gentle=True)


@dataclass(frozen=True)
class ImportOutcome:
    """What ``import_tags`` or ``merge_library`` did: its ImportResult or MergeResult, or
    (``stopped``) the message of one that stopped part-way and kept what it had merged."""

    result: Any = None
    stopped: str = ""


def import_tags(db_path: str, path: str, *, progress: Progress,
                cancel: Cancel) -> ImportOutcome:
    """Merge a tag file into the library on a connection of its own: the window goes on
    tagging between the import's batches (a 100,000-tag file takes seconds)."""
    from reader.core.export import import_tags as merge

    return _merged(db_path, merge, path)


def merge_library(db_path: str, other: str, *, progress: Progress,
                  cancel: Cancel) -> ImportOutcome:
    """Merge another library file into the library on a connection of its own."""
    from reader.core.store import merge_library as merge

    return _merged(db_path, merge, other)


def _merged(db_path: str, merge: Callable[[Any, str], Any], path: str) -> ImportOutcome:
    from reader.core.errors import PartialImportError
    from reader.core.store import Store

    store = Store.open(db_path)
    try:
        return ImportOutcome(result=merge(store, path))
    except PartialImportError as exc:
        return ImportOutcome(stopped=str(exc))
    finally:
        store.close()


def preview_import(path: str, *, progress: Progress, cancel: Cancel) -> tuple[str, bool]:
    """What a tag file holds, in one line, and whether it can be imported (reading a
    100,000-tag file took 2.2 s: the Import dialog asks here for big files)."""
    from reader.core.export import describe_import_file

    return describe_import_file(path)


def pid(*, progress: Progress, cancel: Cancel) -> int:
    """The process id of whoever runs the job (tests check the helper process)."""
    import os

    return os.getpid()


def niceness(*, progress: Progress, cancel: Cancel) -> int:
    """The scheduling niceness of whoever runs the job (tests check the helper's)."""
    import os

    return os.nice(0)


def sleep(seconds: float, *, progress: Progress, cancel: Cancel) -> None:
    """Wait without checking ``cancel`` (tests check that a cancel kills the process)."""
    import time

    time.sleep(seconds)

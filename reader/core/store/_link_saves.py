"""Saving a document pair's automatic links without holding the library for long.

A pair of two versions of a big document has a million links; written in one transaction
they held the library's write lock for seconds, and a tag key waited that long. So each
save writes its links under a new *generation* of the pair in short transactions, then
makes that generation the pair's current one in one small transaction (readers, through
the ``current_passage_links`` view, see the old links until then and the new ones after),
then deletes the older generations, again in short transactions. A save that is killed
half-way leaves rows of a generation nobody reads; the next save's clean-up removes them.
Two saves of one pair at once each reserve their own generation; the later one wins.
"""

from __future__ import annotations

import gc
import time
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from reader.core.store._store import Store

#: Links written, or old ones deleted, per transaction (a few ms each).
BATCH = 2000
#: The pause after each of them. SQLite's lock is not fair: a writer that takes it again
#: at once keeps another connection's tag waiting in its busy handler, which sleeps
#: longer at each retry (1, 2, 5, 10 ... 100 ms); a pause longer than its first retries
#: lets that tag in within a few ms. A million links take 5 s longer to save.
PAUSE_S = 0.01

#: The pair's current generation, for rows added one by one (imports, merges); the two
#: parameters are the left and right document ids.
CURRENT = ("COALESCE((SELECT generation FROM link_saves WHERE left_document_id = ? AND "
           "right_document_id = ?), 0)")


def save_links(store: "Store", left_id: int, right_id: int,
               links: Iterable[tuple[int, int, int, int, float]], batch: int = BATCH) -> None:
    """Replace the saved automatic links between two documents."""
    pair = (left_id, right_id)
    with store.transaction() as conn:
        row = conn.execute("SELECT generation, reserved FROM link_saves WHERE "
                           "left_document_id = ? AND right_document_id = ?", pair).fetchone()
        current, reserved = row if row else (0, 0)
        generation = max(current, reserved) + 1
        conn.execute("INSERT INTO link_saves VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                     "reserved = excluded.reserved", (*pair, current, generation))
    rows = ((left_id, ls, le, right_id, rs, re_, score, generation)
            for ls, le, rs, re_, score in links)
    while chunk := list(islice(rows, batch)):
        with store.transaction() as conn:
            conn.executemany("INSERT INTO passage_links (left_document_id, left_start, "
                             "left_end, right_document_id, right_start, right_end, score, "
                             "generation) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", chunk)
        pause(store)
    with store.transaction() as conn:
        conn.execute("UPDATE link_saves SET generation = ? WHERE left_document_id = ? AND "
                     "right_document_id = ? AND generation < ?", (generation, *pair, generation))
    _delete_older(store, pair, generation, batch)


def _delete_older(store: "Store", pair: tuple[int, int], generation: int, batch: int) -> None:
    while True:
        with store.transaction() as conn:
            deleted = conn.execute(
                "DELETE FROM passage_links WHERE rowid IN (SELECT rowid FROM passage_links "
                "WHERE left_document_id = ? AND right_document_id = ? AND generation < ? "
                "LIMIT ?)", (*pair, generation, batch)).rowcount
        if deleted < batch:
            return
        pause(store)


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off meanwhile: a big write's rows hold no cycles,
    and a full collection over 100,000 tags in memory (60 ms) fell inside a batch's
    transaction, where a tag key waited for it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def pause(store: "Store") -> None:
    """Between two batches of a big write: copy the WAL back, give other writers a turn."""
    # This writer copies its pages back into the library itself: left to SQLite, the copy
    # of a million links' pages falls to whichever commit crosses the WAL's size limit,
    # often a tag key's.
    store.checkpoint()
    time.sleep(PAUSE_S)

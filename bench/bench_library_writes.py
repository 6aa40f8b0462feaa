"""A tag key beside the library's big background writes: how long a tag waits for the lock.

While another process (as the window's helper process or ``reader align --db`` would)
saves a million automatic links of two versions of a big document, or indexes 200,000
statements for Find in Library, this process stores a tag every 10 ms on its own
connection and times each commit.

Ours: links saved in short transactions under a new generation, the index in its own
file, imported tags and merged libraries written in short transactions. Baselines, same
run: the links replaced in one transaction, the index written into the library file itself
(250 statements per transaction, as it was), the tags imported or merged in one transaction
(as they were).

Run: ``.venv/bin/python bench/bench_library_writes.py [LINKS] [STATEMENTS] [TAGS]``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 50
BASELINES = {"links": "one transaction", "index": "index in the library file",
             "import": "one transaction", "merge": "one transaction"}


def write(case: str, library: str, count: int) -> None:
    """The writer process: one big write of ``case`` into ``library``."""
    from reader.core.store import Store

    with Store.open(library) as store:
        a, b = store.document_by_sha("a" * 64), store.document_by_sha("b" * 64)
        assert a is not None and b is not None
        links = [(i * 20, i * 20 + 15, i * 20, i * 20 + 15, 0.8) for i in range(count)]
        rows = ((i * 20, i * 20 + 15, f"Fact {i} holds in harbor {i % 97}.")
                for i in range(count))
        if case == "links":
            store.tag_table.save_passage_links(a.id, b.id, links)
        elif case == "links-one-transaction":
            with store.transaction() as conn:
                conn.execute("DELETE FROM passage_links WHERE left_document_id = ? AND "
                             "right_document_id = ?", (a.id, b.id))
                conn.executemany("INSERT INTO passage_links (left_document_id, left_start, "
                                 "left_end, right_document_id, right_start, right_end, score)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                 [(a.id, ls, le, b.id, rs, re_, s) for ls, le, rs, re_, s in links])
        elif case in ("import", "import-one-transaction"):
            from reader.core.store import Tag, _bulk

            if case == "import-one-transaction":
                _bulk.BATCH = count   # the whole file in one go, as imports were
            tags = [("b" * 64, Tag(0, 0, i * 20, i * 20 + 15, "claim", "", f"Fact {i}.", "", "",
                                   "importer", "2026-12-02T10:00:00", ""))
                    for i in range(count)]
            store.bulk.merge_tags([], tags)
        elif case in ("merge", "merge-one-transaction"):
            from reader.core.store import Tag, _bulk, merge_library

            other = Path(library + ".other")
            with Store.open(other) as theirs:
                doc = theirs.remember_document("b" * 64, "/b", "B")
                theirs.tag_table.add_tags(
                    Tag(0, doc.id, i * 20, i * 20 + 15, "claim", "", f"Fact {i}.", "", "",
                        "colleague", "2026-12-02T10:00:00", "2026-12-02T10:00:00")
                    for i in range(count))
            if case == "merge-one-transaction":
                _bulk.BATCH = count   # the whole library in one go, as merges were
            merge_library(store, other)
        elif case == "index":
            store.search.put_document(a.id, rows, batch=250, merge_pages=100)
        else:   # the index inside the library file, as it was
            from reader.core.store._search_file import _FTS, _TABLES

            with store.transaction() as conn:
                for statement in _TABLES + _FTS:
                    conn.execute(statement.replace("search_", "old_search_"))
            numbered = ((a.id, i, s, e, t) for i, (s, e, t) in enumerate(rows))
            while True:
                chunk = list(islice(numbered, 250))
                if not chunk:
                    break
                with store.transaction() as conn:
                    conn.executemany("INSERT INTO old_search_statements (document_id, "
                                     'statement, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                                     chunk)
                with store.transaction() as conn:
                    conn.execute("INSERT INTO old_search_fts(old_search_fts, rank) "
                                 "VALUES ('merge', 100)")
                time.sleep(0.01)


def case(name: str, count: int) -> dict[str, float]:
    """Tag every 10 ms while the writer process works; the commit times."""
    from reader.core.store import Store

    with tempfile.TemporaryDirectory() as folder:
        library = Path(folder) / "library.sqlite3"
        with Store.open(library) as store:
            a = store.remember_document("a" * 64, "/a", "A")
            store.remember_document("b" * 64, "/b", "B")
        writer = subprocess.Popen([sys.executable, __file__, "--write", name, str(library),
                                   str(count)], cwd=ROOT)
        waits: list[float] = []
        started = time.perf_counter()
        with Store.open(library) as store:
            while writer.poll() is None:
                t0 = time.perf_counter()
                store.tag_table.add_tag(a.id, 0, 5, "claim", exact="Fact.")
                waits.append(time.perf_counter() - t0)
                time.sleep(0.01)
        written = time.perf_counter() - started
    if writer.returncode != 0:
        raise RuntimeError(f"{name}: writer exit {writer.returncode}")
    waits.sort()
    return {"writer_s": written, "n": len(waits),
            "median_ms": statistics.median(waits) * 1000,
            "p99_ms": waits[int(len(waits) * 0.99)] * 1000, "max_ms": waits[-1] * 1000}


def main(argv: list[str]) -> int:
    """Print the Markdown table."""
    if argv and argv[0] == "--write":
        write(argv[1], argv[2], int(argv[3]))
        return 0
    links = int(argv[0]) if argv else 1_000_000
    statements = int(argv[1]) if len(argv) > 1 else 200_000
    imported = int(argv[2]) if len(argv) > 2 else 100_000
    print("| background write | target | ours: tag commit median / p99 / max (tags) "
          "| baseline, same run |")
    print("|---|---|---|---|")
    ok = True
    for label, ours, base, count in (
            (f"save {links:,} automatic links", "links", "links-one-transaction", links),
            (f"index {statements:,} statements for Find", "index", "index-in-library",
             statements),
            (f"`reader import` of {imported:,} tags", "import", "import-one-transaction",
             imported),
            (f"merge a library of {imported:,} tags", "merge", "merge-one-transaction",
             imported)):
        mine, theirs = case(ours, count), case(base, count)
        ok = ok and mine["max_ms"] <= TARGET_MS
        print(f"| {label} | ≤ {TARGET_MS} ms | {mine['median_ms']:.1f} / {mine['p99_ms']:.0f} / "
              f"{mine['max_ms']:.0f} ms ({mine['n']}; written in {mine['writer_s']:.1f} s) | "
              f"{BASELINES[ours]}: "
              f"{theirs['median_ms']:.1f} / {theirs['p99_ms']:.0f} / {theirs['max_ms']:.0f} ms "
              f"({theirs['n']}; {theirs['writer_s']:.1f} s) |")
    print(f"\nTarget {'met' if ok else 'missed'}.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

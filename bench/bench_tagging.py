"""Tagging speed in the core session: a tag key press to its commit, with 10,000 statements.

The target for the whole press-to-repaint path is <= 16 ms median and <= 33 ms p95, so the
core part (write to SQLite with synchronous=FULL, update memory, emit events) must take a
few ms. Baseline, measured in the same run on the same kind of file: one bare
``Store.add_tag`` call (one INSERT in its own transaction), the floor of any committed write.
Also: undo, the `tags_for` read a repaint does, and re-anchoring on reopening an edited file.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core import session as s  # noqa: E402
from reader.core.text import document_from_text  # noqa: E402
from reader.core.session import ReadingSession  # noqa: E402
from reader.core.text import Statement  # noqa: E402
from reader.core.store import Store  # noqa: E402

STATEMENTS = 10_000
PRESSES = 500


def make_text(n: int, edit: bool = False) -> tuple[str, list[Statement]]:
    """n sentences in paragraphs of 5, with their statements (splitter-independent)."""
    parts: list[str] = []
    statements: list[Statement] = []
    pos = 0
    for i in range(n):
        sentence = (f"Statement {i} reports that the council spent {i * 7 % 1000} thousand "
                    f"on item {i * 13 % 997} in the year {1950 + i % 70}.")
        if edit and i % 10 == 3:
            sentence = sentence.replace("reports that", "says that")
        separator = "" if i == 0 else ("\n\n" if i % 5 == 0 else " ")
        pos += len(separator)
        parts.append(separator + sentence)
        statements.append(Statement(i, pos, pos + len(sentence), sentence, i // 5))
        pos += len(sentence)
    return "".join(parts) + "\n", statements


def percentiles(samples: list[float]) -> tuple[float, float]:
    """(median, 95th percentile) in milliseconds."""
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[int(0.95 * (len(ordered) - 1))] * 1000


def timed(action, count: int) -> list[float]:
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> int:
    """Print the Markdown table."""
    text, statements = make_text(STATEMENTS)
    rows: list[tuple[str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.txt"
        path.write_text(text)
        document = document_from_text(text, title="bench", path=path)
        with Store.open(Path(tmp) / "base.sqlite3") as store:
            record = store.remember_document(document.sha256, str(path), "bench")
            counter = iter(range(PRESSES))

            def bare_insert() -> None:
                i = next(counter)
                st = statements[i]
                store.tag_table.add_tag(record.id, st.start, st.end, "claim", exact=st.text)

            rows.append(("baseline: one bare Store.add_tag commit", *percentiles(
                timed(bare_insert, PRESSES))))
        with Store.open(Path(tmp) / "lib.sqlite3") as store:
            events: list[object] = []
            session = ReadingSession(store, author="bench", events=events.append)
            started = time.perf_counter()
            session.open_document(document, statements)
            opened = time.perf_counter() - started
            s.set_current(session, 0, 100)
            rows.append(("tag_claim press -> committed (ours)", *percentiles(
                timed(lambda: s.tag_claim(session), PRESSES))))
            rows.append(("undo press -> committed", *percentiles(
                timed(lambda: s.undo(session), 100))))
            rows.append(("tags_for(pane) for a repaint", *percentiles(
                timed(lambda: session.tags_for(0), 100))))
            s.set_current(session, 0, 50)
            rows.append(("next_untagged press", *percentiles(
                timed(lambda: s.next_untagged(session), 100))))
            tags = len(store.tag_table.tags())
        edited_text, edited_statements = make_text(STATEMENTS, edit=True)
        path.write_text(edited_text)
        with Store.open(Path(tmp) / "lib.sqlite3") as store:
            session = ReadingSession(store, author="bench")
            started = time.perf_counter()
            session.open_document(document_from_text(edited_text, title="bench", path=path),
                                  edited_statements)
            reanchored = time.perf_counter() - started
            followed = len(session.tags_for(0))
            orphans = len(session.orphans())
    print(f"{STATEMENTS:,} statements, {PRESSES} presses; times in ms (noisy: shared 2-core "
          "machine).\n")
    print("| measurement | median ms | p95 ms |")
    print("|---|---:|---:|")
    for name, median, p95 in rows:
        print(f"| {name} | {median:.2f} | {p95:.2f} |")
    print(f"\nopen_document with {STATEMENTS:,} statements (first time): {opened * 1000:.0f} ms")
    print(f"reopen after editing the file ({tags} tags, every 10th sentence reworded): "
          f"{reanchored * 1000:.0f} ms; {followed} tags followed, {orphans} orphans")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A small library for export and import tests: awkward text, links, two documents."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.anchoring import make_selector
from reader.core.text import Document
from reader.core.loaders import load_document
from reader.core.store import Store

#: Quotes, commas, newlines, emoji, HTML specials, formula-looking starts.
LEFT_TEXT = (
    'Quote "this", please, said the 🎉 mayor.\n'
    "=SUM(A1:A9) is not a formula here.\n"
    '<script>alert("x")</script> & <img src=x onerror=alert(1)> stay text.\n'
    "-5 degrees, +3 points, @handle and a\ttab.\n"
    "Last line,\nwith a line break inside.\n"
)
RIGHT_TEXT = (
    'Quote "that", please, said the 🎉 mayor today.\n'
    "=SUM(A1:A9) is still not a formula.\n"
    "Nothing else matches here.\n"
)
NOTE = 'A "quoted" note, with a comma,\nand a second line <i>here</i> 🙂'
HOSTILE_NOTE = "=cmd|' /C calc'!A0"
AUTHOR = "Zoë <z@example.org>"
KINDS = ("opinion", "claim", "quotation", "opinion", "claim")


@dataclass(frozen=True)
class Library:
    """Paths and documents of the test library."""

    db: Path
    left: Document
    right: Document
    left_id: int
    right_id: int


def statement_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each statement: up to a full stop at the end of a line."""
    return [m.span() for m in re.finditer(r"\S.*?\.(?=\n|\Z)", text, re.S)]


def line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each non-empty line."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def write_documents(folder: Path) -> tuple[Path, Path]:
    """The two documents as files (bytes exactly as given, so offsets match)."""
    folder.mkdir(parents=True, exist_ok=True)
    left, right = folder / "left.txt", folder / "right.txt"
    left.write_bytes(LEFT_TEXT.encode("utf-8"))
    right.write_bytes(RIGHT_TEXT.encode("utf-8"))
    return left, right


def make_library(tmp_path: Path, store_right_text: bool = False) -> Library:
    """A library with one tag per statement of the left document, a saved automatic link
    (line 1 <-> line 1) and a pinned manual link (line 2 <-> line 2). The left text is
    stored in the library; the right one is read from its file unless asked otherwise."""
    left_path, right_path = write_documents(tmp_path / "docs")
    left, right = load_document(left_path), load_document(right_path)
    db = tmp_path / "library.sqlite3"
    with Store.open(db) as store:
        lrec = store.remember_document(left.sha256, str(left_path), left.title, text=left.text)
        rrec = store.remember_document(right.sha256, str(right_path), right.title,
                                       text=right.text if store_right_text else None)
        for i, (start, end) in enumerate(statement_spans(left.text)):
            exact, prefix, suffix = make_selector(left.text, start, end)
            store.tag_table.add_tag(lrec.id, start, end, KINDS[i], exact=exact, prefix=prefix,
                          suffix=suffix, note=(NOTE, HOSTILE_NOTE, "", "", "")[i],
                          author=AUTHOR if i % 2 == 0 else "bob",
                          created_at=f"2024-05-0{i + 1}T10:00:00.000Z")
        left_lines, right_lines = statement_spans(left.text), statement_spans(right.text)
        store.tag_table.save_passage_links(lrec.id, rrec.id,
                                 [(*left_lines[0], *right_lines[0], 0.9)])
        store.tag_table.add_manual_link((lrec.id, *left_lines[1]), (rrec.id, *right_lines[1]))
    return Library(db, left, right, lrec.id, rrec.id)

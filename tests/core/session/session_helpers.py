"""Helpers shared by the reading-session tests: documents on disk and a recording session."""

from __future__ import annotations

from pathlib import Path

from reader.core.text import Document, document_from_text
from reader.core.session import ReadingSession
from reader.core.text import Statement
from reader.core.store import Store

SENTENCES = [
    "The council approved the new budget on Tuesday.",
    "Critics called the vote a disgrace.",
    "\u201cWe will not back down,\u201d the mayor said.",
    "Spending on parks rises by 4 percent.",
    "Nobody knows whether the plan will work.",
    "The next meeting is in March.",
]
TEXT = " ".join(SENTENCES[:3]) + "\n\n" + " ".join(SENTENCES[3:]) + "\n"


def statements_of(text: str, sentences: list[str] | None = None) -> list[Statement]:
    """A statement per sentence (in order; those missing from ``text`` skipped), so the
    tests do not depend on the sentence splitter."""
    found: list[Statement] = []
    pos = 0
    paragraph = 0
    for sentence in SENTENCES if sentences is None else sentences:
        start = text.find(sentence, pos)
        if start < 0:
            continue
        if "\n\n" in text[pos:start]:
            paragraph += 1
        found.append(Statement(len(found), start, start + len(sentence), sentence, paragraph))
        pos = start + len(sentence)
    return found


def write_document(directory: Path, name: str, text: str = TEXT) -> Document:
    """Write ``text`` to ``directory/name`` and return it as a Document with that path."""
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return document_from_text(text, title=name, path=path)


class Recorder(list):
    """An events callback that keeps every event."""

    def __call__(self, event: object) -> None:
        self.append(event)

    def of(self, kind: type) -> list:
        """The recorded events of one class."""
        return [e for e in self if isinstance(e, kind)]


def open_session(db: Path, author: str = "ann", busy_ms: int | None = None
                 ) -> tuple[ReadingSession, Recorder, Store]:
    """A session on a store at ``db`` with a recorder for its events."""
    store = Store.open(db)
    if busy_ms is not None:
        store.set_busy_timeout(busy_ms)
    events = Recorder()
    return ReadingSession(store, author=author, events=events), events, store


def stored_tags(db: Path) -> list:
    """Every tag in the database file, read through a fresh connection."""
    with Store.open(db) as store:
        return store.tag_table.tags()

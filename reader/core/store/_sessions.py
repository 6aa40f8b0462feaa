"""Named reading sessions kept in the library: which documents were open, in which order,
where each was read, the zoom and the side panels shown; one of them is the last used.

The window saves its session here as it changes and restores the most recently opened
one at start; ``reader --session NAME`` picks another, and exports can keep only the
documents of one session.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Sequence

from reader.core.errors import ReaderError
from reader.core.store._records import now_iso

if TYPE_CHECKING:
    from reader.core.store._store import Store

_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"  # now_iso()'s form (milliseconds)

#: Longest session name accepted (names show in the title bar and menus).
MAX_NAME = 80


class SessionNameError(ReaderError):
    """A session name that is empty, too long, or already taken."""


@dataclass(frozen=True)
class SessionDocument:
    """One pane of a saved session: the file, its library id, where it was read."""

    path: str
    document_id: int | None = None
    top_offset: int = 0
    current: int = 0


@dataclass(frozen=True)
class NamedSession:
    """A named session with its panes in order and its view state."""

    id: int
    name: str
    created_at: str
    opened_at: str
    documents: tuple[SessionDocument, ...] = ()
    focused: int = 0
    zoom: float | None = None
    panels: tuple[str, ...] = ()


def clean_session_name(name: str) -> str:
    """A session name trimmed and checked; raises SessionNameError."""
    name = " ".join(str(name).split())
    if not name:
        raise SessionNameError("a session needs a name")
    if len(name) > MAX_NAME:
        raise SessionNameError(f"session names are at most {MAX_NAME} characters")
    return name


class SessionTable:
    """The saved sessions of one Store (``store.sessions``)."""

    def __init__(self, store: "Store") -> None:
        self._store = store

    def all(self) -> list[NamedSession]:
        """Every session, the most recently opened first (documents included)."""
        rows = self._store._read("SELECT id FROM sessions ORDER BY opened_at DESC, id DESC")
        return [s for s in (self.get_id(r[0]) for r in rows) if s is not None]

    def get_id(self, session_id: int) -> NamedSession | None:
        """The session with this id, or None."""
        rows = self._store._read("SELECT id, name, created_at, opened_at, focused, zoom, panels "
                                 "FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            return None
        sid, name, created, opened, focused, zoom, panels = rows[0]
        docs = tuple(SessionDocument(*row) for row in self._store._read(
            "SELECT path, document_id, top_offset, current FROM session_documents "
            "WHERE session_id = ? ORDER BY position", (sid,)))
        return NamedSession(sid, name, created, opened, docs, focused, zoom,
                            tuple(_json_list(panels)))

    def get(self, name: str) -> NamedSession | None:
        """The session called ``name`` (case does not matter), or None."""
        rows = self._store._read("SELECT id FROM sessions WHERE name = ? COLLATE NOCASE",
                                 (" ".join(name.split()),))
        return self.get_id(rows[0][0]) if rows else None

    def last(self) -> NamedSession | None:
        """The most recently opened session, or None when there is none."""
        rows = self._store._read("SELECT id FROM sessions ORDER BY opened_at DESC, id DESC "
                                 "LIMIT 1")
        return self.get_id(rows[0][0]) if rows else None

    def create(self, name: str) -> NamedSession:
        """A new empty session, now the most recently opened; raises SessionNameError."""
        name = clean_session_name(name)
        if self.get(name) is not None:
            raise SessionNameError(f"there is already a session called {name!r}")
        stamp = self._opening_stamp()
        cursor = self._store._write("INSERT INTO sessions (name, created_at, opened_at) "
                                    "VALUES (?, ?, ?)", (name, stamp, stamp))
        session = self.get_id(cursor.lastrowid)
        assert session is not None
        return session

    def open(self, name: str, create: bool = True) -> NamedSession:
        """The session called ``name`` marked as opened now (made if absent and
        ``create``); raises SessionNameError."""
        session = self.get(name)
        if session is None:
            if not create:
                raise SessionNameError(f"no session called {clean_session_name(name)!r}")
            return self.create(name)
        self._store._write("UPDATE sessions SET opened_at = ? WHERE id = ?",
                           (self._opening_stamp(), session.id))
        return self.get_id(session.id)  # type: ignore[return-value]

    def _opening_stamp(self) -> str:
        """Now, but later than every session's opening: two opened within one millisecond
        must still come back in order (``last`` orders by this stamp)."""
        stamp = now_iso()
        latest = self._store._read("SELECT MAX(opened_at) FROM sessions")[0][0]
        if latest and stamp <= latest:
            after = datetime.strptime(latest, _STAMP) + timedelta(milliseconds=1)
            stamp = after.strftime(_STAMP)[:-4] + "Z"
        return stamp

    def rename(self, session_id: int, name: str) -> NamedSession:
        """Give a session another name; raises SessionNameError if it is taken."""
        name = clean_session_name(name)
        other = self.get(name)
        if other is not None and other.id != session_id:
            raise SessionNameError(f"there is already a session called {name!r}")
        self._store._write("UPDATE sessions SET name = ? WHERE id = ?", (name, session_id))
        return self.get_id(session_id)  # type: ignore[return-value]

    def delete(self, session_id: int) -> None:
        """Forget a session (its documents and tags stay in the library)."""
        self._store._write("DELETE FROM sessions WHERE id = ?", (session_id,))

    def save(self, session_id: int, documents: Sequence[SessionDocument], focused: int = 0,
             zoom: float | None = None, panels: Sequence[str] = ()) -> None:
        """Replace what a session holds, in one transaction."""
        with self._store.transaction() as conn:
            conn.execute("UPDATE sessions SET focused = ?, zoom = ?, panels = ? WHERE id = ?",
                         (focused, zoom, json.dumps(list(panels)), session_id))
            conn.execute("DELETE FROM session_documents WHERE session_id = ?", (session_id,))
            conn.executemany(
                "INSERT INTO session_documents (session_id, position, document_id, path, "
                "top_offset, current) VALUES (?, ?, ?, ?, ?, ?)",
                [(session_id, i, d.document_id, d.path, d.top_offset, d.current)
                 for i, d in enumerate(documents)])

    def document_ids(self, name: str) -> list[int]:
        """Library ids of a session's documents and of other versions read at the same
        paths; raises SessionNameError for an unknown session."""
        session = self.get(name)
        if session is None:
            raise SessionNameError(f"no session called {clean_session_name(name)!r}")
        rows = self._store._read(
            "SELECT DISTINCT d.id FROM documents d JOIN session_documents s "
            "ON s.session_id = ? AND (d.id = s.document_id OR (s.path != '' AND d.path = s.path))"
            " ORDER BY d.id", (session.id,))
        return [r[0] for r in rows]


def _json_list(raw: str | None) -> list[str]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []

"""Start-up pieces of the window that are not widgets: the user's settings and the session
over the library file (or over no library when it cannot be opened)."""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class WindowSettings:
    """What the window needs from the user's settings."""

    author: str
    keymap: dict[str, str] = field(default_factory=dict)
    suggestion_threshold: int = 80


def _os_user() -> str:
    try:
        return getpass.getuser() or "reader"
    except Exception:  # no passwd entry (containers)
        return "reader"


def reader_settings() -> WindowSettings:
    """Author, keymap and threshold from QSettings (via the settings dialog's loader)."""
    try:
        from reader.ui.settings import load_settings

        saved = load_settings()
        return WindowSettings(saved.author, dict(saved.keymap()), saved.suggestion_threshold)
    except ImportError:
        from reader.core.session import DEFAULT_KEYMAP

        return WindowSettings(_os_user(), dict(DEFAULT_KEYMAP))


def create_session(db_path: Path | None, author: str, bridge: Any) -> tuple[Any, str]:
    """A ReadingSession on the library (``db_path`` or the default); when the library
    cannot be opened the session runs without one and the message says why."""
    from reader.core.errors import ReaderError
    from reader.core.session import ReadingSession
    from reader.core.store import Store, default_db_path

    path = Path(db_path) if db_path else default_db_path()
    problem = ""
    store = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        store = Store.open(path)
    except (ReaderError, OSError) as exc:
        problem = (f"The library {path} cannot be opened ({exc}); tags are kept in memory "
                   "only until it can.")
    session = ReadingSession(store, author, events=bridge.dispatch)
    bridge.attach(session)
    return session, problem

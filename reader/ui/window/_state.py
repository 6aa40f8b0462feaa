"""What the window remembers between runs (QSettings): geometry, open documents in pane
order, where each was scrolled and its current statement, zoom, toggles, recent files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 12
DEFAULT_POINT_SIZE = 12.0


@dataclass(frozen=True)
class OpenDocument:
    """One pane to reopen: its file, the offset at the top of the view, its current statement."""

    path: str
    top_offset: int = 0
    current: int = 0


@dataclass(frozen=True)
class SavedSession:
    """The documents of the last session and which pane had the focus."""

    documents: tuple[OpenDocument, ...] = ()
    focused: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class WindowState:
    """Typed access to the window's QSettings keys."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    # -- geometry ---------------------------------------------------------------------

    def geometry(self) -> QByteArray | None:
        """Saved window geometry, if any."""
        value = self.settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        """Saved dock/toolbar layout, if any."""
        value = self.settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the window's size, place and docks."""
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    # -- session ------------------------------------------------------------------------

    def session(self) -> SavedSession:
        """The documents open at the end of the last run."""
        raw = self.settings.value("session/documents", "")
        try:
            items = json.loads(str(raw)) if raw else []
        except ValueError:
            items = []
        docs = []
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                docs.append(OpenDocument(item["path"], int(item.get("top", 0) or 0),
                                         int(item.get("current", 0) or 0)))
        return SavedSession(tuple(docs), _int(self.settings.value("session/focused", 0)))

    def save_session(self, session: SavedSession) -> None:
        """Remember the open documents in pane order."""
        items = [{"path": d.path, "top": d.top_offset, "current": d.current}
                 for d in session.documents]
        self.settings.setValue("session/documents", json.dumps(items))
        self.settings.setValue("session/focused", session.focused)

    # -- view options -------------------------------------------------------------------

    def point_size(self) -> float:
        """Text size of the panes (zoom)."""
        try:
            return float(self.settings.value("view/point_size", DEFAULT_POINT_SIZE))
        except (TypeError, ValueError):
            return DEFAULT_POINT_SIZE

    def set_point_size(self, size: float) -> None:
        """Remember the zoom."""
        self.settings.setValue("view/point_size", float(size))

    def flag(self, name: str, default: bool) -> bool:
        """A boolean view option (sync scrolling, word differences)."""
        value = self.settings.value(f"view/{name}", default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def set_flag(self, name: str, value: bool) -> None:
        """Remember a boolean view option."""
        self.settings.setValue(f"view/{name}", bool(value))

    # -- recent files -------------------------------------------------------------------

    def recent(self) -> list[str]:
        """Recently opened files, newest first."""
        raw = self.settings.value("recent/files", "")
        try:
            items = json.loads(str(raw)) if raw else []
        except ValueError:
            return []
        return [p for p in items if isinstance(p, str)][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        """Put ``path`` first in the recent list."""
        items = [path] + [p for p in self.recent() if p != path]
        self.settings.setValue("recent/files", json.dumps(items[:MAX_RECENT]))

    def clear_recent(self) -> None:
        """Empty the recent list."""
        self.settings.setValue("recent/files", "[]")

    def sync(self) -> None:
        """Write to disk now."""
        self.settings.sync()


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0

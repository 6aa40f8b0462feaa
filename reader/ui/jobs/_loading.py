"""Open documents off the GUI thread: read, decode and segment in a worker, then hand the
results to the window in the order they were asked for (a small file opened after a big
one still lands to its right)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reader.ui.jobs._process_jobs import LoadedDocument
from reader.ui.jobs._workers import TaskRunner

#: Files bigger than this are read and split in the helper process (see process_lane).
BIG_FILE_BYTES = 300_000

__all__ = ["BIG_FILE_BYTES", "DocumentLoader", "LoadedDocument", "is_big_file"]


def is_big_file(path: Path) -> bool:
    """Whether ``path`` is big enough for the helper process (False when it cannot be
    read: the job itself then says why)."""
    try:
        return path.stat().st_size > BIG_FILE_BYTES
    except OSError:
        return False


@dataclass
class _Request:
    path: Path
    position: int | None
    done: bool = False
    result: LoadedDocument | None = None
    error: str = ""
    task: object = None


class DocumentLoader(QObject):
    """Queues open requests; ``loaded`` fires in request order, ``failed`` for bad files."""

    loaded = Signal(object, object, object)    # path, LoadedDocument, position (int | None)
    failed = Signal(object, str)               # path, one-line message
    idle = Signal()                            # nothing left to open

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._queue: list[_Request] = []

    @property
    def pending(self) -> int:
        """Requests not yet handed out."""
        return len(self._queue)

    def open(self, path: Path, position: int | None = None, whole_page: bool = False) -> None:
        """Start loading ``path``; it will be inserted at ``position`` (None: at the end).
        ``whole_page``: a web page's whole text instead of its article."""
        request = _Request(Path(path), position)
        self._queue.append(request)
        request.task = self.runner.submit_job(
            "load", request.path, whole_page, in_process=is_big_file(request.path), label=f"Opening {request.path.name}",
            on_success=lambda result, r=request: self._settle(r, result=result),
            on_failure=lambda message, r=request: self._settle(r, error=message),
            on_cancel=lambda r=request: self._settle(r, error="cancelled"),
            priority=1)

    def pending_paths(self) -> list[Path]:
        """Files still opening, in the order they will land."""
        return [request.path for request in self._queue]

    def drop_pending(self) -> None:
        """Forget every open still under way (the window switches to another reading
        session: those documents belong to the one it leaves)."""
        dropped, self._queue = self._queue, []
        for request in dropped:
            cancel = getattr(request.task, "cancel", None)
            if cancel is not None:
                cancel()
        if dropped:
            self.idle.emit()

    def _settle(self, request: _Request, result: LoadedDocument | None = None,
                error: str = "") -> None:
        request.done = True
        request.result = result
        request.error = error
        while self._queue and self._queue[0].done:
            head = self._queue.pop(0)
            if head.result is not None:
                self.loaded.emit(head.path, head.result, head.position)
            elif head.error != "cancelled":
                self.failed.emit(head.path, head.error)
        if not self._queue:
            self.idle.emit()

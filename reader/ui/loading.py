"""Open documents off the GUI thread: read, decode and segment in a worker, then hand the
results to the window in the order they were asked for (a small file opened after a big
one still lands to its right)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.core.errors import CancelledError
from reader.ui.text_stats import count_words
from reader.ui.workers import TaskRunner


@dataclass(frozen=True)
class LoadedDocument:
    """A document read and split into statements (and its words counted, for the header)."""

    document: Any
    statements: list[Any]
    words: int = -1


def load_and_segment(path: Path, *, progress: Callable[[int, int, str], None],
                     cancel: Callable[[], bool]) -> LoadedDocument:
    """Worker body: load ``path`` and split it into statements."""
    from reader.core.documents import load_document
    from reader.core.statements import segment_document

    progress(0, 2, f"Reading {path.name}")
    document = load_document(path)
    if cancel():
        raise CancelledError("cancelled")
    progress(1, 2, f"Splitting {path.name} into statements")
    statements = segment_document(document)
    progress(2, 2, f"Opened {path.name}")
    return LoadedDocument(document, list(statements), count_words(document.text))


def segment_job(document: Any, *, progress: Callable[[int, int, str], None],
                cancel: Callable[[], bool]) -> LoadedDocument:
    """Worker body: split an already loaded document into statements."""
    from reader.core.statements import segment_document

    return LoadedDocument(document, list(segment_document(document)),
                          count_words(document.text))


@dataclass
class _Request:
    path: Path
    position: int | None
    done: bool = False
    result: LoadedDocument | None = None
    error: str = ""


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

    def open(self, path: Path, position: int | None = None) -> None:
        """Start loading ``path``; it will be inserted at ``position`` (None: at the end)."""
        request = _Request(Path(path), position)
        self._queue.append(request)
        self.runner.submit(
            load_and_segment, request.path, label=f"Opening {request.path.name}",
            on_success=lambda result, r=request: self._settle(r, result=result),
            on_failure=lambda message, r=request: self._settle(r, error=message),
            on_cancel=lambda r=request: self._settle(r, error="cancelled"),
            priority=1)

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

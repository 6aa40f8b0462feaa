"""Background work: thread-pool workers, the helper process, loading, the session bridge."""

from __future__ import annotations

from reader.ui.jobs._bridge import SessionBridge
from reader.ui.jobs._loading import BIG_FILE_BYTES, DocumentLoader, is_big_file
from reader.ui.jobs._process_lane import flatten, unflatten
from reader.ui.jobs._workers import Task, TaskRunner

__all__ = [
    "BIG_FILE_BYTES", "DocumentLoader", "SessionBridge", "Task", "TaskRunner", "flatten",
    "is_big_file", "unflatten",
]

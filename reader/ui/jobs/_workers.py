"""Background work on a QThreadPool, superqt style: the runnable does plain Python work and
talks back through signals on a separate QObject, so results arrive on the GUI thread.

The work function gets two keyword arguments: ``progress(done, total, message)`` and
``cancel()`` (true once the user asked to stop). Long work calls ``cancel()`` between steps
and raises CancelledError (core functions such as ``align_pair`` do this for us).
"""

from __future__ import annotations

import threading
import time

import shiboken6
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.core.errors import CancelledError, ReaderError
from reader.ui.jobs._process_lane import ProcessLane

#: Progress signals are sent at most this often, so a chatty worker cannot flood the GUI.
PROGRESS_INTERVAL_S = 0.05


class TaskSignals(QObject):
    """Signals of one task; created on the GUI thread so slots run there."""

    progress = Signal(int, int, str)     # done, total, message
    succeeded = Signal(object)           # the work function's return value
    failed = Signal(str)                 # one-line message
    cancelled = Signal()
    finished = Signal()                  # after any of the three above


class Task(QRunnable):
    """One unit of background work with cooperative cancel."""

    def __init__(self, fn: Callable[..., Any], *args: Any, label: str = "",
                 cancellable: bool = True, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps the Python object alive until finished
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.label = label
        self.cancellable = cancellable
        self.signals = TaskSignals()
        self._cancel = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once ``cancel()`` was called."""
        return self._cancel.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        """Progress callback handed to the work function (throttled)."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self.signals.progress.emit(int(done), int(total), message)

    def run(self) -> None:  # noqa: D401 - QRunnable API
        """Run the work on a pool thread and report the outcome by signal."""
        try:
            self._run()
        except RuntimeError:
            pass  # the window (and these signals) went away while we worked

    def _run(self) -> None:
        signals = self.signals
        try:
            if self.is_cancelled():
                raise CancelledError("cancelled before it started")
            result = self.fn(*self.args, progress=self.report, cancel=self.is_cancelled,
                             **self.kwargs)
            if self.is_cancelled():
                raise CancelledError("cancelled")
        except CancelledError:
            signals.cancelled.emit()
        except ReaderError as exc:
            signals.failed.emit(str(exc))
        except MemoryError:
            signals.failed.emit(f"{self.label}: not enough memory")
        except Exception as exc:  # a bug in the work must not take the window down
            signals.failed.emit(f"{self.label}: {type(exc).__name__}: {exc}")
        else:
            signals.succeeded.emit(result)
        signals.finished.emit()


class _Relay(QObject):
    """Receives one task's signals on the GUI thread and passes them on only while the
    runner (and so the window owning it) still exists: results still in flight when the
    window goes away are dropped instead of reaching callbacks of deleted widgets."""

    def __init__(self, runner: "TaskRunner", task: Task,
                 on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[str], None] | None,
                 on_cancel: Callable[[], None] | None) -> None:
        super().__init__()
        self.runner = runner
        self.task = task
        self.callbacks = (on_success, on_failure, on_cancel)

    def _alive(self) -> bool:
        return shiboken6.isValid(self.runner)

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        """Hand the result to the caller."""
        if self.callbacks[0] is not None and self._alive():
            self.callbacks[0](result)

    @Slot(str)
    def failed(self, message: str) -> None:
        """Hand the failure to the caller."""
        if self.callbacks[1] is not None and self._alive():
            self.callbacks[1](message)

    @Slot()
    def cancelled(self) -> None:
        """Tell the caller the work stopped."""
        if self.callbacks[2] is not None and self._alive():
            self.callbacks[2]()

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        """Summarize progress for the status bar."""
        if self._alive():
            self.runner.progressChanged.emit(message or self.task.label, done, total)

    @Slot()
    def finished(self) -> None:
        """Forget the task."""
        if self._alive():
            self.runner._finished(self.task)
            self.runner._relays.discard(self)


class TaskRunner(QObject):
    """Starts tasks on its own pool, keeps them alive, and summarizes their progress.

    One thread by default: the work is mostly Python, so a second worker adds no speed
    (the GIL) but makes the GUI thread wait longer for its turn (measured: a 0.9 s stall
    with two busy workers, under 0.2 s with one)."""

    busyChanged = Signal(bool)
    progressChanged = Signal(str, int, int)   # label, done, total (total 0: unknown)

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, min(max_threads, QThreadPool.globalInstance()
                                                .maxThreadCount())))
        self.tasks: list[Task] = []
        self._relays: set[_Relay] = set()
        self.lane = ProcessLane()

    def submit(self, fn: Callable[..., Any], *args: Any, label: str = "",
               on_success: Callable[[Any], None] | None = None,
               on_failure: Callable[[str], None] | None = None,
               on_cancel: Callable[[], None] | None = None,
               cancellable: bool = True, priority: int = 0, **kwargs: Any) -> Task:
        """Queue ``fn(*args, progress=..., cancel=..., **kwargs)``; callbacks run on the GUI
        thread."""
        task = Task(fn, *args, label=label, cancellable=cancellable, **kwargs)
        relay = _Relay(self, task, on_success, on_failure, on_cancel)
        self._relays.add(relay)
        signals = task.signals
        signals.succeeded.connect(relay.succeeded)
        signals.failed.connect(relay.failed)
        signals.cancelled.connect(relay.cancelled)
        signals.progress.connect(relay.progress)
        signals.finished.connect(relay.finished)
        self.tasks.append(task)
        if len(self.tasks) == 1:
            self.busyChanged.emit(True)
        self.progressChanged.emit(label, 0, 0)
        self.pool.start(task, priority)
        return task

    def submit_job(self, name: str, *args: Any, in_process: bool = False,
                   **kwargs: Any) -> Task:
        """Submit ``process_jobs.<name>(*args)``: in the helper process when
        ``in_process`` (big inputs: no GIL contention with the GUI), else in a thread."""
        from reader.ui.jobs import _process_jobs as process_jobs

        if in_process:
            lane = self.lane

            def fn(*job_args: Any, progress: Any, cancel: Any) -> Any:
                return lane.run(name, *job_args, progress=progress, cancel=cancel)
        else:
            fn = getattr(process_jobs, name)
        return self.submit(fn, *args, **kwargs)

    def _finished(self, task: Task) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if self.tasks:
            self.progressChanged.emit(self.tasks[-1].label, 0, 0)
        else:
            self.busyChanged.emit(False)

    @property
    def busy(self) -> bool:
        """True while any task is queued or running."""
        return bool(self.tasks)

    @property
    def cancellable(self) -> bool:
        """True while a queued or running task can be cancelled."""
        return any(task.cancellable for task in self.tasks)

    def cancel_all(self) -> None:
        """Ask every cancellable task to stop; queued ones are cancelled before they start."""
        for task in list(self.tasks):
            if task.cancellable:
                task.cancel()

    def cancel_where(self, predicate: Callable[[Task], bool]) -> None:
        """Cancel the tasks for which ``predicate(task)`` is true."""
        for task in list(self.tasks):
            if predicate(task):
                task.cancel()

    def shutdown(self, timeout_ms: int = 3000) -> bool:
        """Cancel everything and wait for the threads; True if they all stopped. Results
        still queued for the GUI thread are dropped (their receivers are going away)."""
        for task in list(self.tasks):
            task.cancel()
            self.pool.tryTake(task)
        self.lane.stop(kill=True)
        done = self.pool.waitForDone(timeout_ms)
        for task in list(self.tasks):
            task.signals.blockSignals(True)
            if done:
                shiboken6.delete(task.signals)   # removes its queued calls too
        self.tasks.clear()
        self._relays.clear()
        return done

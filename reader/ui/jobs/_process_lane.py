"""Heavy work for big documents in a helper process, so it never competes with the GUI
thread for Python's GIL (a busy worker thread made the window pause for up to a second).

``ProcessLane.run(job, *args)`` is called from a pool thread (see ``workers``): it sends the
job to one long-lived ``spawn`` process, forwards its progress, kills it on cancel, and
rebuilds the result from small pickled pieces, releasing the GIL between pieces, so even a
large alignment arrives without a long pause. Jobs are functions of ``process_jobs`` (no Qt).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import threading
import time
from dataclasses import fields, is_dataclass
from typing import Any, Callable, Iterator

from reader.core.errors import CancelledError, ReaderError
from reader.ui.jobs._lane_pipe import receive_job, send_job

#: Items per pickled piece; unpickling one takes a few milliseconds.
CHUNK = 500
POLL_S = 0.05
#: The helper's scheduling niceness above the window's: on a busy machine the window's
#: paints and key presses get a core before the helper's minutes of loading and linking.
HELPER_NICE = 10
#: Shortest time between two progress reports handed to the window.
PROGRESS_S = 0.05


def flatten(value: Any) -> tuple:
    """``value`` as a tree of small pickled pieces (big lists, tuples and dicts are split,
    dataclasses taken apart; anything else is left whole for ``send_job``, which sends
    its big texts and arrays in pieces: a loaded document's 18 MB text and statement
    arrays in one pickle held the window's GIL for 0.15 s while they were rebuilt)."""
    if is_dataclass(value) and not isinstance(value, type) and not hasattr(value, "__slots__"):
        return ("dc", type(value), {f.name: flatten(getattr(value, f.name))
                                    for f in fields(value) if f.init})
    if isinstance(value, (list, tuple)) and len(value) > CHUNK:
        pieces = [pickle.dumps(value[i:i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                  for i in range(0, len(value), CHUNK)]
        return ("seq", type(value) is tuple, pieces)
    if isinstance(value, dict) and len(value) > CHUNK:
        items = list(value.items())
        pieces = [pickle.dumps(items[i:i + CHUNK], protocol=pickle.HIGHEST_PROTOCOL)
                  for i in range(0, len(items), CHUNK)]
        return ("map", pieces)
    # anything else travels as it is: its big texts and arrays in pieces (``send_job``)
    return ("obj", value)


def unflatten(tree: tuple) -> Any:
    """Rebuild a value from ``flatten``, yielding the GIL between pieces.

    The cyclic garbage collector is off meanwhile, and what exists afterwards is frozen
    out of its reach: a million new objects would set off full collections over
    everything the window holds, each keeping the GIL (so the GUI thread) for a second or
    more. The pieces hold no cycles; frozen objects are still freed when unreferenced.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _unflatten(tree)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _unflatten(tree: tuple) -> Any:
    kind = tree[0]
    if kind == "obj":
        return tree[1]
    if kind == "seq":
        items: list[Any] = []
        for piece in _consumed(tree[2]):
            items.extend(_loads(piece))
        return tuple(items) if tree[1] else items
    if kind == "map":
        out: dict[Any, Any] = {}
        for piece in _consumed(tree[1]):
            out.update(_loads(piece))
        return out
    cls, parts = tree[1], tree[2]
    return cls(**{name: _unflatten(part) for name, part in parts.items()})


def _consumed(pieces: list[bytes]) -> Iterator[bytes]:
    """Each piece, dropped from ``pieces`` once handed out: the pickled bytes and the
    objects rebuilt from them are not all held at once (a lower peak for big results)."""
    for i in range(len(pieces)):
        piece, pieces[i] = pieces[i], b""
        yield piece


def _loads(piece: bytes) -> Any:
    value = pickle.loads(piece)
    time.sleep(0)  # let the GUI thread run between pieces
    return value


def serve(connection: Any) -> None:
    """Child process main loop: run jobs until told to stop (None)."""
    from reader.ui.jobs import _process_jobs as process_jobs

    while True:
        try:
            message = receive_job(connection)
        except EOFError:
            return
        if message is None:
            return
        name, args = message

        def progress(done: int, total: int, text: str = "") -> None:
            connection.send(("progress", (done, total, text)))

        try:
            result = getattr(process_jobs, name)(*args, progress=progress,
                                                 cancel=lambda: False)
            send_job(connection, ("ok", flatten(result)))
        except ReaderError as exc:
            connection.send(("error", str(exc)))
        except Exception as exc:  # report, keep serving
            connection.send(("error", f"{name}: {type(exc).__name__}: {exc}"))
        finally:
            result = args = message = None   # nothing of the job is kept while waiting
            release_memory()


def lower_priority(pid: int) -> None:
    """Run process ``pid`` HELPER_NICE steps nicer than this one (where the system has
    niceness)."""
    try:
        own = os.getpriority(os.PRIO_PROCESS, 0)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, own + HELPER_NICE))
    except (AttributeError, OSError):
        pass


def release_memory() -> None:
    """Give the memory of a finished job back to the system: the helper waits between
    jobs, and a million statements' worth of freed objects would stay in its heap."""
    gc.collect()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: the memory is reused by the next job
        pass


class ProcessLane:
    """One helper process, started on first use, shared by the window's heavy jobs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()     # one job at a time
        self._process: Any = None
        self._connection: Any = None

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=serve, args=(child,), daemon=True,
                                  name="source-reader-worker")
        process.start()
        lower_priority(process.pid)   # now: its start-up imports compete for a core too
        child.close()
        self._process, self._connection = process, parent

    def run(self, name: str, *args: Any, progress: Callable[[int, int, str], None],
            cancel: Callable[[], bool]) -> Any:
        """Run ``process_jobs.<name>(*args)`` in the helper process (call from a worker
        thread); CancelledError when ``cancel()`` turns true (the process is killed)."""
        with self._lock:
            if self._process is None or not self._process.is_alive():
                self._start()
            connection = self._connection
            send_job(connection, (name, args))
            said = 0.0
            while True:
                if cancel():
                    self.stop(kill=True)
                    raise CancelledError("cancelled")
                try:
                    if not connection.poll(POLL_S):
                        if self._process is None or not self._process.is_alive():
                            self.stop(kill=True)
                            raise ReaderError(f"{name}: the helper process stopped")
                        continue
                    kind, payload = receive_job(connection)
                except (OSError, EOFError):   # stopped from outside (window closing)
                    raise CancelledError("cancelled") from None
                if kind == "progress":
                    # At most every PROGRESS_S: each report is a queued call on the GUI
                    # thread, and 10,000 PDF pages queued at once froze it for seconds.
                    now = time.monotonic()
                    if now - said >= PROGRESS_S or payload[0] >= payload[1]:
                        said = now
                        progress(*payload)
                    continue
                if kind == "error":
                    raise ReaderError(payload)
                return unflatten(payload)

    def stop(self, kill: bool = False) -> None:
        """End the helper process (at once with ``kill``)."""
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if process is None:
            return
        try:
            if kill:
                process.kill()
            else:
                connection.send(None)
            process.join(2)
            if process.is_alive():
                process.kill()
                process.join(1)
        except (OSError, ValueError, BrokenPipeError):
            pass
        finally:
            connection.close()

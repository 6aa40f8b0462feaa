"""Where an export may go: never over the library it reads (or its SQLite files), written
atomically to a regular file, and straight into a device or pipe (``/dev/null``, a FIFO)
instead of replacing it."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Callable

from reader.core.export._filters import ExportError
from reader.core.text import sqlite_file_in_use

_SIDECARS = ("", "-wal", "-shm", "-journal")


def check_destination(path: Path, library: Path | None) -> None:
    """ExportError (one line) when ``path`` is the library, one of its SQLite files, or
    another SQLite database in use; an export must never replace one."""
    if library is not None:
        for suffix in _SIDECARS:
            if _same_file(path, library.with_name(library.name + suffix)):
                raise ExportError(f"{path}: is the library being exported; choose another file")
    if path.is_file() and sqlite_file_in_use(path):
        raise ExportError(f"{path}: is a database in use; choose another file")


def write_export_file(path: Path, binary: bool, write: Callable[[IO], None]) -> None:
    """Write through ``write``: a regular file atomically (a temporary file, then rename),
    an existing device or pipe directly."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode):
        raise ExportError(f"{path}: is a directory")
    if mode and not stat.S_ISREG(mode):
        try:
            with (open(path, "wb") if binary
                  else open(path, "w", encoding="utf-8", newline="")) as stream:
                write(stream)
        except OSError as exc:
            raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
        return
    _write_atomically(path, binary, write)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist: compare where they would be
        return a.resolve() == b.resolve()


def _write_atomically(path: Path, binary: bool, write: Callable[[IO], None]) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with (os.fdopen(fd, "wb") if binary
              else os.fdopen(fd, "w", encoding="utf-8", newline="")) as stream:
            write(stream)
        # mkstemp makes the file private; give it the mode an ordinary new file gets
        os.chmod(temp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(temp, path)
    except OSError as exc:
        os.unlink(temp)
        raise ExportError(f"{path}: cannot write ({exc.strerror})") from None
    except BaseException:
        os.unlink(temp)
        raise

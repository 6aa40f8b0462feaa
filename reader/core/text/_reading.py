"""Reading a file's bytes within bounds.

Regular files only (a FIFO only when the caller asks for a pipe), never more than the limit
plus one byte (``/dev/zero`` reports size 0 and never ends), and never a SQLite database in
use or its ``-wal``/``-shm``/``-journal`` files: on POSIX, closing any descriptor of a file
drops every lock this process holds on it, which would let another process delete the WAL
a live library connection in this process still relies on.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.core.errors import DocumentError

#: Files SQLite keeps beside a database while it is in use.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def read_bounded(path: str | Path, limit: int, *, allow_pipe: bool = False,
                 error: type[Exception] = DocumentError) -> bytes:
    """The bytes of ``path``; ``error`` with one line for anything but a regular file (or a
    pipe when ``allow_pipe``), more than ``limit`` bytes, or a SQLite file in use."""
    path = Path(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    _check_kind(path, info.st_mode, allow_pipe, error)
    if stat.S_ISREG(info.st_mode):
        _check_size(path, info.st_size, limit, error)
        if sqlite_file_in_use(path):
            raise error(f"{path}: a database in use (its SQLite files are beside it), "
                        "not a document")
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0)
    if not stat.S_ISFIFO(info.st_mode):
        # A FIFO swapped in after the stat must not wait here for a writer (refused below).
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        mode = os.fstat(fd).st_mode
        _check_kind(path, mode, allow_pipe, error)
        os.set_blocking(fd, True)
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise error(f"{path}: too large (over the limit of {_mb(limit)})")
    return data


def sqlite_file_in_use(path: Path) -> bool:
    """True for a database with SQLite's files beside it, or for one of those files.

    Found by name only: opening the file to look would be the very thing to avoid.
    """
    name = path.name
    for suffix in SQLITE_SIDECARS:
        if name.endswith(suffix) and path.with_name(name[:-len(suffix)]).exists():
            return True
        if path.with_name(name + suffix).exists():
            return True
    return False


def _check_kind(path: Path, mode: int, allow_pipe: bool, error: type[Exception]) -> None:
    if stat.S_ISREG(mode) or (allow_pipe and stat.S_ISFIFO(mode)):
        return
    if stat.S_ISDIR(mode):
        raise error(f"{path}: is a directory, not a document")
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket" if stat.S_ISSOCK(mode) else "a special file")
    raise error(f"{path}: is {kind}, not a regular file")


def _check_size(path: Path, size: int, limit: int, error: type[Exception]) -> None:
    if size > limit:
        raise error(f"{path}: too large ({size / 2**20:.1f} MB; the limit is {_mb(limit)})")


def _mb(size: int) -> str:
    """Sizes in binary megabytes, as the README states the limits (40 MB = 40 * 2**20)."""
    return f"{size / 2**20:.0f} MB"

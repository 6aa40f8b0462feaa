"""Connecting to the library file, including one on a read-only mount.

A WAL library opened read-only needs its ``-shm`` file, which SQLite cannot create on a
read-only file system ("unable to open database file"): exactly where an export should
still work. There, and only when no ``-wal`` file with content exists (``immutable``
makes SQLite ignore the WAL, so its tags would be missing), the file is opened again as
immutable: no locks, no ``-shm``, nothing written. Nobody can write a read-only mount,
so nothing changes under the reader.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from reader.core.errors import StoreError


def connect(path: Path, readonly: bool, timeout_s: float, immutable: bool = False
            ) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit) usable from threads."""
    query = "mode=ro" if readonly else "mode=rwc"
    if immutable:
        query += "&immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True, timeout=timeout_s,
                           isolation_level=None, check_same_thread=False)


def may_open_immutable(path: Path, error: sqlite3.Error) -> bool:
    """True when a read-only open failed for want of a writable place for ``-shm`` and the
    file can safely be read as immutable (a read-only location, no WAL content)."""
    if getattr(error, "sqlite_errorcode", None) != sqlite3.SQLITE_CANTOPEN \
            and "unable to open" not in str(error):
        return False
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    return read_only_location(path.parent)


def read_only_location(directory: Path) -> bool:
    """True on a read-only file system (or a directory this user cannot write)."""
    try:
        if os.statvfs(directory).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):
        pass
    return not os.access(directory, os.W_OK)


@contextmanager
def write_transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One write transaction on ``conn`` (the database at ``path``): committed on success,
    rolled back on error; SQLite's errors as StoreError."""
    from reader.core.store._schema import _describe

    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        raise StoreError(_describe(path, exc)) from None
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        try:
            conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        raise StoreError(_describe(path, exc)) from None

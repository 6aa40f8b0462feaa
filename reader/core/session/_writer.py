"""Writing a session's edits to the library, and keeping them when it cannot be written.

Every user action goes through ``StoreWriter``: it is queued, then the queue is written in
one transaction. If the library is locked by another program, read-only, or its file was
deleted, the queue is kept (the session shows the change from memory and tells the user)
and written on the next try. A deleted file is noticed by its path (SQLite would happily go
on writing into the deleted file, losing everything at exit) and written back on the next
try from the still-open connection, with every earlier tag.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reader.core.errors import StoreError
from reader.core.store import Store
from reader.core.session._undo import Edit, IdMap


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of a file, or None when it does not exist."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


class StoreWriter:
    """A queue of edits written to one store in order."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pending: list[Edit] = []
        self._identity = file_identity(store.path)
        self._deleted_seen = False

    def check_file(self) -> None:
        """Raise StoreError when the library file is gone, replaced or read-only.

        A deleted file is reported once; on the next call it is written back.
        """
        path = self.store.path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            if not self._deleted_seen:
                self._deleted_seen = True
                raise StoreError(f"{path}: the library file was deleted while open; it will "
                                 "be written back with all tags") from None
            self.store.restore_deleted_file()  # type: ignore[attr-defined]
            self._identity = file_identity(path)
            self._deleted_seen = False
            return
        except OSError as exc:
            raise StoreError(f"{path}: cannot reach the library ({exc.strerror})") from None
        if (info.st_dev, info.st_ino) != self._identity:
            raise StoreError(f"{path}: the library file was replaced by another program; "
                             "changes stay in memory")
        # Permission bits, not os.access: an open SQLite file stays writable (even for
        # root), but a user who made the library read-only wants it left alone.
        if not info.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            raise StoreError(f"{path}: the library file is read-only")

    def flush(self) -> IdMap:
        """Write every pending edit in one transaction; on StoreError they stay pending.

        Returns the real ids given to rows created with provisional ids.
        """
        self.check_file()
        if not self.pending:
            return IdMap()
        ops: list[tuple[str, object]] = []
        for edit in self.pending:
            ops.extend(edit.store_ops())
        new_ids = self.store.bulk.write_batch(ops)  # type: ignore[attr-defined]
        self.pending.clear()
        return IdMap(tags={old: new for (table, old), new in new_ids.items() if table == "tag"},
                     links={old: new for (table, old), new in new_ids.items()
                            if table == "link"})

    def remap(self, ids: IdMap) -> None:
        """Replace provisional ids in the pending edits."""
        self.pending[:] = [ids.edit(edit) for edit in self.pending]

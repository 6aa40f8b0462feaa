"""A library on a read-only mount can still be read (export works there): SQLite cannot
create the -shm file, so such a file is opened as immutable, unless a WAL holds data."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from reader.core.errors import StoreError
from reader.core.store import Store
from reader.core.store._opening import may_open_immutable


def _library(path: Path, tags: int = 3) -> Path:
    with Store.open(path) as store:
        doc = store.remember_document("a" * 64, "/a", "A", text="hello world")
        for i in range(tags):
            store.tag_table.add_tag(doc.id, i, i + 1, "claim", exact="h")
    assert not Path(f"{path}-wal").exists()  # closed cleanly: checkpointed, WAL removed
    return path


@contextmanager
def _read_only(directory: Path) -> Iterator[Path]:
    """``directory`` seen through a read-only bind mount (root), or made unwritable."""
    mount = directory.with_name(directory.name + "-ro")
    if os.geteuid() == 0:
        mount.mkdir()
        done = subprocess.run(f"mount --bind {directory} {mount} && "
                              f"mount -o remount,bind,ro {mount}", shell=True,
                              capture_output=True)
        if done.returncode != 0:
            subprocess.run(["umount", str(mount)], capture_output=True)
            pytest.skip("cannot make a read-only mount here")
        try:
            yield mount
        finally:
            subprocess.run(["umount", str(mount)], check=True)
    else:
        directory.chmod(0o555)
        try:
            yield directory
        finally:
            directory.chmod(0o755)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX mounts")
def test_export_reads_a_library_on_a_read_only_mount(tmp_path):
    folder = tmp_path / "shelf"
    folder.mkdir()
    _library(folder / "lib.sqlite3")
    with _read_only(folder) as seen:
        plain = sqlite3.connect(f"file:{seen / 'lib.sqlite3'}?mode=ro", uri=True)
        try:
            with pytest.raises(sqlite3.OperationalError):  # what a plain read-only open says
                plain.execute("SELECT count(*) FROM tags").fetchone()
        finally:
            plain.close()
        with Store.open(seen / "lib.sqlite3", readonly=True) as store:
            assert len(store.tag_table.tags()) == 3
        done = subprocess.run([sys.executable, "-m", "reader", "export", "-f", "json", "--db",
                               str(seen / "lib.sqlite3")], capture_output=True, text=True,
                              timeout=60, cwd=Path(__file__).resolve().parents[3])
        assert done.returncode == 0, done.stderr
        assert '"count":3' in done.stdout.replace(" ", "")
        assert sorted(os.listdir(seen)) == ["lib.sqlite3"]     # nothing written beside it


def test_never_immutable_while_a_wal_holds_data(tmp_path):
    library = _library(tmp_path / "lib.sqlite3")
    shutil.copy(library, tmp_path / "copy.sqlite3")
    Path(f"{tmp_path / 'copy.sqlite3'}-wal").write_bytes(b"x" * 100)
    cantopen = sqlite3.OperationalError("unable to open database file")
    assert not may_open_immutable(tmp_path / "copy.sqlite3", cantopen)
    assert not may_open_immutable(library, sqlite3.OperationalError("database is locked"))


def test_missing_library_is_still_refused_read_only(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.sqlite3", readonly=True)

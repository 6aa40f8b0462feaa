"""Bounded reads: regular files only, at most the limit + 1 byte, never a live SQLite file."""

from __future__ import annotations

import builtins
import os
import sqlite3
import threading
import time

import pytest

from reader.core.errors import DocumentError
from reader.core.loaders import load_document
from reader.core.text import read_bounded, sqlite_file_in_use


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_without_reading(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    started = time.monotonic()
    with pytest.raises(DocumentError, match="is a device, not a regular file"):
        load_document(device)
    assert time.monotonic() - started < 2


def test_fifo_without_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    started = time.monotonic()
    with pytest.raises(DocumentError, match="named pipe"):
        load_document(fifo)
    assert time.monotonic() - started < 2


def test_explicit_pipe_is_read_but_only_up_to_the_limit(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def endless_writer() -> None:
        try:
            with open(fifo, "wb") as pipe:
                while True:
                    pipe.write(b"x" * 65536)
        except (BrokenPipeError, OSError):
            pass

    writer = threading.Thread(target=endless_writer, daemon=True)
    writer.start()
    with pytest.raises(DocumentError, match="too large"):
        read_bounded(fifo, 1000, allow_pipe=True)


def test_file_over_the_limit_is_refused_with_the_stated_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 2**20 + 1))
    with pytest.raises(DocumentError, match=r"the limit is 2 MB"):
        read_bounded(path, 2 * 2**20)
    assert read_bounded(path, 3 * 2**20) == b"a" * (2 * 2**20 + 1)


def test_file_growing_past_the_limit_reads_at_most_limit_plus_one(tmp_path, monkeypatch):
    path = tmp_path / "growing.txt"
    path.write_bytes(b"b" * 5000)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: os.stat_result(
        (*real_stat(p, *a, **k)[:6], 10, *real_stat(p, *a, **k)[7:])))  # reports 10 bytes
    with pytest.raises(DocumentError, match="over the limit"):
        read_bounded(path, 100)


def test_live_sqlite_files_are_never_opened(tmp_path, monkeypatch):
    library = tmp_path / "lib.sqlite3"
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    opened: list[str] = []
    real_os_open = os.open
    monkeypatch.setattr(os, "open", lambda f, *a, **k: (opened.append(os.fspath(f)),
                                                          real_os_open(f, *a, **k))[1])
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: pytest.fail(f"opened {f}"))
    for name in ("lib.sqlite3", "lib.sqlite3-wal", "lib.sqlite3-shm"):
        assert sqlite_file_in_use(tmp_path / name)
        with pytest.raises(DocumentError, match="database in use"):
            load_document(tmp_path / name)
    conn.close()
    assert opened == []

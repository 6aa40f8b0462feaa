"""Opening the library never touches its files beside SQLite.

On POSIX, closing any descriptor of a file drops all of the process's locks on it. A plain
``open()``/``close()`` of the library while a connection exists therefore lets another
process checkpoint and delete the WAL this process still writes to: tags vanish.
"""

from __future__ import annotations

import builtins
import io
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from reader.core.store import Store

ROOT = Path(__file__).resolve().parents[3]


def _other_process(code: str) -> str:
    """Run ``code`` in a fresh interpreter (another process on the same library)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_opening_never_opens_library_files_with_plain_open(tmp_path, monkeypatch):
    library = tmp_path / "lib.sqlite3"
    opened: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def spy_open(file, *args, **kwargs):
        opened.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else "")
        return real_open(file, *args, **kwargs)

    def spy_os_open(file, *args, **kwargs):
        opened.append(os.fspath(file))
        return real_os_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy_open)
    monkeypatch.setattr(io, "open", spy_open)
    monkeypatch.setattr(os, "open", spy_os_open)
    with Store.open(library) as first:
        first.remember_document("a" * 64, "/a", "A")
        Store.open(library).close()
        Store.open(library, readonly=True).close()
    assert not [name for name in opened if name.startswith(str(library))]


def test_second_store_in_one_process_keeps_other_processes_from_losing_tags(tmp_path):
    library = tmp_path / "lib.sqlite3"
    window = Store.open(library)          # the window's connection
    doc = window.remember_document("a" * 64, "/a", "A", text="hello world " * 20)
    for i in range(10):
        window.tag_table.add_tag(doc.id, i, i + 1, "claim", exact="h")
    Store.open(library, readonly=True).close()   # jobs open their own connections
    Store.open(library).close()
    _other_process(f"""
        from reader.core.store import Store
        with Store.open({str(library)!r}) as store:
            for i in range(50):
                store.tag_table.add_tag(1, i, i + 2, "opinion", exact="he")
    """)
    # The window still holds the library open: the other process must not have
    # checkpointed and deleted the WAL under it.
    assert Path(f"{library}-wal").exists()
    for i in range(20):
        window.tag_table.add_tag(doc.id, i, i + 3, "quotation", exact="hel")
    seen = _other_process(f"""
        import sqlite3
        conn = sqlite3.connect("file:{library}?mode=ro", uri=True)
        print(conn.execute("SELECT count(*) FROM tags").fetchone()[0],
              conn.execute("PRAGMA integrity_check").fetchone()[0])
    """)
    window.close()
    assert seen == "80 ok"

"""Hostile inputs on the command line: one line on stderr, exit 1, no hang, library intact."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.test_cli_basics import run_reader


def _one_line_error(result, *needles: str) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize("command", [["segment", "/dev/zero", "--json"],
                                     ["segment", "/dev/urandom", "--json"],
                                     ["import", "/dev/zero"]])
def test_devices_give_one_line(tmp_path, command):
    result = run_reader(*command, "--db", str(tmp_path / "lib.sqlite3")) \
        if command[0] == "import" else run_reader(*command)
    _one_line_error(result, "is a device")


@pytest.mark.parametrize("command", ["segment", "import"])
def test_fifo_without_writer_gives_one_line_at_once(tmp_path, command):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    extra = ["--db", str(tmp_path / "lib.sqlite3")] if command == "import" else ["--json"]
    _one_line_error(run_reader(command, str(fifo), *extra), "named pipe")


@pytest.fixture
def library(tmp_path):
    from tests.core.export.export_support import make_library

    return make_library(tmp_path).db


def _digest(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_export_over_the_library_is_refused(library, suffix):
    target = Path(f"{library}{suffix}")
    before = _digest(library)
    result = run_reader("export", "-f", "csv", "-o", str(target), "--db", str(library))
    _one_line_error(result, "is the library being exported")
    assert _digest(library) == before
    assert run_reader("export", "-f", "json", "--db", str(library)).returncode == 0


def test_export_dash_means_standard_output(library, tmp_path):
    result = run_reader("export", "-f", "json", "-o", "-", "--db", str(library), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert '"count":5' in result.stdout.replace(" ", "")
    assert not (tmp_path / "-").exists()


def test_export_into_a_fifo_writes_into_it(library, tmp_path):
    import threading

    fifo = tmp_path / "out.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader_thread = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader_thread.start()
    result = run_reader("export", "-f", "csv", "-o", str(fifo), "--db", str(library))
    reader_thread.join(30)
    assert result.returncode == 0, result.stderr
    assert fifo.is_fifo() and received and received[0].count(b"\n") >= 6


def test_deeply_nested_json_import_is_one_clear_line(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    result = run_reader("import", str(deep), "--db", str(tmp_path / "lib.sqlite3"))
    _one_line_error(result, "nested too deeply")
    assert "RecursionError" not in result.stderr


@pytest.mark.parametrize("command", [["export", "-f", "json"], ["import", "{json}"]])
def test_damaged_library_is_one_line(library, tmp_path, command):
    import sqlite3

    conn = sqlite3.connect(library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(library.read_bytes())
    page = 4096
    data[page + 8:page + 3000] = b"\xff" * (3000 - 8)   # a b-tree page's cells overwritten
    library.write_bytes(bytes(data))
    good = tmp_path / "one.json"
    good.write_text('{"schema": "source-reader/tags", "version": 1, "records": []}')
    before = _digest(library)
    args = [a.replace("{json}", str(good)) for a in command]
    result = run_reader(*args, "--db", str(library))
    _one_line_error(result, "damaged")
    assert _digest(library) == before


def test_invalid_utf8_is_segmented_and_said_on_stderr(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes("Ça coûte cher. Le ministre l'a dit.\n".encode() * 5 + b"\xff\n")
    result = run_reader("segment", str(path), "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == [
        f"note: {path}: not valid UTF-8 (1 bad byte sequence(s), first on line 6); "
        "shown as \ufffd"]
    assert "Ça coûte cher." in result.stdout


def test_db_before_the_command_runs_the_command(tmp_path, seeds):
    import json
    import sqlite3

    library = tmp_path / "lib.sqlite3"
    result = run_reader("--db", str(library), "align", *map(str, seeds[:2]), "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 2
    conn = sqlite3.connect(library)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    conn.close()


def test_help_names_the_window_options_and_exit_codes():
    result = run_reader("--help")
    assert result.returncode == 0
    for needle in ("--fresh", "--db PATH", "exit status", "130"):
        assert needle in result.stdout, needle


def test_no_display_is_one_sentence_and_a_clean_exit(tmp_path, seeds):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "reader", "--fresh", str(seeds[0]),
                             "--db", str(tmp_path / "lib.sqlite3")], env=env,
                            capture_output=True, text=True, timeout=60)
    _one_line_error(result, "no display found", "graphical session")

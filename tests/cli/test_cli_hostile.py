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

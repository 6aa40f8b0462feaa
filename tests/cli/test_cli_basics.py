"""The command-line contract: segment, --version, --help, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__

ROOT = Path(__file__).resolve().parents[2]


def run_reader(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_version():
    result = run_reader("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_help_lists_commands():
    result = run_reader("--help")
    assert result.returncode == 0
    for command in ("segment", "align", "suggest", "export", "import"):
        if (ROOT / "reader" / "commands" / f"{command}_cmd.py").exists():
            assert f"reader {command}" in result.stdout


def test_segment_json_contract(column_seed):
    result = run_reader("segment", str(column_seed), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    text = column_seed.read_text(encoding="utf-8")
    assert payload["document"]["sha256"]
    assert payload["document"]["title"] == "Elon Musk Backs Out of His Latest Attack"
    statements = payload["statements"]
    assert [s["index"] for s in statements] == list(range(len(statements)))
    for s in statements:
        assert set(s) >= {"index", "start", "end", "text"}
        assert text[s["start"]:s["end"]] == s["text"]


@pytest.mark.parametrize("make", ["png", "directory", "missing"])
def test_segment_bad_input_is_one_line_error(tmp_path, make):
    if make == "png":
        target = tmp_path / "picture.png"
        target.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    elif make == "directory":
        target = tmp_path
    else:
        target = tmp_path / "nothing-here.txt"
    result = run_reader("segment", str(target), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: ")
    assert "Traceback" not in result.stderr


def test_usage_error_exits_2():
    result = run_reader("segment")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_empty_file_gives_no_statements(tmp_path):
    target = tmp_path / "empty.txt"
    target.write_bytes(b"")
    result = run_reader("segment", str(target), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["statements"] == []


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("latin-1"),
        lambda t: t.encode("utf-16"),
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["latin-1", "utf-16-bom", "crlf"],
)
def test_segment_decodes_encodings(tmp_path, encode):
    text = "Le café était fermé.\nLes élèves sont allés à l'école près de la rivière."
    target = tmp_path / "doc.txt"
    target.write_bytes(encode(text))
    result = run_reader("segment", str(target), "--json")
    assert result.returncode == 0, result.stderr
    joined = " ".join(s["text"] for s in json.loads(result.stdout)["statements"])
    assert "café était fermé" in joined and "rivière" in joined and "\r" not in joined

"""`reader export`: formats to stdout or a file, filters, and a library left untouched."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from tests.core.export.export_support import LEFT_TEXT, statement_spans, make_library

ROOT = Path(__file__).resolve().parents[2]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reader(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


@pytest.mark.parametrize("fmt, check", [
    ("csv", lambda out: len(list(csv.reader(io.StringIO(out)))) == 6),
    ("json", lambda out: json.loads(out)["count"] == 5),
    ("jsonl", lambda out: len([json.loads(l) for l in out.splitlines()]) == 5),
    ("md", lambda out: out.startswith("# Tagged passages")),
    ("w3c", lambda out: len(json.loads(out)["first"]["items"]) == 5),
])
def test_text_formats_go_to_stdout(library, capsys, fmt, check):
    code, out, err = reader(capsys, "export", "--format", fmt, "--db", str(library.db))
    assert code == 0, err
    assert check(out)


def test_output_file_and_summary(library, capsys, tmp_path):
    target = tmp_path / "tags.qdpx"
    code, out, err = reader(capsys, "export", "--format", "qdpx", "-o", str(target),
                            "--db", str(library.db))
    assert code == 0 and out == ""
    assert err.strip() == f"exported 5 tags to {target}"
    assert "project.qde" in zipfile.ZipFile(target).namelist()


@pytest.mark.parametrize("fmt", ["qdpx", "xlsx"])
def test_zip_formats_need_an_output_file(library, capsys, fmt):
    code, out, err = reader(capsys, "export", "--format", fmt, "--db", str(library.db))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "-o FILE" in err


@pytest.mark.parametrize("extra, expected", [
    ([], 5),
    (["--tag", "opinion"], 2),
    (["--tag", "opinion", "--tag", "quotation"], 3),
    (["--author", "bob"], 2),
    (["--since", "2024-05-04"], 2),
    (["--tag", "claim", "--author", "bob", "--since", "2024-05-01"], 1),
])
def test_filters(library, capsys, extra, expected):
    code, out, err = reader(capsys, "export", "--format", "jsonl", "--db", str(library.db),
                            *extra)
    assert code == 0, err
    assert len(out.splitlines()) == expected


def test_document_filter(library, capsys):
    left = str(library.db.parent / "docs" / "left.txt")
    right = str(library.db.parent / "docs" / "right.txt")
    code, out, _ = reader(capsys, "export", "--format", "jsonl", "--db", str(library.db),
                          "--document", left, "--document", right)
    assert code == 0 and len(out.splitlines()) == 5
    code, out, _ = reader(capsys, "export", "--format", "jsonl", "--db", str(library.db),
                          "--document", right)
    assert code == 0 and out == ""


@pytest.mark.parametrize("extra, status, fragment", [
    (["--since", "soon"], 1, "--since"),
    (["--document", "/no/such/file.txt"], 1, "no such document"),
    (["--tag", "rumour"], 1, "unknown tag kind 'rumour'"),
])
def test_bad_options_give_one_line(library, capsys, extra, status, fragment):
    code, out, err = reader(capsys, "export", "--format", "csv", "--db", str(library.db), *extra)
    assert code == status and out == ""
    assert err.count("\n") == 1 and fragment in err


def test_export_never_changes_the_library(library, capsys, tmp_path):
    before = fingerprint(library.db)
    for fmt in ("csv", "json", "md", "w3c"):
        assert reader(capsys, "export", "--format", fmt, "--db", str(library.db))[0] == 0
    assert fingerprint(library.db) == before


def corrupt_copies(library, tmp_path) -> list[Path]:
    good = library.db.read_bytes()
    not_sqlite = tmp_path / "not-sqlite.sqlite3"
    not_sqlite.write_bytes(b"this is not a database at all\n" * 200)
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(good[:100] + bytes(b ^ 0x5A for b in good[100:4096]) + good[4096:])
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good[:len(good) // 2 + 7])
    return [not_sqlite, damaged, truncated]


def test_corrupt_library_is_refused_and_left_unchanged(library, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for db in corrupt_copies(library, tmp_path):
        before = fingerprint(db)
        result = subprocess.run(
            [sys.executable, "-m", "reader", "export", "--format", "json", "--db", str(db)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, (db, result.stdout)
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("reader: ") and db.name in result.stderr
        assert fingerprint(db) == before, db
        # SQLite may leave its -shm/-wal side files after a read-only look; nothing in them
        wal = db.with_name(db.name + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0


def test_missing_library_is_not_created(tmp_path, capsys):
    db = tmp_path / "absent.sqlite3"
    code, out, err = reader(capsys, "export", "--format", "csv", "--db", str(db))
    assert code == 1 and "no such database" in err
    assert not db.exists()


def test_format_choices_match_the_registry():
    from reader.commands.export_cmd import FORMAT_NAMES
    from reader.core.export import FORMATS

    assert FORMAT_NAMES == tuple(FORMATS)


def test_hostile_text_in_stdout_csv_is_defused(library, capsys):
    _, out, _ = reader(capsys, "export", "--format", "csv", "--db", str(library.db))
    rows = list(csv.DictReader(io.StringIO(out)))
    spans = statement_spans(LEFT_TEXT)
    assert rows[1]["text"] == "'" + LEFT_TEXT[slice(*spans[1])]

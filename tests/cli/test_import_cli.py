"""`reader import FILE`: one-line summary, idempotent, malformed files change nothing."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.export import export
from reader.core.store import Store
from tests.core.export.export_support import make_library


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def reader(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def exported(tmp_path) -> Path:
    library = make_library(tmp_path)
    out = io.StringIO()
    with Store.open(library.db, readonly=True) as store:
        export(store, "json", None, out)
    path = tmp_path / "tags.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_import_then_import_again(exported, tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    code, out, err = reader(capsys, "import", str(exported), "--db", str(db))
    assert code == 0, err
    assert out.strip() == (f"{exported}: imported 5 of 5 tags; 2 new documents; 2 links")
    code, out, _ = reader(capsys, "import", str(exported), "--db", str(db))
    assert code == 0
    assert out.strip() == f"{exported}: imported 0 of 5 tags; 5 already in the library"
    with Store.open(db, readonly=True) as store:
        assert len(store.tag_table.tags()) == 5


def test_import_uses_reader_db_by_default(exported, tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.sqlite3"
    monkeypatch.setenv("READER_DB", str(db))
    assert reader(capsys, "import", str(exported))[0] == 0
    with Store.open(db, readonly=True) as store:
        assert len(store.tag_table.tags()) == 5


def test_malformed_file_changes_nothing(exported, tmp_path, capsys):
    db = tmp_path / "new.sqlite3"
    reader(capsys, "import", str(exported), "--db", str(db))
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["records"][3]["kind"] = ["gossip"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    before = fingerprint(db)
    code, out, err = reader(capsys, "import", str(bad), "--db", str(db))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "records[3].kind" in err
    assert fingerprint(db) == before


def test_malformed_file_does_not_create_a_library(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"kind": "claim"}\nnot json\n', encoding="utf-8")
    db = tmp_path / "never.sqlite3"
    code, _, err = reader(capsys, "import", str(bad), "--db", str(db))
    assert code == 1 and "line 1" in err
    assert not db.exists()


def test_corrupt_library_is_refused_unchanged(exported, tmp_path, capsys):
    db = tmp_path / "corrupt.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = fingerprint(db)
    code, _, err = reader(capsys, "import", str(exported), "--db", str(db))
    assert code == 1 and err.count("\n") == 1
    assert fingerprint(db) == before


def test_missing_file(tmp_path, capsys):
    code, _, err = reader(capsys, "import", str(tmp_path / "none.json"))
    assert code == 1 and "no such file" in err


def test_import_a_whole_library_twice(tmp_path, capsys):
    library = make_library(tmp_path)
    theirs = library.db
    before = fingerprint(theirs)
    db = tmp_path / "mine.sqlite3"
    code, out, err = reader(capsys, "import", str(theirs), "--db", str(db))
    assert code == 0 and err == ""
    assert out.startswith(f"{theirs}: merged 5 of 5 tags by ")
    code, out, _ = reader(capsys, "import", str(theirs), "--db", str(db))
    assert code == 0 and "merged 0 of 5 tags; 5 already in the library" in out
    assert fingerprint(theirs) == before


def test_import_a_newer_library_is_refused_in_one_line(tmp_path, capsys):
    import sqlite3

    from reader.core.store import SCHEMA_VERSION

    theirs = make_library(tmp_path).db
    with sqlite3.connect(theirs) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = fingerprint(theirs)
    db = tmp_path / "mine.sqlite3"
    code, out, err = reader(capsys, "import", str(theirs), "--db", str(db))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "newer" in err
    assert fingerprint(theirs) == before


def test_importing_the_library_into_itself_is_refused(tmp_path, capsys):
    db = make_library(tmp_path).db
    before = fingerprint(db)
    code, out, err = reader(capsys, "import", str(db), "--db", str(db))
    assert code == 1 and out == "" and "is the library itself" in err
    assert fingerprint(db) == before

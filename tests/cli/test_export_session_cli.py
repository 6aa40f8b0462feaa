"""`reader export --session NAME` keeps that session's documents; a renamed document is
exported under its new title."""

from __future__ import annotations

import json

import pytest

from reader.cli import main
from reader.core.store import SessionDocument, Store
from tests.core.export.export_support import make_library


def export(capsys, *args: str) -> tuple[int, dict | None, str]:
    try:
        code = main(["export", "--format", "json", *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 else None, err


@pytest.fixture
def library(tmp_path):
    library = make_library(tmp_path)
    with Store.open(library.db) as store:
        for name, doc_id, path in (("Left only", library.left_id, library.left.path),
                                   ("Right only", library.right_id, library.right.path)):
            session = store.sessions.create(name)
            store.sessions.save(session.id, [SessionDocument(str(path), doc_id)])
    return library


def test_session_filter(library, capsys):
    db = str(library.db)
    code, everything, _ = export(capsys, "--db", db)
    assert code == 0 and everything["count"] == 5
    code, left, _ = export(capsys, "--db", db, "--session", "left ONLY")
    assert left["count"] == 5 and left["filters"]["session"] == "left ONLY"
    code, right, _ = export(capsys, "--db", db, "--session", "Right only")
    assert code == 0 and right["count"] == 0
    code, both, _ = export(capsys, "--db", db, "--session", "Right only",
                           "--document", str(library.left.path))
    assert both["count"] == 0    # both filters apply


def test_unknown_session_is_a_one_line_error(library, capsys):
    code, _, err = export(capsys, "--db", str(library.db), "--session", "Nope")
    assert code == 1 and "no session called 'Nope'" in err
    assert len(err.strip().splitlines()) == 1


def test_a_renamed_document_is_exported_under_its_title(library, capsys):
    with Store.open(library.db) as store:
        store.rename_document(library.left_id, "Council statement, left")
    code, payload, _ = export(capsys, "--db", str(library.db))
    titles = {r["document"]["title"] for r in payload["records"]}
    assert titles == {"Council statement, left"}

"""`reader find`: every document the library knows, the JSON contract, clean errors."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.loaders import load_document
from reader.core.store import Store
from reader.core.text import segment_document


def reader(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path, seeds):
    """A library that knows both seeds (their text kept, not indexed yet)."""
    db = tmp_path / "library.sqlite3"
    with Store.open(db) as store:
        for path in seeds:
            document = load_document(path)
            store.remember_document(document.sha256, str(path), document.title, document.text)
    return db


def test_hits_follow_the_contract(library, capsys, seeds):
    code, out, err = reader(capsys, "find", "the", "--word", "--db", str(library), "--json")
    assert code == 0, err
    assert "indexed 2 document(s)" in err
    payload = json.loads(out)
    assert payload["query"] == "the" and payload["hits"]
    documents = {str(p): load_document(p) for p in seeds}
    statements = {p: segment_document(d) for p, d in documents.items()}
    assert {h["document"]["path"] for h in payload["hits"]} == set(documents)
    for hit in payload["hits"]:
        assert set(hit) >= {"document", "statement", "start", "end", "text"}
        assert set(hit["document"]) >= {"path", "title", "sha256"}
        document = documents[hit["document"]["path"]]
        assert hit["document"]["sha256"] == document.sha256
        assert document.text[hit["start"]:hit["end"]].lower() == "the"
        statement = statements[hit["document"]["path"]][hit["statement"]]
        assert statement.text == hit["text"]                  # the index of `reader segment`
        assert statement.start <= hit["start"] < hit["end"] <= statement.end
    # a second run finds the same without indexing again
    code, again, err = reader(capsys, "find", "the", "--word", "--db", str(library))
    assert code == 0 and again == out and "indexed" not in err


def test_options(library, capsys):
    def hits(*args):
        code, out, err = reader(capsys, "find", *args, "--db", str(library))
        assert code == 0, err
        return json.loads(out)["hits"]

    plain = hits("the")
    assert plain and all(h["match"].lower() == "the" for h in plain)
    cased = hits("The", "--case")
    assert cased and all(h["match"] == "The" for h in cased) and len(cased) < len(plain)
    words = hits("the", "--word")
    assert 0 < len(words) < len(plain)       # not "other", "them", "these"
    regex = hits(r"\bopen\w*", "--regex")
    assert {h["match"] for h in regex} == {"OpenAI", "OpenAi", "open"}  # "safe and open"
    assert len(regex) == len(hits("openai")) + len(hits("open", "--word"))
    limited = json.loads(reader(capsys, "find", "the", "--limit", "3", "--db", str(library))[1])
    assert len(limited["hits"]) == 3 and limited["truncated"] is True


@pytest.mark.parametrize("args, message", [
    (["(", "--regex"], "bad regular expression"),
    ([""], "empty"),
])
def test_bad_query_leaves_the_library_untouched(library, capsys, args, message):
    before = fingerprint(library)
    code, out, err = reader(capsys, "find", *args, "--db", str(library))
    assert code == 1 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert fingerprint(library) == before


def test_missing_or_bad_database(tmp_path, capsys):
    code, out, err = reader(capsys, "find", "x", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and "no such database" in err and not (tmp_path / "none.sqlite3").exists()
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    code, out, err = reader(capsys, "find", "x", "--db", str(bad))
    assert code == 1 and "not a SQLite database" in err and bad.read_text() == "not a database"


def _only_read_only(monkeypatch) -> None:
    """Store.open refuses to open for writing, as for a file this user may not write."""
    from reader.core.errors import StoreError

    real_open = Store.open.__func__

    def open_read_only(cls, path, readonly=False):
        if not readonly:
            raise StoreError(f"{path}: database is read-only")
        return real_open(cls, path, readonly=True)

    monkeypatch.setattr(Store, "open", classmethod(open_read_only))


def test_read_only_library_is_searched_as_it_is(library, capsys, monkeypatch):
    reader(capsys, "find", "x", "--db", str(library))      # indexes the seeds
    _only_read_only(monkeypatch)
    before = fingerprint(library)
    code, out, err = reader(capsys, "find", "openai", "--db", str(library))
    assert code == 0, err
    assert json.loads(out)["hits"] and fingerprint(library) == before


def test_a_read_only_library_never_indexed_is_searched_all_the_same(library, capsys,
                                                                     monkeypatch):
    _only_read_only(monkeypatch)
    before = fingerprint(library)
    code, out, err = reader(capsys, "find", "openai", "--db", str(library))
    assert code == 0, err
    assert json.loads(out)["hits"] and fingerprint(library) == before
    assert "indexed 2 document(s)" in err

"""A document's own title: kept by the library when the file is read again, carried to
later versions at the same path, given back when cleared."""

from __future__ import annotations

import pytest

from reader.core.errors import StoreError
from reader.core.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "library.sqlite3") as opened:
        yield opened


def test_rename_is_kept_when_the_file_is_read_again(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "000_e66fe55ed26b97b5", "text")
    renamed = store.rename_document(doc.id, "  City budget   report ")
    assert renamed.title == "City budget report" and renamed.renamed
    again = store.remember_document("a" * 64, "/tmp/a.txt", "000_e66fe55ed26b97b5", "text")
    assert again.title == "City budget report" and again.id == doc.id


def test_a_new_version_at_the_same_path_keeps_the_title(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "loader title", "text")
    store.rename_document(doc.id, "Mine")
    newer = store.remember_document("b" * 64, "/tmp/a.txt", "loader title", "text 2")
    assert newer.title == "Mine" and newer.renamed
    elsewhere = store.remember_document("c" * 64, "/tmp/c.txt", "loader title", "text 3")
    assert elsewhere.title == "loader title" and not elsewhere.renamed


def test_an_empty_title_gives_the_files_back(store):
    doc = store.remember_document("a" * 64, "/tmp/a.txt", "loader title", "text")
    store.rename_document(doc.id, "Mine")
    cleared = store.rename_document(doc.id, "   ")
    assert not cleared.renamed and cleared.title == "Mine"
    assert store.remember_document("a" * 64, "/tmp/a.txt", "loader title").title == "loader title"


def test_renaming_an_unknown_document_fails_cleanly(store):
    with pytest.raises(StoreError):
        store.rename_document(999, "x")

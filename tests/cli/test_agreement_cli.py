"""`reader agreement`: the JSON contract on a small library, filters, and clean errors."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.store import Store, Tag
from reader.core.text import split_statements

ROOT = Path(__file__).resolve().parents[2]
TEXT = ("The minister said the plan works. Critics disagree strongly. Growth rose by four "
        "percent. \"It is a disaster,\" one economist said.")
OTHER = "A second text. It has two statements."
STAMP = "2024-05-01T10:00:00.000Z"


def run_reader(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def _add(store: Store, text: str, path: str, codes: dict[str, list[str | None]]) -> None:
    sha = hashlib.sha256(text.encode()).hexdigest()
    doc = store.remember_document(sha, path, path, text=text)
    statements = split_statements(text)
    tags = []
    for author, kinds in codes.items():
        for statement, kind in zip(statements, kinds):
            if kind:
                tags.append(Tag(0, doc.id, statement.start, statement.end, kind, "",
                                statement.text, "", "", author, STAMP, STAMP))
    store.tag_table.add_tags(tags)


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "library.sqlite3"
    with Store.open(path) as store:
        assert len(split_statements(TEXT)) == 4
        _add(store, TEXT, "/docs/minister.txt", {
            "ann": ["claim", "opinion", "claim", "quotation"],
            "bob": ["claim", "opinion", None, "quotation"],
            "agreed": ["claim", "opinion", "claim", "quotation"]})
        _add(store, OTHER, "/docs/other.txt", {"ann": ["claim", None]})
    return path


def agreement(db: Path, *args: str) -> dict:
    result = run_reader("agreement", "--db", str(db), *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_contract_and_hand_worked_numbers(db):
    payload = agreement(db)
    assert {"unit", "authors", "documents", "statements", "krippendorff_alpha", "pairs",
            "by_kind", "disagreements"} <= set(payload)
    assert payload["unit"] == "statement"
    assert payload["authors"] == ["ann", "bob"]  # "agreed" is not a coder by default
    assert [d["path"] for d in payload["documents"]] == ["/docs/minister.txt", "/docs/other.txt"]
    # only the first document has two coders: 4 statements
    assert payload["statements"] == 4
    (pair,) = payload["pairs"]
    assert pair["authors"] == ["ann", "bob"] and pair["statements"] == 4
    # ann: claim opinion claim quotation; bob: claim opinion none quotation
    # p_o = 3/4; p_e = (2*1 + 1*1 + 1*1 + 0*1) / 16 = 4/16 -> (12 - 4) / (16 - 4) = 2/3
    assert pair["observed"] == pytest.approx(0.75)
    assert pair["cohen_kappa"] == pytest.approx(2 / 3)
    assert set(payload["by_kind"]) == {"opinion", "claim", "quotation"}
    assert payload["by_kind"]["quotation"]["krippendorff_alpha"] == pytest.approx(1.0)
    (differ,) = payload["disagreements"]
    assert differ["document"] == 0 and differ["statement"] == 2
    assert differ["values"] == {"ann": "claim", "bob": "none"}
    assert differ["text"] == "Growth rose by four percent."


def test_filters_by_author_and_document(db):
    payload = agreement(db, "--author", "ann", "--author", "agreed",
                        "--document", "/docs/minister.txt")
    assert payload["authors"] == ["ann", "agreed"]
    assert len(payload["documents"]) == 1
    assert payload["krippendorff_alpha"] == pytest.approx(1.0)
    assert payload["disagreements"] == []


def test_summary_without_json(db):
    result = run_reader("agreement", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Cohen's kappa 0.667" in result.stdout


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_bad_database_one_line_and_untouched(tmp_path, content):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(content)
    result = run_reader("agreement", "--db", str(bad), "--json")
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert bad.read_bytes() == content


def test_unknown_document_is_one_line(db):
    result = run_reader("agreement", "--db", str(db), "--document", "/nowhere.txt", "--json")
    assert result.returncode == 1
    assert "/nowhere.txt" in result.stderr and len(result.stderr.splitlines()) == 1

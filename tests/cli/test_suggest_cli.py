"""`reader suggest FILE --json [--db PATH]`: the JSON contract, learning from a library, errors."""

from __future__ import annotations

import json
import sqlite3

import pytest

from reader.cli import main
from reader.core.loaders import load_document
from reader.core.store import Store
from reader.core.suggest import MODEL_SETTING_KEY, TagModel, saved_model

FIELDS = {"index", "start", "end", "text", "tag", "confidence", "reasons"}


def suggest(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main(["suggest", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def test_json_contract_on_the_column_seed(capsys, column_seed):
    code, payload, _ = suggest(capsys, str(column_seed), "--json")
    assert code == 0
    assert set(payload) == {"statements"}
    text = load_document(column_seed).text
    statements = payload["statements"]
    assert [s["index"] for s in statements] == list(range(len(statements)))
    for s in statements:
        assert set(s) == FIELDS
        assert text[s["start"]:s["end"]] == s["text"]
        assert s["tag"] in ("opinion", "claim", "quotation", None)
        assert 0.0 <= s["confidence"] <= 1.0
        assert isinstance(s["reasons"], list) and all(isinstance(r, str) for r in s["reasons"])
        assert s["reasons"], s
    assert statements[0]["tag"] is None and statements[0]["confidence"] == 0.0
    assert {s["tag"] for s in statements} == {"opinion", "claim", "quotation", None}


def test_json_is_the_default(capsys, neutral_seed):
    with_flag = suggest(capsys, str(neutral_seed), "--json")[1]
    assert suggest(capsys, str(neutral_seed))[1] == with_flag


def _library_with_tags(path, n: int) -> None:
    with Store.open(path) as store:
        doc = store.remember_document("cd" * 32, "/tmp/weather.txt", "Weather")
        for i in range(n):
            text = f"The forecast for region {i} calls for rain."
            store.tag_table.add_tag(doc.id, i * 60, i * 60 + len(text), "opinion", exact=text)
            fact = f"The council approved budget line {i} on Tuesday."
            store.tag_table.add_tag(doc.id, i * 60 + 5000, i * 60 + 5000 + len(fact), "claim", exact=fact)


def test_db_learns_from_the_library_and_keeps_the_model(capsys, tmp_path):
    library = tmp_path / "lib.sqlite3"
    _library_with_tags(library, 20)
    doc = tmp_path / "doc.txt"
    doc.write_text("The forecast for the coast calls for rain.\n", encoding="utf-8")
    plain = suggest(capsys, str(doc))[1]["statements"][0]
    code, payload, _ = suggest(capsys, str(doc), "--db", str(library))
    learned = payload["statements"][0]
    assert code == 0
    assert plain["tag"] == "claim" and learned["tag"] == "opinion"
    assert any(r.startswith("learned from 40 of your tags") for r in learned["reasons"])
    with Store.open(library, readonly=True) as store:
        kept = saved_model(store)
        assert kept is not None and kept.n_examples == 40  # saved for the next call
        assert len(store.tag_table.tags()) == 40  # tags untouched
    # The next call reuses the saved model instead of training again.
    with Store.open(library) as store:
        store.set_setting(MODEL_SETTING_KEY, TagModel(
            kept.classes, {"<bias>": (0.0, 0.0, 9.0)}, 40, kept.fingerprint).to_json())
    again = suggest(capsys, str(doc), "--db", str(library))[1]["statements"][0]
    assert again["tag"] == "quotation"


def test_db_model_is_kept_after_reader_import(capsys, tmp_path):
    source = tmp_path / "source.sqlite3"
    _library_with_tags(source, 20)
    export = tmp_path / "tags.json"
    assert main(["export", "--format", "json", "--db", str(source), "-o", str(export)]) == 0
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["import", str(export), "--db", str(fresh)]) == 0
    capsys.readouterr()
    doc = tmp_path / "doc.txt"
    doc.write_text("The forecast for the coast calls for rain.\n", encoding="utf-8")
    first = suggest(capsys, str(doc), "--db", str(fresh))[1]
    with Store.open(fresh, readonly=True) as store:
        kept = saved_model(store)
    assert kept is not None and kept.n_examples == 40
    assert suggest(capsys, str(doc), "--db", str(fresh))[1] == first
    with Store.open(fresh, readonly=True) as store:
        assert saved_model(store) == kept


def test_db_that_cannot_be_written_still_learns(capsys, tmp_path, monkeypatch):
    library = tmp_path / "lib.sqlite3"
    _library_with_tags(library, 20)

    def locked(store, model):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("reader.core.suggest.save_model", locked)
    doc = tmp_path / "doc.txt"
    doc.write_text("The forecast for the coast calls for rain.\n", encoding="utf-8")
    code, payload, _ = suggest(capsys, str(doc), "--db", str(library))
    assert code == 0 and payload["statements"][0]["tag"] == "opinion"
    with Store.open(library, readonly=True) as store:
        assert saved_model(store) is None


def test_db_with_few_tags_changes_nothing(capsys, tmp_path, neutral_seed):
    library = tmp_path / "lib.sqlite3"
    _library_with_tags(library, 3)
    plain = suggest(capsys, str(neutral_seed))[1]
    assert suggest(capsys, str(neutral_seed), "--db", str(library))[1] == plain


@pytest.mark.parametrize("make_args", [
    lambda tmp, seed: [str(tmp / "missing.txt")],
    lambda tmp, seed: [str(seed), "--db", str(tmp / "missing.sqlite3")],
    lambda tmp, seed: [str(seed), "--db", str(tmp)],
])
def test_errors_are_one_line_and_create_nothing(capsys, tmp_path, neutral_seed, make_args):
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _, err = suggest(capsys, *make_args(tmp_path, neutral_seed))
    assert code == 1
    assert err.startswith("reader: ") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_not_a_database(capsys, tmp_path, neutral_seed):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    code, _, err = suggest(capsys, str(neutral_seed), "--db", str(bogus))
    assert code == 1 and "not a SQLite database" in err
    assert bogus.read_text(encoding="utf-8") == "not a database"

"""The codebook: the migration that lifts the fixed kinds, adding, renaming, retiring."""

from __future__ import annotations

import sqlite3

import pytest

from reader.core.store import (BUILTIN_KINDS, NOTE_KIND, SCHEMA_VERSION, Kind, KindError, Store,
                               Tag)
from reader.core.store._schema import MIGRATIONS

SHA = "a" * 64


def _old_library(path, version: int) -> None:
    """A library file as a Source Reader of schema ``version`` left it, with two tags."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in range(version):
        script = MIGRATIONS[step]
        assert isinstance(script, str)
        for statement in filter(None, (s.strip() for s in script.split(";"))):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    # what a later migration of another feature might have added to tags: a trigger
    conn.execute("CREATE TABLE tag_log (tag_id INTEGER)")
    conn.execute("CREATE TRIGGER tags_logged AFTER INSERT ON tags BEGIN "
                 "INSERT INTO tag_log VALUES (new.id); END")
    conn.execute("INSERT INTO documents (sha256, path, title, first_seen, last_seen) "
                 "VALUES (?, 'a.txt', 'A', 't', 't')", (SHA,))
    for start, kind in ((0, "claim"), (10, "quotation")):
        conn.execute('INSERT INTO tags (document_id, start, "end", kind, note, exact, author, '
                     "created_at, updated_at) VALUES (1, ?, ?, ?, 'n', 'x', 'ann', 't', 't')",
                     (start, start + 5, kind))
    conn.close()


def _kind_migration() -> int:
    return next(v for v, m in MIGRATIONS.items() if callable(m))


def test_migration_keeps_every_tag_and_lifts_the_check(tmp_path) -> None:
    db = tmp_path / "old.sqlite3"
    _old_library(db, _kind_migration())
    with Store.open(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        tags = store.tag_table.tags()
        assert [(t.start, t.end, t.kind, t.note, t.author) for t in tags] == [
            (0, 5, "claim", "n", "ann"), (10, 15, "quotation", "n", "ann")]
        assert [k.name for k in store.kinds.all()] == [*BUILTIN_KINDS, NOTE_KIND]
        store.kinds.add("misleading", "Technically true, but leaves a false impression")
        tag = store.tag_table.add_tag(1, 0, 5, "misleading", exact="x")
        assert store.tag_table.tag(tag.id).kind == "misleading"
        # the index of the old table came along
        indexes = {row[1] for row in store._read("PRAGMA index_list(tags)")}
        assert "tags_document" in indexes
        assert store._read("SELECT COUNT(*) FROM tag_log") == [(3,)]  # the trigger too


def test_unknown_kind_is_refused_and_nothing_written(tmp_path) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        doc = store.remember_document(SHA, "a.txt", "A")
        with pytest.raises(ValueError, match="unknown tag kind 'verdict'"):
            store.tag_table.add_tag(doc.id, 0, 5, "verdict", exact="x")
        with pytest.raises(sqlite3.IntegrityError):  # the database refuses it too
            store._conn.execute('INSERT INTO tags (document_id, start, "end", kind, '
                                "created_at, updated_at) VALUES (?, 0, 1, 'verdict', 't', 't')",
                                (doc.id,))
        assert store.tag_table.tags() == []


def test_add_rename_retire(tmp_path) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        doc = store.remember_document(SHA, "a.txt", "A")
        false = store.kinds.add("false", "Wrong on the facts", key="F", color="#d62728",
                                shape="cross")
        assert false == Kind("false", "Wrong on the facts", "F", "#D62728", "cross",
                             position=0)
        store.kinds.add("unproven")
        tag = store.tag_table.add_tag(doc.id, 0, 5, "false", exact="x")
        renamed = store.kinds.update("FALSE", new_name="False claim", key="")
        assert renamed.name == "False claim" and renamed.key == ""
        assert store.tag_table.tag(tag.id).kind == "False claim"  # the tag followed its kind
        store.kinds.update("False claim", retired=True)
        assert [k.name for k in store.kinds.all(include_retired=False)][-1] == "unproven"
        assert store.kinds.get("false claim").retired
        assert store.tag_table.tag(tag.id).kind == "False claim"  # retired kinds keep their tags
        assert store.kinds.usage() == {"False claim": 1}
        with pytest.raises(sqlite3.IntegrityError):  # a kind with tags cannot be deleted
            store._conn.execute("DELETE FROM kinds WHERE name = 'False claim'")


@pytest.mark.parametrize("name, message", [
    ("", "needs a name"), ("  ", "needs a name"), ("x" * 41, "at most 40"),
    ("a\x00b", "control"), ("Claim", "already a kind called 'claim'"),
    ("NOTE", "already a kind called 'note'"),
])
def test_bad_names(tmp_path, name, message) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        with pytest.raises(KindError, match=message):
            store.kinds.add(name)


def test_builtins_cannot_change_and_bad_values_are_refused(tmp_path) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        with pytest.raises(KindError, match="built in"):
            store.kinds.update("claim", new_name="fact")
        with pytest.raises(KindError, match="#RRGGBB"):
            store.kinds.add("x", color="red")
        with pytest.raises(KindError, match="shape"):
            store.kinds.add("x", shape="blob")
        store.kinds.add("x")
        with pytest.raises(KindError, match="already a kind called 'x'"):
            store.kinds.add("y") and store.kinds.update("y", new_name="X")
        assert [k.name for k in store.kinds.all() if not k.builtin] == ["x", "y"]


def test_merge_recreates_unknown_kinds_and_spells_known_ones(tmp_path) -> None:
    with Store.open(tmp_path / "lib.sqlite3") as store:
        store.kinds.add("misleading")
        tags = [("b" * 64, Tag(0, 0, 0, 5, kind, "", "x", "", "", "bo", "", ""))
                for kind in ("Misleading", "satire", "claim")]
        added, _ = store.bulk.merge_tags([("b" * 64, "b.txt", "B")], tags,
                                    kinds=[Kind("satire", "Not meant seriously", "S",
                                                "#112233", "star")])
        assert added == 3
        assert sorted(t.kind for t in store.tag_table.tags()) == ["claim", "misleading", "satire"]
        satire = store.kinds.get("satire")
        assert (satire.description, satire.key, satire.color, satire.shape) == (
            "Not meant seriously", "S", "#112233", "star")


def test_merging_a_library_brings_its_kinds(tmp_path) -> None:
    from reader.core.store import merge_library

    with Store.open(tmp_path / "theirs.sqlite3") as theirs:
        theirs.kinds.add("Satire", "Not meant seriously", key="S", color="#112233",
                         shape="star")
        doc = theirs.remember_document(SHA, "a.txt", "A")
        theirs.tag_table.add_tag(doc.id, 0, 5, "Satire", exact="x", author="zoe")
    with Store.open(tmp_path / "mine.sqlite3") as mine:
        mine.kinds.add("satire")  # the same kind, spelled otherwise: not made twice
        mine.kinds.add("verdict")
        result = merge_library(mine, tmp_path / "theirs.sqlite3")
        assert result.tags_added == 1
        assert [t.kind for t in mine.tag_table.tags()] == ["satire"]
        assert [k.name for k in mine.kinds.all() if not k.builtin] == ["satire", "verdict"]
    with Store.open(tmp_path / "third.sqlite3") as third:
        merge_library(third, tmp_path / "theirs.sqlite3")
        satire = third.kinds.get("satire")
        assert (satire.name, satire.description, satire.color) == ("Satire",
                                                                    "Not meant seriously",
                                                                    "#112233")


def test_builtin_kinds_carry_the_colours_the_window_draws(tmp_path) -> None:
    db = tmp_path / "lib.sqlite3"
    with Store.open(db) as store:
        store.kinds.add("misleading", color="#D62728")
    # a library written when the built-in colours were others
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE kinds SET color = '#C2410C' WHERE name = 'opinion'")
    with Store.open(db) as store:
        colors = {k.name: k.color for k in store.kinds.all()}
        assert store.kinds.get("opinion").color == colors["opinion"] == "#CC79A7"
        assert (colors["claim"], colors["quotation"]) == ("#0072B2", "#E69F00")
        assert colors["misleading"] == "#D62728"          # a kind of one's own keeps its own

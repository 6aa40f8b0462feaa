"""Import: round trips, idempotence, matching by hash or by path, orphans, bad files."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from reader.core.export import export
from reader.core.export import ImportFileError, import_tags, read_import_file
from reader.core.store import Store
from tests.core.export.export_support import LEFT_TEXT, RIGHT_TEXT, statement_spans, make_library

LINES = [LEFT_TEXT[s:e] for s, e in statement_spans(LEFT_TEXT)]


def dump(db: Path, fmt: str = "json") -> str:
    out = io.StringIO()
    with Store.open(db, readonly=True) as store:
        export(store, fmt, None, out)
    return out.getvalue()


def records(db: Path) -> list[dict]:
    return json.loads(dump(db))["records"]


def do_import(db: Path, path: Path):
    with Store.open(db) as store:
        return import_tags(store, path)


def fingerprint(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_round_trip_gives_the_same_records(library, tmp_path, fmt):
    exported = tmp_path / f"tags.{fmt}"
    exported.write_text(dump(library.db, fmt), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    result = do_import(fresh, exported)
    assert (result.found, result.added, result.orphaned, result.reanchored) == (5, 5, 0, 0)
    assert result.documents_added == 2 and result.links_added == 2
    assert records(fresh) == records(library.db)


def test_round_trip_through_w3c_keeps_every_tag(library, tmp_path):
    exported = tmp_path / "tags.jsonld"
    exported.write_text(dump(library.db, "w3c"), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    assert do_import(fresh, exported).added == 5
    strip = [{k: v for k, v in r.items() if k != "links"} for r in records(library.db)]
    assert [{k: v for k, v in r.items() if k != "links"} for r in records(fresh)] == strip


@pytest.mark.parametrize("fmt", ["json", "jsonl", "w3c"])
def test_importing_twice_adds_nothing(library, tmp_path, fmt):
    exported = tmp_path / "tags.out"
    exported.write_text(dump(library.db, fmt), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    do_import(fresh, exported)
    before = dump(fresh)
    again = do_import(fresh, exported)
    assert (again.added, again.duplicates, again.links_added) == (0, 5, 0)
    assert json.loads(dump(fresh))["records"] == json.loads(before)["records"]
    # and importing into the library the tags came from adds nothing either
    assert do_import(library.db, exported).added == 0


def test_tags_follow_the_hash_when_the_path_differs(library, tmp_path):
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    moved.write_bytes(LEFT_TEXT.encode())
    other = tmp_path / "other.sqlite3"
    with Store.open(other) as store:
        store.remember_document(library.left.sha256, str(moved), "Renamed")
        import_tags(store, exported)
        doc = store.document_by_sha(library.left.sha256)
        tags = store.tag_table.tags([doc.id])
    assert doc.path == str(moved)  # an import never rewrites a known document
    assert [(t.start, t.end) for t in tags] == statement_spans(LEFT_TEXT)


def test_changed_file_is_matched_by_path_and_tags_reanchored(library, tmp_path):
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    left_file = library.db.parent / "docs" / "left.txt"
    lines = LEFT_TEXT.split("\n")
    edited = "A new opening line.\n" + "\n".join(lines[:4]) + "\n"  # last line removed
    left_file.write_text(edited, encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    result = do_import(fresh, exported)
    assert (result.found, result.added, result.reanchored, result.orphaned) == (5, 5, 4, 1)
    got = records(fresh)
    assert {r["document"]["path"] for r in got} == {str(left_file)}
    for record in got:
        if record["orphaned"]:
            assert record["text"] == "Last line,\nwith a line break inside."
            assert record["links"] == []
        else:
            assert edited[record["start"]:record["end"]] == record["text"]
    shift = len("A new opening line.\n")
    assert got[0]["start"] == statement_spans(LEFT_TEXT)[0][0] + shift


def test_unknown_document_named_by_hash_is_kept(library, tmp_path):
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    for name in ("left.txt", "right.txt"):
        (library.db.parent / "docs" / name).unlink()
    fresh = tmp_path / "fresh.sqlite3"
    assert do_import(fresh, exported).added == 5
    got = records(fresh)
    assert [(r["start"], r["end"]) for r in got] == statement_spans(LEFT_TEXT)
    assert not any(r["orphaned"] for r in got)


def test_orphans_stay_orphans(library, tmp_path):
    with Store.open(library.db) as store:
        first = store.tag_table.tags()[0]
        store.tag_table.update_tag(first.id, orphaned=True)
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    do_import(fresh, exported)
    assert [r["orphaned"] for r in records(fresh)] == [True, False, False, False, False]


def test_hand_written_w3c_annotation_by_relative_path(library, tmp_path):
    folder = library.db.parent
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "creator": "carol",
        "bodyValue": "found by hand",
        "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Claim"}],
        "target": {"source": "docs/left.txt",
                   "selector": {"type": "TextQuoteSelector", "exact": LINES[4]}},
    }
    hand = folder / "hand.json"
    hand.write_text(json.dumps(annotation), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    result = do_import(fresh, hand)
    assert (result.added, result.orphaned) == (1, 0)
    record, = records(fresh)
    assert (record["kind"], record["author"], record["note"]) == ("claim", "carol", "found by hand")
    assert LEFT_TEXT[record["start"]:record["end"]] == LINES[4]
    assert record["suffix"] == "\n" and record["created_at"]
    assert do_import(fresh, hand).added == 0  # no created time in the file: still idempotent


GOOD = {"document": {"path": "", "title": "t", "sha256": "a" * 64}, "kind": "claim",
        "text": "x", "start": 0, "end": 1}


def as_export(*records_: dict, version: int = 1) -> str:
    return json.dumps({"schema": "source-reader/tags", "version": version,
                       "records": list(records_)}, indent=1)


def annotation(**changes) -> dict:
    base = {"type": "Annotation",
            "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}],
            "target": {"source": "urn:sha256:" + "a" * 64,
                       "selector": [{"type": "TextQuoteSelector", "exact": "x"}]}}
    base.update(changes)
    return base


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"kind,text\nclaim,x\n", "line 1: not JSON"),
    (b"\xff\xfe\x00garbage", "not UTF-8"),
    ('{\n "schema": "source-reader/tags",\n "version": 1,\n "records": [\n  {,}\n ]\n}',
     "line 5 column"),
    (as_export(GOOD, version=2), "version: 2 is newer"),
    (json.dumps({"schema": "somebody-else", "version": 1, "records": []}), "schema"),
    (as_export(GOOD, {**GOOD, "kind": "  "}), "records[1].kind"),
    (as_export({**GOOD, "start": 5, "end": 2}), "records[0].end"),
    (as_export({**GOOD, "start": -1}), "records[0].start"),
    (as_export({**GOOD, "start": "0"}), "records[0].start"),
    (as_export({k: v for k, v in GOOD.items() if k != "text"}), "records[0].text: missing"),
    (as_export({**GOOD, "document": {"sha256": "xyz"}}), "records[0].document.sha256"),
    (as_export({**GOOD, "created_at": "yesterday"}), "records[0].created_at"),
    (as_export({**GOOD, "links": [{"start": 0, "end": 1}]}), "records[0].links[0].document"),
    (as_export({**GOOD, "orphaned": "no"}), "records[0].orphaned"),
    (json.dumps(GOOD) + "\n" + json.dumps(GOOD) + "\n{broken\n", "line 3: not valid JSON"),
    (json.dumps(GOOD) + "\n" + json.dumps({**GOOD, "kind": None}) + "\n", "line 2: kind"),
    (json.dumps([annotation(body=[{"purpose": "describing", "value": ""}])]), "[0].body"),
    (json.dumps({"type": "AnnotationPage", "items": [annotation(), annotation(
        target={"source": "urn:sha256:" + "a" * 64})]}), "items[1].target.selector"),
    (json.dumps(annotation(target={"selector": {"type": "TextQuoteSelector", "exact": "x"}})),
     "annotation.target.source"),
    (json.dumps({"type": "AnnotationCollection", "first": {"items": "nope"}}), "first.items"),
    (json.dumps({"hello": "world"}), "not a Source Reader export"),
    (as_export(GOOD) + "\n}", "line 18 column 1: not valid JSON (Extra data)"),
])
def test_malformed_files_are_rejected_naming_the_fault(library, tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content if isinstance(content, bytes) else content.encode())
    before = fingerprint(library.db)
    with pytest.raises(ImportFileError) as info:
        do_import(library.db, bad)
    assert message in str(info.value) and str(bad) in str(info.value)
    assert "\n" not in str(info.value)
    assert fingerprint(library.db) == before
    assert len(records(library.db)) == 5


def test_unresolvable_document_rejects_the_whole_file(library, tmp_path):
    good = json.loads(dump(library.db))
    good["records"].append({**GOOD, "document": {"path": str(tmp_path / "gone.txt")}})
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(good), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    with Store.open(fresh):
        pass
    before = fingerprint(fresh)
    with pytest.raises(ImportFileError, match=r"records\[5\]: document .*gone.txt"):
        do_import(fresh, bad)
    assert fingerprint(fresh) == before


def test_read_import_file_reports_missing_files(tmp_path):
    with pytest.raises(ImportFileError, match="no such file"):
        read_import_file(tmp_path / "nope.json")


def test_links_to_a_changed_document_are_not_imported(library, tmp_path):
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    (library.db.parent / "docs" / "right.txt").write_text(RIGHT_TEXT + "more\n",
                                                           encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    result = do_import(fresh, exported)
    assert (result.added, result.links_added) == (5, 0)


def test_an_import_writes_its_tags_a_batch_per_transaction(library, tmp_path, monkeypatch):
    """A tag key in the window waits for one batch of an import, not the whole file
    (100,000 tags in one transaction held the library 1.3 s)."""
    from contextlib import contextmanager

    from reader.core.store import _bulk

    monkeypatch.setattr(_bulk, "BATCH", 2)
    exported = tmp_path / "tags.json"
    exported.write_text(dump(library.db), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    counts: list[int] = []
    original = Store.transaction

    @contextmanager
    def watched(self):
        with original(self) as conn:
            yield conn
            counts.append(conn.execute("SELECT count(*) FROM tags").fetchone()[0])

    monkeypatch.setattr(Store, "transaction", watched)
    assert do_import(fresh, exported).added == 5
    grown = [later - earlier for earlier, later in zip([0, *counts], counts)]
    assert sum(grown) == 5 and max(grown) == 2


def full_disk_at_tag(monkeypatch, n: int) -> None:
    """Imports write 2 tags per transaction, and the ``n``-th tag written fails as on a
    full disk."""
    import sqlite3

    from reader.core.store import _bulk

    monkeypatch.setattr(_bulk, "BATCH", 2)
    merge_tag, calls = _bulk._merge_tag, [0]

    def failing(*args):
        calls[0] += 1
        if calls[0] == n:
            raise sqlite3.OperationalError("database or disk is full")
        return merge_tag(*args)

    monkeypatch.setattr(_bulk, "_merge_tag", failing)


def test_an_import_stopped_half_way_keeps_its_batches_and_finishes_when_run_again(
        library, tmp_path, monkeypatch):
    import sqlite3
    from contextlib import closing

    from reader.core.errors import PartialImportError
    from reader.core.store import _bulk

    exported, fresh = tmp_path / "tags.json", tmp_path / "fresh.sqlite3"
    exported.write_text(dump(library.db), encoding="utf-8")
    merge_tag = _bulk._merge_tag
    full_disk_at_tag(monkeypatch, 4)     # in the second batch
    with pytest.raises(PartialImportError, match="2 of 5 tags were merged before it; importing the "
                                         "file again adds the rest"):
        do_import(fresh, exported)
    with closing(sqlite3.connect(fresh)) as conn:   # the first batch, not half the second
        assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 2
    monkeypatch.setattr(_bulk, "_merge_tag", merge_tag)
    assert do_import(fresh, exported).added == 3
    assert records(fresh) == records(library.db)


def test_an_import_failing_in_its_first_batch_leaves_the_library_as_it_was(
        library, tmp_path, monkeypatch):
    import sqlite3
    from contextlib import closing

    from reader.core.errors import PartialImportError, StoreError

    exported, fresh = tmp_path / "tags.json", tmp_path / "fresh.sqlite3"
    exported.write_text(dump(library.db), encoding="utf-8")
    Store.open(fresh).close()
    full_disk_at_tag(monkeypatch, 2)     # in the first batch, with the documents and kinds
    with pytest.raises(StoreError) as raised:
        do_import(fresh, exported)
    assert not isinstance(raised.value, PartialImportError)
    with closing(sqlite3.connect(fresh)) as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM tags").fetchone()[0] == 0

"""The codebook travels with every format: kinds of the library's own, retired kinds,
parts of statements and notes without a tag, out and back in."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from xml.etree import ElementTree as ET

import pytest

from reader.core.anchoring import make_selector
from reader.core.export import ExportError, ExportFilter, export
from reader.core.export import ImportFileError, import_tags, read_import_file, similar_enough
from reader.core.store import Store
from tests.core.export.export_support import make_library, statement_spans

NS = {"q": "urn:QDA-XML:project:1.0"}


@pytest.fixture
def library(tmp_path):
    """The export test library plus: a verdict stacked on a claim, a retired kind with a
    tag, a quotation of a part of a statement and a note without a tag."""
    lib = make_library(tmp_path)
    with Store.open(lib.db) as store:
        store.kinds.add("misleading", "True words, false impression", key="M",
                        color="#D55E00", shape="triangle")
        store.kinds.add("old verdict", "Used before 2024")
        text = lib.left.text
        spans = statement_spans(text)
        for kind, (start, end) in (("misleading", spans[1]), ("old verdict", spans[2])):
            exact, prefix, suffix = make_selector(text, start, end)
            store.tag_table.add_tag(lib.left_id, start, end, kind, exact=exact, prefix=prefix,
                          suffix=suffix, author="bob")
        store.kinds.update("old verdict", retired=True)
        part = text.index('"this"'), text.index('"this"') + len('"this"')
        store.tag_table.add_tag(lib.left_id, *part, "quotation", exact=text[part[0]:part[1]],
                      author="bob")
        start, end = spans[4]
        store.tag_table.add_tag(lib.left_id, start, end, "note", exact=text[start:end],
                      note="Where is this from?", author="bob")
    return lib


def exported(db, fmt: str, filters: ExportFilter | None = None) -> str | bytes:
    with Store.open(db, readonly=True) as store:
        out = io.BytesIO() if fmt == "qdpx" else io.StringIO()
        export(store, fmt, filters, out)
    return out.getvalue()


def test_json_lists_the_codebook_and_custom_kinds(library) -> None:
    data = json.loads(exported(library.db, "json"))
    kinds = {k["name"]: k for k in data["kinds"]}
    assert kinds["misleading"] == {"name": "misleading",
                                   "description": "True words, false impression", "key": "M",
                                   "color": "#D55E00", "builtin": False, "shape": "triangle",
                                   "retired": False}
    assert kinds["claim"]["builtin"] is True and kinds["old verdict"]["retired"] is True
    assert set(kinds) >= {"opinion", "claim", "quotation", "note"}
    records = data["records"]
    assert {r["kind"] for r in records} == {"opinion", "claim", "quotation", "misleading",
                                            "old verdict", "note"}
    part = next(r for r in records if r["text"] == '"this"')
    assert part["end"] - part["start"] == len('"this"')


@pytest.mark.parametrize("fmt", ["json", "jsonl", "w3c"])
def test_import_recreates_unknown_kinds(library, tmp_path, fmt) -> None:
    path = tmp_path / f"tags.{fmt}"
    path.write_text(exported(library.db, fmt), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    with Store.open(fresh) as store:
        result = import_tags(store, path)
        assert result.added == result.found == 9
        assert result.kinds_added == 2 and "2 new kinds" in result.summary()
        misleading = store.kinds.get("misleading")
        if fmt == "jsonl":  # lines carry kinds by name only
            assert misleading.description == ""
        else:
            assert (misleading.description, misleading.key, misleading.color,
                    misleading.shape) == ("True words, false impression", "M", "#D55E00",
                                          "triangle")
            assert store.kinds.get("old verdict").retired
        assert sorted(t.kind for t in store.tag_table.tags()) == sorted(
            t.kind for t in Store.open(library.db, readonly=True).tag_table.tags())
        note = next(t for t in store.tag_table.tags() if t.kind == "note")
        assert note.note == "Where is this from?"
        assert import_tags(store, path).added == 0  # twice: nothing new


def test_file_codebook_is_read_and_bad_entries_are_named(tmp_path) -> None:
    good = {"schema": "source-reader/tags", "version": 1, "records": [],
            "kinds": [{"name": "satire", "color": "not a colour"}, {"name": "claim"}]}
    path = tmp_path / "k.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    read = read_import_file(path)
    assert [(k.name, k.color) for k in read.kinds] == [("satire", "")]
    path.write_text(json.dumps({**good, "kinds": [{"name": 3}]}), encoding="utf-8")
    with pytest.raises(ImportFileError, match=r"kinds\[0\]\.name"):
        read_import_file(path)


def test_filters_take_any_kind_of_the_codebook(library) -> None:
    data = json.loads(exported(library.db, "json", ExportFilter(kinds=["Misleading"])))
    assert [r["kind"] for r in data["records"]] == ["misleading"]
    with pytest.raises(ExportError, match="unknown tag kind 'gossip'"):
        exported(library.db, "json", ExportFilter(kinds=["gossip"]))


def test_qdpx_codebook_has_every_kind(library) -> None:
    with zipfile.ZipFile(io.BytesIO(exported(library.db, "qdpx"))) as archive:
        root = ET.fromstring(archive.read("project.qde"))
    codes = {c.get("name"): c for c in root.iterfind(".//q:Code", NS)}
    assert set(codes) == {"opinion", "claim", "quotation", "misleading", "old verdict"}
    assert codes["misleading"].get("color") == "#D55E00"
    assert codes["misleading"].find("q:Description", NS).text == "True words, false impression"
    assert codes["old verdict"].get("isCodable") == "false"
    selections = root.findall(".//q:PlainTextSelection", NS)
    note = next(s for s in selections if s.find("q:Description", NS) is not None
                and s.find("q:Description", NS).text == "Where is this from?")
    assert note.find("q:Coding", NS) is None  # a note is not a code
    coded = {s.find("q:Coding/q:CodeRef", NS).get("targetGUID")
             for s in selections if s.find("q:Coding", NS) is not None}
    assert codes["misleading"].get("guid") in coded


def test_text_formats_show_custom_kinds(library) -> None:
    rows = list(csv.DictReader(io.StringIO(exported(library.db, "csv"))))
    assert {"misleading", "old verdict", "note"} <= {r["kind"] for r in rows}
    markdown = exported(library.db, "md")
    assert "### Misleading (1)" in markdown and "### Notes (1)" in markdown
    assert "**misleading** (True words, false impression)" in markdown
    assert "**old verdict** (Used before 2024) (retired)" in markdown
    html = exported(library.db, "html")
    assert 'class="tag kind-misleading"' in html and "--kind: #D55E00" in html
    assert ">Misleading</text>" in html and ">Old verdict</text>" in html
    w3c = json.loads(exported(library.db, "w3c"))
    items = w3c["first"]["items"]
    values = [b["value"] for a in items for b in a["body"] if b.get("purpose") == "tagging"]
    assert "misleading" in values
    note = next(a for a in items if a["motivation"] == "commenting")
    assert note["body"] == [{"type": "TextualBody", "purpose": "commenting",
                             "value": "Where is this from?", "format": "text/plain"}]


@pytest.mark.parametrize("left, right, similar", [
    ("Spending on parks rises by 4 percent.", "Spending on parks rose by 4 percent.", True),
    ("Spending on parks rises by 4 percent.",
     "The city will put more money into green spaces next year.", False),
    ("", "", False),
])
def test_word_differences_only_for_close_pairs(left, right, similar) -> None:
    assert similar_enough(left, right) is similar

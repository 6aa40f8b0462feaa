"""CSV, JSON, JSON Lines, Markdown and W3C exports parsed back with standard tools."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reader.core.export import ExportFilter, export
from reader.core.export import COLUMNS, neutralize
from reader.core.export import escape_markdown
from reader.core.store import Store
from tests.core.export.export_support import (AUTHOR, HOSTILE_NOTE, LEFT_TEXT, NOTE, statement_spans,
                                       make_library)

LINES = [LEFT_TEXT[s:e] for s, e in statement_spans(LEFT_TEXT)]


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


def exported(library, fmt: str, filters: ExportFilter | None = None) -> str:
    out = io.StringIO()
    with Store.open(library.db, readonly=True) as store:
        export(store, fmt, filters, out)
    return out.getvalue()


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), ("a=b", "a=b"), ("", ""),
])
def test_neutralize(value, expected):
    assert neutralize(value) == expected


def test_csv_parses_back_with_awkward_text_and_defused_formulas(library):
    rows = list(csv.DictReader(io.StringIO(exported(library, "csv"), newline="")))
    assert len(rows) == 5 and list(rows[0]) == list(COLUMNS)
    # every text survives; the formula-looking ones gain exactly one apostrophe
    assert [r["text"] for r in rows] == [neutralize(line) for line in LINES]
    assert rows[1]["text"] == "'" + LINES[1] and rows[3]["text"] == "'" + LINES[3]
    assert rows[0]["note"] == NOTE and rows[1]["note"] == "'" + HOSTILE_NOTE
    assert rows[0]["author"] == AUTHOR
    assert rows[0]["link_count"] == "1" and "score 0.900" in rows[0]["links"]
    assert "manual" in rows[1]["links"]
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_csv_file_starts_with_a_bom_for_spreadsheets(library, tmp_path):
    target = tmp_path / "tags.csv"
    with Store.open(library.db, readonly=True) as store:
        export(store, "csv", None, target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["text"] == LINES[0]


def test_json_parses_back_with_the_versioned_schema(library):
    data = json.loads(exported(library, "json"))
    assert (data["schema"], data["version"], data["count"]) == ("source-reader/tags", 1, 5)
    records = data["records"]
    assert [r["text"] for r in records] == LINES
    first = records[0]
    assert set(first) == {"document", "kind", "text", "start", "end", "prefix", "suffix",
                          "note", "author", "created_at", "updated_at", "orphaned", "links"}
    assert set(first["document"]) == {"path", "title", "sha256"}
    assert first["note"] == NOTE and first["author"] == AUTHOR
    assert LEFT_TEXT[first["start"]:first["end"]] == first["text"]
    link = first["links"][0]
    assert (link["score"], link["source"]) == (0.9, "auto")
    assert link["text"].startswith('Quote "that"')


def test_json_records_the_filters(library):
    data = json.loads(exported(library, "json", ExportFilter(kinds=["claim"], since="2024-05-02")))
    assert data["filters"]["kinds"] == ["claim"] and data["filters"]["since"] == "2024-05-02"
    assert [r["kind"] for r in data["records"]] == ["claim", "claim"]


def test_json_lines_one_record_per_line(library):
    text = exported(library, "jsonl")
    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 6
    records = [json.loads(line) for line in lines[:-1]]
    assert [r["text"] for r in records] == LINES
    assert records == json.loads(exported(library, "json"))["records"]


def test_empty_export_is_still_valid(library):
    data = json.loads(exported(library, "json", ExportFilter(since="2099-01-01")))
    assert data["records"] == [] and data["count"] == 0
    assert exported(library, "jsonl", ExportFilter(since="2099-01-01")) == ""


class _TextAndTags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_markdown_groups_by_document_then_kind_and_renders_text_as_text(library):
    markdown_it = pytest.importorskip("markdown_it")
    source = exported(library, "md")
    headings = [line for line in source.split("\n") if line.startswith("#")]
    assert headings == ["# Tagged passages", "## left", "### Opinion (2)", "### Claim (2)",
                        "### Quotation (1)"]
    rendered = markdown_it.MarkdownIt("commonmark").render(source)
    parser = _TextAndTags()
    parser.feed(rendered)
    assert "script" not in parser.tags and "img" not in parser.tags and "i" not in parser.tags
    text = "".join(parser.text)
    for line in LINES:
        assert line in text, line
    assert "second line <i>here</i> 🙂" in text


@pytest.mark.parametrize("raw", ["# not a heading", "1. not a list", "*stars* and _under_",
                                 "<b>tag</b> & [link](x)", "- dash", "back\\slash `code`"])
def test_markdown_escape_round_trips_through_a_renderer(raw):
    markdown_it = pytest.importorskip("markdown_it")
    rendered = markdown_it.MarkdownIt("commonmark").render(escape_markdown(raw))
    parser = _TextAndTags()
    parser.feed(rendered)
    assert parser.tags == ["p"]
    assert "".join(parser.text).strip() == raw


def test_w3c_annotations_have_both_selectors_and_bodies(library):
    data = json.loads(exported(library, "w3c"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 5
    items = data["first"]["items"]
    assert len(items) == 5 and len({a["id"] for a in items}) == 5
    first = items[0]
    assert first["type"] == "Annotation"
    quote, position = first["target"]["selector"]
    assert quote == {"type": "TextQuoteSelector", "exact": LINES[0], "prefix": "",
                     "suffix": LEFT_TEXT[statement_spans(LEFT_TEXT)[0][1]:][:32]}
    assert position == {"type": "TextPositionSelector", "start": 0, "end": len(LINES[0])}
    assert first["body"][0] == {"type": "TextualBody", "purpose": "tagging", "value": "opinion"}
    assert first["body"][1]["purpose"] == "commenting" and first["body"][1]["value"] == NOTE
    source = first["target"]["source"]
    assert source["id"].startswith("file:///") and source["id"].endswith("left.txt")
    assert source["dcterms:identifier"] == f"urn:sha256:{library.left.sha256}"
    assert first["creator"]["name"] == AUTHOR and first["created"] == "2024-05-01T10:00:00.000Z"
    assert [len(a["body"]) for a in items] == [2, 2, 1, 1, 1]  # no empty comment bodies


def test_w3c_ids_are_stable_across_exports(library):
    ids = [[a["id"] for a in json.loads(exported(library, "w3c"))["first"]["items"]]
           for _ in range(2)]
    assert ids[0] == ids[1]


DOCS = Path(__file__).resolve().parents[3] / "docs" / "export-schema.md"


def documented_schema() -> dict:
    blocks = re.findall(r"```json\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    return json.loads(next(b for b in blocks if '"$schema"' in b))


def check(value, schema: dict, root: dict, where: str = "record") -> None:
    """A small JSON Schema check (the keywords docs/export-schema.md uses)."""
    if "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[1]]
    types = schema.get("type")
    if types is not None:
        names = {"object": dict, "array": list, "string": str, "boolean": bool,
                 "integer": int, "number": (int, float), "null": type(None)}
        allowed = types if isinstance(types, list) else [types]
        assert any(isinstance(value, names[t]) and not (t in ("integer", "number") and
                   isinstance(value, bool)) for t in allowed), (where, value, allowed)
    if "enum" in schema:
        assert value in schema["enum"], (where, value)
    if "minimum" in schema:
        assert value >= schema["minimum"], where
    if "pattern" in schema:
        assert re.search(schema["pattern"], value), (where, value)
    if isinstance(value, dict):
        assert set(schema.get("required", ())) <= set(value), (where, sorted(value))
        assert set(value) <= set(schema.get("properties", {})), (where, sorted(value))
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                check(value[key], sub, root, f"{where}.{key}")
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            check(item, schema["items"], root, f"{where}[{i}]")


def test_records_match_the_documented_json_schema(library):
    schema = documented_schema()
    records = json.loads(exported(library, "json"))["records"]
    assert any(r["links"] for r in records)
    for record in records:
        check(record, schema, schema)
    with pytest.raises(AssertionError):
        check({**records[0], "kind": " rumour"}, schema, schema)  # not a kind's name

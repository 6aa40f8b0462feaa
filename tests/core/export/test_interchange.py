"""What other tools need of our files: carriage returns in .qdpx, lone surrogates named,
web-page annotations matched by quote, honest import summaries, a spreadsheet workbook."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from reader.core.export import ImportFileError, export, import_tags, read_import_file
from reader.core.store import Store
from tests.core.export.export_support import AUTHOR, LEFT_TEXT, make_library, statement_spans


@pytest.fixture
def library(tmp_path):
    return make_library(tmp_path)


def _set_note(db: Path, note: str) -> None:
    with Store.open(db) as store:
        first = store.tag_table.tags()[0]
        store.tag_table.update_tag(first.id, note=note)


def test_qdpx_keeps_a_carriage_return_in_a_note(library, tmp_path):
    _set_note(library.db, "\rstarts with a carriage return\r\nand has a CRLF")
    out = tmp_path / "tags.qdpx"
    with Store.open(library.db, readonly=True) as store:
        export(store, "qdpx", None, out)
    with zipfile.ZipFile(out) as archive:
        xml = archive.read("project.qde")
    assert b"\r" not in xml and b"&#13;" in xml
    notes = [d.text for d in ET.fromstring(xml).iter("{urn:QDA-XML:project:1.0}Description")]
    assert "\rstarts with a carriage return\r\nand has a CRLF" in notes


def _w3c_file(tmp_path: Path, annotation: dict) -> Path:
    path = tmp_path / "web.jsonld"
    path.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld",
                                "type": "AnnotationCollection", "total": 1,
                                "first": {"type": "AnnotationPage", "items": [annotation]}}),
                    encoding="utf-8")
    return path


def _annotation(source: str, exact: str, note: str = "", position: tuple | None = None) -> dict:
    selectors: list[dict] = [{"type": "TextQuoteSelector", "exact": exact}]
    if position:
        selectors.append({"type": "TextPositionSelector", "start": position[0],
                          "end": position[1]})
    body = [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}]
    if note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": note})
    return {"type": "Annotation", "id": "urn:uuid:1", "body": body, "creator": "web user",
            "target": {"source": source, "selector": selectors}}


@pytest.mark.parametrize("text, where", [
    ('{"schema": "source-reader/tags", "version": 1, "records": [{"document": {"path": "a",'
     ' "sha256": "' + "a" * 64 + '"}, "kind": "claim", "text": "x", "start": 0, "end": 1,'
     ' "note": "bad \\ud800 note"}]}', "records[0].note"),
    (None, "items[0].body[1].value"),
])
def test_a_lone_surrogate_is_named_by_record_and_field(tmp_path, text, where):
    if text is None:
        path = _w3c_file(tmp_path, _annotation("urn:sha256:" + "a" * 64, "x", note="\ud800"))
        raw = path.read_text(encoding="utf-8")  # json.dumps escaped it as \ud800
        assert "\\ud800" in raw
    else:
        path = tmp_path / "bad.json"
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportFileError) as caught:
        read_import_file(path)
    message = str(caught.value)
    assert where in message and "surrogate" in message and "\n" not in message


def test_web_page_annotations_match_a_library_document_by_quote(library, tmp_path):
    start, end = statement_spans(LEFT_TEXT)[1]
    exact = LEFT_TEXT[start:end]
    with Store.open(library.db) as store:
        for tag in store.tag_table.tags():
            store.tag_table.delete_tag(tag.id)
    path = _w3c_file(tmp_path, _annotation("https://news.example.org/story", exact,
                                           position=(900, 900 + len(exact))))
    with Store.open(library.db) as store:
        result = import_tags(store, path)
        (tag,) = store.tag_table.tags()
    assert (tag.start, tag.end, tag.document_id) == (start, end, library.left_id)
    assert result.added == 1 and result.located == 1 and result.reanchored == 0
    assert "placed by their quote" in result.summary()
    assert "changed text" not in result.summary()


def test_web_page_annotations_not_in_the_library_are_skipped_and_named(library, tmp_path):
    path = _w3c_file(tmp_path, _annotation("https://elsewhere.example.com/page",
                                           "Words no document of ours holds."))
    with Store.open(library.db) as store:
        before = len(store.tag_table.tags())
        result = import_tags(store, path)
        assert len(store.tag_table.tags()) == before
    assert result.added == 0 and result.skipped == ("https://elsewhere.example.com/page",)
    assert "1 skipped" in result.summary()
    assert "https://elsewhere.example.com/page" in result.summary()
    assert "already in the library" not in result.summary()


def test_a_missing_position_is_not_called_a_changed_text(library, tmp_path):
    start, end = statement_spans(LEFT_TEXT)[2]
    path = _w3c_file(tmp_path, _annotation(f"urn:sha256:{library.left.sha256}",
                                           LEFT_TEXT[start:end]))
    fresh = tmp_path / "fresh.sqlite3"
    with Store.open(library.db) as source:
        text = source.document_text(library.left_id)
    with Store.open(fresh) as store:
        store.remember_document(library.left.sha256, "left.txt", "Left", text=text)
        result = import_tags(store, path)
        (tag,) = store.tag_table.tags()
    assert (tag.start, tag.end) == (start, end)
    assert result.located == 1 and result.reanchored == 0
    assert "re-found in a changed text" not in result.summary()


def test_xlsx_export_reads_back_as_unicode(library, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tags.xlsx"
    with Store.open(library.db, readonly=True) as store:
        count = export(store, "xlsx", None, out)
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        rows = list(book["Tags"].iter_rows(values_only=True))
    finally:
        book.close()  # a read-only workbook keeps its file open until closed
    assert len(rows) == count + 1
    header = rows[0]
    author = rows[1][header.index("author")]
    assert author == AUTHOR  # "Zoë", not "ZoÃ«"
    texts = [row[header.index("text")] for row in rows[1:]]
    assert "=SUM(A1:A9) is not a formula here." in texts  # a string, never a formula
    assert isinstance(rows[1][header.index("start")], int)


def test_xlsx_to_a_stream(library):
    pytest.importorskip("xlsxwriter")
    buffer = io.BytesIO()
    with Store.open(library.db, readonly=True) as store:
        export(store, "xlsx", None, buffer)
    assert buffer.getvalue()[:2] == b"PK"

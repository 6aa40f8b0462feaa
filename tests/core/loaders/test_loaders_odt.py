"""OpenDocument .odt loading."""

from __future__ import annotations

import zipfile

import pytest

from reader.core.loaders import load_document
from reader.core.errors import DocumentError
from reader.core.text import split_statements
from tests.core.loaders.loader_fixtures import ODT_STATEMENTS, make_odt

pytest.importorskip("odf")


def test_odt_statements_are_exact(tmp_path):
    doc = load_document(make_odt(tmp_path / "report.odt"))
    assert [s.text for s in split_statements(doc.text)] == ODT_STATEMENTS
    assert doc.title == "Harbour Report"
    assert doc.source_format == "odt"


def test_note_is_not_inline_and_follows_the_body(tmp_path):
    doc = load_document(make_odt(tmp_path / "report.odt"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1] == "Ships arrived on time. Cargo was unloaded quickly."
    assert paragraphs[-1] == "[1] According to the port authority."


def test_spreadsheet_with_odt_name_is_refused(tmp_path):
    path = tmp_path / "sheet.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    with pytest.raises(DocumentError, match="spreadsheet"):
        load_document(path)


def test_missing_content_is_a_document_error(tmp_path):
    path = tmp_path / "empty.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(DocumentError, match="content.xml is missing"):
        load_document(path)

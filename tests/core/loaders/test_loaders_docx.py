"""Word .docx loading: statements, headings, tables, footnotes, title, bad files."""

from __future__ import annotations

import io
import zipfile

import pytest

from reader.core.loaders import load_document
from reader.core.errors import DocumentError
from reader.core.text import split_statements
from tests.core.loaders.loader_fixtures import DOCX_STATEMENTS, make_docx

pytest.importorskip("docx")


def _texts(doc) -> list[str]:
    return [s.text for s in split_statements(doc.text)]


def test_docx_statements_are_exact(tmp_path):
    doc = load_document(make_docx(tmp_path / "plan.docx"))
    assert _texts(doc) == DOCX_STATEMENTS
    assert doc.title == "Harbour Plan"
    assert doc.source_format == "docx"
    assert doc.page_starts == ()


def test_headings_and_rows_are_their_own_paragraphs(tmp_path):
    doc = load_document(make_docx(tmp_path / "plan.docx"))
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == "Council backs harbour plan"
    assert "Item | Cost | Owner" in paragraphs
    assert paragraphs[-1] == "[1] Figures from the port authority."


def test_title_falls_back_to_first_heading(tmp_path):
    doc = load_document(make_docx(tmp_path / "plan.docx", title=""))
    assert doc.title == "Council backs harbour plan"


def _rezip(source: bytes, replace: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    new.writestr(info.filename, replace[info.filename])
            else:
                new.writestr(info, old.read(info))
    return out.getvalue()


@pytest.mark.parametrize("change, message", [
    ({"word/document.xml": None}, "word/document.xml is missing"),
    ({"word/document.xml": b"<w:document><unclosed>"}, "not well-formed"),
    ({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">'
                           b'<!ENTITY b "&a;&a;&a;&a;">]><doc>&b;</doc>'}, "DOCTYPE"),
    ({"word/document.xml": b"<plain>not word</plain>"}, "not WordprocessingML"),
])
def test_broken_docx_gives_one_line_error(tmp_path, change, message):
    good = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "bad.docx"
    path.write_bytes(_rezip(good, change))
    with pytest.raises(DocumentError, match=message) as info:
        load_document(path)
    assert "\n" not in str(info.value)


def test_not_a_zip_is_a_document_error(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"This is just text with a .docx name.")
    with pytest.raises(DocumentError, match="not a valid zip"):
        load_document(path)


def test_deeply_nested_xml_does_not_blow_the_stack(tmp_path):
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    depth = 50_000
    body = ("<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>Deep text.</w:t></w:r></w:p>"
            + "</w:sdtContent></w:sdt>" * depth)
    xml = f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>'.encode()
    good = make_docx(tmp_path / "good.docx").read_bytes()
    path = tmp_path / "deep.docx"
    path.write_bytes(_rezip(good, {"word/document.xml": xml, "word/footnotes.xml": None}))
    assert "Deep text." in load_document(path).text

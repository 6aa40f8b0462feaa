"""EPUB loading: spine order, chapter titles as headings, metadata title."""

from __future__ import annotations

import zipfile

import pytest

from reader.core.loaders import load_document
from reader.core.errors import DocumentError
from reader.core.text import split_statements
from tests.core.loaders.loader_fixtures import EPUB_STATEMENTS, make_epub


@pytest.mark.parametrize("version", [2, 3])
def test_epub_chapters_in_spine_order_with_titles(tmp_path, version):
    doc = load_document(make_epub(tmp_path / "book.epub", version=version))
    assert [s.text for s in split_statements(doc.text)] == EPUB_STATEMENTS
    assert doc.title == "The Lighthouse Keeper"
    assert doc.source_format == "epub"


def test_chapter_heading_is_its_own_paragraph(tmp_path):
    doc = load_document(make_epub(tmp_path / "book.epub"))
    assert doc.text.split("\n\n")[:2] == ["Chapter One: The Storm",
                                          "The storm came at night. The keeper lit the lamp."]


def test_missing_container_falls_back_to_the_opf(tmp_path):
    source = make_epub(tmp_path / "book.epub")
    path = tmp_path / "nocontainer.epub"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            if info.filename != "META-INF/container.xml":
                new.writestr(info, old.read(info))
    assert "Nobody slept." in load_document(path).text


def test_epub_without_package_document_is_refused(tmp_path):
    path = tmp_path / "bad.epub"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("chapter.xhtml", "<p>Loose text.</p>")
    with pytest.raises(DocumentError, match="no package document"):
        load_document(path)

"""Hostile containers: zip bombs, lying headers, entity expansion; one-line errors; cancel."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from reader.core.errors import CancelledError, DocumentError
from reader.core.loaders import extra_loaders, load_document, open_document
from reader.core.loaders import SafeZip, ZipLimits, parse_xml
from tests.core.loaders.loader_fixtures import make_epub, make_zip_bomb

MEMBERS = {".docx": "word/document.xml", ".epub": "OEBPS/content.opf", ".odt": "content.xml"}


@pytest.mark.parametrize("suffix", sorted(MEMBERS))
def test_zip_bomb_is_refused_before_inflating(tmp_path, suffix):
    path = make_zip_bomb(tmp_path / f"bomb{suffix}", MEMBERS[suffix])
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentError, match="zip bomb"):
        open_document(path)


def test_highly_compressed_member_is_refused_by_ratio(tmp_path):
    path = make_zip_bomb(tmp_path / "ratio.docx", "word/document.xml", size=20 * 1024 * 1024)
    with pytest.raises(DocumentError, match=r"inflates \d+x"):
        open_document(path)


def test_too_many_entries_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(30):
            archive.writestr(f"f{index}", b"")
    with pytest.raises(DocumentError, match="30 entries"):
        SafeZip(buffer.getvalue(), "many.epub", "EPUB", ZipLimits(max_entries=20))


def test_lying_size_header_never_yields_more_than_declared():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(5 * 1024 * 1024))
    data = bytearray(buffer.getvalue())
    central = data.rindex(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 100)  # declared uncompressed size: 100 bytes
    struct.pack_into("<I", data, 22, 100)  # and in the local header
    archive = SafeZip(bytes(data), "liar.docx", "Word .docx")
    with pytest.raises(DocumentError, match="damaged"):
        archive.read("word/document.xml")


@pytest.mark.parametrize("xml", [
    b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b"<x>&b;</x>",
    b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>',
    '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    .encode("utf-16"),
])
def test_doctype_is_refused(xml):
    with pytest.raises(DocumentError, match="DOCTYPE"):
        parse_xml(xml, "f.docx", "word/document.xml")


def test_open_document_cancel_between_chapters(tmp_path):
    path = make_epub(tmp_path / "book.epub")
    calls: list[int] = []
    with pytest.raises(CancelledError):
        open_document(path, progress=lambda done, total: calls.append(done),
                      cancel=lambda: len(calls) >= 1)
    assert calls == [1]


def test_open_document_handles_plain_files_too(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Plain words.")
    assert open_document(path).text == "Plain words."
    with pytest.raises(DocumentError, match="no such file"):
        open_document(tmp_path / "missing.pdf")


@pytest.mark.parametrize("suffix", sorted(extra_loaders()))
@pytest.mark.parametrize("payload", [b"", b"\x00" * 64, b"PK\x03\x04" + b"\xff" * 60,
                                     b"%PDF-1.4\n%%EOF", b"{\\rtf1", b"<html>" * 3])
def test_every_loader_fails_with_one_line_document_error(tmp_path, suffix, payload):
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(payload)
    loader = extra_loaders()[suffix]
    try:
        loader(path, payload)
    except DocumentError as exc:
        assert "\n" not in str(exc) and str(exc)


def test_xml_part_with_too_many_elements_is_refused(monkeypatch):
    from reader.core.loaders import _safezip as safezip

    monkeypatch.setattr(safezip, "MAX_XML_ELEMENTS", 100)
    with pytest.raises(DocumentError, match="more than 100 XML elements"):
        parse_xml(b"<a>" + b"<b/>" * 101 + b"</a>", "f.docx", "word/document.xml")


def test_html_past_the_node_cap_keeps_its_text_in_order(monkeypatch):
    from reader.core.loaders import _html as html_text

    monkeypatch.setattr(html_text, "MAX_NODES", 5)
    html = "<p>one</p>" + "".join(f"<b>w{i} </b>" for i in range(10_000)) + "<p>end</p>"
    text = html_text.html_to_text(html)[1]
    assert text.startswith("one\n\nw0 w1 w2") and text.endswith("w9999 end")


def test_big_web_page_reports_progress_and_cancels(tmp_path):
    path = tmp_path / "big.html"
    path.write_text("<p>" + "Many words here. " * 200_000 + "</p>")
    seen: list[tuple[int, int]] = []
    with pytest.raises(CancelledError):
        open_document(path, progress=lambda done, total: seen.append((done, total)),
                      cancel=lambda: len(seen) >= 1)
    assert seen == [(1 << 20, 3_400_007)]


def _epub_with_chapters(path, hrefs):
    import zipfile

    items = "".join(f'<item id="c{i}" href="{h}" media-type="application/xhtml+xml"/>'
                    for i, h in enumerate(hrefs))
    spine = "".join(f'<itemref idref="c{i}"/>' for i in range(len(hrefs)))
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr("META-INF/container.xml",
                      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:'
                      'opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/'
                      'content.opf" media-type="application/oebps-package+xml"/></rootfiles>'
                      '</container>')
        book.writestr("OEBPS/content.opf",
                      '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" '
                      'version="2.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
                      f'<dc:title>Escape</dc:title></metadata><manifest>{items}</manifest>'
                      f'<spine>{spine}</spine></package>')
        book.writestr("OEBPS/ok.xhtml", "<html><body><p>A chapter that is inside.</p></body></html>")
    return path


def test_epub_whose_chapters_all_escape_is_refused_with_a_reason(tmp_path):
    path = _epub_with_chapters(tmp_path / "escape.epub",
                               ["../../../etc/passwd", "../../secret.xhtml"])
    with pytest.raises(DocumentError, match=r"no chapter .* could be read \(2 point outside"):
        load_document(path)


def test_epub_escaping_chapters_are_skipped_beside_good_ones(tmp_path):
    path = _epub_with_chapters(tmp_path / "mixed.epub", ["../../../etc/passwd", "ok.xhtml"])
    assert "A chapter that is inside." in load_document(path).text

"""Loading and decoding documents."""

from __future__ import annotations

import hashlib

import pytest

from reader.core.text import decode_bytes, document_from_text
from reader.core.loaders import load_document
from reader.core.errors import DocumentError, UnsupportedFormatError


def test_seed_loads_with_title_and_sha(column_seed):
    doc = load_document(column_seed)
    assert doc.title == "Elon Musk Backs Out of His Latest Attack"
    assert doc.sha256 == hashlib.sha256(doc.text.encode("utf-8")).hexdigest()
    assert "\r" not in doc.text


def test_utf8_bom_is_stripped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello there.")
    assert load_document(path).text == "Hello there."


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes("Grüße aus Köln. Zweiter Satz.".encode("utf-16"))
    assert load_document(path).text == "Grüße aus Köln. Zweiter Satz."


def test_latin1_is_detected(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Le café était fermé à midi. Les élèves sont allés à l'école près de la rivière."
    path.write_bytes(text.encode("latin-1"))
    assert load_document(path).text == text


def test_crlf_and_cr_become_lf(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"One.\r\nTwo.\rThree.")
    assert load_document(path).text == "One.\nTwo.\nThree."


def test_same_text_same_identity_regardless_of_line_endings(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_bytes(b"Line one.\nLine two.")
    b.write_bytes(b"Line one.\r\nLine two.")
    assert load_document(a).sha256 == load_document(b).sha256


def test_empty_file_is_an_empty_document(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert load_document(path).text == ""


@pytest.mark.parametrize("payload", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 40])
def test_binary_content_is_refused(tmp_path, payload):
    path = tmp_path / "data.txt"
    path.write_bytes(payload)
    with pytest.raises(DocumentError, match="binary"):
        load_document(path)


def test_png_with_png_suffix_is_refused(tmp_path):
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    with pytest.raises(DocumentError):
        load_document(path)


def test_missing_and_directory(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        load_document(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="directory"):
        load_document(tmp_path)


def test_too_large_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(DocumentError, match="too large"):
        load_document(path, max_bytes=1000)


def test_markdown_title_from_heading(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# The Heading\n\nBody text here.", encoding="utf-8")
    assert load_document(path).title == "The Heading"


def test_html_body_text_without_scripts_or_navigation(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Page title</title><style>p{color:red}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/x'>News</a></nav>"
        "<h1>Main headline</h1><p>First paragraph &amp; more.</p>"
        "<script>alert('x')</script><p>Second\nparagraph.</p><footer>Copyright</footer>"
        "</body></html>", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Main headline"
    assert doc.text == "Main headline\n\nFirst paragraph & more.\n\nSecond paragraph."
    assert doc.source_format == "html"


def test_html_title_element_when_no_heading(tmp_path):
    path = tmp_path / "page.htm"
    path.write_text("<html><head><title>Only title</title></head><body><p>Text.</p></body></html>")
    assert load_document(path).title == "Only title"


def test_unknown_binary_format_is_named(tmp_path):
    path = tmp_path / "thing.xyz"
    path.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(UnsupportedFormatError, match=r"\.xyz"):
        load_document(path)


def test_decode_bytes_invalid_utf16_reports_encoding():
    with pytest.raises(DocumentError, match="utf-16"):
        decode_bytes(b"\xff\xfe\x00\xd8", "x.txt")


def test_document_from_text_page_lookup():
    doc = document_from_text("Page one.\n\nPage two.", title="T", page_starts=(0, 11))
    assert doc.page_at(0) == 1
    assert doc.page_at(12) == 2
    assert document_from_text("x").page_at(0) is None

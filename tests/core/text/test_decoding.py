"""Decoding: UTF-16 without a BOM, invalid UTF-8 shown with U+FFFD and said, legacy code
pages only when a detector is confident."""

from __future__ import annotations

import random

import pytest

from reader.core.errors import DocumentError
from reader.core.loaders import load_document
from reader.core.text import decode_text

TEXT = "The minister said the plan would cost more.\n\nCritics called it reckless.\n" * 5


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path, encoding):
    path = tmp_path / "speech.txt"
    path.write_bytes(TEXT.encode(encoding))
    document = load_document(path)
    assert document.text == TEXT and document.notice == ""


def test_utf16_without_bom_and_an_unknown_suffix_is_text(tmp_path):
    path = tmp_path / "speech.transcript"
    path.write_bytes(TEXT.encode("utf-16-le"))
    assert load_document(path).text == TEXT


def test_binary_with_nul_bytes_is_still_refused():
    with pytest.raises(DocumentError, match="binary"):
        decode_text(bytes(range(256)) * 50, "blob")


def test_invalid_utf8_is_decoded_as_utf8_with_replacement_and_a_note(tmp_path):
    good = "Ça coûte très cher, déclare le ministre. ".encode() * 20
    path = tmp_path / "broken.txt"
    path.write_bytes(good[:100] + b"\xff\xfe\x80" + good[100:] + b"\n\xc3")
    document = load_document(path)
    assert document.text.startswith("Ça coûte très cher")     # not mojibake (Ã‡a)
    assert "\ufffd" in document.text
    note = document.notice
    assert "not valid UTF-8" in note and "line 1" in note


def test_random_high_bytes_are_not_guessed_as_a_code_page():
    rng = random.Random(1)
    data = bytearray(b"The minister said the plan would cost more than expected. " * 30)
    for i in range(0, len(data), 97):
        data[i] = rng.choice([0x81, 0x8d, 0x8f, 0x90, 0x9d])  # not cp1252 either
    decoded = decode_text(bytes(data), "noise")
    assert decoded.encoding == "utf-8" and decoded.note


@pytest.mark.parametrize("text, encoding", [
    ("Министр сказал, что план будет стоить дороже. Критики назвали его безрассудным. " * 10,
     "cp1251"),
    ("Ο υπουργός είπε ότι το σχέδιο θα κοστίσει περισσότερο. " * 10, "cp1253"),
    ("Café crème brûlée, naïve façade, déjà vu. " * 10, "cp1252"),
])
def test_confidently_detected_code_pages_are_used_silently(text, encoding):
    decoded = decode_text(text.encode(encoding), "legacy")
    assert decoded.text == text and decoded.note == ""

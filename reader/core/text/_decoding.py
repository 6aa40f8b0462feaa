"""Bytes to text: a BOM, then UTF-8, then UTF-16 without a BOM, then a detector.

Invalid UTF-8 that is still mostly UTF-8 (a few broken bytes in real UTF-8 text) is decoded
as UTF-8 with U+FFFD for the broken bytes, and a note says so. A legacy code page is used
only when the bytes hold no UTF-8 at all and the detector is confident about them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from reader.core.errors import DocumentError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
#: A detector's guess is trusted at or below this "chaos" (0 clean .. 1 noise) and at or
#: above this "coherence" (how well the letters fit a language): stray high bytes in
#: English text read as Icelandic or Portuguese in a Mac code page with chaos < 0.01 but
#: coherence 0.42-0.59; Cyrillic, Greek and Polish in their code pages score 0.68-0.73.
CONFIDENT_CHAOS = 0.1
CONFIDENT_COHERENCE = 0.6
_SAMPLE = 65536


@dataclass(frozen=True)
class DecodedText:
    """Decoded text, the encoding used, and a note for the reader (the ``notice`` of the
    document) when it was decoded with replacements."""

    text: str
    encoding: str
    note: str = ""


def decode_bytes(data: bytes, name: str = "file") -> str:
    """Decode file bytes to text (see ``decode_text``); DocumentError when it looks binary."""
    return decode_text(data, name).text


def decode_text(data: bytes, name: str = "file") -> DecodedText:
    """Decode file bytes: BOMs first, strict UTF-8, UTF-16 without BOM, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(DecodedText(data[len(bom):].decode(encoding), encoding), name)
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: not valid {encoding} text ({exc.reason})") from None
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DocumentError(f"{name}: looks like a binary file, not text")
        return _checked(utf16, name)
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    return _checked(_not_utf8(data, name, first_bad), name)


def _checked(decoded: DecodedText, name: str) -> DecodedText:
    if _mostly_control(decoded.text):
        raise DocumentError(f"{name}: looks like a binary file, not text")
    return decoded


def _utf16_without_bom(data: bytes) -> DecodedText | None:
    """UTF-16 text whose every other byte is mostly zero (Latin script), else None."""
    sample = data[:_SAMPLE - _SAMPLE % 2]
    half = max(1, len(sample) // 2)
    zeros_even = sample[0::2].count(0) / half
    zeros_odd = sample[1::2].count(0) / half
    for encoding, high, low in (("utf-16-le", zeros_odd, zeros_even),
                                ("utf-16-be", zeros_even, zeros_odd)):
        if high >= 0.3 and low <= 0.02:
            try:
                return DecodedText(data[:len(data) - len(data) % 2].decode(encoding), encoding)
            except UnicodeDecodeError:
                return None
    return None


def _not_utf8(data: bytes, name: str, first_bad: int) -> DecodedText:
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd") - data.count("\xef\xbf\xbd".encode("latin-1"))
    multibyte = sum(1 for ch in replaced if ord(ch) > 127 and ch != "\ufffd")
    if multibyte == 0:  # no UTF-8 in it at all: a legacy code page, if we can tell which
        legacy = _legacy(data)
        if legacy is not None:
            return legacy
    line = data[:first_bad].count(b"\n") + 1
    return DecodedText(replaced, "utf-8", f"not valid UTF-8 ({broken} bad byte sequence(s), "
                       f"first on line {line}); shown as \ufffd")


def _legacy(data: bytes) -> DecodedText | None:
    western = _as_western(data)
    if western is not None:
        return DecodedText(western, "cp1252", "")
    from charset_normalizer import from_bytes

    best = from_bytes(data[: 2 * 1024 * 1024]).best()
    if best is None or best.encoding is None or best.chaos > CONFIDENT_CHAOS \
            or best.coherence < CONFIDENT_COHERENCE:
        return None
    try:
        return DecodedText(data.decode(best.encoding), best.encoding, "")
    except (UnicodeDecodeError, LookupError):
        return None


def _as_western(data: bytes) -> str | None:
    """cp1252 text when it reads as a Western language: accented letters are a minority.

    Detectors often call short French or German text Central European; text in another
    script decoded as cp1252 is nearly all accented letters, so it fails this test.
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = [ch for ch in text[:_SAMPLE] if ch.isalpha()]
    if not letters:
        return None
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return text if accented / len(letters) <= 0.3 else None


def _mostly_control(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch not in "\t\n\r\f" and unicodedata.category(ch) == "Cc")
    return bad / len(sample) > 0.05

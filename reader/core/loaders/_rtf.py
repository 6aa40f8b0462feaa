"""Rich Text Format: a small tokenizer of our own (no dependency).

Keeps body paragraphs (``\\par``), table rows (cells joined by `` | ``), footnotes after the
body and the ``\\info`` title; skips font/colour/style tables, pictures, field instructions,
headers and footers. Code-page bytes (``\\'hh``, ``\\ansicpg``) and ``\\uN`` escapes are decoded.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.text import Document
from reader.core.errors import DocumentError
from reader.core.loaders._blocks import Cancel, Progress, assemble, check_cancel, guarded

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])"
                    r"|([^\\{}\r\n]+)|[\r\n]+|\\", re.S)
_SKIP = frozenset(
    "fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl info pict object "
    "fldinst header headerl headerr headerf footer footerl footerr footerf xe tc themedata "
    "colorschememapping latentstyles datastore generator xmlnstbl mmathPr pgdsctbl filetbl "
    "nonshppict shppict objdata bkmkstart bkmkend annotation atnid atnauthor docvar".split())
_SYMBOLS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
            "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "line": " ",
            "tab": " ", "emspace": " ", "enspace": " ", "qmspace": " "}
_ESCAPES = {"\\": "\\", "{": "{", "}": "}", "~": " ", "_": "-", "-": "", "\n": "\n\n",
            "\r": "\n\n"}
_MAX_DEPTH = 1000
_EMPTY_CELLS = re.compile(r"\s*\|(?:\s*\|)+\s*")
_EDGE_BARS = re.compile(r"^(?:\s*\|)+\s*|\s*(?:\|\s*)+$")


@dataclass(frozen=True)
class _Group:
    """The state a ``{...}`` group inherits and may change."""

    dest: str = "body"  # body, notes, title, or skip
    uc: int = 1


@guarded("RTF")
def load_rtf(path: Path, data: bytes, *, progress: Progress | None = None,
             cancel: Cancel | None = None) -> Document:
    """Read an .rtf file into a Document."""
    if not data.lstrip()[:5] == b"{\\rtf":
        raise DocumentError(f"{path.name}: not an RTF file (it does not start with {{\\rtf)")
    check_cancel(cancel)
    out = _parse(data.decode("latin-1"), path.name)
    if progress is not None:
        progress(1, 1)
    body = [_tidy_row(p) for p in out["body"].split("\n\n")]
    notes = [_tidy_row(p) for p in out["notes"].split("\n\n")]
    return assemble(body + notes, out["title"].strip() or None, path, "rtf")


def _tidy_row(paragraph: str) -> str:
    """Table rows end with a cell mark and may have empty cells: drop the extra bars."""
    if "|" not in paragraph:
        return paragraph
    paragraph = _EMPTY_CELLS.sub(" | ", paragraph)
    return _EDGE_BARS.sub("", paragraph)


def _parse(source: str, name: str) -> dict[str, str]:
    """Destination -> its text, paragraphs separated by blank lines."""
    pieces: dict[str, list[str]] = {"body": [], "notes": [], "title": []}
    stack: list[_Group] = []
    group = _Group()
    encoding = "cp1252"
    pending = bytearray()  # code-page bytes waiting to be decoded together
    skip_chars = 0  # fallback characters still to drop after a \uN
    first_in_group = False
    notes = 0

    def emit(text: str) -> None:
        if group.dest != "skip":
            pieces[group.dest].append(text)

    def flush() -> None:
        if pending:
            emit(pending.decode(encoding, errors="replace"))
            pending.clear()

    for match in _TOKEN.finditer(source):
        word, arg, hexbyte, symbol, brace, text = match.groups()
        starts_group, first_in_group = first_in_group, False
        if skip_chars and (hexbyte or text):
            if hexbyte:
                skip_chars -= 1
                continue
            dropped = min(skip_chars, len(text))
            skip_chars -= dropped
            text = text[dropped:]
            if not text:
                continue
        if hexbyte:
            pending.append(int(hexbyte, 16))
            continue
        if text:
            pending.extend(text.encode("latin-1"))
            continue
        flush()
        if brace == "{":
            if len(stack) >= _MAX_DEPTH:
                raise DocumentError(f"{name}: RTF groups nested too deeply (over {_MAX_DEPTH})")
            stack.append(group)
            first_in_group = True
        elif brace == "}":
            group = stack.pop() if stack else group
            skip_chars = 0
        elif symbol is not None:
            if symbol == "*" and starts_group:
                group = replace(group, dest="skip")
            emit(_ESCAPES.get(symbol, ""))
        elif word == "footnote" and group.dest == "body":
            group = replace(group, dest="notes")
            notes += 1
            emit(f"\n\n[{notes}] ")
        elif word:
            group, encoding, skip_chars = _control(word, arg, group, encoding, emit, skip_chars)
    flush()
    return {key: _join(value) for key, value in pieces.items()}


def _join(pieces: list[str]) -> str:
    """Join decoded pieces; \\uN surrogate pairs become one character."""
    text = "".join(pieces)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _control(word: str, arg: str | None, group: _Group, encoding: str, emit, skip_chars: int,
             ) -> tuple[_Group, str, int]:
    """Apply one control word; returns the new (group, encoding, skip_chars)."""
    if word in _SKIP:
        group = replace(group, dest="skip")
    elif word == "title" and group.dest == "skip":
        group = replace(group, dest="title")
    elif word in ("par", "sect", "page", "row"):
        emit("\n\n")
    elif word == "cell":
        emit(" | ")
    elif word in _SYMBOLS:
        emit(_SYMBOLS[word])
    elif word == "u" and arg is not None:
        emit(chr(int(arg) % 65536))
        skip_chars = group.uc
    elif word == "uc" and arg is not None:
        group = replace(group, uc=max(0, min(int(arg), 10)))
    elif word == "ansicpg" and arg is not None:
        encoding = _codepage(f"cp{int(arg)}", encoding)
    elif word in ("mac", "pc", "pca"):
        encoding = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[word]
    return group, encoding, skip_chars


def _codepage(candidate: str, current: str) -> str:
    try:
        codecs.lookup(candidate)
    except LookupError:
        return current
    return candidate

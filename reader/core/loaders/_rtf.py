"""Rich Text Format: a small tokenizer of our own (no dependency).

Keeps body paragraphs (``\\par``), table rows (cells joined by `` | ``, nested tables too),
footnotes after the body and the ``\\info`` title; skips font/colour/style tables, pictures
(hex or ``\\binN`` raw bytes), objects, shapes, field instructions, headers and footers, and
every ``{\\*\\...}`` group this reader does not know. Code-page bytes (``\\'hh``,
``\\ansicpg``) and ``\\uN`` escapes are decoded.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from reader.core.errors import DocumentError
from reader.core.loaders._blocks import Cancel, Progress, assemble, check_cancel, guarded
from reader.core.text import Document

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\(.)|([{}])"
                    r"|([^\\{}\r\n]+)|[\r\n]+|\\", re.S)
_SKIP = frozenset(
    "fonttbl colortbl stylesheet listtable listoverridetable revtbl rsidtbl info pict object "
    "fldinst header headerl headerr headerf footer footerl footerr footerf xe tc themedata "
    "colorschememapping latentstyles datastore generator xmlnstbl mmathPr pgdsctbl filetbl "
    "nonshppict shppict objdata bkmkstart bkmkend annotation atnid atnauthor docvar "
    "nonesttables nesttableprops shpinst sp sn sv picprop blipuid listpicture userprops "
    "wgrffmtfilter protusertbl pn pntxta pntxtb ftnsep ftnsepc aftnsep aftnsepc "
    "template comment company operator doccomm keywords subject author category manager "
    "panose falt fontemb fontfile datafield formfield ffname ffdeftext ffhelptext "
    "ffstattext ffentrymcr ffexitmcr ffformat ffl".split())
_SYMBOLS = {"emdash": "\u2014", "endash": "\u2013", "bullet": "\u2022", "lquote": "\u2018",
            "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "line": " ",
            "tab": " ", "emspace": " ", "enspace": " ", "qmspace": " "}
_ESCAPES = {"\\": "\\", "{": "{", "}": "}", "~": " ", "_": "-", "-": "", "\n": "\n\n",
            "\r": "\n\n"}
_MAX_DEPTH = 1000
#: \\fcharsetN -> the code page its \\'hh bytes are in (0, 1 and 2: the document's own).
_CHARSET_PAGES = {77: "mac_roman", 128: "cp932", 129: "cp949", 130: "cp1361", 134: "gbk",
                  136: "cp950", 161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255",
                  178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250"}
_EMPTY_CELLS = re.compile(r"\s*\|(?:\s*\|)+\s*")
_EDGE_BARS = re.compile(r"^(?:\s*\|)+\s*|\s*(?:\|\s*)+$")


@dataclass(frozen=True)
class _Group:
    """The state a ``{...}`` group inherits and may change."""

    dest: str = "body"  # body, notes, title, or skip
    uc: int = 1
    codepage: str = ""  # the current font's code page ('' : the document's)
    fonts: bool = False  # inside the font table


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
    """Destination (body, notes, title) -> its text, paragraphs separated by blank lines."""
    parser = _Parser(name)
    parser.run(source)
    return {key: _join(value) for key, value in parser.pieces.items()}


class _Parser:
    """One pass over the source: a token at a time, so ``\\binN`` can jump over raw bytes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.pieces: dict[str, list[str]] = {"body": [], "notes": [], "title": []}
        self.stack: list[_Group] = []
        self.group = _Group()
        self.encoding = "cp1252"
        self.pending = bytearray()
        self.skip_chars = 0
        self.notes = 0
        self.font_pages: dict[int, str] = {}  # font number -> code page of its \\fcharset
        self.defining = -1  # the font the font table is describing

    def emit(self, text: str) -> None:
        """Append text to the current destination (nothing while skipping)."""
        if self.group.dest != "skip":
            self.pieces[self.group.dest].append(text)

    def flush(self) -> None:
        """Decode the code-page bytes collected so far."""
        if self.pending:
            self.emit(self.pending.decode(self.group.codepage or self.encoding,
                                          errors="replace"))
            self.pending.clear()

    def run(self, source: str) -> None:
        """Parse the whole document into ``pieces``."""
        position, end = 0, len(source)
        first_in_group = False
        match_at = _TOKEN.match
        while position < end:
            match = match_at(source, position)
            position = match.end()
            word, arg, hexbyte, symbol, brace, text = match.groups()
            starts_group, first_in_group = first_in_group, False
            if self.skip_chars and (hexbyte or text):
                if hexbyte:
                    self.skip_chars -= 1
                    continue
                dropped = min(self.skip_chars, len(text))
                self.skip_chars -= dropped
                text = text[dropped:]
                if not text:
                    continue
            if hexbyte:
                self.pending.append(int(hexbyte, 16))
                continue
            if text:
                self.pending.extend(text.encode("latin-1"))
                continue
            self.flush()
            if brace == "{":
                if len(self.stack) >= _MAX_DEPTH:
                    raise DocumentError(
                        f"{self.name}: RTF groups nested too deeply (over {_MAX_DEPTH})")
                self.stack.append(self.group)
                first_in_group = True
            elif brace == "}":
                self.group = self.stack.pop() if self.stack else self.group
                self.skip_chars = 0
            elif symbol is not None:
                if symbol == "*" and starts_group:
                    self.group = replace(self.group, dest="skip")
                self.emit(_ESCAPES.get(symbol, ""))
            elif word == "bin":
                # raw bytes follow: skip them whole, braces and backslashes included
                position = min(end, position + max(0, int(arg or 0)))
            elif word == "footnote" and self.group.dest == "body":
                self.group = replace(self.group, dest="notes")
                self.notes += 1
                self.emit(f"\n\n[{self.notes}] ")
            elif word:
                self.control(word, arg)
        self.flush()

    def control(self, word: str, arg: str | None) -> None:
        """Apply one control word to the output and the group state."""
        group = self.group
        if word == "nesttableprops" and self.stack and self.stack[-1].dest != "skip":
            self.pieces[self.stack[-1].dest].append("\n\n")  # a nested table row ends here
        if word == "fonttbl":
            self.group = replace(group, dest="skip", fonts=True)
        elif word in _SKIP:
            self.group = replace(group, dest="skip")
        elif word == "f" and arg is not None:
            if group.fonts:
                self.defining = int(arg)
            else:  # text in a font with its own character set (Cyrillic, Greek, CJK...)
                self.group = replace(group, codepage=self.font_pages.get(int(arg), ""))
        elif word == "fcharset" and arg is not None and group.fonts:
            page = _CHARSET_PAGES.get(int(arg), "")
            if page:
                self.font_pages[self.defining] = page
        elif word == "title" and group.dest == "skip":
            self.group = replace(group, dest="title")
        elif word in ("par", "sect", "page", "row", "nestrow"):
            self.emit("\n\n")
        elif word in ("cell", "nestcell"):
            self.emit(" | ")
        elif word in _SYMBOLS:
            self.emit(_SYMBOLS[word])
        elif word == "u" and arg is not None:
            self.emit(chr(int(arg) % 65536))
            self.skip_chars = group.uc
        elif word == "uc" and arg is not None:
            self.group = replace(group, uc=max(0, min(int(arg), 10)))
        elif word == "ansicpg" and arg is not None:
            self.encoding = _codepage(f"cp{int(arg)}", self.encoding)
        elif word in ("mac", "pc", "pca"):
            self.encoding = {"mac": "mac_roman", "pc": "cp437", "pca": "cp850"}[word]


def _join(pieces: list[str]) -> str:
    text = "".join(pieces)
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _codepage(candidate: str, current: str) -> str:
    try:
        codecs.lookup(candidate)
    except LookupError:
        return current
    return candidate

"""Pieces every loader shares: paragraph collection, Document assembly, error wrapping.

Loaders produce a list of paragraphs (headings are paragraphs too); the Document text is those
paragraphs joined by blank lines, which is where the statement splitter starts new paragraphs.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Callable, Iterable, Protocol

from reader.core.text import Document, document_from_text
from reader.core.errors import CancelledError, DocumentError, ReaderError

#: Extracted text above this many characters is refused (memory stays bounded).
MAX_TEXT_CHARS = 50_000_000
#: ``progress(done, total)`` after each unit of work (a page, a chapter).
Progress = Callable[[int, int], None]
#: ``cancel()`` returns True when the caller wants the work stopped.
Cancel = Callable[[], bool]

# Control characters, lone surrogates, soft hyphens and non-characters never belong in text.
_JUNK = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xad\ufeff\ufffe\uffff\ud800-\udfff]")


class ProgressLoader(Protocol):
    """A loader that also accepts optional ``progress`` and ``cancel`` keywords."""

    def __call__(self, path: Path, data: bytes, *, progress: Progress | None = None,
                 cancel: Cancel | None = None) -> Document: ...


def clean_paragraph(text: str) -> str:
    """One paragraph on one line: junk characters removed, whitespace runs made one space."""
    return " ".join(_JUNK.sub("", text).split())


def check_cancel(cancel: Cancel | None) -> None:
    """Raise CancelledError when the caller asked to stop."""
    if cancel is not None and cancel():
        raise CancelledError("Loading was cancelled")


def assemble(paragraphs: Iterable[str], title: str | None, path: Path, source_format: str,
             notice: str = "") -> Document:
    """A Document whose text is the non-empty paragraphs separated by blank lines."""
    kept = [p for p in (clean_paragraph(p) for p in paragraphs) if p]
    size = sum(len(p) for p in kept)
    if size > MAX_TEXT_CHARS:
        raise DocumentError(f"{path.name}: refused, {size / 1e6:.0f} million characters of text "
                            f"(the limit is {MAX_TEXT_CHARS // 1_000_000} million)")
    title = clean_paragraph(title) if title else ""
    return document_from_text("\n\n".join(kept), title=title or None, path=path,
                              source_format=source_format, notice=notice)


class BlockBuilder:
    """Collects paragraphs, table rows (cells joined by `` | ``) and notes from a tree walk.

    Paragraphs inside a table cell become part of the cell; a row is one paragraph. While
    ``note_depth`` is positive, finished paragraphs go to ``notes`` instead of ``body``.
    """

    def __init__(self) -> None:
        self.body: list[str] = []
        self.notes: list[str] = []
        self.headings: list[str] = []
        self.note_depth = 0
        self._paragraphs: list[list[str]] = []
        self._rows: list[list[str]] = []
        self._cells: list[list[str]] = []

    @property
    def in_paragraph(self) -> bool:
        """True between ``open_paragraph`` and its ``close_paragraph``."""
        return bool(self._paragraphs)

    def open_paragraph(self) -> None:
        """Start collecting a paragraph (they may nest: text boxes, notes)."""
        self._paragraphs.append([])

    def add_text(self, text: str | None) -> None:
        """Append text to the innermost open paragraph; text outside paragraphs is dropped."""
        if text and self._paragraphs:
            self._paragraphs[-1].append(text)

    def close_paragraph(self, heading: bool = False, prefix: str = "") -> str:
        """Finish the innermost paragraph, place it in a cell, the notes or the body; its text."""
        if not self._paragraphs:
            return ""
        text = clean_paragraph("".join(self._paragraphs.pop()))
        if not text:
            return ""
        if heading and not self.note_depth and not self._cells:
            self.headings.append(text)
        self._place(f"{prefix}{text}" if prefix else text)
        return text

    def open_row(self) -> None:
        """Start a table row."""
        self._rows.append([])

    def open_cell(self) -> None:
        """Start a table cell inside the current row."""
        self._cells.append([])

    def close_cell(self) -> None:
        """Finish a cell: its paragraphs joined by spaces."""
        if not self._cells:
            return
        text = " ".join(self._cells.pop())
        if self._rows:
            self._rows[-1].append(text)

    def close_row(self) -> None:
        """Finish a row: one paragraph, or part of the enclosing cell for nested tables."""
        if not self._rows:
            return
        cells = [cell for cell in self._rows.pop() if cell]
        if cells:
            self._place(" | ".join(cells))

    def _place(self, text: str) -> None:
        if self._cells:
            self._cells[-1].append(text)
        elif self.note_depth:
            self.notes.append(text)
        else:
            self.body.append(text)


def one_line(exc: BaseException) -> str:
    """A short single-line description of an unexpected exception."""
    message = " ".join(str(exc).split())[:160]
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def guarded(kind: str) -> Callable[[Callable[..., Document]], Callable[..., Document]]:
    """Decorate a loader so every failure is a one-line DocumentError (or a CancelledError)."""

    def decorate(load: Callable[..., Document]) -> Callable[..., Document]:
        @functools.wraps(load)
        def loader(path: Path, data: bytes, **kwargs: object) -> Document:
            try:
                return load(path, data, **kwargs)
            except CancelledError:
                raise
            except ReaderError as exc:
                if isinstance(exc, DocumentError) and "\n" not in str(exc):
                    raise
                raise DocumentError(" ".join(str(exc).split())) from None
            except RecursionError:
                raise DocumentError(f"{path.name}: too deeply nested to read as {kind}") from None
            except MemoryError:
                raise DocumentError(f"{path.name}: too large to open as {kind}") from None
            except Exception as exc:  # noqa: BLE001 - hostile input may break any parser
                raise DocumentError(f"{path.name}: not a readable {kind} file ({one_line(exc)})") \
                    from None

        return loader

    return decorate

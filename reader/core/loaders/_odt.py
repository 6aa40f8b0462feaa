"""OpenDocument .odt: paragraphs and headings in order, tables one row per paragraph, notes
(footnotes and endnotes) after the body. Read with the standard library."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from reader.core.text import Document
from reader.core.errors import DocumentError
from reader.core.loaders._blocks import (BlockBuilder, Cancel, Progress, assemble, check_cancel,
                                        guarded)
from reader.core.loaders._safezip import SafeZip, parse_xml, walk

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"

_P, _H = f"{_TEXT}p", f"{_TEXT}h"
_SPACES = {f"{_TEXT}s", f"{_TEXT}tab", f"{_TEXT}line-break"}
_NOTE, _CITATION = f"{_TEXT}note", f"{_TEXT}note-citation"
_ROW, _CELL = f"{_TABLE}table-row", f"{_TABLE}table-cell"
#: Deleted text kept for change tracking, comments, and the note number (used as a prefix).
_SKIPPED = {f"{_TEXT}tracked-changes", f"{_OFFICE}annotation", _CITATION}
_ODT_TYPES = ("application/vnd.oasis.opendocument.text",
              "application/vnd.oasis.opendocument.text-template")


@guarded("OpenDocument .odt")
def load_odt(path: Path, data: bytes, *, progress: Progress | None = None,
             cancel: Cancel | None = None) -> Document:
    """Read an .odt into a Document (title from meta.xml, a Title paragraph or first heading)."""
    package = SafeZip(data, path.name, "OpenDocument .odt")
    mimetype = package.read_optional("mimetype")
    if mimetype is not None and mimetype.strip().decode("ascii", "replace") not in _ODT_TYPES:
        kind = mimetype.strip().decode("ascii", "replace")[:60]
        raise DocumentError(f"{path.name}: not an OpenDocument text file (it is {kind})")
    root = parse_xml(package.read("content.xml"), path.name, "content.xml")
    body = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if body is None:
        raise DocumentError(f"{path.name}: not an OpenDocument text file (no text body)")
    check_cancel(cancel)
    builder = BlockBuilder()
    title_style = _collect(body, builder)
    if progress is not None:
        progress(1, 1)
    title = _meta_title(package, path.name) or title_style or next(iter(builder.headings), None)
    return assemble(builder.body + builder.notes, title, path, "odt")


def _collect(body: ET.Element, builder: BlockBuilder) -> str | None:
    """Walk the text body into ``builder``; returns the first paragraph styled "Title"."""
    title: str | None = None
    citations: list[str] = []
    note_firsts: list[int] = []
    for event, element in walk(body, skip=lambda e: e.tag in _SKIPPED):
        tag = element.tag
        if event == "skip":
            if tag == _CITATION:
                citations.append("".join(element.itertext()).strip())
            builder.add_text(element.tail)
        elif event == "start":
            if tag in (_P, _H):
                builder.open_paragraph()
                builder.add_text(element.text)
            elif tag in _SPACES:
                builder.add_text(" ")
            elif tag == _NOTE:
                builder.note_depth += 1
                note_firsts.append(len(builder.notes))
            elif tag == _ROW:
                builder.open_row()
            elif tag == _CELL:
                builder.open_cell()
            else:
                builder.add_text(element.text)
        else:
            if tag in (_P, _H):
                text = builder.close_paragraph(heading=tag == _H)
                style = element.get(f"{_TEXT}style-name", "")
                if title is None and text and style.lower() == "title":
                    title = text
            elif tag == _NOTE:
                builder.note_depth -= 1
                first = note_firsts.pop() if note_firsts else len(builder.notes)
                label = citations.pop() if citations else ""
                if label and first < len(builder.notes):
                    builder.notes[first] = f"[{label}] {builder.notes[first]}"
            elif tag == _CELL:
                builder.close_cell()
            elif tag == _ROW:
                builder.close_row()
            if element is not body:
                builder.add_text(element.tail)
    return title


def _meta_title(package: SafeZip, name: str) -> str | None:
    raw = package.read_optional("meta.xml")
    if raw is None:
        return None
    element = parse_xml(raw, name, "meta.xml").find(f".//{_DC_TITLE}")
    if element is None:
        return None
    return (element.text or "").strip() or None

"""Word .docx: body paragraphs and headings in order, tables one row per paragraph, then the
footnotes and endnotes. Read with the standard library (zipfile + ElementTree)."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from reader.core.text import Document
from reader.core.errors import DocumentError
from reader.core.loaders._blocks import (BlockBuilder, Cancel, Progress, assemble, check_cancel,
                                        guarded)
from reader.core.loaders._safezip import SafeZip, parse_xml, walk

_NAMESPACES = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
               "http://purl.oclc.org/ooxml/wordprocessingml/main")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_HEADING_NAME = re.compile(r"^(heading\s*\d|title|subtitle)$", re.IGNORECASE)


class _Tags:
    """Qualified WordprocessingML tag names for one namespace (transitional or strict)."""

    def __init__(self, ns: str) -> None:
        w = f"{{{ns}}}"
        self.val = f"{w}val"
        self.p, self.t, self.tr, self.tc = f"{w}p", f"{w}t", f"{w}tr", f"{w}tc"
        self.p_style, self.outline = f"{w}pStyle", f"{w}outlineLvl"
        self.spaces = {f"{w}tab", f"{w}br", f"{w}cr", f"{w}ptab"}
        self.hyphen = f"{w}noBreakHyphen"
        self.skipped = {_MC_FALLBACK, f"{w}moveFrom", f"{w}del", f"{w}footnoteReference",
                        f"{w}endnoteReference", f"{w}commentReference"}
        self.style, self.style_id, self.name, self.type = (f"{w}style", f"{w}styleId",
                                                           f"{w}name", f"{w}type")
        self.id = f"{w}id"


@guarded("Word .docx")
def load_docx(path: Path, data: bytes, *, progress: Progress | None = None,
              cancel: Cancel | None = None) -> Document:
    """Read a .docx into a Document (title from the document properties or first heading)."""
    package = SafeZip(data, path.name, "Word .docx")
    main = _main_part(package)
    root = parse_xml(package.read(main), path.name, main)
    ns = root.tag[1:].partition("}")[0] if root.tag.startswith("{") else ""
    if ns not in _NAMESPACES:
        raise DocumentError(f"{path.name}: not a Word .docx file ({main} is not WordprocessingML)")
    tags = _Tags(ns)
    headings = _heading_styles(package, path.name, tags)
    check_cancel(cancel)
    builder = BlockBuilder()
    title_style = _collect(root, tags, headings, builder)
    base = posixpath.dirname(main)
    targets = _relationship_targets(package, path.name, main)
    for kind in ("footnotes", "endnotes"):
        check_cancel(cancel)
        part = targets.get(kind) or posixpath.join(base, f"{kind}.xml")
        raw = package.read_optional(part)
        if raw is not None:
            _collect_notes(parse_xml(raw, path.name, part), tags, headings, builder)
    if progress is not None:
        progress(1, 1)
    title = _core_title(package, path.name) or title_style or next(iter(builder.headings), None)
    return assemble(builder.body + builder.notes, title, path, "docx")


def _main_part(package: SafeZip) -> str:
    raw = package.read_optional("_rels/.rels")
    if raw is not None:
        for rel in parse_xml(raw, package.name, "_rels/.rels").iter(_REL):
            if rel.get("Type", "").endswith("/officeDocument"):
                return rel.get("Target", "").lstrip("/") or "word/document.xml"
    return "word/document.xml"


def _relationship_targets(package: SafeZip, name: str, main: str) -> dict[str, str]:
    folder, file = posixpath.split(main)
    raw = package.read_optional(posixpath.join(folder, "_rels", f"{file}.rels"))
    if raw is None:
        return {}
    targets: dict[str, str] = {}
    for rel in parse_xml(raw, name, f"{file}.rels").iter(_REL):
        kind = rel.get("Type", "").rpartition("/")[2]
        target = rel.get("Target", "")
        if kind in ("footnotes", "endnotes") and target and rel.get("TargetMode") != "External":
            if target.startswith("/"):
                targets[kind] = posixpath.normpath(target.lstrip("/"))
            else:
                targets[kind] = posixpath.normpath(posixpath.join(folder, target))
    return targets


def _heading_styles(package: SafeZip, name: str, tags: _Tags) -> dict[str, str]:
    """styleId -> "heading" or "title" for the paragraph styles that mark headings."""
    raw = package.read_optional("word/styles.xml")
    if raw is None:
        return {}
    found: dict[str, str] = {}
    for style in parse_xml(raw, name, "word/styles.xml").iter(tags.style):
        style_id = style.get(tags.style_id, "")
        name_el = style.find(tags.name)
        style_name = name_el.get(tags.val, "") if name_el is not None else ""
        outline = style.find(f".//{tags.outline}")
        if style_name.lower() == "title" or style_id.lower() == "title":
            found[style_id] = "title"
        elif _HEADING_NAME.match(style_name) or outline is not None:
            found[style_id] = "heading"
    return found


def _collect(root: ET.Element, tags: _Tags, headings: dict[str, str],
             builder: BlockBuilder) -> str | None:
    """Walk a story (body, or one note) into ``builder``; returns the first Title-style text."""
    styles: list[str] = []
    title: str | None = None
    for event, element in walk(root, skip=lambda e: e.tag in tags.skipped):
        tag = element.tag
        if event == "start":
            if tag == tags.p:
                builder.open_paragraph()
                styles.append("")
            elif tag == tags.t:
                builder.add_text(element.text)
            elif tag in tags.spaces:
                builder.add_text(" ")
            elif tag == tags.hyphen:
                builder.add_text("-")
            elif tag == tags.p_style and styles:
                styles[-1] = headings.get(element.get(tags.val, ""), styles[-1])
            elif tag == tags.outline and styles:
                styles[-1] = styles[-1] or "heading"
            elif tag == tags.tr:
                builder.open_row()
            elif tag == tags.tc:
                builder.open_cell()
        elif event == "end":
            if tag == tags.p:
                kind = styles.pop() if styles else ""
                text = builder.close_paragraph(heading=bool(kind))
                if kind == "title" and title is None and text:
                    title = text
            elif tag == tags.tc:
                builder.close_cell()
            elif tag == tags.tr:
                builder.close_row()
    return title


def _collect_notes(root: ET.Element, tags: _Tags, headings: dict[str, str],
                   builder: BlockBuilder) -> None:
    """Footnotes or endnotes after the body, numbered [1], [2], ... in document order."""
    builder.note_depth += 1
    number = 0
    for note in root:
        if note.get(tags.type) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        before = len(builder.notes)
        _collect(note, tags, headings, builder)
        if len(builder.notes) > before:
            number += 1
            builder.notes[before] = f"[{number}] {builder.notes[before]}"
    builder.note_depth -= 1


def _core_title(package: SafeZip, name: str) -> str | None:
    raw = package.read_optional("docProps/core.xml")
    if raw is None:
        return None
    element = parse_xml(raw, name, "docProps/core.xml").find(f".//{_DC_TITLE}")
    return (element.text or "").strip() or None if element is not None else None

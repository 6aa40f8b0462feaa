"""REFI-QDA project (.qdpx): a zip of ``project.qde`` plus each source's plain text.

Read by QualCoder, NVivo, ATLAS.ti and MAXQDA. The code book is the library's codebook:
one code per kind, built in or the library's own (retired ones are not codable);
each document is a TextSource whose text is ``sources/<guid>.txt`` (``internal://`` path);
each tag is a PlainTextSelection (code-point positions into that text) with a Coding of
its kind's code and its note as the selection's Description. GUIDs are derived from the
content, so exporting the same tags twice gives the same project.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from itertools import groupby
from typing import IO, Sequence
from xml.etree import ElementTree as ET

from reader import __version__
from reader.core.export._records import ExportContext, ExportRecord
from reader.core.store import TAG_KINDS
from reader.core.store import NOTE_KIND, Kind

NAMESPACE = "urn:QDA-XML:project:1.0"
_GUID_NAMESPACE = uuid.UUID("0b8e1f43-5a1c-4f0a-8d2b-7c9e3f61a2d4")
#: Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 forbids replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def guid(*parts: str) -> str:
    """A GUID derived from ``parts`` (the standard's GUIDType pattern)."""
    return str(uuid.uuid5(_GUID_NAMESPACE, "\x1f".join(parts)))


def _stamp(value: str) -> str | None:
    """An xsd:dateTime, or None for an empty or date-only value."""
    return value if value and "T" in value else None


def _sub(parent: ET.Element, tag: str, **attrs: str | None) -> ET.Element:
    return ET.SubElement(parent, tag,
                         {k: xml_safe(v) for k, v in attrs.items() if v is not None})


def source_text(records: Sequence[ExportRecord], known: str | None) -> str:
    """The text a TextSource carries: the document's text, else the tagged quotes placed
    at their offsets on a blank background so every selection still points at its words."""
    if known is not None:
        return known
    length = max((r.end for r in records), default=0)
    chars = [" "] * length
    for record in records:
        if record.end - record.start == len(record.text):
            chars[record.start:record.end] = record.text
    return "".join(chars)


def codebook(records: Sequence[ExportRecord], context: ExportContext) -> list[Kind]:
    """The codes of the project: every kind of the library's codebook (retired ones too)
    and any other kind a record has; a note without a tag is not a code."""
    used = {r.kind for r in records}
    kinds = [k for k in context.kinds if k.name != NOTE_KIND]
    names = {k.name for k in kinds} | {NOTE_KIND}
    return kinds + [Kind(name) for name in sorted(used - names)]


def build_project(records: Sequence[ExportRecord], context: ExportContext,
                  name: str = "Source Reader export") -> tuple[ET.Element, dict[str, str]]:
    """The ``Project`` element and the source texts by archive path."""
    # unqualified tags under an xmlns attribute: parsed, they are all in NAMESPACE
    project = ET.Element("Project", {
        "xmlns": NAMESPACE, "name": name, "origin": f"Source Reader {__version__}",
        **({"creationDateTime": context.generated_at} if _stamp(context.generated_at) else {}),
    })
    authors = sorted({r.author for r in records})
    user_ids = {author: guid("user", author) for author in authors}
    if authors:
        users = _sub(project, "Users")
        for author in authors:
            _sub(users, "User", guid=user_ids[author], name=author or "(unknown)")
    codes = _sub(_sub(project, "CodeBook"), "Codes")
    code_ids: dict[str, str] = {}
    for kind in codebook(records, context):
        code_ids[kind.name] = guid("code", kind.name)
        # a retired kind keeps its codings but takes no new ones
        code = _sub(codes, "Code", guid=code_ids[kind.name], name=kind.name,
                    isCodable="false" if kind.retired else "true", color=kind.color or None)
        _sub(code, "Description").text = xml_safe(
            kind.description if not kind.builtin or kind.name not in TAG_KINDS
            else f"Statements tagged {kind.name} in Source Reader: {kind.description}")
    files: dict[str, str] = {}
    by_document = groupby(sorted(records, key=lambda r: (r.document.sha256, r.start, r.end)),
                          key=lambda r: r.document)
    sources = None
    for ref, group in by_document:
        items = list(group)
        sources = sources if sources is not None else _sub(project, "Sources")
        source_guid = guid("source", ref.sha256)
        files[f"sources/{source_guid}.txt"] = source_text(items, context.document_text(ref.sha256))
        source = _sub(sources, "TextSource", guid=source_guid,
                      name=ref.title or ref.path or ref.sha256[:12],
                      plainTextPath=f"internal://{source_guid}.txt")
        if ref.path:
            _sub(source, "Description").text = xml_safe(f"{ref.path} (SHA-256 {ref.sha256})")
        for record in items:
            _add_selection(source, record, code_ids, user_ids)
    return project, files


def _add_selection(source: ET.Element, record: ExportRecord, code_ids: dict[str, str],
                   user_ids: dict[str, str]) -> None:
    key = (record.document.sha256, str(record.start), str(record.end), record.kind,
           record.author, record.created_at)
    user = user_ids.get(record.author)
    created = _stamp(record.created_at)
    selection = _sub(source, "PlainTextSelection", guid=guid("selection", *key),
                     name=record.text[:80], startPosition=str(record.start),
                     endPosition=str(record.end), creatingUser=user, creationDateTime=created,
                     modifiedDateTime=_stamp(record.updated_at))
    if record.note:
        _sub(selection, "Description").text = xml_safe(record.note)
    if record.kind not in code_ids:  # a note without a tag: a selection with its note only
        return
    coding = _sub(selection, "Coding", guid=guid("coding", *key), creatingUser=user,
                  creationDateTime=created)
    _sub(coding, "CodeRef", targetGUID=code_ids[record.kind])


def write_qdpx(records: Sequence[ExportRecord], out: IO[bytes], context: ExportContext) -> None:
    """Write the project as a .qdpx zip to a binary stream."""
    project, files = build_project(records, context)
    ET.indent(project)
    # Parsers turn a raw carriage return in text into a line feed (XML 1.0 2.11); as a
    # character reference it survives. Attributes are already escaped, and indent() only
    # adds line feeds, so every raw \r left is in a note or a name.
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True).replace(b"\r", b"&#13;")
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", xml)
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))

"""Reading exported tags back: our JSON and JSON Lines, and W3C Web Annotations.

Parsing is strict and names the place at fault (``records[3].kind``, ``line 7``), so a
malformed file is rejected before anything touches the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from reader.core.export._json import SCHEMA, VERSION
from reader.core.export._fields import (ImportFileError, Malformed, ImportedTag, at, get_str, get_offset, get_time, get_kind, get_kinds, get_document)
from reader.core.export._records import LinkedPassage
from reader.core.store import Kind
from reader.core.export._w3c_reader import read_annotation



def _links(value: Any, where: str) -> tuple[LinkedPassage, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Malformed(f"{where}: expected a list")
    links = []
    for i, item in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise Malformed(f"{here}: expected an object")
        score = item.get("score")
        if score is not None and (isinstance(score, bool) or not isinstance(score, (int, float))):
            raise Malformed(f"{at(here, 'score')}: expected a number or null, got {score!r}")
        source = get_str(item, "source", here) or ("manual" if score is None else "auto")
        if source not in ("auto", "manual"):
            raise Malformed(f"{at(here, 'source')}: expected 'auto' or 'manual'")
        start, end = get_offset(item, "start", here), get_offset(item, "end", here)
        if end < start:  # type: ignore[operator]
            raise Malformed(f"{at(here, 'end')}: before start")
        document = get_document(item.get("document"), at(here, "document"), need_sha=True)
        links.append(LinkedPassage(document, start, end,  # type: ignore[arg-type]
                                   None if score is None else float(score),
                                   get_str(item, "text", here), source))
    return tuple(links)


def record_to_tag(obj: Any, where: str) -> ImportedTag:
    """One record of our JSON schema as an ImportedTag (strictly checked)."""
    if not isinstance(obj, dict):
        raise Malformed(f"{where}: expected an object, got {type(obj).__name__}")
    if "document" not in obj:
        raise Malformed(f"{at(where, 'document')}: missing")
    start, end = get_offset(obj, "start", where), get_offset(obj, "end", where)
    if end < start:  # type: ignore[operator]
        raise Malformed(f"{at(where, 'end')}: {end} is before start {start}")
    orphaned = obj.get("orphaned", False)
    if not isinstance(orphaned, bool):
        raise Malformed(f"{at(where, 'orphaned')}: expected true or false")
    return ImportedTag(
        where, get_document(obj["document"], at(where, "document")),
        get_kind(obj.get("kind"), at(where, "kind")), get_str(obj, "text", where, required=True),
        start, end, get_str(obj, "prefix", where), get_str(obj, "suffix", where),
        get_str(obj, "note", where), get_str(obj, "author", where),
        get_time(obj, "created_at", where), get_time(obj, "updated_at", where), orphaned,
        _links(obj.get("links"), at(where, "links")),
    )


def _is_annotation(obj: Any) -> bool:
    kinds = obj.get("type", obj.get("@type")) if isinstance(obj, dict) else None
    return kinds == "Annotation" or (isinstance(kinds, list) and "Annotation" in kinds)


def annotation_to_tag(obj: Any, where: str) -> ImportedTag:
    """One W3C Web Annotation as an ImportedTag (see ``w3c_reader``)."""
    return read_annotation(obj, where)


def _item_to_tag(obj: Any, where: str) -> ImportedTag:
    return annotation_to_tag(obj, where) if _is_annotation(obj) else record_to_tag(obj, where)


@dataclass(frozen=True)
class ImportedFile:
    """What a file to import holds: its tags and its codebook (the library's own kinds)."""

    tags: list[ImportedTag]
    kinds: tuple[Kind, ...] = ()

    def __len__(self) -> int:
        return len(self.tags)


def _from_value(value: Any) -> ImportedFile:
    if isinstance(value, list):
        return ImportedFile([_item_to_tag(item, f"[{i}]") for i, item in enumerate(value)])
    if not isinstance(value, dict):
        raise Malformed("expected a JSON object or list at the top level")
    if "schema" in value:
        _check_schema(value, "schema")
        records = value.get("records")
        if not isinstance(records, list):
            raise Malformed("records: missing or not a list")
        return ImportedFile([record_to_tag(item, f"records[{i}]")
                             for i, item in enumerate(records)], get_kinds(value.get("kinds")))
    if "document" in value and "kind" in value:  # JSON Lines holding a single record
        return ImportedFile([record_to_tag(value, "line 1")])
    kind = value.get("type")
    if _is_annotation(value):
        return ImportedFile([annotation_to_tag(value, "annotation")])
    if kind == "AnnotationCollection" and "first" not in value and value.get("total") == 0:
        # an empty collection has no page (model 5.1)
        return ImportedFile([], get_kinds(value.get("kinds")))
    if kind in ("AnnotationCollection", "AnnotationPage"):
        page = value.get("first", value) if kind == "AnnotationCollection" else value
        items = page.get("items") if isinstance(page, dict) else None
        if not isinstance(items, list):
            raise Malformed("first.items: missing or not a list" if kind ==
                            "AnnotationCollection" else "items: missing or not a list")
        return ImportedFile([annotation_to_tag(item, f"items[{i}]")
                             for i, item in enumerate(items)], get_kinds(value.get("kinds")))
    raise Malformed("not a Source Reader export or W3C annotations (no 'schema' or 'type')")


def _check_schema(value: dict, where: str) -> None:
    if value.get("schema") != SCHEMA:
        raise Malformed(f"{where}: expected {SCHEMA!r}, got {value.get('schema')!r}")
    version = value.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise Malformed(f"version: expected an integer, got {version!r}")
    if version > VERSION:
        raise Malformed(f"version: {version} is newer than this Source Reader reads "
                        f"(up to {VERSION})")


def _from_lines(text: str) -> ImportedFile:
    tags = []
    kinds: tuple[Kind, ...] = ()
    for number, line in enumerate(text.split("\n"), 1):  # not splitlines: U+2028 is data
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise Malformed(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
        if isinstance(value, dict) and "schema" in value and "records" not in value:
            _check_schema(value, where)  # an optional header line
            kinds = get_kinds(value.get("kinds"), f"{where}: kinds")
            continue
        tags.append(_item_to_tag(value, where))
    return ImportedFile(tags, kinds)


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def parse_tags(text: str, name: str = "file") -> list[ImportedTag]:
    """Tags in a JSON, JSON Lines or W3C annotation document; ImportFileError if malformed."""
    return parse_file(text, name).tags


def parse_file(text: str, name: str = "file") -> ImportedFile:
    """Tags and codebook of a JSON, JSON Lines or W3C annotation document; ImportFileError
    (naming the line or field at fault) if malformed."""
    text = text.lstrip("\ufeff")
    stripped = text.strip()
    try:
        if not stripped:
            raise Malformed("empty file")
        if stripped[0] not in "{[":
            raise Malformed("line 1: not JSON, JSON Lines or W3C annotations")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = Malformed(f"line {exc.lineno} column {exc.colno}: not valid JSON "
                                f"({exc.msg})")
            first_line = stripped.split("\n", 1)[0]
            if exc.msg != "Extra data" or not _is_json(first_line):
                raise problem from None  # one JSON document with a fault, not JSON Lines
            return _from_lines(text)
        return _from_value(value)
    except Malformed as exc:
        raise ImportFileError(f"{name}: {exc}") from None
    except RecursionError:  # [[[[...]]]] deeper than the parser's stack
        raise ImportFileError(f"{name}: not a Source Reader export (JSON nested too deeply)") \
            from None

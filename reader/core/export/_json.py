"""JSON and JSON Lines: the documented, versioned schema (docs/export-schema.md)."""

from __future__ import annotations

import json
from typing import IO, Iterator, Sequence

from reader import __version__
from reader.core.export._records import (ExportContext, ExportRecord, document_to_dict,
                                        record_to_dict)

SCHEMA = "source-reader/tags"
VERSION = 1


def _encoder() -> json.JSONEncoder:
    # one encoder for the whole file: json.dumps with options builds a new one per call
    return json.JSONEncoder(ensure_ascii=False, separators=(", ", ": "))


def write_json(records: Sequence[ExportRecord], out: IO[str], context: ExportContext) -> None:
    """One JSON object: schema, version, export details and ``records`` (one per line)."""
    header = {
        "schema": SCHEMA,
        "version": VERSION,
        "generator": f"Source Reader {__version__}",
        "exported_at": context.generated_at,
        "filters": context.filters.as_json(),
        "count": len(records),
        "kinds": [kind.as_json() for kind in context.kinds],
    }
    encode = _encoder().encode
    out.write(encode(header)[:-1] + ",\n\"records\": [")
    separator = "\n"
    for chunk in _encoded(records, encode):
        out.write(separator)
        out.write(",\n".join(chunk))
        separator = ",\n"
    out.write("\n]}\n" if records else "]}\n")


def write_jsonl(records: Sequence[ExportRecord], out: IO[str], context: ExportContext) -> None:
    """One record object per line, same fields as the JSON ``records`` array."""
    for chunk in _encoded(records, _encoder().encode):
        out.write("\n".join(chunk))
        out.write("\n")


def _encoded(records: Sequence[ExportRecord], encode) -> Iterator[list[str]]:
    """Each record as one line of JSON, in chunks (fewer, larger writes)."""
    document = None
    document_json: dict = {}
    chunk: list[str] = []
    for record in records:
        if record.document is not document:  # records come grouped by document
            document = record.document
            document_json = document_to_dict(document)
        chunk.append(encode(record_to_dict(record, document_json)))
        if len(chunk) >= 2000:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

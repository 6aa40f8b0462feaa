"""W3C Web Annotation (JSON-LD): an AnnotationCollection with one Annotation per tag.

Each target carries a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector
(start, end: code points of the normalized text); the kind is a ``tagging`` body and the
note a ``commenting`` body (a note without a tag is a ``commenting`` annotation). The
collection lists the library's codebook as ``kinds``, as the JSON export does. The document's SHA-256 travels as ``dcterms:identifier`` of
the target's source, so an import can find the exact text again.
"""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import IO, Any, Sequence
from urllib.parse import quote

from reader import __version__
from reader.core.export._records import DocumentRef, ExportContext, ExportRecord
from reader.core.store import NOTE_KIND

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: Namespace for the stable annotation ids (uuid5 of the tag's identity).
_ID_NAMESPACE = uuid.UUID("6f1d7f0e-3c55-4b8e-9d7e-2a4c5f8b9e10")


def source_id(ref: DocumentRef) -> str:
    """The IRI naming a document: its file URI, else ``urn:sha256:<hex>``."""
    if ref.path:
        path = Path(ref.path)
        return path.as_uri() if path.is_absolute() else quote(ref.path)
    return f"urn:sha256:{ref.sha256}"


def annotation_id(record: ExportRecord) -> str:
    """A stable id: the same tag exported twice gets the same id."""
    key = "|".join((record.document.sha256, str(record.start), str(record.end), record.kind,
                    record.author, record.created_at))
    return f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, key)}"


def record_to_annotation(record: ExportRecord) -> dict[str, Any]:
    """One tag as a Web Annotation object (without ``@context``)."""
    ref = record.document
    source: dict[str, Any] = {"id": source_id(ref), "type": "Text", "format": "text/plain"}
    if ref.title:
        source["dcterms:title"] = ref.title
    if ref.sha256:
        source["dcterms:identifier"] = f"urn:sha256:{ref.sha256}"
    note_only = record.kind == NOTE_KIND  # a note without a tag: a comment alone
    body: list[dict[str, Any]] = [] if note_only else [
        {"type": "TextualBody", "purpose": "tagging", "value": record.kind},
    ]
    if record.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": record.note,
                     "format": "text/plain"})
    annotation: dict[str, Any] = {
        "id": annotation_id(record),
        "type": "Annotation",
        "motivation": "commenting" if note_only else "tagging",
        "body": body,
        "target": {
            "type": "SpecificResource",
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": record.text, "prefix": record.prefix,
                 "suffix": record.suffix},
                {"type": "TextPositionSelector", "start": record.start, "end": record.end},
            ],
        },
    }
    if record.author:
        annotation["creator"] = {"type": "Person", "name": record.author}
    if record.created_at:
        annotation["created"] = record.created_at
    if record.updated_at:
        annotation["modified"] = record.updated_at
    return annotation


def collection_ids(annotation_ids: Sequence[str]) -> tuple[str, str]:
    """Stable IRIs of the collection and of its one page, derived from what it holds (the
    same tags exported twice give the same ids; model 5.1 and 5.2: exactly one IRI each)."""
    key = "\x1f".join(annotation_ids)
    collection = f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'collection' + key)}"
    return collection, f"urn:uuid:{uuid.uuid5(_ID_NAMESPACE, 'page' + key)}"


def write_w3c(records: Sequence[ExportRecord], out: IO[str], context: ExportContext) -> None:
    """Write an AnnotationCollection whose one page holds every annotation.

    An empty export has no page at all (model 5.2: a page holds one or more annotations),
    only ``total`` 0."""
    items = [record_to_annotation(r) for r in records]
    collection_id, page_id = collection_ids([item["id"] for item in items])
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": f"Source Reader tags ({context.filters.describe()})",
        "generator": {"type": "Software", "name": f"Source Reader {__version__}"},
        "total": len(items),
        "kinds": [kind.as_json() for kind in context.kinds],  # the codebook, as in JSON
    }
    if items:
        collection["first"] = {"id": page_id, "type": "AnnotationPage", "partOf": collection_id,
                               "startIndex": 0, "items": items}
        collection["last"] = page_id
    if context.generated_at:
        collection["generated"] = context.generated_at
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")

"""Reading W3C Web Annotations (ours, Hypothesis-style, or written by hand) as tags.

The kind comes from a ``tagging`` body (or a body whose value is a kind), the note from
``commenting`` bodies or ``bodyValue``; the text from a TextQuoteSelector, the position
from a TextPositionSelector when present. The source is a file URI, a path, or
``urn:sha256:<hex>``; ``dcterms:identifier`` on the source object carries the hash.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from reader.core.export._fields import (ImportedTag, Malformed, at, check_text, get_kind,
                                        get_offset, get_str, get_time)
from reader.core.export._records import DocumentRef
from reader.core.store import TAG_KINDS
from reader.core.store import NOTE_KIND


def _as_list(value: Any) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(obj: dict) -> list:
    return _as_list(obj.get("type", obj.get("@type")))


def source_to_document(value: Any, where: str) -> DocumentRef:
    """A target ``source`` (IRI string or object) as a DocumentRef."""
    title = ""
    sha = ""
    if isinstance(value, dict):
        title = value.get("dcterms:title") or value.get("title") or ""
        ident = value.get("dcterms:identifier") or value.get("identifier") or ""
        if isinstance(ident, str) and ident.startswith("urn:sha256:"):
            sha = ident[len("urn:sha256:"):].lower()
        value = value.get("id", value.get("@id", ""))
    if not isinstance(value, str) or not value:
        raise Malformed(f"{where}: expected an IRI or an object with an id")
    check_text(value, where)
    title = check_text(title, at(where, "title")) if isinstance(title, str) else ""
    if value.startswith("urn:sha256:"):
        return DocumentRef("", title if isinstance(title, str) else "",
                           value[len("urn:sha256:"):].lower())
    parsed = urlparse(value)
    if parsed.scheme in ("http", "https"):
        return DocumentRef(value, title if isinstance(title, str) else "", sha)
    path = url2pathname(unquote(parsed.path)) if parsed.scheme == "file" else unquote(value)
    return DocumentRef(path, title if isinstance(title, str) else "", sha)


def _body(obj: dict, where: str) -> tuple[str, str]:
    kind = ""
    notes: list[str] = []
    for i, body in enumerate(_as_list(obj.get("body"))):
        if not isinstance(body, dict):
            continue  # an IRI body says nothing we can use
        here = f"{at(where, 'body')}[{i}]"
        value = body.get("value", body.get("rdf:value"))
        purposes = _as_list(body.get("purpose"))
        if "tagging" in purposes or (not purposes and isinstance(value, str)
                                     and value.strip().lower() in (*TAG_KINDS, NOTE_KIND)):
            kind = kind or get_kind(value, at(here, "value"))
        elif isinstance(value, str) and value:
            notes.append(check_text(value, at(here, "value")))
    body_value = obj.get("bodyValue")
    if isinstance(body_value, str) and body_value:
        notes.append(check_text(body_value, at(where, "bodyValue")))
    if not kind and notes:
        kind = NOTE_KIND  # a comment without a tag: a note
    if not kind:
        raise Malformed(f"{at(where, 'body')}: no tagging body (a kind such as "
                        f"{', '.join(TAG_KINDS)}) and no comment")
    return kind, "\n\n".join(notes)


def _creator(obj: dict, where: str) -> str:
    for creator in _as_list(obj.get("creator")):
        if isinstance(creator, str):
            return check_text(creator, at(where, "creator"))
        if isinstance(creator, dict):
            name = creator.get("name") or creator.get("nickname") or ""
            if isinstance(name, str) and name:
                return check_text(name, at(where, "creator.name"))
    return ""


def read_annotation(obj: Any, where: str) -> ImportedTag:
    """One Annotation as an ImportedTag; Malformed names the field at fault."""
    if not isinstance(obj, dict):
        raise Malformed(f"{where}: expected an Annotation object")
    kind, note = _body(obj, where)
    targets = [t for t in _as_list(obj.get("target")) if isinstance(t, dict)]
    target = next((t for t in targets if "selector" in t), targets[0] if targets else None)
    if target is None:
        raise Malformed(f"{at(where, 'target')}: expected an object with source and selector")
    here = at(where, "target")
    document = source_to_document(target.get("source"), at(here, "source"))
    quote: dict | None = None
    position: dict | None = None
    for selector in _as_list(target.get("selector")):
        if isinstance(selector, dict):
            if "TextQuoteSelector" in _types(selector) and quote is None:
                quote = selector
            elif "TextPositionSelector" in _types(selector) and position is None:
                position = selector
    if quote is None:
        raise Malformed(f"{at(here, 'selector')}: a TextQuoteSelector with 'exact' is required")
    sel = at(here, "selector")
    start = end = None
    if position is not None:
        start, end = get_offset(position, "start", sel), get_offset(position, "end", sel)
        if end < start:  # type: ignore[operator]
            raise Malformed(f"{at(sel, 'end')}: {end} is before start {start}")
    return ImportedTag(
        where, document, kind, get_str(quote, "exact", sel, required=True), start, end,
        get_str(quote, "prefix", sel), get_str(quote, "suffix", sel), note, _creator(obj, where),
        get_time(obj, "created", where), get_time(obj, "modified", where),
    )

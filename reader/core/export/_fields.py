"""Fields of an import record: typed getters that name the line and field at fault."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from reader.core.errors import ReaderError
from reader.core.export._filters import normalize_timestamp
from reader.core.export._records import DocumentRef, LinkedPassage
from reader.core.store import (NOTE_KIND, SHAPES, TAG_KINDS, Kind, KindError, check_color,
                               check_name)

_SHA = re.compile(r"^[0-9a-fA-F]{64}$")


class ImportFileError(ReaderError):
    """A file given to import is malformed; the message names the line or field at fault."""


class Malformed(ValueError):
    """Raised by the field readers; turned into ImportFileError with the file name."""


@dataclass(frozen=True)
class ImportedTag:
    """A tag read from a file, before it is matched to a library document.

    ``document.sha256`` may be empty (hand-written annotations); ``start``/``end`` are
    None when the file gave no position.
    """

    where: str
    document: DocumentRef
    kind: str
    exact: str
    start: int | None
    end: int | None
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    author: str = ""
    created_at: str = ""
    updated_at: str = ""
    orphaned: bool = False
    links: tuple[LinkedPassage, ...] = ()


def at(where: str, key: str) -> str:
    """The name of field ``key`` inside ``where`` ("records[2].kind", "line 4: kind")."""
    return f"{where}: {key}" if where.startswith("line") else f"{where}.{key}"


def get_str(obj: dict, key: str, where: str, required: bool = False) -> str:
    """A string field ("" when absent and not required)."""
    value = obj.get(key)
    if value is None:
        if required:
            raise Malformed(f"{at(where, key)}: missing")
        return ""
    if not isinstance(value, str):
        raise Malformed(f"{at(where, key)}: expected a string, got {type(value).__name__}")
    return check_text(value, at(where, key))


def check_text(value: str, where: str) -> str:
    """``value``, if it is text a file can hold: JSON may escape half of a UTF-16 pair
    (``"\\ud800"``), which no UTF-8 file or database can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Malformed(f"{where}: holds a lone surrogate (U+{ord(value[exc.start]):04X} at "
                        f"character {exc.start}), not text") from None
    return value


def get_offset(obj: dict, key: str, where: str, required: bool = True) -> int | None:
    """A non-negative integer field."""
    value = obj.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Malformed(f"{at(where, key)}: expected a non-negative integer, got {value!r}")
    return value


def get_time(obj: dict, key: str, where: str) -> str:
    """An ISO 8601 time field, normalized to the store's format ("" when absent)."""
    value = get_str(obj, key, where)
    if not value:
        return ""
    try:
        return normalize_timestamp(value)
    except ValueError:
        raise Malformed(f"{at(where, key)}: not an ISO 8601 date or time: {value!r}") from None


def get_kind(value: Any, where: str) -> str:
    """A tag kind: a built-in one (any case) or a name of the library's own."""
    if not isinstance(value, str):
        raise Malformed(f"{where}: expected a kind's name, got {value!r}")
    if value.strip().lower() in TAG_KINDS or value.strip().lower() == NOTE_KIND:
        return value.strip().lower()
    try:
        return check_name(value)
    except KindError as exc:
        raise Malformed(f"{where}: {exc}") from None


def get_kinds(value: Any, where: str = "kinds") -> tuple[Kind, ...]:
    """A file's codebook (``kinds``): the entries of the library's own kinds."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Malformed(f"{where}: expected a list")
    kinds = []
    for i, item in enumerate(value):
        here = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise Malformed(f"{here}: expected an object with name, description, key, color")
        name = get_kind(item.get("name"), at(here, "name"))
        if name in TAG_KINDS or name == NOTE_KIND or item.get("builtin") is True:
            continue
        try:
            color = check_color(get_str(item, "color", here))
        except KindError:
            color = ""  # a colour we cannot read: the library picks one
        shape = get_str(item, "shape", here)
        retired = item.get("retired", False)
        kinds.append(Kind(name, get_str(item, "description", here), get_str(item, "key", here),
                          color, shape if shape in SHAPES else "diamond",
                          retired if isinstance(retired, bool) else False))
    return tuple(kinds)


def get_document(value: Any, where: str, need_sha: bool = False) -> DocumentRef:
    """A ``document`` object: path, title, sha256 (at least a path or a sha256)."""
    if not isinstance(value, dict):
        raise Malformed(f"{where}: expected an object with path, title and sha256")
    sha = get_str(value, "sha256", where).lower()
    if sha and not _SHA.match(sha):
        raise Malformed(f"{at(where, 'sha256')}: not a SHA-256 hex digest: {sha!r}")
    path = get_str(value, "path", where)
    if not sha and (need_sha or not path):
        raise Malformed(f"{at(where, 'sha256')}: missing" + ("" if need_sha else
                                                              " (and no path)"))
    return DocumentRef(path, get_str(value, "title", where), sha)

"""What to export: kinds, documents, authors and a date, shared by every format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from reader.core.errors import ReaderError
from reader.core.store import SessionNameError

if TYPE_CHECKING:
    from reader.core.store import Store


class ExportError(ReaderError):
    """An export could not be made as asked (bad filter, unknown format, unwritable file)."""


def normalize_timestamp(value: str) -> str:
    """An ISO 8601 date or date-time in the store's format (UTC, milliseconds, ``Z``).

    A bare date stays a date (it sorts before every time of that day); a time without a
    zone is taken as UTC. Raises ValueError for anything else.
    """
    text = value.strip()
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        datetime.strptime(text, "%Y-%m-%d")  # validates
        return text
    stamp = datetime.fromisoformat(text.replace("z", "Z"))
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    stamp = stamp.astimezone(timezone.utc)
    return stamp.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ExportFilter:
    """Which tags to export; an empty field means "no restriction".

    ``since`` is an ISO date or date-time: tags created or changed at or after it.
    """

    kinds: tuple[str, ...] = ()
    document_paths: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    since: str | None = None
    session: str | None = None  # only the documents of this named reading session

    def __post_init__(self) -> None:
        for name in ("kinds", "document_paths", "authors"):
            object.__setattr__(self, name, tuple(str(v) for v in getattr(self, name) or ()))
        if any(not k.strip() for k in self.kinds):
            raise ExportError("an empty tag kind; expected a kind's name")
        if self.since:
            try:
                object.__setattr__(self, "since", normalize_timestamp(self.since))
            except ValueError:
                raise ExportError(f"--since {self.since!r}: expected a date like 2024-05-01 "
                                  "or a date-time like 2024-05-01T14:30:00Z") from None
        else:
            object.__setattr__(self, "since", None)

    def describe(self) -> str:
        """A short human description, for report headers ("all tags" when unfiltered)."""
        parts = []
        if self.kinds:
            parts.append("kind " + " or ".join(self.kinds))
        if self.document_paths:
            parts.append("document " + " or ".join(self.document_paths))
        if self.authors:
            parts.append("author " + " or ".join(self.authors))
        if self.since:
            parts.append(f"since {self.since}")
        if self.session:
            parts.append(f"session {self.session}")
        return "; ".join(parts) if parts else "all tags"

    def as_json(self) -> dict[str, object]:
        """The filter as a JSON object (recorded in JSON exports)."""
        return {"kinds": list(self.kinds), "documents": list(self.document_paths),
                "authors": list(self.authors), "since": self.since,
                **({"session": self.session} if self.session else {})}


def resolve_document_ids(store: "Store", paths: Iterable[str]) -> list[int]:
    """Library ids of the documents named by ``paths``.

    A path matches a document remembered at that path (as given or made absolute), or,
    when the file exists, the document with the same text. Raises ExportError for a
    path that matches nothing, so a typo is not silently an empty export.
    """
    ids: list[int] = []
    for raw in paths:
        found = _ids_for_path(store, raw)
        if not found:
            raise ExportError(f"{raw}: no such document in the library")
        ids.extend(i for i in found if i not in ids)
    return ids


def _ids_for_path(store: "Store", raw: str) -> list[int]:
    candidates = {raw, str(Path(raw).expanduser().absolute())}
    try:
        candidates.add(str(Path(raw).expanduser().resolve()))
    except OSError:
        pass
    found = [doc.id for cand in sorted(candidates) for doc in store.documents(path=cand)]
    path = Path(raw).expanduser()
    if path.is_file():
        from reader.core.loaders import load_document

        try:
            record = store.document_by_sha(load_document(path).sha256)
        except ReaderError:
            record = None
        if record is not None:
            found.append(record.id)
    return sorted(set(found))


def resolve_kinds(store: "Store", kinds: Iterable[str]) -> list[str]:
    """The codebook's names for ``kinds`` (any case); ExportError for a kind the library
    does not have, so a typo is not silently an empty export."""
    names = []
    for kind in kinds:
        name = store.kinds.canonical(kind.strip())
        if name is None:
            known = ", ".join(k.name for k in store.kinds.all())
            raise ExportError(f"unknown tag kind {kind!r}; expected one of {known}")
        names.append(name)
    return names


def store_query(store: "Store", filters: ExportFilter) -> dict[str, object]:
    """Keyword arguments for ``Store.tags`` implementing ``filters``."""
    document_ids = (resolve_document_ids(store, filters.document_paths)
                    if filters.document_paths else None)
    if filters.session:
        try:
            in_session = store.sessions.document_ids(filters.session)
        except SessionNameError as exc:
            raise ExportError(f"--session: {exc}") from None
        document_ids = [i for i in (document_ids if document_ids is not None else in_session)
                        if i in in_session]
    return {
        "document_ids": document_ids,
        "kinds": resolve_kinds(store, filters.kinds) or None,
        "authors": filters.authors or None,
        "since": filters.since,
    }

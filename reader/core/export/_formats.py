"""Export tagged passages: one module per format, all written from ``ExportRecord``.

``export(store, fmt, filters, out)`` writes to a stream or a path; ``export_tags`` writes a
file atomically (for the window's Export dialog); ``count_records`` says how many tags a
filter selects. ``FORMATS`` maps each format name to its description and writer.
"""

from __future__ import annotations

import importlib
import io
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Callable, Mapping, Sequence

from reader.core.export._destination import check_destination, write_export_file
from reader.core.export._filters import ExportError, ExportFilter, store_query
from reader.core.export._records import (DocumentRef, DocumentTexts, ExportContext, ExportRecord,
                                        LinkedPassage, build_records)

if TYPE_CHECKING:
    from reader.core.store import Store

__all__ = ["FORMATS", "DocumentRef", "ExportError", "ExportFilter", "ExportFormat",
           "ExportRecord", "LinkedPassage", "count_records", "export", "export_tags"]

Writer = Callable[[Sequence[ExportRecord], IO, ExportContext], None]


@dataclass(frozen=True)
class ExportFormat:
    """One export format: its name on the command line, a label, a file suffix, a writer."""

    name: str
    label: str
    suffix: str
    module: str
    function: str
    binary: bool = False

    def writer(self) -> Writer:
        """The writer function (its module is imported on first use)."""
        module = importlib.import_module(f"reader.core.export._{self.module}")
        return getattr(module, self.function)


FORMATS: Mapping[str, ExportFormat] = MappingProxyType({f.name: f for f in (
    ExportFormat("csv", "CSV spreadsheet", ".csv", "csv", "write_csv"),
    ExportFormat("xlsx", "Excel workbook (LibreOffice, Excel)", ".xlsx", "xlsx", "write_xlsx",
                 binary=True),
    ExportFormat("json", "JSON", ".json", "json", "write_json"),
    ExportFormat("jsonl", "JSON Lines", ".jsonl", "json", "write_jsonl"),
    ExportFormat("md", "Markdown", ".md", "markdown", "write_markdown"),
    ExportFormat("html", "HTML report", ".html", "html_report", "write_html"),
    ExportFormat("w3c", "W3C Web Annotation (JSON-LD)", ".jsonld", "w3c", "write_w3c"),
    ExportFormat("qdpx", "REFI-QDA project (QDA software)", ".qdpx", "qdpx", "write_qdpx",
                 binary=True),
)})


def get_format(fmt: str | ExportFormat) -> ExportFormat:
    """The format named ``fmt``; ExportError for an unknown name."""
    if isinstance(fmt, ExportFormat):
        return fmt
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ExportError(f"unknown export format {fmt!r}; expected one of "
                          f"{', '.join(FORMATS)}") from None


def count_records(store: "Store", filters: ExportFilter | None = None) -> int:
    """How many tags ``filters`` selects (what an export would contain)."""
    return len(store.tag_table.tags(**store_query(store, filters or ExportFilter())))


def export(store: "Store", fmt: str | ExportFormat, filters: ExportFilter | None,
           out: IO | str | Path) -> int:
    """Write the tags matching ``filters`` in format ``fmt``; returns how many were written.

    ``out`` is a stream (text, or binary for binary formats) or a path; a path is written
    atomically, so a failed export never leaves a half-written file.
    """
    from reader.core.store import now_iso

    spec = get_format(fmt)
    if isinstance(out, (str, Path)):
        check_destination(Path(out), getattr(store, "path", None))  # before any work
    filters = filters or ExportFilter()
    texts = DocumentTexts(store)
    records = build_records(store, filters, texts)
    to_file = isinstance(out, (str, Path))
    context = ExportContext(filters=filters, generated_at=now_iso(),
                            document_text=texts.text_for_sha, to_file=to_file,
                            kinds=tuple(store.kinds.all()))
    writer = spec.writer()
    if not to_file:
        if spec.binary and isinstance(out, io.TextIOBase):
            out = out.buffer  # type: ignore[attr-defined]
        writer(records, out, context)
        return len(records)
    write_export_file(Path(out), spec.binary, lambda stream: writer(records, stream, context))
    return len(records)


def export_tags(store: "Store", fmt: str | ExportFormat, filters: ExportFilter | None,
                destination: str | Path) -> int:
    """Export to the file ``destination`` (for the Export dialog); returns the count."""
    return export(store, fmt, filters, Path(destination))

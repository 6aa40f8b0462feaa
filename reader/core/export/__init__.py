"""Export tags to every format, and import them back."""

from __future__ import annotations

from reader.core.export._csv import COLUMNS, neutralize
from reader.core.export._fields import ImportFileError
from reader.core.export._filters import ExportError, ExportFilter
from reader.core.export._formats import FORMATS, count_records, export, export_tags
from reader.core.export._html_report import bar_chart, diff_sides, similar_enough
from reader.core.export._importing import describe_import_file, import_tags, read_import_file
from reader.core.export._markdown import escape_markdown
from reader.core.export._qdpx import source_text, xml_safe
from reader.core.export._records import DocumentRef, DocumentTexts, ExportRecord, build_records

__all__ = [
    "COLUMNS", "DocumentRef", "DocumentTexts", "ExportError", "ExportFilter", "ExportRecord", "FORMATS",
    "ImportFileError", "bar_chart", "build_records", "count_records", "describe_import_file", "diff_sides",
    "escape_markdown", "export", "export_tags", "import_tags", "neutralize", "read_import_file",
    "similar_enough", "source_text", "xml_safe",
]

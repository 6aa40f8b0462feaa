"""Excel workbook (.xlsx): the CSV columns in a sheet every spreadsheet opens as UTF-8.

LibreOffice's default CSV import ignores the byte-order mark and reads cp1252, so a name
like "Zoë" arrives as "ZoÃ«"; a workbook carries its text as Unicode and cannot be
misread. Cells are written as strings or numbers, never formulas (XlsxWriter's
``write_string``), so nothing a tag says can run.
"""

from __future__ import annotations

import io
from typing import IO, Sequence

from reader.core.export._csv import COLUMNS, describe_link
from reader.core.export._records import ExportContext, ExportRecord

#: Excel refuses longer cell text.
MAX_CELL = 32767


def _cell(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[:MAX_CELL - 1] + "\u2026"


def write_xlsx(records: Sequence[ExportRecord], out: IO[bytes], context: ExportContext) -> None:
    """Write ``records`` as one worksheet with a header row, frozen and filterable."""
    import xlsxwriter  # here: only this format needs it

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"constant_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    sheet = book.add_worksheet("Tags")
    bold = book.add_format({"bold": True})
    for col, name in enumerate(COLUMNS):
        sheet.write_string(0, col, name, bold)
    sheet.freeze_panes(1, 0)
    for row, record in enumerate(records, 1):
        document = record.document
        links = "\n".join(describe_link(link) for link in record.links)
        values = (document.title, document.path, document.sha256, record.kind, record.text,
                  record.start, record.end, record.note, record.author, record.created_at,
                  record.updated_at, "yes" if record.orphaned else "", len(record.links), links)
        for col, value in enumerate(values):
            if isinstance(value, int):
                sheet.write_number(row, col, value)
            elif value:
                sheet.write_string(row, col, _cell(value))
    sheet.autofilter(0, 0, max(len(records), 1), len(COLUMNS) - 1)
    book.close()
    out.write(buffer.getvalue())

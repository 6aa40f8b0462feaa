"""CSV: one row per tag, for spreadsheets; cells that a spreadsheet would run are defused."""

from __future__ import annotations

import csv
from typing import IO, Sequence

from reader.core.export._records import ExportContext, ExportRecord, LinkedPassage

COLUMNS = ("document_title", "document_path", "document_sha256", "kind", "text", "start", "end",
           "note", "author", "created_at", "updated_at", "orphaned", "link_count", "links")

#: A cell starting with one of these is read as a formula (or DDE) by spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


_FORMULA_FIRST = frozenset(FORMULA_STARTS)


def neutralize(value: str) -> str:
    """``value`` with a leading apostrophe when a spreadsheet would read it as a formula."""
    return "'" + value if value[:1] in _FORMULA_FIRST else value


def describe_link(link: LinkedPassage) -> str:
    """One linked passage as a line: document, span, score (or "manual") and text."""
    name = link.document.title or link.document.path or link.document.sha256[:12]
    score = "manual" if link.score is None else f"score {link.score:.3f}"
    return f"{name} [{link.start}-{link.end}] {score}: {link.text}"


def write_csv(records: Sequence[ExportRecord], out: IO[str], context: ExportContext) -> None:
    """Write ``records`` as UTF-8 CSV with a header row (a BOM first when writing a file)."""
    if context.to_file:
        out.write("\ufeff")  # lets spreadsheet programs detect UTF-8 on open
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    first = _FORMULA_FIRST  # neutralize() inlined below: it runs for every cell
    current = None
    head: tuple[str, str, str] = ("", "", "")
    rows = []
    # unpacked, not attribute access: this loop runs once per tag
    for (document, kind, text, start, end, _prefix, _suffix, note, author, created, updated,
         orphaned, links) in records:
        if document is not current:  # records come grouped by document
            current = document
            head = (neutralize(document.title), neutralize(document.path),
                    neutralize(document.sha256))
        described = "\n".join(describe_link(link) for link in links) if links else ""
        rows.append((
            *head, kind, text if text[:1] not in first else "'" + text, start, end,
            note if note[:1] not in first else "'" + note,
            author if author[:1] not in first else "'" + author,
            created if created[:1] not in first else "'" + created,
            updated if updated[:1] not in first else "'" + updated,
            "yes" if orphaned else "", len(links),
            described if described[:1] not in first else "'" + described,
        ))
        if len(rows) >= 5000:
            writer.writerows(rows)
            rows.clear()
    writer.writerows(rows)

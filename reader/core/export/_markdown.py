"""Markdown: by document, then by kind; each statement quoted with its note.

Text is backslash-escaped so a document's own markup (HTML tags, emphasis, links) shows
as the characters it is instead of being rendered.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import IO, Sequence

from reader.core.export._records import ExportContext, ExportRecord
from reader.core.store import NOTE_KIND

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([#+=-])")
_NUMBERED = re.compile(r"^(\s*)(\d+)([.)])")


def escape_markdown(text: str) -> str:
    """``text`` with Markdown and inline-HTML syntax characters backslash-escaped."""
    lines = []
    for line in text.split("\n"):
        line = _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", line))
        lines.append(_NUMBERED.sub(r"\1\2\\\3", line))  # "1." would start a list
    return "\n".join(lines)


def quote_block(text: str) -> str:
    """``text`` as a Markdown block quote, escaped, blank lines kept inside the quote."""
    return "\n".join(f"> {line}" if line else ">" for line in escape_markdown(text).split("\n"))


def write_markdown(records: Sequence[ExportRecord], out: IO[str],
                   context: ExportContext) -> None:
    """Write the records grouped by document, then by kind."""
    out.write("# Tagged passages\n\n")
    out.write(f"{len(records)} tags; {escape_markdown(context.filters.describe())}"
              + (f"; exported {context.generated_at}" if context.generated_at else "") + ".\n")
    kinds = context.kinds_used(records)
    order = {kind.name: i for i, kind in enumerate(kinds)}
    own = [k for k in kinds if not k.builtin]
    if own:
        out.write("\nKinds of this library: " + "; ".join(
            f"**{escape_markdown(k.name)}**" + (f" ({escape_markdown(k.description)})"
                                               if k.description else "")
            + (" (retired)" if k.retired else "") for k in own) + ".\n")
    for ref, group in groupby(records, key=lambda r: r.document):
        items = list(group)
        title = ref.title or ref.path or ref.sha256[:12]
        out.write(f"\n## {escape_markdown(title)}\n\n")
        if ref.path:
            out.write(f"Path: {escape_markdown(ref.path)}  \n")
        out.write(f"SHA-256: {ref.sha256}\n")
        items.sort(key=lambda r: (order.get(r.kind, 9), r.start, r.end))
        for kind, kind_items in groupby(items, key=lambda r: r.kind):
            kind_list = list(kind_items)
            heading = "Notes" if kind == NOTE_KIND else kind[:1].upper() + kind[1:]
            out.write(f"\n### {escape_markdown(heading)} ({len(kind_list)})\n")
            for record in kind_list:
                _write_record(out, record)


def _write_record(out: IO[str], record: ExportRecord) -> None:
    out.write(f"\n{quote_block(record.text)}\n\n")
    details = [f"characters {record.start}–{record.end}"]
    if record.author:
        details.append(f"by {escape_markdown(record.author)}")
    if record.created_at:
        details.append(record.created_at)
    if record.orphaned:
        details.append("not found in the current text")
    out.write(f"*{'; '.join(details)}*\n")
    if record.note:
        out.write(f"\n**Note:** {escape_markdown(record.note)}\n")
    for link in record.links:
        name = link.document.title or link.document.path or link.document.sha256[:12]
        score = "pinned" if link.score is None else f"score {link.score:.2f}"
        out.write(f"\n- Linked in *{escape_markdown(name)}* ({score}): "
                  f"{escape_markdown(link.text).replace(chr(10), ' ')}\n")

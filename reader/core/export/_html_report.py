"""A self-contained, printable HTML report: no script, no network, every text escaped.

Per document: counts per kind as a small inline-SVG bar chart, the tagged statements in
their kind's colour (with a text label, so colour is never the only cue), notes, and each
linked passage beside the statement with their word differences.
"""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import IO, Sequence

from reader import __version__
from reader.core.export._html_agreement import CSS as AGREEMENT_CSS
from reader.core.export._html_agreement import agreement_section
from reader.core.export._records import ExportContext, ExportRecord, LinkedPassage
from reader.core.store import TAG_KINDS
from reader.core.store import BUILTIN_CODEBOOK, NOTE_KIND, Kind

#: Word differences are marked only in passages sharing at least this share of words.
MIN_SHARED_WORDS = 0.5
_MUTED = "#57606a"

_CSS = """
:root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--rule); }
.meta { color: var(--muted); font-size: .85rem; overflow-wrap: anywhere; }
.chart text { font-size: 12px; fill: var(--ink); }
nav ol { padding-left: 1.2rem; }
article.tag { border-left: 5px solid var(--kind); background: var(--tint); padding: .6rem .9rem;
              margin: 1rem 0; border-radius: 4px; }
.badge { font-weight: 600; color: var(--kind); text-transform: uppercase; font-size: .75rem;
         letter-spacing: .05em; }
blockquote { margin: .3rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.note { margin: .3rem 0; } .note b { color: var(--muted); }
.orphan { color: #9a3412; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; margin-top: .6rem;
        background: #fff; border: 1px solid var(--rule); border-radius: 4px; padding: .5rem; }
.pair h4 { margin: 0 0 .2rem; font-size: .8rem; color: var(--muted); font-weight: 600; }
.pair p { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .9rem; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: none;
      border-bottom: 1px solid #1a7f37; }
footer { margin-top: 3rem; color: var(--muted); font-size: .8rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  nav { display: none; }
  article.tag, .pair { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; }
}
"""

#: No script, style or image may come from anywhere; inline CSS only.
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def bar_chart(counts: dict[str, int], label: str, kinds: Sequence[Kind] = ()) -> str:
    """Counts per kind as a small inline SVG bar chart (prints without background colours);
    ``kinds`` are the bars (default: the built-in kinds)."""
    kinds = list(kinds) or [k for k in BUILTIN_CODEBOOK if k.name in TAG_KINDS]
    width, bar_x, bar_w, row = 420, 150, 220, 22
    top = max(counts.values(), default=0) or 1
    parts = [f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
             f'width="{width}" height="{row * len(kinds) + 4}" '
             f'aria-label="{escape(label)}: '
             + escape(", ".join(f"{k.name} {counts.get(k.name, 0)}" for k in kinds)) + '">']
    for i, kind in enumerate(kinds):
        n = counts.get(kind.name, 0)
        y = i * row + 2
        w = round(bar_w * n / top)
        name = kind.name if len(kind.name) <= 20 else kind.name[:19] + "…"
        parts.append(f'<text x="0" y="{y + 14}">{escape(name[:1].upper() + name[1:])}</text>'
                     f'<rect x="{bar_x}" y="{y + 2}" width="{w}" height="14" rx="2" '
                     f'fill="{escape(kind.color or _MUTED)}"/>'
                     f'<text x="{bar_x + w + 6}" y="{y + 14}">{n}</text>')
    parts.append("</svg>")
    return "".join(parts)


def diff_sides(left: str, right: str) -> tuple[str, str]:
    """Escaped HTML of both passages, removed words in <del> on the left, added in <ins>."""
    from reader.core.align import diff_words

    left_html: list[str] = []
    right_html: list[str] = []
    for op in diff_words(left, right).ops:
        kind, text = op[0], escape(op[1])
        if kind == 0:
            left_html.append(text)
            right_html.append(text)
        elif kind < 0:
            left_html.append(f"<del>{text}</del>")
        else:
            right_html.append(f"<ins>{text}</ins>")
    return "".join(left_html), "".join(right_html)


def similar_enough(left: str, right: str) -> bool:
    """Whether two linked passages share enough words for their differences to help:
    past a rewording, marking nearly every word as changed only hides what they share."""
    from reader.core.align import diff_words

    same = sum(len(op[1].split()) for op in diff_words(left, right).ops if op[0] == 0)
    longest = max(len(left.split()), len(right.split()), 1)
    return same / longest >= MIN_SHARED_WORDS


def _counts(records: Sequence[ExportRecord]) -> dict[str, int]:
    counts = {kind: 0 for kind in TAG_KINDS}
    for record in records:
        counts[record.kind] = counts.get(record.kind, 0) + 1
    return counts


def _name(record_doc) -> str:
    return record_doc.title or record_doc.path or record_doc.sha256[:12]


def write_html(records: Sequence[ExportRecord], out: IO[str], context: ExportContext) -> None:
    """Write the report as one HTML document."""
    groups = [(ref, list(items)) for ref, items in groupby(records, key=lambda r: r.document)]
    out.write('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
              f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
              '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
              f'<meta name="generator" content="Source Reader {escape(__version__)}">\n'
              f"<title>Tagged passages: Source Reader report</title>\n"
              f"<style>{_CSS}{AGREEMENT_CSS}</style>\n"
              "</head>\n<body>\n<header>\n<h1>Tagged passages</h1>\n")
    out.write(f'<p class="meta">{len(records)} tags in {len(groups)} documents; '
              f"{escape(context.filters.describe())}"
              + (f"; exported {escape(context.generated_at)}" if context.generated_at else "")
              + "</p>\n")
    kinds = [k for k in context.kinds_used(records) if k.name != NOTE_KIND]
    out.write(bar_chart(_counts(records), "Tags per kind, all documents", kinds) + "\n")
    own = [k for k in kinds if not k.builtin]
    if own:
        out.write('<p class="meta">Kinds of this library: ' + "; ".join(
            f'<b style="color: {escape(k.color or _MUTED)}">{escape(k.name)}</b>'
            + (f" ({escape(k.description)})" if k.description else "")
            + (" (retired)" if k.retired else "") for k in own) + "</p>\n")
    if len(groups) > 1:
        out.write("<nav><ol>\n" + "".join(
            f'<li><a href="#doc-{i}">{escape(_name(ref))}</a> ({len(items)})</li>\n'
            for i, (ref, items) in enumerate(groups, 1)) + "</ol></nav>\n")
    out.write("</header>\n<main>\n")
    out.write(agreement_section(records, context))
    for i, (ref, items) in enumerate(groups, 1):
        out.write(f'<section class="document" id="doc-{i}">\n<h2>{escape(_name(ref))}</h2>\n'
                  f'<p class="meta">{escape(ref.path) + "; " if ref.path else ""}'
                  f"SHA-256 {escape(ref.sha256)}</p>\n")
        out.write(bar_chart(_counts(items), f"Tags per kind in {_name(ref)}", kinds) + "\n")
        for record in items:
            _write_tag(out, record, context.kind(record.kind).color or _MUTED)
        out.write("</section>\n")
    out.write(f"</main>\n<footer>Made by Source Reader {escape(__version__)}.</footer>\n"
              "</body>\n</html>\n")


def _write_tag(out: IO[str], record: ExportRecord, color: str) -> None:
    color = escape(color)
    details = [f"characters {record.start}–{record.end}"]
    if record.author:
        details.append(escape(record.author))
    if record.created_at:
        details.append(escape(record.created_at))
    out.write(f'<article class="tag kind-{escape(record.kind)}" '
              f'style="--kind: {color}; --tint: {color}12">\n'
              f'<p class="meta"><span class="badge">{escape(record.kind)}</span> '
              f'{"; ".join(details)}</p>\n'
              f"<blockquote>{escape(record.text)}</blockquote>\n")
    if record.orphaned:
        out.write('<p class="orphan">Not found in the current text of the document.</p>\n')
    if record.note:
        out.write(f'<p class="note"><b>Note:</b> {escape(record.note)}</p>\n')
    for link in record.links:
        _write_link(out, record, link)
    out.write("</article>\n")


def _write_link(out: IO[str], record: ExportRecord, link: LinkedPassage) -> None:
    score = "pinned by the reader" if link.score is None else f"score {link.score:.2f}"
    if link.text and similar_enough(record.text, link.text):
        left, right = diff_sides(record.text, link.text)
    elif link.text:
        left, right = escape(record.text), escape(link.text)
        score += "; worded differently, so no word differences are marked"
    else:
        left, right = escape(record.text), "<em>(text not available)</em>"
    out.write('<div class="pair">\n'
              f"<div><h4>This statement</h4><p>{left}</p></div>\n"
              f"<div><h4>{escape(_name(link.document))} "
              f"[{link.start}–{link.end}], {score}</h4><p>{right}</p></div>\n</div>\n")

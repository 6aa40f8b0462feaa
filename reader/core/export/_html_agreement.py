"""The report's "Agreement between coders" section: the kappa matrix, alpha, per-coder
counts and the statements where the coders differ (from the exported tags alone)."""

from __future__ import annotations

from html import escape
from itertools import groupby
from typing import Sequence

from reader.core.agreement import (AGREED, NONE, AgreementReport, code_documents, coded_tags,
                                   measure)
from reader.core.export._records import DocumentRef, ExportContext, ExportRecord
from reader.core.store import TAG_KINDS
from reader.core.text import split_statements

#: The report lists at most this many disagreements (the CLI's JSON has them all).
MAX_LISTED = 300

CSS = """
table.matrix { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
table.matrix th, table.matrix td { border: 1px solid var(--rule); padding: .2rem .5rem;
                                   text-align: right; }
table.matrix th { background: #f6f8fa; }
ol.differ li { margin: .4rem 0; } ol.differ .codes { color: var(--muted); font-size: .85rem; }
"""


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _name(ref: DocumentRef) -> str:
    return ref.title or ref.path or ref.sha256[:12]


def measure_records(records: Sequence[ExportRecord], context: ExportContext
                    ) -> tuple[AgreementReport, list[tuple[DocumentRef, str]]] | None:
    """Agreement over the records' documents whose text is at hand; None with fewer than
    two coders."""
    if len({r.author for r in records} - {AGREED}) < 2:
        return None  # before splitting any text: most reports have one coder
    inputs, documents = [], []
    for ref, items in groupby(records, key=lambda r: r.document):
        text = context.document_text(ref.sha256)
        if text is None:
            continue
        spans = [(s.start, s.end) for s in split_statements(text)]
        inputs.append((spans, coded_tags(items)))
        documents.append((ref, text))
    coding = code_documents(inputs, builtin=TAG_KINDS)
    if len(coding.authors) < 2:
        return None
    return measure(coding, TAG_KINDS), documents


def agreement_section(records: Sequence[ExportRecord], context: ExportContext) -> str:
    """The section's HTML, or "" when the export has fewer than two coders."""
    measured = measure_records(records, context)
    if measured is None:
        return ""
    report, documents = measured
    overall = report.overall
    coders = list(overall.authors)
    parts = ['<section class="agreement" id="agreement">\n<h2>Agreement between coders</h2>\n',
             f'<p>Krippendorff\'s alpha (nominal) <b>{_number(overall.krippendorff_alpha)}</b> '
             f"over {overall.statements} statements coded by two or more of "
             f"{escape(', '.join(coders))}; unit: a statement, untagged = “none”"
             + (f"; tags by “{AGREED}” (adopted) are not counted" if any(
                 r.author == AGREED for r in records) else "") + ".</p>\n",
             "<table class=\"matrix\"><caption>Cohen's kappa (statements both coded)</caption>"
             "<tr><th></th>" + "".join(f"<th>{escape(c)}</th>" for c in coders) + "</tr>\n"]
    for a in coders:
        cells = []
        for b in coders:
            pair = overall.pair(a, b) if a != b else None
            cells.append("<td>—</td>" if pair is None else
                         f'<td title="observed {_number(pair.observed)}, '
                         f'{pair.statements} statements">{_number(pair.cohen_kappa)}</td>')
        parts.append(f"<tr><th>{escape(a)}</th>{''.join(cells)}</tr>\n")
    parts.append("</table>\n")
    kinds = [NONE, *report.by_kind]
    parts.append('<table class="matrix"><caption>Statements per coder and kind</caption><tr>'
                 "<th></th>" + "".join(f"<th>{escape(k)}</th>" for k in kinds) + "</tr>\n")
    for coder in report.coders:
        parts.append(f"<tr><th>{escape(coder.author)}</th>" + "".join(
            f"<td>{coder.kinds.get(k, 0)}</td>" for k in kinds) + "</tr>\n")
    parts.append("</table>\n")
    parts.append(f"<h3>Statements where the coders differ ({len(report.disagreements)})</h3>\n"
                 '<ol class="differ">\n')
    for unit in report.disagreements[:MAX_LISTED]:
        ref, text = documents[unit.document]
        codes = "; ".join(f"{escape(a)}: {escape(c.value)}"
                          + (f" + {escape(', '.join(sorted(c.labels)))}" if c.labels else "")
                          for a, c in unit.codes.items())
        parts.append(f"<li><blockquote>{escape(text[unit.start:unit.end])}</blockquote>"
                     f'<span class="codes">{escape(_name(ref))}, statement '
                     f"{unit.statement + 1}: {codes}</span></li>\n")
    parts.append("</ol>\n")
    if len(report.disagreements) > MAX_LISTED:
        parts.append(f'<p class="meta">The first {MAX_LISTED} are listed; '
                     "<code>reader agreement --json</code> lists them all.</p>\n")
    parts.append("</section>\n")
    return "".join(parts)

"""Agreement over documents of the library: statements from each stored text, tags from
the store, and the report as the JSON of ``reader agreement``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Collection, Sequence

from reader.core.store import TAG_KINDS, DocumentRecord, Store, tag_codes
from reader.core.text import split_statements

from reader.core.agreement._report import Agreement, AgreementReport, measure
from reader.core.agreement._units import AGREED, Coding, code_documents

TextOf = Callable[[DocumentRecord], "str | None"]


@dataclass(frozen=True)
class LibraryAgreement:
    """A report with the documents it covers and their texts' statements."""

    documents: tuple[DocumentRecord, ...]
    texts: tuple[str, ...]
    coding: Coding
    report: AgreementReport
    skipped: tuple[DocumentRecord, ...] = ()  # tagged, but their text is not at hand


def library_authors(store: Store) -> list[str]:
    """Every author with a tag in the library, sorted, ``AGREED`` left out."""
    return sorted({row[4] for row in tag_codes(store)} - {AGREED})


def measure_library(store: Store, text_of: TextOf,
                    documents: Sequence[DocumentRecord] | None = None,
                    authors: Sequence[str] | None = None,
                    builtin: Collection[str] = TAG_KINDS) -> LibraryAgreement:
    """Agreement over ``documents`` (default: every document with tags) for ``authors``
    (default: every author but ``AGREED``)."""
    rows = tag_codes(store, None if documents is None else [d.id for d in documents])
    by_document: dict[int, list] = {}
    for row in rows:
        by_document.setdefault(row[0], []).append(row[1:])
    if documents is None:
        documents = [d for d in store.documents() if d.id in by_document]
        documents.sort(key=lambda d: (d.title, d.path, d.id))
    kept, texts, inputs, skipped = [], [], [], []
    for document in documents:
        text = text_of(document)
        if text is None:
            if by_document.get(document.id):
                skipped.append(document)
            continue
        spans = [(s.start, s.end) for s in split_statements(text)]
        kept.append(document)
        texts.append(text)
        inputs.append((spans, by_document.get(document.id, [])))
    coding = code_documents(inputs, authors, builtin)
    return LibraryAgreement(tuple(kept), tuple(texts), coding, measure(coding, builtin),
                            tuple(skipped))


def _agreement_json(agreement: Agreement) -> dict[str, Any]:
    return {
        "authors": list(agreement.authors),
        "statements": agreement.statements,
        "krippendorff_alpha": agreement.krippendorff_alpha,
        "observed": agreement.observed,
        "pairs": [{"authors": list(p.authors), "statements": p.statements,
                   "observed": p.observed, "cohen_kappa": p.cohen_kappa}
                  for p in agreement.pairs],
    }


def agreement_json(result: LibraryAgreement) -> dict[str, Any]:
    """The ``reader agreement --json`` object (see GUIDE.md)."""
    report = result.report
    documents = []
    for document, agreement in zip(result.documents, report.by_document):
        documents.append({"path": document.path, "title": document.title,
                          "sha256": document.sha256,
                          "statements": len(result.coding.spans[len(documents)]),
                          "authors": list(agreement.authors),
                          "krippendorff_alpha": agreement.krippendorff_alpha,
                          "observed": agreement.observed})
    disagreements = []
    for unit in report.disagreements:
        item: dict[str, Any] = {
            "document": unit.document, "statement": unit.statement, "start": unit.start,
            "end": unit.end, "text": result.texts[unit.document][unit.start:unit.end],
            "values": {a: c.value for a, c in unit.codes.items()}}
        if any(c.labels for c in unit.codes.values()):
            item["labels"] = {a: sorted(c.labels) for a, c in unit.codes.items()}
        disagreements.append(item)
    overall = report.overall
    return {
        "unit": "statement",
        "authors": list(result.coding.authors),
        "documents": documents,
        "statements": overall.statements,
        "krippendorff_alpha": overall.krippendorff_alpha,
        "observed": overall.observed,
        "pairs": _agreement_json(overall)["pairs"],
        "by_kind": {kind: _agreement_json(a) for kind, a in report.by_kind.items()},
        "coders": [{"author": c.author, "documents": c.documents, "statements": c.statements,
                    "kinds": c.kinds} for c in report.coders],
        "disagreements": disagreements,
        "skipped": [{"path": d.path, "title": d.title, "sha256": d.sha256,
                     "reason": "text not available"} for d in result.skipped],
    }

"""Agreement of a Coding: per pair of coders, over all coders, per kind, per document.

Rows of codes repeat a lot (3 coders and 4 values make at most 125 distinct rows), so
every measure runs on the distinct rows with their counts: 100,000 tags cost one pass of
counting, not one pass per measure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Collection, Hashable

from reader.core.agreement._measures import cohen_kappa, krippendorff_alpha, observed_agreement
from reader.core.agreement._units import BUILTIN_KINDS, NONE, Code, Coding, Row, Unit

ValueOf = Callable[[Code], Hashable]


@dataclass(frozen=True)
class PairAgreement:
    """Two coders over the statements both coded."""

    authors: tuple[str, str]
    statements: int
    observed: float | None
    cohen_kappa: float | None


@dataclass(frozen=True)
class Agreement:
    """Agreement of a set of coders on one value (the kind, or one kind's presence)."""

    authors: tuple[str, ...]
    statements: int  # statements coded by at least two of the coders
    krippendorff_alpha: float | None
    observed: float | None  # share of agreeing pairs of codes over all pairs
    pairs: tuple[PairAgreement, ...]

    def pair(self, a: str, b: str) -> PairAgreement | None:
        """The agreement of two coders (either order), if both are measured."""
        for pair in self.pairs:
            if set(pair.authors) == {a, b}:
                return pair
        return None


@dataclass(frozen=True)
class CoderCounts:
    """What one coder did: documents and statements coded, statements per value."""

    author: str
    documents: int
    statements: int
    kinds: dict[str, int]


@dataclass(frozen=True)
class AgreementReport:
    """Everything ``reader agreement`` reports; ``by_document`` follows the Coding."""

    overall: Agreement
    by_kind: dict[str, Agreement]
    by_document: tuple[Agreement, ...]
    coders: tuple[CoderCounts, ...]
    disagreements: tuple[Unit, ...]


def agreement(rows: Counter, authors: tuple[str, ...],
              value: ValueOf = lambda code: code.value) -> Agreement:
    """Kappa per pair and alpha over all on ``value(code)``; ``rows`` counts each Row."""
    valued: Counter = Counter()
    for row, n in rows.items():
        valued[tuple(None if c is None else value(c) for c in row)] += n
    pairs = []
    for i, j in combinations(range(len(authors)), 2):
        both: Counter = Counter()
        for row, n in valued.items():
            if row[i] is not None and row[j] is not None:
                both[(row[i], row[j])] += n
        pairs.append(PairAgreement((authors[i], authors[j]), sum(both.values()),
                                   observed_agreement(both), cohen_kappa(both)))
    units: Counter = Counter()
    for row, n in valued.items():
        present = tuple(v for v in row if v is not None)
        if len(present) >= 2:
            units[present] += n
    agreeing = total = 0
    for values, n in units.items():
        m = len(values)
        agreeing += n * sum(c * (c - 1) for c in Counter(values).values())
        total += n * m * (m - 1)
    return Agreement(authors, sum(units.values()), krippendorff_alpha(units),
                     agreeing / total if total else None, tuple(pairs))


def _differs(row: Row) -> bool:
    present = {c for c in row if c is not None}
    return len(present) > 1


def measure(coding: Coding, kinds: Collection[str] = BUILTIN_KINDS) -> AgreementReport:
    """The full report of ``coding``; ``kinds`` are reported in ``by_kind`` even when
    unused (with the kinds the coders used)."""
    authors = coding.authors
    per_document = [Counter(rows) for rows in coding.rows]
    everything: Counter = Counter()
    for counted in per_document:
        everything.update(counted)
    used = {k for row in everything for c in row if c is not None for k in (c.value, *c.labels)}
    all_kinds = list(dict.fromkeys([*kinds, *sorted(used - {NONE} - set(kinds))]))
    overall = agreement(everything, authors)
    by_kind = {kind: agreement(everything, authors, lambda code, k=kind: code.has(k))
               for kind in all_kinds}
    by_document = tuple(agreement(counted, authors) for counted in per_document)
    coders = []
    for i, author in enumerate(authors):
        tally: Counter = Counter()
        statements = 0
        for row, n in everything.items():
            code = row[i]
            if code is not None:
                statements += n
                for k in (code.value, *code.labels):
                    tally[k] += n
        documents = sum(1 for counted in per_document
                        if any(row[i] is not None for row in counted))
        coders.append(CoderCounts(author, documents, statements,
                                  {k: tally.get(k, 0) for k in [NONE, *all_kinds]}))
    differing = {row for row in everything if _differs(row)}
    disagreements = tuple(
        Unit(d, i, *coding.spans[d][i], coding.codes(row))
        for d, rows in enumerate(coding.rows) for i, row in enumerate(rows) if row in differing)
    return AgreementReport(overall, by_kind, by_document, tuple(coders), disagreements)

"""Cross-check against the reference packages (test extras only: skipped without them)."""

from __future__ import annotations

import math
import random

import pytest

from reader.core.agreement import NONE, code_documents, measure
from tests.core.agreement.test_units import T

krippendorff = pytest.importorskip("krippendorff")
metrics = pytest.importorskip("sklearn.metrics")
np = pytest.importorskip("numpy")

KINDS = ("opinion", "claim", "quotation")


def _random_documents(seed: int) -> list:
    rng = random.Random(seed)
    documents = []
    for _ in range(rng.randint(1, 4)):
        spans = [(i * 20, i * 20 + 15) for i in range(rng.randint(3, 40))]
        tags = []
        for who in ("ann", "bob", "cy"):
            if rng.random() < 0.2:
                continue  # this coder skipped the document
            for start, end in spans:
                if rng.random() < 0.7:
                    tags.append(T(start, end, rng.choice(KINDS[:rng.randint(1, 3)]), who))
        documents.append((spans, tags))
    return documents


@pytest.mark.parametrize("seed", range(40))
def test_against_krippendorff_and_sklearn(seed: int) -> None:
    coding = code_documents(_random_documents(seed))
    report = measure(coding)
    codes = {value: i for i, value in enumerate((NONE, *KINDS))}
    table = np.array([[np.nan if row[a] is None else codes[row[a].value]
                       for rows in coding.rows for row in rows]
                      for a in range(len(coding.authors))], dtype=float)
    ours = report.overall.krippendorff_alpha
    try:
        theirs = krippendorff.alpha(reliability_data=table, level_of_measurement="nominal")
    except ValueError:  # fewer than two values: undefined
        theirs = math.nan
    if ours is None:
        assert table.size == 0 or math.isnan(theirs) or len(coding.authors) < 2
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)
    for pair in report.overall.pairs:
        i, j = (coding.authors.index(a) for a in pair.authors)
        both = [(x, y) for x, y in zip(table[i], table[j]) if not (np.isnan(x) or np.isnan(y))]
        assert pair.statements == len(both)
        if pair.cohen_kappa is None:
            assert not both or len({v for xy in both for v in xy}) == 1
            continue
        expected = metrics.cohen_kappa_score([x for x, _ in both], [y for _, y in both])
        assert pair.cohen_kappa == pytest.approx(expected, abs=1e-9)

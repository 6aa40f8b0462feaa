"""The whole report on hand-worked examples: pairs, alpha, kinds, documents, coders."""

from __future__ import annotations

import pytest

from reader.core.agreement import NONE, code_documents, measure
from tests.core.agreement.test_units import SPANS, T

# ann: opinion, claim, claim, none;  bob: opinion, quotation, none, none
TWO = [T(0, 10, "opinion", "ann"), T(0, 10, "opinion", "bob"),
       T(11, 20, "claim", "ann"), T(11, 20, "quotation", "bob"),
       T(21, 30, "claim", "ann")]


def test_two_coders_overall() -> None:
    report = measure(code_documents([(SPANS, TWO)]))
    pair = report.overall.pairs[0]
    assert pair.authors == ("ann", "bob") and pair.statements == 4
    # p_o = 2/4; ann {opinion 1, claim 2, none 1}, bob {opinion 1, quotation 1, none 2}
    # p_e = (1*1 + 2*0 + 1*2) / 16 = 3/16 -> (8/16 - 3/16) / (13/16) = 5/13
    assert pair.observed == pytest.approx(0.5)
    assert pair.cohen_kappa == pytest.approx(5 / 13)
    # alpha: n = 8; n_op 2, n_cl 2, n_q 1, n_none 3; D_o = 2 + 2 = 4
    # sum n_c n_k (c != k) = 64 - (4 + 4 + 1 + 9) = 46 -> 1 - 7 * 4 / 46 = 9/23
    assert report.overall.krippendorff_alpha == pytest.approx(9 / 23)
    assert report.overall.statements == 4


def test_by_kind_is_presence_and_a_kind_nobody_used_is_undefined() -> None:
    report = measure(code_documents([(SPANS, TWO)]), kinds=("opinion", "claim", "quotation",
                                                            "hedge"))
    opinion = report.by_kind["opinion"]
    assert opinion.krippendorff_alpha == pytest.approx(1.0)
    assert opinion.pairs[0].cohen_kappa == pytest.approx(1.0)
    # claim present: ann yes yes on s1 s2, bob never -> p_o 2/4, p_e = (2*0 + 2*4)/16 = 1/2
    assert report.by_kind["claim"].pairs[0].cohen_kappa == pytest.approx(0.0)
    hedge = report.by_kind["hedge"]  # in the codebook, used by nobody
    assert hedge.krippendorff_alpha is None
    assert hedge.pairs[0].cohen_kappa is None
    assert hedge.pairs[0].observed == pytest.approx(1.0)


def test_perfect_agreement_three_coders() -> None:
    tags = [T(s, e, kind, who) for (s, e), kind in zip(SPANS, ["opinion", "claim", "quotation"])
            for who in ("ann", "bob", "cy")]
    report = measure(code_documents([(SPANS, tags)]))
    assert report.overall.krippendorff_alpha == pytest.approx(1.0)
    assert [p.cohen_kappa for p in report.overall.pairs] == pytest.approx([1.0, 1.0, 1.0])
    assert [p.authors for p in report.overall.pairs] == [("ann", "bob"), ("ann", "cy"),
                                                         ("bob", "cy")]
    assert report.disagreements == ()


def test_disagreements_coders_and_documents() -> None:
    report = measure(code_documents([(SPANS, TWO), (SPANS[:2], [T(0, 10, "claim", "ann")])]))
    assert [(u.document, u.statement) for u in report.disagreements] == [(0, 1), (0, 2)]
    assert report.disagreements[0].codes["bob"].value == "quotation"
    ann, bob = report.coders
    assert ann.documents == 2 and ann.statements == 6
    assert ann.kinds == {NONE: 2, "opinion": 1, "claim": 3, "quotation": 0}
    assert bob.documents == 1 and bob.statements == 4
    assert len(report.by_document) == 2
    assert report.by_document[1].krippendorff_alpha is None  # one coder only
    assert report.by_document[0].krippendorff_alpha == pytest.approx(9 / 23)

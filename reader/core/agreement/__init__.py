"""Agreement between coders: who tagged which statement how, and how far they agree.

The unit is a statement; each coder's value for it is its built-in kind or "none"
(custom kinds are labels, measured per kind as present or absent). Cohen's kappa per pair
of coders, Krippendorff's alpha (nominal) over all, observed agreement, per kind and per
document; pure functions (``code_documents``, ``measure``) plus ``measure_library`` over
the store.
"""

from __future__ import annotations

from reader.core.agreement._library import (LibraryAgreement, agreement_json, library_authors,
                                            measure_library)
from reader.core.agreement._measures import cohen_kappa, krippendorff_alpha, observed_agreement
from reader.core.agreement._report import (Agreement, AgreementReport, CoderCounts,
                                           PairAgreement, agreement, measure)
from reader.core.agreement._units import (AGREED, BUILTIN_KINDS, NONE, UNCODED, Code, CodedTag,
                                          Coding, Unit, code_documents, coded_tags,
                                          statement_of)

__all__ = [
    "AGREED", "BUILTIN_KINDS", "NONE", "UNCODED", "Agreement", "AgreementReport",
    "CoderCounts", "Code", "CodedTag", "Coding", "LibraryAgreement", "PairAgreement", "Unit", "agreement",
    "agreement_json", "code_documents", "coded_tags", "cohen_kappa", "krippendorff_alpha", "library_authors",
    "measure", "measure_library", "observed_agreement", "statement_of",
]

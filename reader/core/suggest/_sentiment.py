"""A subjectivity and sentiment lexicon for English words, read once from ``data/``.

Two well-kept public lexicons, folded into one table (``data/sentiment.tsv``; provenance and
licences in ``data/README.md``): the adjective subjectivity and polarity scores of the
pattern library (Tom De Smedt, Walter Daelemans; PDDL, as shipped in TextBlob), and the
valence of ~7,500 words from VADER (C.J. Hutto; MIT). They give the model a notion of
loaded language beyond our own word lists ("vainglorious", "worryingly").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

DATA = Path(__file__).with_name("data") / "sentiment.tsv"


@dataclass(frozen=True)
class WordSentiment:
    """Lexicon scores of one word; None where the lexicon does not list it."""

    subjectivity: float | None  # pattern: 0 objective .. 1 subjective
    polarity: float | None  # pattern: -1 negative .. +1 positive
    valence: float | None  # VADER: about -4 .. +4


def _number(field: str) -> float | None:
    return float(field) if field else None


@lru_cache(maxsize=1)
def sentiment_lexicon() -> Mapping[str, WordSentiment]:
    """Lower-cased word -> its scores (read from the data file on first use)."""
    table: dict[str, WordSentiment] = {}
    with DATA.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            word, subjectivity, polarity, valence = line.rstrip("\n").split("\t")
            table[word] = WordSentiment(_number(subjectivity), _number(polarity),
                                        _number(valence))
    return MappingProxyType(table)

"""How much a word says: weights from its general English rarity (wordfreq's Zipf scale).

IDF computed from the two documents being compared is useless for two short articles on one
story: every shared name appears everywhere and gets a weight near zero. General rarity is
stable: "the" weighs nothing, "tantrum" a lot, a name not in the list the most.

wordfreq's own import costs ~0.4 s (it pulls in regex, langcodes, ftfy); the CLI cannot afford
that, so the small English list (a gzipped msgpack "cBpack", ~29,000 words, 20 ms to read) is
read directly, falling back to wordfreq's API if the file is not where expected.
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path

#: Zipf value given to words missing from the list (the small list stops near 3.0).
UNKNOWN_ZIPF = 2.5
#: Words at or above this Zipf value ("the", "of", "has") carry almost no weight.
STOPWORD_ZIPF = 6.0
#: The Zipf value at which a word's weight reaches zero.
ZERO_WEIGHT_ZIPF = 7.6


@lru_cache(maxsize=1)
def english_zipf_table() -> dict[str, float]:
    """Word -> Zipf frequency for common English words (read once per process)."""
    spec = importlib.util.find_spec("wordfreq")  # does not import the package
    if spec is not None and spec.origin:
        path = Path(spec.origin).parent / "data" / "small_en.msgpack.gz"
        try:
            return _read_cbpack(path)
        except (OSError, ValueError, ImportError):
            pass
    return _table_from_wordfreq_api()


def _read_cbpack(path: Path) -> dict[str, float]:
    import msgpack

    with gzip.open(path, "rb") as handle:
        data = msgpack.load(handle, raw=False)
    header = data[0] if data else None
    if not isinstance(header, dict) or header.get("format") != "cB":
        raise ValueError(f"{path}: not a cBpack word list")
    table: dict[str, float] = {}
    # Bucket i holds the words at -i centibels, i.e. Zipf 9 - i / 100.
    for index, bucket in enumerate(data[1:]):
        zipf = 9.0 - index / 100.0
        for word in bucket:
            table.setdefault(word, zipf)
    return table


def _table_from_wordfreq_api() -> dict[str, float]:
    import math

    from wordfreq import get_frequency_dict

    return {word: math.log10(freq) + 9.0
            for word, freq in get_frequency_dict("en", wordlist="small").items() if freq > 0}


def zipf_of(word: str, table: dict[str, float] | None = None) -> float:
    """Zipf frequency of a lower-case word; numbers and unknown words count as rare."""
    table = english_zipf_table() if table is None else table
    found = table.get(word)
    if found is not None:
        return found
    if "'" in word:
        found = table.get(word.replace("'", ""))
        if found is not None:
            return found
    return UNKNOWN_ZIPF


def rarity_weight(zipf: float) -> float:
    """Weight in [0, 1] of a word with this Zipf frequency: rare words weigh most.

    Linear in Zipf (that is, in log-frequency, like IDF), squashed for very common words so
    that function words add little to either the overlap or the length of a statement.
    """
    span = ZERO_WEIGHT_ZIPF - UNKNOWN_ZIPF
    raw = (ZERO_WEIGHT_ZIPF - zipf) / span
    if raw <= 0.0:
        return 0.0
    if raw >= 1.0:
        return 1.0
    if zipf >= STOPWORD_ZIPF:
        raw *= 0.5
    return raw


class WordWeights:
    """Cached word -> weight lookups for one alignment run (cheap to create)."""

    def __init__(self, table: dict[str, float] | None = None) -> None:
        self._table = english_zipf_table() if table is None else table
        self._cache: dict[str, float] = {}

    def zipf(self, word: str) -> float:
        """Zipf frequency of a lower-case word."""
        return zipf_of(word, self._table)

    def weight(self, word: str) -> float:
        """Rarity weight of a lower-case word, cached."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = rarity_weight(zipf_of(word, self._table))
        return cached

    def is_known(self, word: str) -> bool:
        """Whether the word is in the general English list (names often are not)."""
        return word in self._table

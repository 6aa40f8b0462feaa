"""Words of a statement: tokens, crude stems and character n-gram sketches.

Tokens are runs of letters and digits (apostrophes inside), and each CJK character on its
own. A word's sketch sets one of SKETCH_BITS bits per character 3-5-gram of the word.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

#: Size of the character n-gram sketch; chance overlap is subtracted when scoring.
SKETCH_BITS = 4096
_SKETCH_MASK = SKETCH_BITS - 1
_CJK_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u4dbf"), ("\u4e00", "\u9fff"),
               ("\uac00", "\ud7af"), ("\uf900", "\ufaff"))
_CJK = "".join(f"{low}-{high}" for low, high in _CJK_RANGES)
_FIRST_CJK = _CJK_RANGES[0][0]
# Words may hold apostrophes. Text without CJK (all code points below the first) needs no
# CJK rule, and this pattern compiles in a fraction of a millisecond.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "edly", "ed",
             "es", "ly", "s")


@lru_cache(maxsize=1)
def _cjk_token() -> re.Pattern[str]:
    """Tokens of text that may hold CJK: one CJK character is one token (no spaces to split
    on). Compiled on first need: its character classes take ~10 ms to compile."""
    return re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+(?:['’][^\W_{_CJK}]+)*")


def tokens(text: str) -> list[str]:
    """The word tokens of a statement (a CJK character is a word of its own)."""
    if not text or max(text) < _FIRST_CJK:
        return _WORD.findall(text)
    return _cjk_token().findall(text)


def is_cjk_char(token: str) -> bool:
    """Whether the token is one CJK character."""
    return len(token) == 1 and any(low <= token <= high for low, high in _CJK_RANGES)


def stem(word: str) -> str:
    """A crude stem of a lower-case word, so that word forms share one index key."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) <= 4 or not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if word.endswith("ss"):
        return word
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def gram_bits(word: str, gram_place: dict[str, int]) -> int:
    """The sketch of a word; ``gram_place`` caches the bit of each gram."""
    # crc32, not hash(): str hashes change between processes and scores must not
    padded = f"<{word}>"
    size = len(padded)
    grams = [padded[i:i + n] for n in (3, 4, 5) for i in range(size - n + 1)]
    for gram in grams:
        if gram not in gram_place:
            gram_place[gram] = zlib.crc32(gram.encode()) & _SKETCH_MASK
    # set the bits in a buffer and make one integer of it: OR-ing a 4096-bit integer per
    # gram allocates one each time
    sketch = bytearray(SKETCH_BITS // 8)
    for place in set(map(gram_place.__getitem__, grams)):
        sketch[place >> 3] |= 1 << (place & 7)
    return int.from_bytes(sketch, "little")

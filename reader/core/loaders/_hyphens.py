"""Join two wrapped lines, rejoining a word broken at the line end only when it is real
hyphenation: "exam-" + "ple" is "example", but "long-" + "term" stays "long-term".

The test uses the small English word list that ships with wordfreq (already a dependency),
read directly (the package's own import costs ~0.4 s): the joined word is in the list, or
one of the halves is not a word, or the tail is a suffix ("know-" + "est") -> join; both
halves are words and the joined form is not -> keep the hyphen. Unknown words (names, other
languages) are joined, which is what hyphenation in running text nearly always means.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_TAIL = re.compile(r"([^\W\d_]+)-$")
_HEAD = re.compile(r"([^\W\d_]+)")
_SUFFIXES = frozenset("est eth ing ings ed ly ness ment ments tion tions ity er ers es".split())


def join_lines(before: str, after: str) -> str:
    """``before`` and ``after`` as one running text."""
    if not before.endswith("-"):
        return f"{before} {after}"
    tail = _TAIL.search(before[-64:])
    head = _HEAD.match(after)
    if tail is None or head is None or not head.group(1)[0].islower():
        return f"{before} {after}" if not tail else f"{before}{after}"
    first, second = tail.group(1).lower(), head.group(1).lower()
    words = english_words()
    if (first + second) in words or second in _SUFFIXES or not (
            first in words and second in words):
        return before[:-1] + after
    return before + after


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """About 29,000 common English words (empty if wordfreq's list cannot be read)."""
    spec = importlib.util.find_spec("wordfreq")  # does not import the package
    if spec is None or not spec.origin:
        return frozenset()
    try:
        import msgpack

        with gzip.open(Path(spec.origin).parent / "data" / "small_en.msgpack.gz", "rb") as handle:
            data = msgpack.load(handle, raw=False)
    except (OSError, ValueError, ImportError):
        return frozenset()
    return frozenset(word for bucket in data[1:] if isinstance(bucket, list) for word in bucket)

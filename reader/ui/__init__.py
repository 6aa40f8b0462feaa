"""The Qt window over core objects. No text processing and no SQL here."""

from __future__ import annotations

import sys


def _guard_none_refcount() -> None:
    """Work around PySide6 6.12.0 on Python < 3.12: its methods return None, True and
    False without taking a reference (as if they were immortal, which they are only from
    3.12), so every call such as ``QPainter.fillRect`` drops None's count by one and a long
    session dies with "Fatal Python error: none_dealloc" (or bool_dealloc). Giving these
    singletons a count no session can use up makes them immortal in practice; nothing
    changes where they are immortal already."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    try:
        import PySide6
    except ImportError:
        return
    if tuple(PySide6.__version_info__[:2]) < (6, 12):
        return
    import ctypes

    for singleton in (None, True, False, Ellipsis, NotImplemented):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40


_guard_none_refcount()

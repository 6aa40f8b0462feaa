"""A case-folded copy of a text with the same offsets, for finding text ignoring case."""

from __future__ import annotations

#: Characters folded (or searched) per step: ~1-3 ms of work for plain text.
WINDOW = 1 << 18


def fold_text(text: str) -> str:
    """``text`` in lower case, code point for code point (same length, same offsets).

    U+0130 is the one character whose lower case is two code points; a final sigma folds
    to the ordinary one so either finds the other. (``str.replace`` only where needed:
    ``translate`` costs ~0.3 s per MB of non-ASCII text.)"""
    if not text.isascii() and "\u0130" in text:
        text = text.replace("\u0130", "i")
    folded = text.lower()
    if not folded.isascii() and "\u03c2" in folded:
        folded = folded.replace("\u03c2", "\u03c3")
    return folded


class FoldedText:
    """The case-folded copy of a text in windows of ``WINDOW`` code points, built a window
    at a time (``step``). Kept in pieces: joining 20 MB of folded text into one string
    would hold the interpreter for most of a second."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._chunks: list[str] = []
        self._size = len(text)

    @property
    def ready(self) -> bool:
        """True once the whole text is folded."""
        return len(self._chunks) * WINDOW >= self._size

    def step(self) -> None:
        """Fold one more window."""
        if not self.ready:
            start = len(self._chunks) * WINDOW
            self._chunks.append(fold_text(self.text[start:start + WINDOW]))

    def piece(self, start: int, end: int) -> tuple[str, int]:
        """The folded text of ``[start, end)`` (clamped) and the offset it starts at."""
        while not self.ready:
            self.step()
        start, end = max(0, start), min(self._size, end)
        if end <= start:
            return "", start
        first, last = start // WINDOW, (end - 1) // WINDOW
        if first == last:
            chunk = self._chunks[first]
            base = first * WINDOW
            return chunk[start - base:end - base], start
        parts = [self._chunks[first][start - first * WINDOW:]]
        parts.extend(self._chunks[first + 1:last])
        parts.append(self._chunks[last][:end - last * WINDOW])
        return "".join(parts), start

"""The article of a saved web page, found by trafilatura and mapped onto our paragraphs.

trafilatura (Apache-2.0) finds the article body, title, author and date. On the 218 English
pages of the development set it scores F1 0.93 where our own readability-style extractor
scored 0.77 (39 near-empty pages), so it replaced it (bench/bench_loaders.py, README).
Its XML body (``p``, ``head``, ``list``/``item``, ``quote``, ``table``/``row``/``cell``,
``code``, ``lb``) becomes our convention: headings, list items and quotes are paragraphs of
their own, a table row is one paragraph with its cells joined by `` | ``, and a line break
inside a paragraph stays a line break.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: trafilatura elements that may hold other blocks rather than running text.
_CONTAINERS = frozenset({"list", "item", "quote", "div", "body", "table"})
_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "row", "code", "div",
                     "body"})
#: Inline elements that still start a new line inside running text.
_LINE_BREAKS = frozenset({"list", "table", "p", "head"})


@dataclass(frozen=True)
class Article:
    """What the extractor found: title, byline (author and date) and body paragraphs."""

    title: str
    byline: str
    body: tuple[str, ...]

    @property
    def words(self) -> int:
        """Words of the body alone (title and byline excluded)."""
        return sum(len(paragraph.split()) for paragraph in self._body())

    def paragraphs(self) -> list[str]:
        """Title, byline, then the body, without repeating the title."""
        return [p for p in (self.title, self.byline) if p] + self._body()

    def _body(self) -> list[str]:
        body = list(self.body)
        if body and self.title and body[0] == self.title:
            body = body[1:]
        return body


def extract_article(html: str | bytes) -> Article | None:
    """The page's article, or None when the extractor finds none."""
    import trafilatura  # ~0.8 s to import: only once a web page is opened

    found = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True,
        # a date guessed from "Copyright 2024" would be made up: only dates the page states
        date_extraction_params={"extensive_search": False, "original_date": True})
    if found is None or getattr(found, "body", None) is None:
        return None
    body: list[str] = []
    for child in found.body:
        _collect(child, body)
    byline = f"By {_clean(found.author)}" if found.author else ""
    if found.date:
        byline = f"{byline} · {found.date}" if byline else str(found.date)
    return Article(_clean(found.title or ""), byline, tuple(body))


def _collect(element: Any, out: list[str]) -> None:
    """Append the paragraphs of one body element to ``out``."""
    if element.tag == "table":
        for row in element.iter("row"):
            cells = (_clean(_inline(cell)).replace("\n", " ") for cell in row
                     if cell.tag == "cell")
            line = " | ".join(cell for cell in cells if cell)
            if line:
                out.append(line)
        return
    if element.tag not in _CONTAINERS or not any(c.tag in _BLOCKS for c in element):
        _append(out, _inline(element))
        return
    _append(out, element.text or "")
    for child in element:
        if child.tag in _BLOCKS:
            _collect(child, out)
        else:
            _append(out, _inline(child))
        _append(out, child.tail or "")


def _append(out: list[str], text: str) -> None:
    cleaned = _clean(text)
    if cleaned:
        out.append(cleaned)


def _inline(element: Any) -> str:
    """Running text of an element; ``lb`` and nested blocks become line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _LINE_BREAKS:
            parts.append(f"\n{_inline(child)}\n")
        else:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _clean(text: str) -> str:
    """Whitespace runs made one space, line by line; empty lines dropped."""
    lines = (" ".join(line.split()) for line in str(text).split("\n"))
    return "\n".join(line for line in lines if line)

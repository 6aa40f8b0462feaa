"""Readable text from HTML with the standard library: body text, paragraph breaks kept,
scripts, styles, navigation and other page furniture dropped."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
         "form", "button", "svg", "iframe", "select", "head"}
_BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
          "li", "ul", "ol", "blockquote", "pre", "table", "tr", "br", "hr", "dd", "dt",
          "figcaption", "figure", "address", "body", "title"}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
         "source", "track", "wbr", "param"}


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.stack: list[str] = []
        self.title = ""
        self.first_heading = ""
        self._in_title = False
        self._in_h1 = False
        self._heading_parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        if len(self.stack) > 2000:  # deeply nested junk: stop tracking depth, keep text
            return
        self.stack.append(tag)
        if tag == "title":
            self._in_title = True
        if tag in _SKIP or self.skip_depth:
            self.skip_depth += 1
            return
        if tag == "h1" and not self.first_heading:
            self._in_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        while self.stack:
            top = self.stack.pop()
            if self.skip_depth:
                self.skip_depth -= 1
            if top == tag:
                break
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._in_h1:
            self._in_h1 = False
            self.first_heading = " ".join("".join(self._heading_parts).split())
        if tag in _BLOCK and not self.skip_depth:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self._in_h1:
            self._heading_parts.append(data)
        self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str]:
    """Return (title, text) of an HTML page; paragraphs are separated by blank lines."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    raw = "".join(collector.parts)
    paragraphs = []
    for block in re.split(r"\n\s*\n", raw):
        line = " ".join(block.split())
        if line:
            paragraphs.append(line)
    title = collector.first_heading or " ".join(collector.title.split())
    return title, "\n\n".join(paragraphs)

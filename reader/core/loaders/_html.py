"""Readable text from HTML with the standard library: body text, paragraph breaks kept,
scripts, styles, navigation and other page furniture dropped.

``parse_html`` builds a small tree without recursion (nesting depth is capped, so hostile
pages cannot blow the stack); ``html_blocks`` renders a tree to paragraphs and headings;
``html_to_text`` is the one-call form. The article extractor for saved news pages
(``reader.core.loaders._web``) prunes the same tree before rendering it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable, Iterator

#: Page furniture: never part of the readable text.
SKIP_ALWAYS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select",
                         "head", "title", "button", "form", "object", "canvas", "math",
                         "datalist"})
#: Navigation and side matter of a web page (kept in e-books, where they hold content).
SKIP_PAGE = frozenset({"nav", "header", "footer", "aside"})
_BLOCK = frozenset({"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5",
                    "h6", "li", "ul", "ol", "dl", "blockquote", "pre", "table", "tr", "hr",
                    "dd", "dt", "figcaption", "figure", "address", "body", "header", "footer",
                    "aside", "nav", "details", "summary", "caption", "center", "hgroup"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed",
                   "source", "track", "wbr", "param", "keygen"})
#: Starting the key tag closes an open element of one of these kinds (HTML's implied ends).
_CLOSES = {"p": {"p"}, "li": {"li", "p"}, "dt": {"dt", "dd", "p"}, "dd": {"dt", "dd", "p"},
           "tr": {"tr", "td", "th"}, "td": {"td", "th"}, "th": {"td", "th"},
           "option": {"option"}}
_CLOSES_P = _BLOCK - {"li", "dd", "dt", "tr", "body"}
_KEPT_ATTRS = frozenset({"id", "class", "role", "itemprop", "rel", "name", "property",
                         "content", "hidden", "aria-hidden", "style", "epub:type", "href"})
MAX_DEPTH = 512
#: Past this many elements further tags are ignored (their text is kept): bounded memory.
MAX_NODES = 1_000_000
_CELL_BAR = re.compile(r"(?:^|\s)\|(?=\s|$)")


class Node:
    """An element: tag, the attributes that matter here, and children (Nodes or strings)."""

    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def iter(self) -> Iterator[Node]:
        """This node and every element below it, in document order, without recursion."""
        stack: list[Node] = [self]
        while stack:
            node = stack.pop()
            yield node
            kids = [child for child in node.children if type(child) is Node]
            kids.reverse()
            stack.extend(kids)

    def text(self) -> str:
        """All text below this node, whitespace collapsed."""
        parts: list[str] = []
        stack: list[Node | str] = [self]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                parts.append(item)
            elif item.tag not in SKIP_ALWAYS:
                stack.extend(reversed(item.children))
        return " ".join("".join(parts).split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack: list[Node] = [self.root]
        self.open = Counter[str]()
        self.nodes = 0
        self.overflow: list[str] = []
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            return
        closes = _CLOSES.get(tag, {"p"} if tag in _CLOSES_P else ())
        if closes and self.stack[-1].tag in closes:
            self._pop()
        node = Node(tag, {k: v or "" for k, v in attrs if k in _KEPT_ATTRS})
        self.stack[-1].children.append(node)
        if tag not in _VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(node)
            self.open[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            return
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs
                                                  if k in _KEPT_ATTRS}))

    def handle_endtag(self, tag: str) -> None:
        if self.nodes > MAX_NODES:
            return
        if not self.open[tag]:
            if tag in ("br", "p"):  # browsers read a stray </br> or </p> as a break
                self.stack[-1].children.append(Node("br", {}))
            return
        while len(self.stack) > 1 and self._pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self.nodes <= MAX_NODES:
            self.stack[-1].children.append(data)
            return
        self.overflow.append(data)  # tags are ignored now: keep the text in few big strings
        if len(self.overflow) >= 4096:
            self.chunks.append("".join(self.overflow))
            self.overflow.clear()

    def close(self) -> None:
        super().close()
        self.stack[-1].children.extend([*self.chunks, *self.overflow])
        self.chunks.clear()
        self.overflow.clear()

    def _pop(self) -> str:
        tag = self.stack.pop().tag
        self.open[tag] -= 1
        return tag


def parse_html(html: str, step: Callable[[int, int], None] | None = None) -> Node:
    """A tree of the page; never raises on malformed markup.

    ``step(done, total)`` is called after each megabyte of input (for progress and cancel:
    it may raise to stop).
    """
    builder = _TreeBuilder()
    chunk = 1 << 20
    for start in range(0, len(html), chunk):
        builder.feed(html[start:start + chunk])
        if step is not None:
            step(min(start + chunk, len(html)), len(html))
    builder.close()
    return builder.root


@dataclass(frozen=True)
class Block:
    """One paragraph of rendered text; ``level`` is 1-6 for headings, 0 otherwise."""

    text: str
    level: int = 0


def html_blocks(root: Node, skip: Callable[[Node], bool] | None = None,
                skip_tags: frozenset[str] = SKIP_ALWAYS | SKIP_PAGE) -> list[Block]:
    """Paragraphs and headings below ``root``; table cells are joined with `` | ``."""
    blocks: list[Block] = []
    parts: list[str] = []
    levels: list[int] = [0]

    def flush() -> None:
        nonlocal after_break
        text = " ".join("".join(parts).split())
        parts.clear()
        after_break = -1
        if text:
            blocks.append(Block(text, levels[-1]))

    stack: list[tuple[Node | str, bool]] = [(root, False)]
    after_break = -1  # len(parts) right after the last <br>: two in a row end a paragraph
    while stack:
        item, leaving = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        tag = item.tag
        if leaving:
            if tag in _HEADINGS:
                flush()
                levels.pop()
            elif tag in _BLOCK:
                flush()
            elif tag in ("td", "th"):
                parts.append(" | ")
            continue
        if tag == "br":
            if after_break >= 0 and not "".join(parts[after_break:]).strip():
                flush()
            parts.append("\n")
            after_break = len(parts)
            continue
        if tag == "hr":
            flush()
            continue
        if tag in skip_tags or (skip is not None and skip(item)):
            parts.append(" ")
            continue
        if tag in _BLOCK or tag in _HEADINGS:
            flush()
        if tag in _HEADINGS:
            levels.append(_HEADINGS[tag])
        stack.append((item, True))
        stack.extend((child, False) for child in reversed(item.children))
    flush()
    return [_trim_cells(block) for block in blocks]


def _trim_cells(block: Block) -> Block:
    if "|" not in block.text:
        return block
    cells = [cell.strip() for cell in _CELL_BAR.split(block.text)]
    return Block(" | ".join(cell for cell in cells if cell), block.level)


def page_title(root: Node) -> str:
    """The text of the page's <title> element, or ''."""
    for node in root.iter():
        if node.tag == "title":
            return " ".join("".join(c for c in node.children if isinstance(c, str)).split())
    return ""


def html_to_text(html: str) -> tuple[str, str]:
    """Return (title, text) of an HTML page; paragraphs are separated by blank lines.

    The title is the first <h1>, else the <title> element.
    """
    root = parse_html(html)
    blocks = html_blocks(root)
    heading = next((block.text for block in blocks if block.level == 1), "")
    return heading or page_title(root), "\n\n".join(block.text for block in blocks)

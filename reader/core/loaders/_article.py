"""Find the article in a saved news page with the standard library (readability-style).

Page furniture is pruned by tag, ARIA role and class/id words (navigation, cookie banners,
comments, related links, share bars, ads, newsletters); the article is then the
``<article>``/``articleBody``/``<main>`` element holding most of the paragraph text, or else
the element whose own paragraphs carry the most text. Title and byline are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from reader.core.loaders._html import Block, Node, html_blocks, page_title, parse_html

_NEGATIVE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|cookies?|consent|gdpr|banner|"
    r"comments?|commentary-list|disqus|discussion|talkback|replies|related|recommended|"
    r"recommendations|share|"
    r"sharing|social|newsletter|subscribe|subscription|promo|advert|advertisement|ads?|"
    r"ad-slot|sponsored|sponsor|sidebar|footer|masthead|popup|modal|overlay|outbrain|taboola|"
    r"trending|most-?read|more-stories|read-more|paywall|signup|login|toolbar|skip|tags|"
    r"site-header|topbar|widget|teaser-list|newsletter-signup)(?:$|[-_\s])", re.IGNORECASE)
_POSITIVE = re.compile(r"article-?body|story-?body|post-?content|entry-?content|"
                       r"article-?content|article-?text|story-?content|main-?content",
                       re.IGNORECASE)
_BYLINE = re.compile(r"byline|author|writer|dateline", re.IGNORECASE)
_ROLES = {"navigation", "banner", "complementary", "contentinfo", "dialog", "alertdialog",
          "search", "menu", "menubar"}
_ALWAYS_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe",
                          "select", "head", "title", "button", "form", "object", "canvas",
                          "nav"})
_BOXES = frozenset({"div", "section", "ul", "ol", "aside", "table", "dl", "nav", "header",
                    "footer", "menu"})
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·:]\s+")


@dataclass(frozen=True)
class Article:
    """The readable part of a page."""

    title: str
    byline: str
    blocks: tuple[Block, ...]

    def paragraphs(self) -> list[str]:
        """Title, byline, then the article's paragraphs, without repeating the title."""
        out = [self.title] if self.title else []
        if self.byline and not any(self.byline in b.text for b in self.blocks[:8]):
            out.append(self.byline)
        for index, block in enumerate(self.blocks):
            if index < 3 and block.text == self.title:
                continue
            out.append(block.text)
        return out


def extract_article(html: str, step: Callable[[int, int], None] | None = None) -> Article:
    """The article of a saved web page; the whole readable page when no article stands out.

    ``step`` is passed to ``parse_html`` (progress and cancel while parsing big pages).
    """
    root = parse_html(html, step)
    nodes = list(root.iter())
    meta = _meta(nodes)
    links = _link_heavy(nodes)
    verdicts: dict[int, bool] = {}

    def skip(node: Node) -> bool:
        key = id(node)
        if key not in verdicts:
            verdicts[key] = key in links or _is_furniture(node)
        return verdicts[key]

    container = _article_container(nodes, skip)
    blocks = tuple(html_blocks(container, skip=skip, skip_tags=_ALWAYS_SKIP))
    title = (meta.get("og:title") or next((b.text for b in blocks if b.level == 1), "")
             or _first_heading(nodes) or _trim_site_name(page_title(root)))
    byline = _byline(nodes if container is nodes[0] else list(container.iter()) + nodes, meta)
    return Article(title, byline, blocks)


def _is_furniture(node: Node) -> bool:
    attrs = node.attrs
    if attrs.get("role", "").lower() in _ROLES or "hidden" in attrs:
        return True
    if attrs.get("aria-hidden", "").lower() == "true":
        return True
    if "display:none" in attrs.get("style", "").replace(" ", "").lower():
        return True
    if node.tag in ("header", "footer", "aside") and not _BYLINE.search(_words(node)):
        return node.tag != "header" or _contains(node, "nav")
    words = _words(node)
    return bool(words) and bool(_NEGATIVE.search(words)) and not _POSITIVE.search(words) \
        and not _BYLINE.search(words)


def _link_heavy(order: list[Node]) -> set[int]:
    """ids of boxes that are mostly links (related stories, tag lists, menus)."""
    text: dict[int, int] = {}
    linked: dict[int, int] = {}
    count: dict[int, int] = {}
    for node in reversed(order):
        own = sum(len(c.strip()) for c in node.children if isinstance(c, str))
        kids = [c for c in node.children if isinstance(c, Node) and c.tag not in _ALWAYS_SKIP]
        text[id(node)] = own + sum(text[id(k)] for k in kids)
        if node.tag == "a":
            linked[id(node)], count[id(node)] = text[id(node)], 1
        else:
            linked[id(node)] = sum(linked[id(k)] for k in kids)
            count[id(node)] = sum(count[id(k)] for k in kids)
    return {id(node) for node in order
            if node.tag in _BOXES and count[id(node)] >= 2
            and linked[id(node)] > 0.5 * max(1, text[id(node)])}


def _words(node: Node) -> str:
    return f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".strip()


def _contains(node: Node, tag: str) -> bool:
    return any(child.tag == tag for child in node.iter())


def _article_container(nodes: list[Node], skip: Callable[[Node], bool]) -> Node:
    body = next((node for node in nodes if node.tag == "body"), nodes[0])
    scores = _paragraph_text(body, skip)
    total = scores.get(id(body), 0)
    candidates = [node for node in nodes if id(node) in scores and _is_candidate(node)]
    best = max(candidates, key=lambda n: scores.get(id(n), 0), default=None)
    if best is not None and scores.get(id(best), 0) >= 0.4 * total > 0:
        return _widen_to_article(body, best)
    parents: Counter[int] = Counter()
    nodes: dict[int, Node] = {}
    for parent in nodes:
        if id(parent) not in scores:
            continue
        for child in parent.children:
            if isinstance(child, Node) and child.tag == "p":
                parents[id(parent)] += len(child.text())
                nodes[id(parent)] = parent
    if parents:
        top = nodes[parents.most_common(1)[0][0]]
        if parents[id(top)] >= 0.3 * total:
            return top
    return body


def _is_candidate(node: Node) -> bool:
    return (node.tag in ("article", "main") or node.attrs.get("role") == "main"
            or node.attrs.get("itemprop") == "articleBody" or bool(_POSITIVE.search(_words(node))))


def _widen_to_article(body: Node, best: Node) -> Node:
    """An ``articleBody`` inside an ``<article>`` loses the headline: use the article."""
    for node in body.iter():
        if node.tag == "article" and node is not best and any(n is best for n in node.iter()):
            return node
    return best


def _paragraph_text(body: Node, skip: Callable[[Node], bool]) -> dict[int, int]:
    """id(node) -> characters of paragraph text below it, furniture excluded (no recursion)."""
    scores: dict[int, int] = {}
    order: list[tuple[Node, list[Node]]] = []
    stack = [body]
    while stack:
        node = stack.pop()
        kids = [c for c in node.children if isinstance(c, Node)
                and c.tag not in _ALWAYS_SKIP and not skip(c)]
        order.append((node, kids))
        stack.extend(kids)
    for node, kids in reversed(order):
        own = len(node.text()) if node.tag == "p" else 0
        scores[id(node)] = own + sum(scores.get(id(kid), 0) for kid in kids)
    return scores


def _meta(nodes: list[Node]) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in nodes:
        if node.tag == "meta":
            key = (node.attrs.get("property") or node.attrs.get("name") or "").lower()
            if key and node.attrs.get("content") and key not in found:
                found[key] = " ".join(node.attrs["content"].split())
    return found


def _first_heading(nodes: list[Node]) -> str:
    return next((node.text() for node in nodes if node.tag == "h1"), "")


def _byline(nodes: list[Node], meta: dict[str, str]) -> str:
    """The first short author/byline element (the article's own first), else meta author."""
    for node in nodes:
        if node.tag in ("script", "style", "meta", "link"):
            continue
        if (_BYLINE.search(_words(node)) or node.attrs.get("rel") == "author"
                or node.attrs.get("itemprop") == "author"):
            text = node.text()
            if 0 < len(text) <= 120:
                return text
    author = meta.get("author") or meta.get("article:author") or ""
    return f"By {author}" if author and not author.startswith("http") else ""


def _trim_site_name(title: str) -> str:
    parts = _TITLE_SEPARATORS.split(title)
    return max(parts, key=len) if len(parts) > 1 else title

"""Saved web pages (.html, .htm, .xhtml): the article with its title and byline, not the
navigation, cookie banner, comments or related links (``_article.extract_article``).

A near-empty result is never shown silently: when the article is short beside the page's
own prose (``short_extraction``), the Document carries a ``notice`` saying so, and
``load_whole_page`` gives the whole page's readable text instead.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.loaders._article import Article, extract_article
from reader.core.loaders._blocks import Cancel, Progress, assemble, check_cancel, guarded
from reader.core.loaders._html import html_blocks, page_title, parse_html
from reader.core.text import Document, decode_bytes

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
#: A block of the page counts as prose from this many words (menus and captions are shorter).
PROSE_BLOCK_WORDS = 20
#: The article is short below this share of the page's prose...
SHORT_SHARE = 0.25
#: ...or below this many words while the page shows clearly more text.
SHORT_WORDS = 80
#: An article with this share of the page's words is the page: its own blocks are used.
WHOLE_PAGE_SHARE = 0.9


@dataclass(frozen=True)
class PageText:
    """The readable text of a whole page, as blocks, and how much of it is prose."""

    title: str
    blocks: tuple[str, ...]

    @property
    def words(self) -> int:
        """Every word the page shows (navigation and page furniture excluded)."""
        return sum(len(block.split()) for block in self.blocks)

    @property
    def prose_words(self) -> int:
        """Words in blocks long enough to be running text."""
        counts = (len(block.split()) for block in self.blocks)
        return sum(count for count in counts if count >= PROSE_BLOCK_WORDS)


@guarded("HTML")
def load_web_page(path: Path, data: bytes, *, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> Document:
    """Read a saved web page into a Document holding its article (see module docstring)."""
    html = decode_html(data, path.name)
    page = _page_text(html, progress, cancel)
    try:
        article = extract_article(html)
    except Exception:  # noqa: BLE001 - a hostile page may break the extractor: show it whole
        article = None
    check_cancel(cancel)
    if article is None or not article.body:
        notice = ("No article was found on this page: showing all of its text."
                  if page.words else "")
        return assemble(page.blocks, page.title or None, path, "html", notice=notice)
    if _flat_fallback(article) and article.words >= WHOLE_PAGE_SHARE * page.words > 0:
        # On small plain pages the extractor falls back to one flat run of all the page's
        # lines: the page's own blocks say the same with their structure.
        title = page.title or article.title
        head = [p for p in (title, article.byline) if p and p not in page.blocks[:3]]
        return assemble(head + list(page.blocks), title or None, path, "html")
    return assemble(article.paragraphs(), article.title or page.title or None, path, "html",
                    notice=short_extraction(article, page))


@guarded("HTML")
def load_whole_page(path: Path, data: bytes, *, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> Document:
    """Read a saved web page into a Document holding all of its readable text."""
    page = _page_text(decode_html(data, path.name), progress, cancel)
    return assemble(page.blocks, page.title or None, path, "html")


def _flat_fallback(article: Article) -> bool:
    body = article.paragraphs()[1 if article.title else 0:]
    return len(body) <= 2 and body[-1].count("\n") >= 2


def short_extraction(article: Article, page: PageText) -> str:
    """A one-line notice when the article looks too short for its page, else ''."""
    words, prose = article.words, page.prose_words
    if prose and words < SHORT_SHARE * prose:
        share = f"{100 * words / prose:.0f}%"
        return (f"Only {words:,} words were found as the article, {share} of the "
                f"{prose:,} words of running text on the page.")
    if words < SHORT_WORDS and page.words >= words + 2 * PROSE_BLOCK_WORDS:
        return (f"Only {words:,} words were found as the article; the page shows "
                f"{page.words:,} words in all.")
    return ""


def _page_text(html: str, progress: Progress | None, cancel: Cancel | None) -> PageText:
    def step(done: int, total: int) -> None:
        check_cancel(cancel)
        if progress is not None:
            progress(done, total)

    root = parse_html(html, step)
    blocks = html_blocks(root)
    heading = next((block.text for block in blocks if block.level == 1), "")
    return PageText(heading or page_title(root), tuple(block.text for block in blocks))


def decode_html(data: bytes, name: str) -> str:
    """Decode a page: a BOM or valid UTF-8 first, then its ``<meta charset>``, then detection."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            declared = _META_CHARSET.search(data[:4096])
            if declared:
                try:
                    encoding = codecs.lookup(declared.group(1).decode("ascii")).name
                    if encoding not in ("utf-16-le", "utf-16-be", "utf-16"):
                        return data.decode(encoding, errors="replace")
                except (LookupError, UnicodeDecodeError):
                    pass
    return decode_bytes(data, name)

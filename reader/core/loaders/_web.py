"""Saved web pages (.html, .htm, .xhtml): the article with its title and byline, not the
navigation, cookie banner, comments or related links (``article.extract_article``).

The extractor is our own (standard library only): on the constructed news pages in
bench/bench_loaders.py it kept every article paragraph with no furniture, where
trafilatura (about 60 MB of dependencies) let a comment through and lost a byline, and
readability-lxml kept a few boilerplate lines on every page.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from reader.core.text import Document, decode_bytes
from reader.core.loaders._article import extract_article
from reader.core.loaders._blocks import Cancel, Progress, assemble, check_cancel, guarded

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)


@guarded("HTML")
def load_web_page(path: Path, data: bytes, *, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> Document:
    """Read a saved web page into a Document holding its article."""
    html = decode_html(data, path.name)

    def step(done: int, total: int) -> None:
        check_cancel(cancel)
        if progress is not None:
            progress(done, total)

    article = extract_article(html, step)
    check_cancel(cancel)
    return assemble(article.paragraphs(), article.title or None, path, "html")


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

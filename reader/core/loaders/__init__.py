"""Reading files into Documents: one module per format, chosen by file suffix."""

from __future__ import annotations

from reader.core.loaders._article import Article, extract_article
from reader.core.loaders._html import SKIP_ALWAYS, html_blocks, html_to_text, parse_html
from reader.core.loaders._pdf_layout import PdfLine, drop_running_lines
from reader.core.loaders._pdf_paragraphs import build_text
from reader.core.loaders._registry import extra_loaders, load_document, open_document
from reader.core.loaders._safezip import SafeZip, ZipLimits, parse_xml

__all__ = [
    "Article", "PdfLine", "SKIP_ALWAYS", "SafeZip", "ZipLimits", "build_text", "drop_running_lines",
    "extra_loaders", "extract_article", "html_blocks", "html_to_text", "load_document",
    "open_document", "parse_html", "parse_xml",
]

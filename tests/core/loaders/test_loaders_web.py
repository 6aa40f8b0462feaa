"""Saved web pages: the article with title and byline, without page furniture."""

from __future__ import annotations

import pytest

from reader.core.loaders import load_document
from reader.core.loaders import html_to_text
from reader.core.loaders import extract_article
from tests.core.loaders.news_pages import ARTICLE, BOILERPLATE, BYLINE, TITLE, all_pages

PAGES = all_pages()


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_news_page_keeps_article_title_and_byline_only(tmp_path, page):
    path = tmp_path / f"{page.name}.html"
    path.write_text(page.html, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == TITLE
    assert doc.source_format == "html"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE
    assert paragraphs[1].startswith(BYLINE)
    body = [p for p in paragraphs if len(p) > 60]
    assert body == list(ARTICLE)
    leaked = [junk for junk in BOILERPLATE if junk in doc.text]
    assert leaked == []


def test_page_without_article_keeps_all_readable_text():
    article = extract_article("<html><body><div><p>Only this.</p><p>And this.</p></div>"
                              "</body></html>")
    assert [block.text for block in article.blocks] == ["Only this.", "And this."]


def test_byline_from_meta_when_the_page_has_none():
    html = ('<html><head><meta name="author" content="Ada Lind"><title>Story - Paper</title>'
            '</head><body><article><p>Text of the story goes here.</p></article></body></html>')
    article = extract_article(html)
    assert (article.title, article.byline) == ("Story", "By Ada Lind")
    assert article.paragraphs() == ["Story", "By Ada Lind", "Text of the story goes here."]


@pytest.mark.parametrize("html, expected", [
    ("<h1>Head</h1><p>One<br>two<br><br>three</p>", ("Head", "Head\n\nOne two\n\nthree")),
    ("<title>T</title><p>a<p>b", ("T", "a\n\nb")),
    ("<table><tr><td>x<td>y<tr><td>z<td></table>", ("", "x | y\n\nz")),
    ("<nav>menu</nav><p>kept</p><script>var x;</script>", ("", "kept")),
    ("<ul><li>one<li>two</ul>", ("", "one\n\ntwo")),
    ("<p>caf&eacute; &amp; &#8220;quote&#8221;</p>", ("", "caf\u00e9 & \u201cquote\u201d")),
])
def test_html_to_text_table(html, expected):
    assert html_to_text(html) == expected


def test_deeply_nested_html_is_read_without_recursion(tmp_path):
    depth = 50_000  # far beyond Python's recursion limit and the tree's depth cap
    path = tmp_path / "deep.html"
    path.write_text("<div>" * depth + "<p>Deep inside.</p>" + "</div>" * depth)
    assert load_document(path).text == "Deep inside."
    assert html_to_text("<span>" * depth + "x")[1] == "x"


def test_declared_charset_is_used(tmp_path):
    path = tmp_path / "latin.html"
    path.write_bytes('<meta charset="iso-8859-1"><p>Caf\u00e9 cr\u00e8me.</p>'.encode("latin-1"))
    assert load_document(path).text == "Caf\u00e9 cr\u00e8me."

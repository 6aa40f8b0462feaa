"""Saved web pages: the article with title and byline, without page furniture."""

from __future__ import annotations

import pytest

from reader.core.loaders import load_document
from reader.core.loaders import html_to_text
from reader.core.loaders import extract_article
from tests.core.loaders.news_pages import ARTICLE, BOILERPLATE, BYLINE, TITLE, all_pages

PAGES = all_pages()
#: The page whose markup no extractor has seen: trafilatura takes the reader comment (in a
#: "discussion" box of "entry" items) for article text and drops the unmarked credit line.
UNFAMILIAR = "unfamiliar"


def _load(tmp_path, page):
    path = tmp_path / f"{page.name}.html"
    path.write_text(page.html, encoding="utf-8")
    return load_document(path)


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_news_page_keeps_the_article_in_order(tmp_path, page):
    doc = _load(tmp_path, page)
    assert doc.title == TITLE
    assert doc.source_format == "html"
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == TITLE
    assert [p for p in paragraphs if p in ARTICLE] == list(ARTICLE)
    assert doc.notice == ""


@pytest.mark.parametrize("page", [p for p in PAGES if p.name != UNFAMILIAR],
                         ids=[p.name for p in PAGES if p.name != UNFAMILIAR])
def test_news_page_has_byline_and_no_furniture(tmp_path, page):
    doc = _load(tmp_path, page)
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[1].startswith(BYLINE)
    assert [p for p in paragraphs if len(p) > 60] == list(ARTICLE)
    assert [junk for junk in BOILERPLATE if junk in doc.text] == []


@pytest.mark.xfail(strict=True, reason="trafilatura keeps a comment in unfamiliar markup")
def test_unfamiliar_page_leaks_nothing(tmp_path):
    doc = _load(tmp_path, next(p for p in PAGES if p.name == UNFAMILIAR))
    assert [junk for junk in BOILERPLATE if junk in doc.text] == []


def test_byline_from_meta_and_no_date_made_up_from_a_copyright_line():
    html = ('<html><head><meta name="author" content="Ada Lind"><title>Story - Paper</title>'
            '</head><body><article><h1>Story</h1><p>Text of the story goes here, long enough '
            'to be taken for an article by any extractor that looks at it.</p></article>'
            '<footer>Copyright 2024 The Paper</footer></body></html>')
    article = extract_article(html)
    assert (article.title, article.byline) == ("Story", "By Ada Lind")
    assert article.paragraphs()[:2] == ["Story", "By Ada Lind"]


def test_article_structure_maps_to_paragraphs():
    html = ("<html><body><article><h1>Port report</h1>"
            "<p>The port handled more ships this year than in any year before it.</p>"
            "<h2>Cargo</h2><ul><li>Grain exports rose by a fifth.</li>"
            "<li>Timber imports fell slightly.</li></ul>"
            "<blockquote><p>We are running out of berths, said the harbour master.</p>"
            "</blockquote><table><tr><th>Year</th><th>Ships</th></tr>"
            "<tr><td>2023</td><td>410</td></tr></table>"
            "<p>A second basin is planned for the years after the current works end.</p>"
            "</article></body></html>")
    body = extract_article(html).body
    assert "Cargo" in body
    assert "Grain exports rose by a fifth." in body and "Timber imports fell slightly." in body
    assert "We are running out of berths, said the harbour master." in body
    assert "2023 | 410" in body


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

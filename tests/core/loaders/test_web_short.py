"""A short extraction is never shown silently: a notice, and the whole page on request."""

from __future__ import annotations

from reader.core.loaders import load_document, open_document
from tests.core.loaders.news_pages import semantic_page
from tests.core.loaders.short_pages import (DISCUSSION, LEAD, TEASER, comment_heavy_page,
                                            link_list_page)


def test_short_article_beside_long_page_text_has_a_notice(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(comment_heavy_page(), encoding="utf-8")
    doc = load_document(path)
    assert LEAD in doc.text and DISCUSSION[0] not in doc.text
    assert doc.notice == ("Only 9 words were found as the article, 2% of the 384 words of "
                          "running text on the page.")


def test_whole_page_reads_everything_the_page_shows(tmp_path):
    path = tmp_path / "story.html"
    path.write_text(comment_heavy_page(), encoding="utf-8")
    whole = open_document(path, whole_page=True)
    assert whole.title == TEASER
    assert all(text in whole.text for text in [LEAD, *DISCUSSION])
    assert whole.notice == ""


def test_extractor_failure_shows_the_whole_page_and_says_so(tmp_path, monkeypatch):
    from reader.core.loaders import _web

    def broken(html):
        raise RuntimeError("the extractor choked on this page")

    monkeypatch.setattr(_web, "extract_article", broken)
    path = tmp_path / "latest.html"
    path.write_text(link_list_page(), encoding="utf-8")
    doc = load_document(path)
    assert "Headline number 29 about the harbour" in doc.text
    assert doc.notice == "No article was found on this page: showing all of its text."


def test_full_article_has_no_notice(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(semantic_page().html, encoding="utf-8")
    assert load_document(path).notice == ""

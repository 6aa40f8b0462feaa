"""The HTML report: self-contained, printable, every document text shown as text."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest

from reader.core.text import document_from_text
from reader.core.export import ExportFilter, export
from reader.core.export import bar_chart, diff_sides
from reader.core.store import Store
from tests.core.export.export_support import (LEFT_TEXT, NOTE, line_spans, make_library,
                                       statement_spans)

LINES = [LEFT_TEXT[s:e] for s, e in statement_spans(LEFT_TEXT)]
HOSTILE = ("<script>alert('title')</script>\n\n"
           "<img src=x onerror=alert(1)> is what the attacker wrote.\n"
           '<a href="javascript:alert(2)">click</a> & "quotes" 🎉\n')


class Page(HTMLParser):
    """Every start tag with its attributes, and the text content outside <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.starts.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False if tag == "style" else self._in_style

    def handle_data(self, data):
        if not self._in_style:
            self.text.append(data)

    def tags(self) -> set[str]:
        return {tag for tag, _ in self.starts}

    def content(self) -> str:
        return "".join(self.text)


def report(db, filters=None) -> tuple[str, Page]:
    out = io.StringIO()
    with Store.open(db, readonly=True) as store:
        export(store, "html", filters, out)
    page = Page()
    page.feed(out.getvalue())
    page.close()
    return out.getvalue(), page


def assert_inert(page: Page) -> None:
    """No script, no embedded or fetched resources, no event handlers, no js: URLs."""
    assert not page.tags() & {"script", "img", "iframe", "object", "embed", "link", "base"}
    for tag, attrs in page.starts:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "javascript:", "//")), (tag, attrs)


def test_report_is_self_contained_and_printable(tmp_path):
    library = make_library(tmp_path)
    source, page = report(library.db)
    assert source.startswith("<!DOCTYPE html>")
    assert_inert(page)
    metas = [attrs for tag, attrs in page.starts if tag == "meta"]
    assert any(m.get("http-equiv") == "Content-Security-Policy"
               and "default-src 'none'" in m["content"] for m in metas)
    assert "@media print" in source and "<style>" in source
    content = page.content()
    for line in LINES:
        assert line in content, line
    assert NOTE in content


def test_report_has_counts_per_kind_as_a_chart(tmp_path):
    library = make_library(tmp_path)
    _, page = report(library.db)
    charts = [attrs for tag, attrs in page.starts if tag == "svg"]
    assert len(charts) == 2  # all documents + the one document
    assert charts[0]["aria-label"].endswith("opinion 2, claim 2, quotation 1")
    assert sum(1 for tag, _ in page.starts if tag == "rect") == 6


def test_report_shows_linked_passages_with_word_differences(tmp_path):
    library = make_library(tmp_path)
    source, page = report(library.db, ExportFilter(kinds=["opinion"]))
    assert "<del>this</del>" in source and "<ins>that</ins>" in source
    assert "score 0.90" in page.content()


def test_tags_are_coloured_and_labelled_by_kind(tmp_path):
    library = make_library(tmp_path)
    _, page = report(library.db)
    articles = [attrs for tag, attrs in page.starts if tag == "article"]
    assert [a["class"] for a in articles] == [
        "tag kind-opinion", "tag kind-claim", "tag kind-quotation", "tag kind-opinion",
        "tag kind-claim"]
    assert all("--kind: #" in a["style"] for a in articles)


def test_hostile_document_is_shown_as_text(tmp_path):
    doc = document_from_text(HOSTILE)
    assert doc.title.startswith("<script>")  # the headline becomes the title
    db = tmp_path / "hostile.sqlite3"
    with Store.open(db) as store:
        record = store.remember_document(doc.sha256, "<img src=x onerror=alert(3)>.txt",
                                         doc.title, text=doc.text)
        for start, end in line_spans(doc.text):
            store.tag_table.add_tag(record.id, start, end, "quotation", exact=doc.text[start:end],
                          note="</blockquote><script>alert(4)</script>", author="<b>x</b>")
    source, page = report(db)
    assert_inert(page)
    assert "<script>" not in source.lower().replace("&lt;script&gt;", "")
    content = page.content()
    for line in (l for l in HOSTILE.split("\n") if l):
        assert line in content
    assert "</blockquote><script>alert(4)</script>" in content
    assert "<img src=x onerror=alert(3)>.txt" in content


@pytest.mark.parametrize("left, right", [
    ("the cat sat", "the cat sat"),
    ("a <b> c & d", "a <i> c & e"),
    ('<script>alert("x")</script> stays', '<script>alert("y")</script> stays'),
])
def test_diff_sides_escape_every_piece(left, right):
    for html, text, marker in zip(diff_sides(left, right), (left, right), ("del", "ins")):
        page = Page()
        page.feed(html)
        assert page.content() == text
        assert page.tags() <= {marker}


def test_bar_chart_scales_to_the_largest_count():
    svg = bar_chart({"opinion": 4, "claim": 2, "quotation": 0}, "x")
    assert 'width="220"' in svg and 'width="110"' in svg and 'width="0"' in svg

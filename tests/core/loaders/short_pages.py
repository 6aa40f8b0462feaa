"""Saved pages on which the article found is short beside the page's own text."""

from __future__ import annotations

TEASER = "Council backs harbour plan"
LEAD = "The council backed the harbour plan on Tuesday night."
DISCUSSION = [
    f"Reader {n} wrote that the harbour plan had been discussed for years, that the costs had "
    f"grown each time it came back to the council, and that the town deserved a clear answer "
    f"about who would pay for the dredging and the new rail link in the end." for n in range(8)
]


def comment_heavy_page() -> str:
    """A one-line story under a long reader discussion (the extractor skips comments)."""
    comments = "".join(f'<div class="comment"><p>{text}</p></div>' for text in DISCUSSION)
    return (f"<html><head><title>{TEASER}</title></head><body><article><h1>{TEASER}</h1>"
            f"<p>{LEAD}</p></article><section id=\"comments\" class=\"comments\">{comments}"
            f"</section></body></html>")


def link_list_page() -> str:
    """A page of headlines and nothing else: no article to find."""
    items = "".join(f'<li><a href="/s{n}">Headline number {n} about the harbour</a></li>'
                    for n in range(30))
    return f"<html><head><title>Latest</title></head><body><ul>{items}</ul></body></html>"

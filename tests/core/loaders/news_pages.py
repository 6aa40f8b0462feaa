"""Saved news pages built in code: a known article wrapped in realistic page furniture.

Each page has navigation, a cookie banner, a byline, an inline ad, share buttons, related
links, reader comments and a footer, in one of three common markup styles. Used by the web
loader tests and by bench/bench_loaders.py to compare extractors.
"""

from __future__ import annotations

from dataclasses import dataclass

TITLE = "Harbour expansion approved after long night of talks"
BYLINE = "By Maria Jensen"
ARTICLE = (
    "The city council approved the harbour expansion early on Tuesday after nine hours of "
    "debate, ending a dispute that has divided the town for two years.",
    "The plan adds two deep-water berths and a rail link, and is expected to cost 240 million "
    "euros, most of it paid by the port authority.",
    "\u201cThis is the most important decision we have taken in a generation,\u201d said "
    "Mayor Anton Berg, who had pushed for the project since his election.",
    "Opponents argue that dredging will damage the fishing grounds north of the breakwater. "
    "A group of residents said it would appeal to the regional court.",
    "Construction is due to begin next spring and to last four years.",
)
BOILERPLATE = (
    "We use cookies to improve your experience",
    "Accept all cookies",
    "Subscribe to our newsletter",
    "Most read this week",
    "Fishing quotas cut again for northern fleet",
    "Share on Facebook",
    "Advertisement",
    "Great news for the town, finally some progress",
    "Posted by harbourfan",
    "Copyright 2024 Coastal Daily Media",
    "Sign in",
)


@dataclass(frozen=True)
class NewsPage:
    """A page's HTML and the style of markup it imitates."""

    name: str
    html: str


def _furniture_top() -> str:
    return (
        '<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your '
        'experience on our site. By continuing you agree to our policy.</p>'
        '<button>Accept all cookies</button></div>'
        '<div class="site-header"><a href="/">Coastal Daily</a> <a href="/login">Sign in</a>'
        '<ul class="menu"><li><a href="/news">News</a></li><li><a href="/sport">Sport</a>'
        '</li><li><a href="/culture">Culture</a></li></ul></div>')


def _furniture_bottom() -> str:
    related = "".join(f'<li><a href="/a{i}">{text}</a></li>' for i, text in enumerate((
        "Fishing quotas cut again for northern fleet", "New ferry timetable from June",
        "Port workers vote on pay offer")))
    comments = "".join(
        f'<li class="comment"><p class="comment-meta">Posted by {who}</p><p>{text}</p></li>'
        for who, text in (("harbourfan", "Great news for the town, finally some progress "
                           "after years of talk and nothing to show for it."),
                          ("oldsailor", "The fishermen have been ignored again, as usual. "
                           "Nobody asked the people who actually use the harbour.")))
    return (
        f'<div class="related-articles"><h3>Most read this week</h3><ul>{related}</ul></div>'
        '<div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><p>Get the '
        'morning briefing in your inbox every day.</p></div>'
        f'<section id="comments" class="comments"><h3>2 comments</h3><ul>{comments}</ul>'
        '</section><div class="site-footer"><p>Copyright 2024 Coastal Daily Media. All rights '
        'reserved.</p><a href="/privacy">Privacy</a></div>')


def _paragraphs(with_ad: bool = True) -> str:
    out = []
    for index, text in enumerate(ARTICLE):
        out.append(f"<p>{text}</p>")
        if with_ad and index == 1:
            out.append('<div class="ad-slot"><span>Advertisement</span><a href="/ad">'
                       'Buy a boat today</a></div>')
        if index == 2:
            out.append('<div class="share-bar"><a>Share on Facebook</a> <a>Share on X</a>'
                       '</div>')
    return "".join(out)


def semantic_page() -> NewsPage:
    """HTML5 markup: <nav>, <article>, <header>, <aside>, <footer>."""
    html = (
        f'<!DOCTYPE html><html><head><title>{TITLE} | Coastal Daily</title>'
        f'<meta name="author" content="Maria Jensen"></head><body>{_furniture_top()}'
        '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/local">Local</a></nav>'
        f'<main><article><header><h1>{TITLE}</h1><p class="byline">{BYLINE}</p>'
        f'<time>12 March 2024</time></header>{_paragraphs()}</article>'
        '<aside><h3>Most read this week</h3><ul><li>Fishing quotas cut again for northern '
        f'fleet</li></ul></aside></main>{_furniture_bottom()}'
        '<footer><p>Copyright 2024 Coastal Daily Media</p></footer></body></html>')
    return NewsPage("semantic", html)


def div_soup_page() -> NewsPage:
    """An older CMS: only <div>s with class names, title in <h1 class="headline">."""
    html = (
        f'<html><head><title>{TITLE} - Coastal Daily</title></head><body>'
        f'<div id="wrapper">{_furniture_top()}<div id="content" class="container">'
        f'<div class="main-column"><h1 class="headline">{TITLE}</h1>'
        f'<div class="author-info"><span class="author">{BYLINE}</span> | 12 March 2024</div>'
        f'<div class="story-body">{_paragraphs()}</div></div>'
        '<div class="sidebar"><div class="widget"><h3>Most read this week</h3><p>Fishing '
        'quotas cut again for northern fleet</p></div></div></div>'
        f'{_furniture_bottom()}</div></body></html>')
    return NewsPage("div-soup", html)


def schema_page() -> NewsPage:
    """schema.org microdata: itemprop=articleBody without the headline, og:title meta."""
    html = (
        f'<html><head><meta property="og:title" content="{TITLE}">'
        f'<title>Coastal Daily: {TITLE}</title></head><body>{_furniture_top()}'
        f'<div itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">'
        f'{TITLE}</h1><div class="meta"><a rel="author" href="/maria">{BYLINE}</a></div>'
        f'<div itemprop="articleBody">{_paragraphs()}</div></div>{_furniture_bottom()}'
        '</body></html>')
    return NewsPage("schema", html)


def unfamiliar_page() -> NewsPage:
    """Furniture inside the <article>, under class names no rule list mentions."""
    links = "".join(f"<li><a href='/x{i}'>{text}</a></li>" for i, text in enumerate((
        "Fishing quotas cut again for northern fleet", "New ferry timetable from June")))
    html = (
        f"<html><head><title>{TITLE}</title></head><body>"
        "<div class='js-overlay-privacy'><p>We use cookies to improve your experience. "
        "You can change your choices at any time.</p><a>Accept all cookies</a></div>"
        "<div class='top'><a>Sign in</a> <a>Subscribe to our newsletter</a></div>"
        f"<article class='story'><h1>{TITLE}</h1><div class='credit'>{BYLINE}</div>"
        f"{_paragraphs(with_ad=False)}<div class='more-on-this'><h4>Most read this week</h4>"
        f"<ul>{links}</ul></div><div class='discussion'><h4>Reader responses</h4>"
        "<div class='entry'><b>Posted by harbourfan</b><p>Great news for the town, finally "
        "some progress after years of talk and nothing to show for it.</p></div></div>"
        "</article><div class='bottom'><p>Copyright 2024 Coastal Daily Media</p></div>"
        "</body></html>")
    return NewsPage("unfamiliar", html)


def all_pages() -> list[NewsPage]:
    """Every page style."""
    return [semantic_page(), div_soup_page(), schema_page(), unfamiliar_page()]

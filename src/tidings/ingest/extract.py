"""Main content and metadata of an HTML page, via trafilatura."""

from __future__ import annotations

from dataclasses import dataclass, field

import lxml.html
from trafilatura import bare_extraction

from ..errors import InputError
from .dates import parse_date

MIN_WORDS = 15  # less than this is a menu or a stub, not an article


@dataclass
class Extracted:
    text: str
    title: str | None = None
    author: str | None = None
    published: object = None
    site: str | None = None
    url: str | None = None
    link_texts: set[str] = field(default_factory=set)


def anchor_texts(html: str) -> set[str]:
    """The visible texts of the page's links, for the cleaner's link-density feature."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return set()
    texts = (" ".join(a.text_content().split()) for a in tree.iter("a"))
    return {t for t in texts if t}


def extract_html(html: str, origin: str, url: str | None = None) -> Extracted:
    """Article text (paragraphs separated by blank lines) and metadata of an HTML page."""
    if not html.strip():
        raise InputError(origin, "empty HTML page")
    try:
        doc = bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                              include_tables=False, favor_precision=True)
    except Exception as exc:  # trafilatura raises a variety of parser errors on junk
        raise InputError(origin, f"cannot parse HTML: {exc}") from None
    if doc is None or not (doc.text or "").strip():
        raise InputError(origin, "no article text found in the HTML page")
    lines = [line.strip() for line in doc.text.splitlines() if line.strip()]
    if lines and doc.title and lines[0].casefold() == doc.title.strip().casefold():
        lines = lines[1:]  # trafilatura repeats the headline as the first line
    words = sum(len(line.split()) for line in lines)
    if words < MIN_WORDS:
        raise InputError(origin, f"no article text found in the HTML page (only {words} words of text)")
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return Extracted(text="\n\n".join(lines), title=doc.title, author=doc.author,
                     published=published, site=doc.sitename, url=doc.url,
                     link_texts=anchor_texts(html))

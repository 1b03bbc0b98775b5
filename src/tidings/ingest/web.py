"""Read articles from the web: single article URLs and RSS/Atom feeds (safe fetching in fetch.py, feedparser)."""

from __future__ import annotations

import codecs
import io
import re
import time
import urllib.parse
from collections.abc import Iterator
from datetime import date
from email.message import Message
from typing import Any

import feedparser
import lxml.html

from ..errors import InputError
from .dates import check_published
from .fetch import USER_AGENT, FetchPolicy, Fetched, fetch_url
from .raw import RawDocument

__all__ = ["USER_AGENT", "FetchPolicy", "fetch", "is_url", "read_url", "decode_html"]

FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml"}
TEXT_TYPES = FEED_TYPES | {"application/xhtml+xml", "application/json"}
FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf")
BLOCKS = {"p", "div", "br", "li", "blockquote", "pre", "tr", "section", "article", "h1", "h2", "h3", "h4",
          "h5", "h6"}
PARAGRAPH = re.compile(r"\n\s*\n")
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def is_url(value: str) -> bool:
    """True for an absolute ``http://`` or ``https://`` URL with a host."""
    try:
        parts = urllib.parse.urlsplit(value.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _head(body: bytes) -> bytes:
    return body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()


def _mime(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def fetch(url: str, policy: FetchPolicy | None = None, *, deadline: float | None = None) -> Fetched:
    """GET ``url`` under the URL policy (see ``fetch.py``) and check that it is a text page.

    Raises InputError for refused URLs and redirects, HTTP errors, network failures, the
    deadline, bodies over the size cap and content that is not text (images, PDFs, ...).
    """
    got = fetch_url(url, policy, deadline=deadline)
    mime = _mime(got.content_type)
    unknown = mime in ("", "application/octet-stream")
    if not (unknown or mime.startswith("text/") or mime in TEXT_TYPES or mime.endswith("+xml")):
        raise InputError(url, f"not a text page (content type {mime})")
    if unknown and (b"\x00" in got.body[:4096] or not _head(got.body).startswith(b"<")):
        raise InputError(url, f"not a text page (content type {mime or 'missing'}, no markup found)")
    return got


def _codec(name: bytes | str | None) -> str | None:
    if isinstance(name, bytes):
        name = name.decode("ascii", "replace")
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, content_type: str = "") -> str:
    """Decode by the Content-Type charset, else a ``<meta charset>``, else UTF-8 (replacing errors)."""
    header = Message()
    header["Content-Type"] = content_type or "text/html"
    encoding = _codec(header.get_content_charset())
    if encoding is None:
        match = META_CHARSET.search(body[:4096])
        encoding = _codec(match.group(1)) if match else None
    if encoding is None or encoding == "utf-8":
        encoding = "utf-8-sig"
    return body.decode(encoding, errors="replace")


def _looks_like_feed(body: bytes, content_type: str) -> bool:
    return _mime(content_type) in FEED_TYPES or _head(body).startswith(FEED_STARTS)


def _entry_date(entry: Any) -> date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    try:
        return date(*parsed[:3]) if parsed else None
    except (TypeError, ValueError):
        return None


def _entry_content(entry: Any) -> str | None:
    for part in entry.get("content") or []:
        if (part.get("value") or "").strip():
            return part["value"]
    summary = entry.get("summary")
    return summary if summary and summary.strip() else None


def entry_text(content: str) -> str:
    """Plain text of a feed entry's own content (HTML or text): a paragraph per block, blank lines between."""
    try:
        root = lxml.html.fragment_fromstring(content, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return content
    for element in root.iter():
        if element.tag in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    paragraphs = (" ".join(part.split()) for part in PARAGRAPH.split(root.text_content()))
    return "\n\n".join(p for p in paragraphs if p)


def _entry(base: str, number: int, entry: Any, source: str | None, policy: FetchPolicy,
           deadline: float) -> RawDocument | InputError:
    """One feed entry: its linked page, else its own content; an InputError when neither can be had."""
    link = (entry.get("link") or "").strip()
    if entry.get("guidislink") and not is_url(link):
        link = ""  # an id such as "abc-123" that feedparser took for a permalink
    link = urllib.parse.urljoin(base, link) if link else None
    origin = link if link and is_url(link) else f"{base}#entry-{number}"
    published = _entry_date(entry)
    try:
        check_published(published)
    except ValueError as exc:
        return InputError(origin, f"bad published date: {exc}")
    meta = dict(title=entry.get("title") or None, published=published, source=source,
                author=entry.get("author") or None)
    content = _entry_content(entry)
    if link and (is_url(link) or content is None):  # a link Tidings will not fetch says why
        try:
            got = fetch(link, policy, deadline=deadline)
        except InputError as exc:
            return exc
        return RawDocument(origin=link, format="feed", html=decode_html(got.body, got.content_type),
                           url=got.url, **meta)
    text = entry_text(content) if content is not None else ""
    if not text.strip():
        return InputError(origin, "feed entry has neither a link nor any content")
    return RawDocument(origin=origin, format="feed", text=text, **meta)


def _read_entries(feed: Fetched, parsed: Any, policy: FetchPolicy, deadline: float) -> Iterator[RawDocument | InputError]:
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        if time.monotonic() >= deadline:
            left = len(parsed.entries) - number + 1
            yield InputError(feed.requested, f"feed deadline of {policy.feed_timeout:g} s passed; "
                             f"{left} of {len(parsed.entries)} entries not read")
            return
        yield _entry(feed.url, number, entry, source, policy, deadline)


def read_url(url: str, policy: FetchPolicy | None = None) -> Iterator[RawDocument | InputError]:
    """Yield the article at ``url``, or one document per entry when ``url`` is an RSS/Atom feed.

    Failures are yielded as InputErrors; one bad feed entry never stops the rest. A feed and
    its entries together get ``policy.feed_timeout`` seconds, each fetch ``policy.timeout``.
    """
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.feed_timeout
    try:
        got = fetch(url, policy)
    except InputError as exc:
        yield exc
        return
    body, content_type = got.body, got.content_type
    if _looks_like_feed(body, content_type):
        parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": content_type})
        if parsed.entries:
            yield from _read_entries(got, parsed, policy, deadline)
            return
        if parsed.get("version"):
            yield InputError(url, "feed has no entries")
            return
        if _mime(content_type) in FEED_TYPES - {"application/xml", "text/xml"}:
            problem = parsed.get("bozo_exception")
            yield InputError(url, f"unreadable feed: {problem}" if problem else "feed has no entries")
            return
    yield RawDocument(origin=url, format="url", html=decode_html(body, content_type), url=got.url)

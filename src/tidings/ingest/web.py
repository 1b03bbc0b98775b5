"""Read articles from the web: single article URLs and RSS/Atom feeds (stdlib HTTP, feedparser)."""

from __future__ import annotations

import codecs
import http.client
import io
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date
from email.message import Message
from typing import Any

import feedparser

from ..errors import InputError
from .raw import RawDocument

USER_AGENT = "tidings/0.1"
MAX_BYTES = 10 * 1024 * 1024
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/xml", "text/xml"}
TEXT_TYPES = FEED_TYPES | {"application/xhtml+xml", "application/json"}
FEED_STARTS = (b"<?xml", b"<rss", b"<feed", b"<rdf")
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


def _reason(exc: BaseException, timeout: float) -> str:
    """A short, user-facing reason for a network failure."""
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        exc = exc.reason
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return f"cannot resolve host ({exc.strerror or exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot connect: {exc.strerror}"
    return f"cannot fetch: {getattr(exc, 'reason', None) or exc}"


def fetch(url: str, *, timeout: float = 20.0) -> tuple[bytes, str]:
    """GET ``url`` (following redirects) and return its body and Content-Type header.

    Raises InputError for non-http(s) URLs, HTTP errors, network failures, bodies over
    10 MB and content that is not text (images, PDFs, ...).
    """
    if not is_url(url):
        raise InputError(url, "not an http:// or https:// URL")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get("Content-Type", "") or ""
            mime = _mime(content_type)
            unknown = mime in ("", "application/octet-stream")
            if not (unknown or mime.startswith("text/") or mime in TEXT_TYPES or mime.endswith("+xml")):
                raise InputError(url, f"not a text page (content type {mime})")
            body = response.read(MAX_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}".rstrip()) from None
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as exc:
        raise InputError(url, _reason(exc, timeout)) from None
    if len(body) > MAX_BYTES:
        raise InputError(url, f"response larger than {MAX_BYTES // (1024 * 1024)} MB")
    if unknown and (b"\x00" in body[:4096] or not _head(body).startswith(b"<")):
        raise InputError(url, f"not a text page (content type {mime or 'missing'}, no markup found)")
    return body, content_type


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
        if part.get("value", "").strip():
            return part["value"]
    summary = entry.get("summary")
    return summary if summary and summary.strip() else None


def _read_entries(url: str, parsed: Any, timeout: float) -> Iterator[RawDocument | InputError]:
    source = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        link = urllib.parse.urljoin(url, link.strip()) if link else None
        meta = dict(title=entry.get("title") or None, published=_entry_date(entry),
                    source=source, author=entry.get("author") or None)
        if link and is_url(link):
            try:
                body, content_type = fetch(link, timeout=timeout)
            except InputError as exc:
                yield exc
                continue
            yield RawDocument(origin=link, format="feed", html=decode_html(body, content_type),
                              url=link, **meta)
            continue
        origin = f"{url}#entry-{number}"
        content = _entry_content(entry)
        if content is None:
            yield InputError(origin, "feed entry has neither a link nor any content")
        else:
            yield RawDocument(origin=origin, format="feed", html=content, **meta)


def read_url(url: str, *, timeout: float = 20.0) -> Iterator[RawDocument | InputError]:
    """Yield the article at ``url``, or one document per entry when ``url`` is an RSS/Atom feed.

    Failures are yielded as InputErrors; one bad feed entry never stops the rest.
    """
    try:
        body, content_type = fetch(url, timeout=timeout)
    except InputError as exc:
        yield exc
        return
    if _looks_like_feed(body, content_type):
        parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-type": content_type})
        if parsed.entries:
            yield from _read_entries(url, parsed, timeout)
            return
        if parsed.get("version"):
            yield InputError(url, "feed has no entries")
            return
        if _mime(content_type) in FEED_TYPES - {"application/xml", "text/xml"}:
            problem = parsed.get("bozo_exception")
            yield InputError(url, f"unreadable feed: {problem}" if problem else "feed has no entries")
            return
    yield RawDocument(origin=url, format="url", html=decode_html(body, content_type), url=url)

"""A raw input document, as read from a file, a line of JSON Lines, a URL or a feed entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass
class RawDocument:
    """What a reader found, before extraction and cleaning.

    Exactly one of ``text`` (plain text, title already split off when known) and ``html`` is set.
    ``origin`` names the input for messages: a path, ``path:line`` or a URL.
    """

    origin: str
    format: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    author: str | None = None

"""Stable article ids from normalised text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Text reduced to its words: NFKC, case-folded, punctuation and spacing collapsed.

    Two copies of one article that differ only in quotes, dashes, spacing or line breaks
    normalise to the same string.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return _NON_WORD.sub(" ", text).strip()


def article_id(text: str) -> str:
    """A 16-hex-digit id of an article's clean body text."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]

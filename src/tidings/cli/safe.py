"""Stored text made safe to print: no Rich markup taken from data, no terminal control sequences.

Every field of the store came from somewhere else (a feed, a page, a file), so titles, sources
and texts may hold ``[/]`` (Rich markup) or escape sequences that would move the cursor,
retitle the terminal or hide text. Everything the CLI prints from the store goes through here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rich.markup import escape

# C0 controls but tab and newline, DEL, C1 controls (0x9b is a CSI on some terminals), and the
# bidirectional overrides and isolates that can make text read in another order than it is.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
REPLACEMENT = "\ufffd"


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def plain(value: Any, *, newlines: bool = False) -> str:
    """``value`` as one line of text (or several, with ``newlines``), control characters shown as
    escapes such as ``\\x1b``."""
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n")
    if not newlines:
        text = text.replace("\n", " ")
    return CONTROL.sub(_shown, text)


def markup(value: Any, *, newlines: bool = False) -> str:
    """``value`` ready to sit inside Rich markup: control characters shown, markup escaped."""
    return escape(plain(value, newlines=newlines))


def same_length(value: Any) -> str:
    """``value`` with each control character (and newline) replaced by one character, so that
    character offsets into it still hold (for highlighting spans)."""
    text = "" if value is None else str(value)
    return CONTROL.sub(REPLACEMENT, text.replace("\n", " ").replace("\t", " "))


def json_text(data: Any, **kwargs: Any) -> str:
    """JSON with non-ASCII kept but C1 and bidirectional controls escaped (C0 ones always are)."""
    text = json.dumps(data, default=str, ensure_ascii=False, **kwargs)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)

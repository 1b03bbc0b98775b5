"""Parse publication dates given as metadata (not dates inside article text)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def parse_date(value: Any) -> date | None:
    """A ``date`` from an ISO string, a datetime, a date or a free-form date string.

    Returns None for empty values; raises ValueError for a value that names no date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for free-form dates

    parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False})
    if parsed is None:
        raise ValueError(f"cannot read {text!r} as a date")
    return parsed.date()

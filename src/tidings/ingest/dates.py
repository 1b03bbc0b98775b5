"""Parse publication dates given as metadata (not dates inside article text)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

EARLIEST = date(1800, 1, 1)
AHEAD = timedelta(days=366)  # publication dates later than a year from today are refused
# Absolute dates only: dateparser's relative parser reads "1e309" or "nan" as today's date.
PARSERS = ["timestamp", "absolute-time", "custom-formats"]


def check_published(value: date | None) -> date | None:
    """``value`` when it is a plausible publication date (1800 to a year from today), else ValueError."""
    if value is None:
        return None
    latest = date.today() + AHEAD
    if not EARLIEST <= value <= latest:
        raise ValueError(f"{value.isoformat()} is not a plausible publication date "
                         f"(expected {EARLIEST.isoformat()} to {latest.isoformat()})")
    return value


def parse_date(value: Any, *, bounded: bool = True) -> date | None:
    """A ``date`` from an ISO string, a datetime, a date or a free-form absolute date string.

    Returns None for empty values; raises ValueError for a value that names no date, and,
    when ``bounded``, for one outside the plausible range of publication dates.
    """
    parsed = _parse(value)
    return check_published(parsed) if bounded else parsed


def _parse(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"cannot read {value!r} as a date")
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    import dateparser  # slow to import; only needed for free-form dates

    try:
        parsed = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": False,
                                                  "REQUIRE_PARTS": ["year"], "PARSERS": PARSERS})
    except (ValueError, OverflowError, OSError):
        parsed = None
    if parsed is None:
        raise ValueError(f"cannot read {text[:80]!r} as a date")
    return parsed.date()

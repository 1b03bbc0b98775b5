"""When an event happened: a date expression of its sentence, normalised against the publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from spacy.tokens import Span, Token

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_DAY = re.compile(r"\b\d{1,2}(st|nd|rd|th)?\b")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = ("today", "yesterday", "tonight", "tomorrow") + _WEEKDAYS
_PARTS = ("morning", "afternoon", "evening", "night", "day", "week", "weekend", "month", "year", "hour")


def names_time(word: str) -> bool:
    """Whether a word names a day, month or part of a day ("Sunday", "night"), not a place or party."""
    word = word.lower()
    return word in _MONTHS or word in _DAY_WORDS or word in _PARTS


# spans and vague times, not the date of an event: "since 2006", "for years", "the past decade"
_VAGUE = re.compile(r"\b(years|decades?|centur(y|ies)|recent|recently|past|since|ago|era|term|months|weeks|days)\b", re.I)


def _precision(text: str) -> str | None:
    low = text.lower()
    words = set(re.findall(r"[a-z]+", low))
    has_month = bool(words & set(_MONTHS))
    if words & set(_DAY_WORDS) or (has_month and _DAY.search(re.sub(_YEAR, "", low))):
        return "day"
    if "week" in words:
        return "week"
    if has_month:
        return "month"
    if _YEAR.search(low) or "year" in words:
        return "year"
    return None


def _weekday_before(day: date, weekday: int) -> date:
    """The last such weekday on or before ``day`` (news says "on Tuesday" of the past week)."""
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def normalise(text: str, published: date | None) -> tuple[date, str] | None:
    """The date a DATE expression names and its precision (day, week, month, year), or None."""
    precision = _precision(text)
    if precision is None or _VAGUE.search(text):
        return None
    low = text.lower().strip()
    if published is None and not _YEAR.search(low):
        return None  # "last week" with no publication date: unknown, not guessed from today
    for i, name in enumerate(_WEEKDAYS):
        if re.fullmatch(rf"(on |last |this )?{name}", low) and published:
            return _weekday_before(published - timedelta(days=1 if low.startswith("last") else 0), i), "day"
    import dateparser  # slow to import; only loaded when an event has a date

    base = datetime.combine(published, datetime.min.time()) if published else datetime(2000, 1, 1)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                "RETURN_AS_TIMEZONE_AWARE": False}
    parsed = dateparser.parse(re.sub(r"^(on|in|since|by|from|during)\s+", "", low), languages=["en"],
                              settings=settings)
    if parsed is None:
        return None
    day = parsed.date()
    if precision == "month":
        day = day.replace(day=1)
    elif precision == "year":
        day = day.replace(month=1, day=1)
    return day, precision


def _sentence_dates(sentence: Span) -> list[Span]:
    """The DATE entities of a sentence, from an index built once per doc (``Span.ents`` walks
    every entity of the doc, which made the stage quadratic in the article's length)."""
    doc = sentence.doc
    index = doc.user_data.get("tidings_dates")
    if index is None:
        index = {}
        for ent in doc.ents:
            if ent.label_ == "DATE":
                index.setdefault(ent.sent.start, []).append(ent)
        doc.user_data["tidings_dates"] = index
    return [e for e in index.get(sentence.start, ()) if e.end <= sentence.end]


def event_date(trigger: Token, sentence: Span, published: date | None) -> tuple[str, str] | None:
    """The date of the event a trigger names: a DATE entity in its clause, else in its sentence."""
    dates = _sentence_dates(sentence)
    if not dates:
        return None
    clause = trigger
    while clause.dep_ not in ("ROOT", "ccomp", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    in_clause = [e for e in dates if clause.left_edge.i <= e.start and e.end - 1 <= clause.right_edge.i]
    for ent in sorted(in_clause or dates, key=lambda e: abs(e.start - trigger.i)):
        found = normalise(ent.text, published)
        if found:
            return found[0].isoformat(), found[1]
    return None

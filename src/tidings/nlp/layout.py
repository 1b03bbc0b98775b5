"""Sentence starts the text's layout gives, set before parsing: after a line break, and after a
wire dateline ("ISTANBUL --", "KHARTOUM, March 16 (Xinhua) --", "KABUL (Pajhwok):").

A headline has no full stop, and the parser, which reads across line breaks, makes it one sentence
with the lead ("Trump Slams Clinton Over Emails\n\nDonald Trump accused ...": "Trump Slams
Clinton" accused). A new line that opens with a capital letter starts a sentence; one that opens in
lower case continues a sentence wrapped across lines. In text wrapped at a fixed width (most lines
of about the same length, as some wire feeds and plain-text files come), a line break is no sign of
anything: there only a blank line starts a sentence.

A news agency's dateline opens the first line of an article: the city in capitals, perhaps a region
or date, perhaps the agency, then a dash. The small parser reads it as part of the lead sentence,
mostly as its subject ("ISTANBUL -- President Erdogan gave ...": Istanbul gave), so the lead, the
sentence that tells the story, loses its actor. The component starts a new sentence after the
dash, and keeps the lead whole to its full stop. The text and its offsets stay as they are.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..geonames import BIG_CITY, cities

DATELINE = re.compile(r"""
    (?:^|(?<=\n))[ \t]*
    (?:(?:Reuters|AFP|AP|UPI|Xinhua|Sputnik|TASS|Bloomberg|IANS|PTI|ANI|Yonhap|Kyodo)[ \t]+)?  # "Reuters KHARTOUM"
    (?P<place>[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3}   # the city, in capitals
        (?:/[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})?)     # or two: "JERUSALEM/CAIRO"
    (?P<where>(?:,[ \t]*[A-Z][A-Za-z.]*(?:[ \t]+[A-Za-z0-9.]+){0,4}){1,2})?   # ", Philippines", ", March 16",
                                                      # ", Ill.", ", Democratic Republic of Congo, Jan 27"
    (?P<agency>[ \t]*\([^()\n]{2,30}\))?              # "(Xinhua)", "(AP)"
    [ \t]*(?P<dash>--|—|―|–|-|:)[ \t]+(?=[A-Z"“‘'])   # the dash (or a colon), then the lead sentence
    """, re.VERBOSE)
SHORT_DASHES = ("-", "–")
SENTENCE_ENDS = {".", "!", "?"}
MIN_PLACE_LETTERS = 4  # "US - China talks" and "UN - " are no datelines; "ROME --" is


def dateline_matches(text: str) -> list[re.Match]:
    """Every line opening that looks like a dateline, sure or not (``sure_dateline``)."""
    return [m for m in DATELINE.finditer(text)
            if sum(ch.isalpha() for ch in m.group("place")) >= MIN_PLACE_LETTERS and m.end() - m.start() <= 80]


@cache
def big_cities() -> frozenset[str]:
    """The names of the cities with at least ``BIG_CITY`` people, in capitals: a lone word in
    capitals naming one before a dash is a dateline."""
    return frozenset(c["name"].upper() for c in cities() if c["population"] >= BIG_CITY)


def sure_dateline(match: re.Match) -> bool:
    """Whether a dateline match is one whatever its place: a short dash after a lone word in
    capitals is as often a heading ("NATO - Russia talks"), so it counts only with the agency or a
    region or date, after two words or more ("WHITE HOUSE - Democratic lawmakers left ..."), or
    where the word is a big city's name ("NAIROBI - Sudan's paramilitary Rapid Support Forces
    killed ...", or two: "SRINAGAR/ISLAMABAD - India's defence minister ..."); a colon only with
    the agency ("KABUL (Pajhwok): President Ghani ...")."""
    if match.group("dash") == ":":
        return bool(match.group("agency"))
    place = match.group("place")
    return match.group("dash") not in SHORT_DASHES or bool(match.group("where") or match.group("agency")) \
        or len(place.split()) > 1 or all(p in big_cities() for p in dateline_places(match))


def dateline_places(match: re.Match) -> list[str]:
    """The cities a dateline names, in capitals: one, or two ("JERUSALEM/CAIRO"), the first where the
    story was filed."""
    return match.group("place").split("/")


def dateline_ends(text: str) -> list[int]:
    """Character offsets where a lead sentence begins after a dateline."""
    return [m.end() for m in dateline_matches(text) if sure_dateline(m)]


WRAP_WIDTHS = range(55, 86)  # the line lengths of text wrapped at a fixed width
WRAPPED_SHARE = 0.6


def wrapped(text: str) -> bool:
    """Whether the text is wrapped at a fixed width: at least five lines, most of them 55 to 85
    characters long."""
    lines = [len(line.rstrip()) for line in text.splitlines() if line.strip()]
    return len(lines) >= 5 and sum(n in WRAP_WIDTHS for n in lines) >= WRAPPED_SHARE * len(lines)


def _opens_line(doc: Doc, i: int, blank_only: bool) -> bool:
    """Whether token ``i`` is the first word of a line (after a blank line, with ``blank_only``)
    that starts with a capital, a digit or a quote."""
    prev = doc[i - 1]
    breaks = prev.text.count("\n")
    return breaks >= (2 if blank_only else 1) and not prev.text.strip() and not doc[i].is_space and \
        (doc[i].text[:1].isupper() or doc[i].text[:1].isdigit() or doc[i].text[:1] in "\"“‘'")


@Language.component("tidings_layout")
def layout_sentences(doc: Doc) -> Doc:
    """Start a sentence on each new line that opens with a capital (each new paragraph, in wrapped
    text) and after each dateline (before the parser, which keeps preset boundaries)."""
    blank_only = wrapped(doc.text)
    for i in range(1, len(doc)):
        if _opens_line(doc, i, blank_only):
            doc[i].is_sent_start = True
    for end in dateline_ends(doc.text):
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
            # the lead runs to its full stop: left free, the small parser takes the preset start
            # for a one-word sentence ("SEOUL - South | Korea summoned ...")
            for tok in doc[span.start + 1:]:
                if tok.text in SENTENCE_ENDS or "\n" in tok.text:
                    break
                tok.is_sent_start = False
    return doc


TITLE_SHARE = 0.6  # of a line's words capitalised: title case ("Trump Slams Clinton Over Emails")


def title_case(span: Span) -> bool:
    """Whether most of a sentence's words are capitalised, as in a headline in title case."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and sum(t.text[0].isupper() for t in words) >= TITLE_SHARE * len(words)

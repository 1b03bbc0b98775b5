"""The document model shared by every stage of Tidings.

Each record type is a dataclass whose fields are the columns of its store table and the keys
of its export records. Records derived from text carry ``article_id`` and character offsets
``start``/``end`` into the article's clean text, so a user can always see why a record exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any


@dataclass
class Sentence:
    """One sentence of an article's clean text."""

    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention found by the NLP stage."""

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str


@dataclass
class Actor:
    """A real-world actor: a person, a state, one of its bodies, an organisation or a group.

    ``country`` is ISO 3166 alpha-3; ``sectors`` are PLOVER/CAMEO role codes (GOV, MIL, COP, ...).
    """

    id: str
    name: str
    type: str
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass
class ActorMention:
    """A span of text that names or describes an actor.

    ``actor_id`` is None where the mention could not be resolved; its text is kept all the same.
    ``country`` and ``sectors`` are those of this mention, which a description may narrow
    ("a North Korean soldier" is PRK MIL). ``method`` says how it was resolved.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor_id: str | None
    country: str | None
    sectors: list[str]
    method: str
    confidence: float


@dataclass
class Event:
    """Who did what to whom, when and where, coded in PLOVER (with the CAMEO root code).

    ``start``/``end`` are the trigger's offsets. ``sources`` and ``targets`` are lists of
    {actor_id, name, country, sectors, text, start, end}. ``modality`` is asserted, negated or
    hypothetical; ``attributed_to`` is the speaker ({actor_id, name, text}) when the event sits in
    someone's claim. ``location`` is {name, country, lat, lon}.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    trigger: str
    type: str
    mode: str | None
    context: str | None
    cameo: str
    sources: list[dict]
    targets: list[dict]
    modality: str
    modality_cue: str | None
    attributed_to: dict | None
    date: str | None
    date_precision: str | None
    location: dict | None
    confidence: float


@dataclass
class Quote:
    """Text inside quotation marks, with the speaker it is attributed to.

    ``start``/``end`` are the offsets of the quoted words, the marks excluded; ``text`` is
    ``article.text[start:end]``. ``speaker`` is {actor_id, name, country, text, start, end}: the
    words that name the speaker (``start``/``end`` their offsets) and the actor they resolve to
    (``actor_id`` null for a group such as "analysts" or an unresolved name), or None when no
    speaker was found. ``cue`` is the speech word that tied them ("said", "according to") with
    its offsets, and ``method`` how the speaker was found: ``cue`` (a speech verb in the same
    sentence), ``before`` or ``after`` (the sentence before or after the quote), ``none``.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    speaker: dict | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    method: str


@dataclass
class Claim:
    """Reported speech or cognition: who says, believes, predicts or denies what.

    ``speaker`` is as for Quote (None where the text names nobody: "it is expected that ...").
    ``cue`` is the reporting word ("said", "believes", "according to"), ``content`` the words
    reported, each with its offsets. ``kind`` is statement, assessment, prediction (future or
    hypothetical content) or denial. ``start``/``end`` span speaker, cue and content together.
    """

    id: str
    article_id: str
    sentence_index: int
    start: int
    end: int
    speaker: dict | None
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    kind: str


@dataclass
class Article:
    """A news article: metadata, raw and clean text, and what the stages found in it."""

    id: str
    text: str
    raw_text: str
    title: str | None = None
    removed: list[str] = field(default_factory=list)
    published: date | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    language: str | None = None
    language_score: float | None = None
    origin: str | None = None
    format: str | None = None
    status: str = "new"
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    # The parsed spaCy Doc, only while the article is in the pipeline; never stored.
    doc: Any = field(default=None, repr=False, compare=False)

    @property
    def n_words(self) -> int:
        return len(self.text.split())


# Lists of records that stages add to an article; each is stored in a table of its own.
RECORD_LISTS = frozenset({"sentences", "mentions", "actors", "actor_mentions", "events", "quotes", "claims",
                          "doc"})

ARTICLE_COLUMNS: tuple[str, ...] = tuple(
    f.name for f in fields(Article) if f.name not in RECORD_LISTS
)


def columns(record_type: type) -> tuple[str, ...]:
    """The stored columns of a record dataclass, in declaration order."""
    return tuple(f.name for f in fields(record_type))

"""The shapes of the API's answers, for the OpenAPI schema (and the fuzzer that checks against it).

They follow the export contract (docs/export.md): field names are the table columns, every
record derived from text has ``article_id`` and ``start``/``end`` into the article's clean text.
"""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    items: list[T]
    next: str | None  # the cursor of the next page; None on the last
    limit: int


class ActorRef(Open):
    actor_id: str | None
    name: str | None
    country: str | None
    sectors: list[str] | None = None
    text: str | None
    start: int | None
    end: int | None


class Speaker(Open):
    actor_id: str | None
    name: str | None
    country: str | None = None
    text: str | None
    start: int | None = None
    end: int | None = None


class Location(Open):
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None


class ArticleRow(Open):
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None
    language: str | None
    status: str
    format: str | None
    origin: str | None
    n_words: int
    ingested_at: str | None


class Sentence(Open):
    id: str
    index: int
    start: int
    end: int
    text: str


class Mention(Open):
    id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str


class ActorMention(Open):
    id: str
    sentence_index: int
    start: int
    end: int
    text: str
    actor_id: str | None
    actor_name: str | None
    country: str | None
    sectors: list[str]
    method: str
    confidence: float


class EventRow(Open):
    id: str
    article_id: str
    sentence: int
    type: str
    mode: str | None
    context: str | None
    cameo: str
    sources: list[ActorRef]
    targets: list[ActorRef]
    modality: str
    modality_cue: str | None
    attributed_to: Speaker | None
    date: str | None
    date_precision: str | None
    location: Location | None
    start: int
    end: int
    trigger: str
    confidence: float
    score: float | None
    quad: int | None
    title: str | None
    published: str | None
    sentence_text: str | None
    sentence_start: int | None


class QuoteRow(Open):
    id: str
    article_id: str
    sentence: int
    start: int
    end: int
    text: str
    speaker: Speaker | None
    cue: str | None
    method: str
    title: str | None
    published: str | None


class ClaimRow(Open):
    id: str
    article_id: str
    sentence: int
    kind: str
    speaker: Speaker | None
    cue: str
    content: str
    start: int
    end: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    title: str | None
    published: str | None


class AboutActor(Open):
    actor_id: str | None
    name: str | None


class Outcome(Open):
    event_id: str
    foreseen_event: str | None
    article_id: str
    published: str | None
    title: str | None
    type: str
    trigger: str


class PredictionRow(Open):
    id: str
    article_id: str
    published: str | None
    title: str | None
    speaker: Speaker | None
    cue: str
    content: str
    content_start: int
    content_end: int
    about: list[AboutActor]
    outcome: Outcome | None


class ArticleDetail(ArticleRow):
    text: str
    removed: list[str]
    author: str | None
    language_score: float | None
    sentences: list[Sentence]
    mentions: list[Mention]
    actor_mentions: list[ActorMention]
    events: list[EventRow]
    quotes: list[QuoteRow]
    claims: list[ClaimRow]


class ActorRow(Open):
    id: str
    name: str
    type: str
    country: str | None
    sectors: list[str]
    wikidata: str | None
    aliases: list[str]
    mentions: int
    articles: int


class ActorMentionInContext(Open):
    id: str
    article_id: str
    start: int
    end: int
    text: str
    method: str
    confidence: float
    title: str | None
    published: str | None
    sentence: str
    sentence_start: int


class MonthCount(Open):
    month: str
    mentions: int


class Counterpart(Open):
    actor_id: str
    name: str | None
    country: str | None
    events: int
    as_source: int
    as_target: int


class ActorDetail(ActorRow):
    spellings: list[str]
    recent_mentions: list[ActorMentionInContext]
    over_time: list[MonthCount]
    counterparts: list[Counterpart]


class Side(Open):
    key: str
    kind: str  # country | actor
    id: str
    name: str | None


class SeriesPoint(Open):
    period: str
    direction: str  # a->b | b->a
    score: float
    total: float
    events: int
    cooperation: int
    conflict: int


class HypotheticalPoint(Open):
    period: str
    direction: str
    events: int
    score: float


class PairPrediction(Open):
    id: str
    article_id: str
    published: str | None
    period: str | None
    speaker: Speaker | None
    content: str
    foreseen_score: float | None
    outcome: Outcome | None


class Relations(Open):
    a: Side
    b: Side
    by: str
    series: list[SeriesPoint]
    hypothetical: list[HypotheticalPoint]
    predictions: list[PairPrediction]
    undated: int  # asserted events between the pair with no date at all, left out of the series


class Counts(Open):
    articles: int
    events: int
    actors: int
    quotes: int
    claims: int


class Meta(Open):
    name: str
    version: str
    schema_version: int
    writable: bool
    stories: bool
    counts: Counts
    published_from: str | None
    published_to: str | None
    busiest_pair: list[str] | None
    precise_confidence: float | None = Field(
        None, description="the verifier's high-precision setting: `min_confidence` at which about 0.8 of events were "
                          "right out of fold on the dev data (docs/model.md); null without the event model's verifier")
    strict_confidence: float | None = Field(
        None, description="the verifier's strict setting: the highest `min_confidence` at which as many right events "
                          "were kept on the dev data as the coder found when the events issue was filed, fewer events "
                          "and more of them right (docs/model.md); null without the event model's verifier")


class IngestResult(Open):
    added: list[str]
    duplicates: list[str]
    failed: list[dict]

"""Read endpoints for the records: articles, actors, quotes, claims, predictions (events: ``events``).

Every listing filters, sorts (``sort=-published``: a minus for descending), pages by cursor
(``limit`` at most 200, ``next`` in the answer or the ``X-Next-Cursor`` header) and answers in
JSON or, with ``format=csv``, CSV (lists and objects as JSON text, as the export writes them).
Every value reaches SQL as a parameter.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from pydantic import BeforeValidator

from ..store.quotes import PREDICTIONS_SQL, SPEAKER_SQL
from .errors import ApiError, ErrorResponse, not_found
from .paging import DEFAULT_LIMIT, MAX_LIMIT, Listing, SortKey, json_response, listing_response, page
from .event_rows import EVENTS, events_out, with_sentences
from .schemas import ActorDetail, ActorRow, ArticleDetail, ArticleRow, ClaimRow, Page, PredictionRow, QuoteRow
from .served import ServedStore

ERRORS: dict[int | str, dict[str, Any]] = {code: {"model": ErrorResponse} for code in (400, 404, 422)}
CSV = {"text/csv": {"schema": {"type": "string"}}}
LISTED = {**ERRORS, 200: {"content": CSV, "description": "A page of records (JSON), or CSV with format=csv"}}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Records per page (at most {MAX_LIMIT}).")]
Cursor = Annotated[str | None, Query(max_length=512, description="`next` of the previous page.")]
Format = Annotated[Literal["json", "csv"], Query(description="json, or csv for a spreadsheet.")]
Text = Annotated[str | None, Query(max_length=200)]
Key = Annotated[str, Path(min_length=1, max_length=200)]


def _iso_date(value: Any) -> Any:
    """Only YYYY-MM-DD: pydantic alone would read '0' as a Unix time."""
    if isinstance(value, str) and not (len(value) == 10 and value[4] == "-" and value[7] == "-"):
        raise ValueError("a date is written YYYY-MM-DD")
    return value


Day = Annotated[date | None, BeforeValidator(_iso_date), Query(description="YYYY-MM-DD")]

router = APIRouter(prefix="/api", responses=ERRORS)


def served(request: Request) -> ServedStore:
    return request.app.state.served


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


# -- articles -----------------------------------------------------------------------------

ARTICLE_COLUMNS = ["id", "title", "published", "source", "url", "language", "status", "format", "origin",
                   "n_words", "ingested_at"]
ARTICLES = Listing(
    "SELECT a.id, a.title, strftime(a.published, '%Y-%m-%d') AS published, a.source, a.url, a.language,"
    " a.status, a.format, a.origin, a.n_words, strftime(a.ingested_at, '%Y-%m-%dT%H:%M:%S') AS ingested_at"
    " FROM articles a {where}",
    {"published": SortKey("coalesce(t.published, '')", "VARCHAR"),
     "title": SortKey("coalesce(t.title, '')", "VARCHAR"),
     "n_words": SortKey("t.n_words", "BIGINT"),
     "ingested_at": SortKey("coalesce(t.ingested_at, '')", "VARCHAR")},
    "-published")


@router.get("/articles", response_model=Page[ArticleRow], responses=LISTED, tags=["articles"])
def list_articles(request: Request, search: Text = None, source: Text = None, language: Text = None,
                  status: Literal["processed", "skipped-language"] | None = None, since: Day = None,
                  until: Day = None,
                  sort: Literal[tuple(ARTICLES.sort_names())] | None = None,  # type: ignore[valid-type]
                  limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Articles (without their texts), newest first; `search` looks in titles and texts."""
    where, params = [], {}
    if search:
        where.append("(a.title ILIKE $search OR a.text ILIKE $search)"); params["search"] = f"%{search}%"
    if source:
        where.append("a.source ILIKE $source"); params["source"] = f"%{source}%"
    if language:
        where.append("a.language = $language"); params["language"] = language
    if status:
        where.append("a.status = $status"); params["status"] = status
    if since:
        where.append("a.published >= $since"); params["since"] = since
    if until:
        where.append("a.published <= $until"); params["until"] = until
    rows, nxt = page(served(request), ARTICLES, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, ARTICLE_COLUMNS)


def _article_id(store: ServedStore, key: str) -> str:
    rows = store.rows("SELECT id FROM articles WHERE id = $1 OR (length($1) >= 4 AND starts_with(id, $1))"
                      " ORDER BY id = $1 DESC LIMIT 2", [key])
    if not rows:
        raise not_found("article", key, "id")
    if len(rows) > 1 and rows[0]["id"] != key:
        raise ApiError(404, f"{key!r} starts several article ids; give more of it", field="id")
    return rows[0]["id"]


@router.get("/articles/{id}", response_model=ArticleDetail, tags=["articles"])
def get_article(request: Request, id: Key):
    """One article: clean text, the residue removed from it, sentences, entity and actor mentions,
    and its events, quotes and claims."""
    store = served(request)
    article_id = _article_id(store, id)
    article = store.one(
        "SELECT id, title, strftime(published, '%Y-%m-%d') AS published, source, url, language, status, format,"
        " origin, n_words, strftime(ingested_at, '%Y-%m-%dT%H:%M:%S') AS ingested_at, text, removed, author,"
        " language_score FROM articles WHERE id = $1", [article_id])
    article["sentences"] = store.rows(
        'SELECT id, "index", start, "end", text FROM sentences WHERE article_id = $1 ORDER BY "index"', [article_id])
    article["mentions"] = store.rows(
        'SELECT id, sentence_index, start, "end", text, label FROM mentions WHERE article_id = $1 ORDER BY start',
        [article_id])
    article["actor_mentions"] = store.rows(
        'SELECT m.id, m.sentence_index, m.start, m."end", m.text, m.actor_id, x.name AS actor_name, m.country,'
        " m.sectors, m.method, m.confidence FROM actor_mentions m LEFT JOIN actors x ON x.id = m.actor_id"
        " WHERE m.article_id = $1 ORDER BY m.start, m.id", [article_id])
    events, _ = page(store, EVENTS, ["e.article_id = $article"], {"article": article_id}, sort="start",
                     limit=10_000, cursor=None)
    article["events"] = with_sentences(store, events_out(events))
    article["quotes"], _ = page(store, QUOTES, ["q.article_id = $article"], {"article": article_id},
                                sort="start", limit=10_000, cursor=None)
    article["claims"], _ = page(store, CLAIMS, ["c.article_id = $article"], {"article": article_id},
                                sort="start", limit=10_000, cursor=None)
    return json_response(article)


# -- actors -------------------------------------------------------------------------------

ACTOR_COLUMNS = ["id", "name", "type", "country", "sectors", "wikidata", "aliases", "mentions", "articles"]
ACTORS = Listing(
    "SELECT a.id, a.name, a.type, a.country, a.sectors, a.wikidata, a.aliases,"
    " coalesce(c.mentions, 0) AS mentions, coalesce(c.articles, 0) AS articles FROM actors a"
    " LEFT JOIN (SELECT actor_id, count(*) AS mentions, count(DISTINCT article_id) AS articles"
    "  FROM actor_mentions WHERE actor_id IS NOT NULL GROUP BY actor_id) c ON c.actor_id = a.id {where}",
    {"mentions": SortKey("t.mentions", "BIGINT"), "articles": SortKey("t.articles", "BIGINT"),
     "name": SortKey("lower(t.name)", "VARCHAR")},
    "-mentions")


@router.get("/actors", response_model=Page[ActorRow], responses=LISTED, tags=["actors"])
def list_actors(request: Request, search: Text = None, country: Text = None, type: Text = None, sector: Text = None,
                sort: Literal[tuple(ACTORS.sort_names())] | None = None,  # type: ignore[valid-type]
                limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Actors with how often and in how many articles they are mentioned, most mentioned first;
    `search` looks in names and every spelling met."""
    where, params = [], {}
    if search:
        where.append("(a.name ILIKE $search OR array_to_string(a.aliases, '|') ILIKE $search OR a.id = $exact)")
        params["search"], params["exact"] = f"%{search}%", search
    if country:
        where.append("a.country = $country"); params["country"] = country.upper()
    if type:
        where.append("a.type = $type"); params["type"] = type
    if sector:
        where.append("list_contains(a.sectors, $sector)"); params["sector"] = sector.upper()
    rows, nxt = page(served(request), ACTORS, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, ACTOR_COLUMNS)


@router.get("/actors/{id}", response_model=ActorDetail, tags=["actors"])
def get_actor(request: Request, id: Key):
    """One actor (by id or name): codes, spellings met, recent mentions in their sentences,
    mentions per month and the actors it has events with most."""
    store = served(request)
    rows, _ = page(store, ACTORS, ["(a.id = $key OR lower(a.name) = lower($key))"], {"key": id},
                   sort="-mentions", limit=2, cursor=None)
    if not rows:
        raise not_found("actor", id, "id")
    actor = rows[0]
    aid = actor["id"]
    actor["spellings"] = [r["text"] for r in store.rows(
        "SELECT text, count(*) AS n FROM actor_mentions WHERE actor_id = $1 GROUP BY text ORDER BY n DESC, text"
        " LIMIT 50", [aid])]
    actor["recent_mentions"] = store.rows(
        'SELECT m.id, m.article_id, m.start, m."end", m.text, m.method, m.confidence, a.title,'
        " strftime(a.published, '%Y-%m-%d') AS published, s.text AS sentence, s.start AS sentence_start"
        " FROM actor_mentions m JOIN articles a ON a.id = m.article_id"
        ' JOIN sentences s ON s.article_id = m.article_id AND s."index" = m.sentence_index'
        " WHERE m.actor_id = $1 ORDER BY a.published DESC NULLS LAST, m.article_id, m.start LIMIT 100", [aid])
    actor["over_time"] = store.rows(
        "SELECT strftime(date_trunc('month', a.published), '%Y-%m') AS month, count(*) AS mentions"
        " FROM actor_mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.actor_id = $1 AND a.published IS NOT NULL GROUP BY ALL ORDER BY month", [aid])
    actor["counterparts"] = store.rows(
        "WITH mine AS (SELECT e.sources, e.targets,"
        "  list_contains(list_transform(e.sources, lambda x: x.actor_id), $1) AS src,"
        "  list_contains(list_transform(e.targets, lambda x: x.actor_id), $1) AS tgt FROM events e"
        "  WHERE list_contains(list_transform(e.sources || e.targets, lambda x: x.actor_id), $1)),"
        " other AS (SELECT unnest(targets).actor_id AS actor_id, 1 AS s, 0 AS t FROM mine WHERE src"
        "  UNION ALL SELECT unnest(sources).actor_id, 0, 1 FROM mine WHERE tgt)"
        " SELECT o.actor_id, x.name, x.country, count(*) AS events, sum(o.s)::BIGINT AS as_source,"
        " sum(o.t)::BIGINT AS as_target FROM other o LEFT JOIN actors x ON x.id = o.actor_id"
        " WHERE o.actor_id IS NOT NULL AND o.actor_id <> $1 GROUP BY ALL ORDER BY events DESC, o.actor_id LIMIT 15",
        [aid])
    return json_response(actor)


# -- quotes, claims, predictions ----------------------------------------------------------

QUOTE_COLUMNS = ["id", "article_id", "sentence", "start", "end", "text", "speaker", "cue", "method", "title",
                 "published"]
QUOTES = Listing(
    'SELECT q.id, q.article_id, q.sentence_index AS sentence, q.start, q."end", q.text, q.speaker, q.cue,'
    " q.method, a.title, strftime(a.published, '%Y-%m-%d') AS published"
    " FROM quotes q JOIN articles a ON a.id = q.article_id {where}",
    {"published": SortKey("coalesce(t.published, '')", "VARCHAR"), "start": SortKey("t.start", "BIGINT")},
    "-published")


@router.get("/quotes", response_model=Page[QuoteRow], responses=LISTED, tags=["quotes"])
def list_quotes(request: Request, speaker: Text = None, article: Text = None, search: Text = None,
                sort: Literal[tuple(QUOTES.sort_names())] | None = None,  # type: ignore[valid-type]
                limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Quotations with their speakers; `speaker` is an actor id, a name or spelling, or the words."""
    where, params = _speech_filters("q", "text", speaker, article, search)
    rows, nxt = page(served(request), QUOTES, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, QUOTE_COLUMNS)


CLAIM_COLUMNS = ["id", "article_id", "sentence", "kind", "speaker", "cue", "content", "start", "end", "cue_start",
                 "cue_end", "content_start", "content_end", "title", "published"]
CLAIMS = Listing(
    'SELECT c.id, c.article_id, c.sentence_index AS sentence, c.kind, c.speaker, c.cue, c.content, c.start,'
    ' c."end", c.cue_start, c.cue_end, c.content_start, c.content_end, a.title,'
    " strftime(a.published, '%Y-%m-%d') AS published FROM claims c JOIN articles a ON a.id = c.article_id {where}",
    {"published": SortKey("coalesce(t.published, '')", "VARCHAR"), "start": SortKey("t.start", "BIGINT")},
    "-published")


def _speech_filters(alias: str, text: str, speaker: str | None, article: str | None,
                    search: str | None) -> tuple[list[str], dict[str, Any]]:
    where, params = [], {}
    if speaker:
        where.append(SPEAKER_SQL.format(s=f"{alias}.speaker")); params["speaker"] = speaker
    if article:
        where.append(f"{alias}.article_id = $article"); params["article"] = article
    if search:
        where.append(f"{alias}.{text} ILIKE $search"); params["search"] = f"%{search}%"
    return where, params


@router.get("/claims", response_model=Page[ClaimRow], responses=LISTED, tags=["quotes"])
def list_claims(request: Request, kind: Literal["statement", "assessment", "prediction", "denial"] | None = None,
                speaker: Text = None, article: Text = None, search: Text = None,
                sort: Literal[tuple(CLAIMS.sort_names())] | None = None,  # type: ignore[valid-type]
                limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Reported speech and thought: who claims what, of which kind; `search` looks in the content."""
    where, params = _speech_filters("c", "content", speaker, article, search)
    if kind:
        where.append("c.kind = $kind"); params["kind"] = kind
    rows, nxt = page(served(request), CLAIMS, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, CLAIM_COLUMNS)


PREDICTION_COLUMNS = ["id", "article_id", "published", "title", "speaker", "cue", "content", "content_start",
                      "content_end", "about", "outcome"]
PREDICTION_SORTS = {"published": SortKey("coalesce(t.published, '')", "VARCHAR")}


@router.get("/predictions", response_model=Page[PredictionRow], responses=LISTED, tags=["quotes"])
def list_predictions(request: Request, speaker: Text = None, outcome: bool | None = None,
                     sort: Literal["-published", "published"] | None = None, limit: Limit = DEFAULT_LIMIT,
                     cursor: Cursor = None, format: Format = "json"):
    """Predictions with who made them, when, about whom, and their outcome: the first later
    asserted event that bears them out (`outcome=true` only those, `false` the open ones)."""
    params: dict[str, Any] = {}
    speaker_sql = ""
    if speaker:
        speaker_sql = "AND " + SPEAKER_SQL.format(s="c.speaker"); params["speaker"] = speaker
    outcome_sql = {None: "", True: "WHERE o.event_id IS NOT NULL", False: "WHERE o.event_id IS NULL"}[outcome]
    sql = PREDICTIONS_SQL.format(speaker=speaker_sql, outcome=outcome_sql, limit="")
    listing = Listing(sql.replace("{", "{{").replace("}", "}}") + " {where}", PREDICTION_SORTS, "-published")
    rows, nxt = page(served(request), listing, [], params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, PREDICTION_COLUMNS)

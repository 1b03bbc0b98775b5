"""The events endpoints: the list (filters, sorts, cursor pages, JSON or CSV) and one event.

Both answer from the server's in-memory index of the committed events (``event_cache``)
when it is ready, on the event loop without a thread hop, and otherwise, or for what the index
cannot answer exactly (text search), from DuckDB in a worker thread as before.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool

from ..events.verify import confidence_help
from ..store.queries import event_filters
from . import event_cache
from .errors import ApiError, not_found
from .event_index import EventIndex, Uncached
from .event_rows import EVENT_COLUMNS, EVENTS, events_out, with_sentences
from .paging import DEFAULT_LIMIT, json_response, listing_response, page
from .records import ERRORS, LISTED, Cursor, Day, Format, Key, Limit, Text, served
from .relations import Side, UnknownSide, resolve_side
from .schemas import EventRow, Page
from .served import ServedStore

router = APIRouter(prefix="/api", responses=ERRORS)

MinConfidence = Annotated[float | None, Query(ge=0, le=1, description=confidence_help().replace("confidence", "`confidence`", 1))]


def side(store: ServedStore, key: str, name: str) -> Side:
    """A source or target side, resolved once per committed state."""
    try:
        return store.cached(("side", key, name), lambda: resolve_side(store.rows, key, name))
    except UnknownSide as exc:
        raise ApiError(404, str(exc), field=name) from None


def _sql_list(store: ServedStore, filters: dict[str, Any], search: str | None, sort: str | None, limit: int,
              cursor: str | None, format: str):
    clause, params = event_filters(**{k: filters[k] for k in ("actor", "country", "type", "modality", "since",
                                                              "until", "article", "min_confidence")})
    where = [clause.removeprefix("WHERE ")] if clause else []
    for name, column in (("source", "e.sources"), ("target", "e.targets")):
        if filters[name]:
            found = side(store, filters[name], name)
            where.append(found.match(column, name)); params[name] = found.id
    if search:
        where.append('EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = e.article_id'
                     ' AND s."index" = e.sentence_index AND s.text ILIKE $search)')
        params["search"] = f"%{search}%"
    rows, nxt = page(store, EVENTS, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(with_sentences(store, events_out(rows)), nxt, format, limit, EVENT_COLUMNS)


def _cached_list(store: ServedStore, index: EventIndex, filters: dict[str, Any], sort: str | None, limit: int,
                 cursor: str | None, format: str):
    sides = {name: side(store, filters[name], name) if filters[name] else None for name in ("source", "target")}
    return event_cache.list_page(index, **{**filters, **sides}, sort=sort, limit=limit, cursor=cursor, format=format)


@router.get("/events", response_model=Page[EventRow], responses=LISTED, tags=["events"])
async def list_events(request: Request, type: Text = None,
                      modality: Literal["asserted", "negated", "hypothetical"] | None = None,
                      country: Text = None, actor: Text = None, source: Text = None, target: Text = None,
                      since: Day = None, until: Day = None, search: Text = None, article: Text = None,
                      min_confidence: MinConfidence = None,
                      sort: Literal[tuple(EVENTS.sort_names())] | None = None,  # type: ignore[valid-type]
                      limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Events, newest first (the event's date, else its article's). `actor` (name or id) and
    `country` match either side; `source` and `target` (a country or an actor) one side each;
    `search` looks in the sentence; `min_confidence` keeps the events whose `confidence` is at least
    that (`precise_confidence` in /api/meta: the high-precision setting). Each event carries its PLOVER score and quad, and its sentence."""
    store = served(request)
    filters = {"type": type, "modality": modality, "country": country, "actor": actor, "source": source,
               "target": target, "since": since, "until": until, "article": article,
               "min_confidence": min_confidence}
    index = store.events
    if index is not None and not search:
        try:
            if not (source or target):  # nothing to look up in DuckDB: answered on the loop
                return _cached_list(store, index, filters, sort, limit, cursor, format)
            return await run_in_threadpool(_cached_list, store, index, filters, sort, limit, cursor, format)
        except Uncached:
            pass
    return await run_in_threadpool(_sql_list, store, filters, search, sort, limit, cursor, format)


def _sql_detail(store: ServedStore, id: str):
    rows = store.rows(EVENTS.sql.format(where="WHERE e.id = $id"), {"id": id})
    if not rows:
        raise not_found("event", id, "id")
    event = events_out(rows)[0]
    sentence = store.one('SELECT start, text FROM sentences WHERE article_id = $1 AND "index" = $2',
                         [event["article_id"], event["sentence"]])
    event["sentence_text"], event["sentence_start"] = (sentence["text"], sentence["start"]) if sentence else (None, None)
    return json_response(event)


@router.get("/events/{id}", response_model=EventRow, tags=["events"])
async def get_event(request: Request, id: Key):
    """One event with its sentence: the trigger (`start`/`end`) and each source and target carry
    offsets into the article's text, `sentence_start` is where the sentence begins."""
    store = served(request)
    index = store.events
    if index is not None:
        answer = event_cache.detail(index, id)
        if answer is None:
            raise not_found("event", id, "id")
        return answer
    return await run_in_threadpool(_sql_detail, store, id)

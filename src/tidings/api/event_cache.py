"""Loading the store's events into an ``EventIndex``, and answering the events endpoints from it.

The server builds the index when it starts (in the background: until it is ready the DuckDB
path answers) and, after each batch it commits, adds that batch's events to a new index that
it swaps in whole (``ServedStore.write``). Only the server writes the store while it holds it
(DuckDB's lock; `tidings ingest` hands its batches over), so its own commits are every change.

Answers are byte for byte those of the DuckDB path (``tests/api/test_event_cache.py``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import orjson
from fastapi import Response

from .event_index import EPOCH, EventIndex, Facts, Uncached, dumps, facts_of
from .event_rows import EVENT_COLUMNS, EVENTS, events_out
from .paging import csv_response, decode_cursor, encode_cursor
from .relations import Side, score_sql

if TYPE_CHECKING:
    from .served import ServedStore

log = logging.getLogger("tidings.api")
CHUNK = 5_000


def _load_sql(where: str) -> str:
    return (f"SELECT r.*, coalesce(e.date, a.published) AS _when,"
            f" list_transform(e.sources || e.targets, lambda x: lower(x.name)) AS _names, {score_sql()} AS _score,"
            ' s.text AS _sentence_text, s.start AS _sentence_start'
            f" FROM ({EVENTS.sql.format(where=where)}) r JOIN events e ON e.id = r.id"
            " JOIN articles a ON a.id = e.article_id"
            ' LEFT JOIN sentences s ON s.article_id = r.article_id AND s."index" = r.sentence')


def load(store: ServedStore, article_ids: Sequence[str] | None = None) -> list[tuple[bytes, Facts]]:
    """Every event (or those of these articles) as (JSON, facts), in one statement's snapshot."""
    where, params = ("", []) if article_ids is None else ("WHERE list_contains($1, e.article_id)", [list(article_ids)])
    cur = store.cursor().execute(_load_sql(where), params)
    names = [d[0] for d in cur.description]
    out: list[tuple[bytes, Facts]] = []
    while chunk := cur.fetchmany(CHUNK):
        rows = [dict(zip(names, r)) for r in chunk]
        extras = [(r.pop("_when"), r.pop("_names"), r.pop("_score"), r.pop("_sentence_text"),
                   r.pop("_sentence_start")) for r in rows]
        for row, (when, lowered, score, text, start) in zip(events_out(rows), extras):
            row["sentence_text"], row["sentence_start"] = text, start
            # a copy: orjson's bytes keep the spare room of its output buffer (8 kB an event, not 1)
            out.append((bytes(memoryview(dumps(row))), facts_of(row, when, lowered or [], score)))
    return out


def build(store: ServedStore, generation: int) -> EventIndex:
    started = time.perf_counter()
    index = EventIndex.build(load(store), generation)
    log.info("events index: %d events in %.2f s", len(index), time.perf_counter() - started)
    return index


def extend(store: ServedStore, index: EventIndex, article_ids: Sequence[str], generation: int) -> EventIndex:
    """The index after a committed batch of these articles."""
    rows = load(store, article_ids)
    try:
        return index.appended(rows, generation)
    except ValueError:  # articles written again: never by Store.write, but then read everything
        return build(store, generation)


# -- answering ----------------------------------------------------------------------------

def _days(day: date | None) -> int | None:
    return None if day is None else (day - EPOCH).days


def _side(side: Side, role: str) -> list[tuple[str, str]]:
    return [(f"{role}_{'country' if side.kind == 'country' else 'actor'}", side.id)]


def list_page(index: EventIndex, *, type: str | None, modality: str | None, country: str | None,
              actor: str | None, source: Side | None, target: Side | None, since: date | None,
              until: date | None, article: str | None, min_confidence: float | None, sort: str | None, limit: int,
              cursor: str | None, format: str) -> Response:
    """A page of the events listing, as ``records.list_events`` answers it; ``Uncached`` where
    the index cannot say it exactly."""
    criteria: list[list[tuple[str, str]]] = []
    if actor:
        if not actor.isascii():
            raise Uncached
        criteria.append([("name", actor.lower()), ("actor_id", actor)])
    if country:
        criteria.append([("country", country.upper())])
    if type:
        criteria.append([("type", type.upper())])
    if modality:
        criteria.append([("modality", modality)])
    if article:
        criteria.append([("article", article)])
    if source:
        criteria.append(_side(source, "source"))
    if target:
        criteria.append(_side(target, "target"))
    sort = sort or EVENTS.default
    name, descending = sort.lstrip("-"), sort.startswith("-")
    after = decode_cursor(cursor, sort) if cursor else None
    chosen = index.select(criteria, _days(since), _days(until), min_confidence)
    positions, last_key = index.page(chosen, name, descending, limit, after)
    more = len(positions) > limit
    positions = positions[:limit]
    next_cursor = None
    if more and positions:
        next_cursor = encode_cursor(sort, last_key, index.keys[positions[-1]])
    if format == "csv":
        rows = [orjson.loads(index.json[i]) for i in positions]
        return csv_response(rows, EVENT_COLUMNS, {"X-Next-Cursor": next_cursor} if next_cursor else None)
    body = b'{"items":[' + b",".join(index.json[i] for i in positions) + b'],"next":' + dumps(next_cursor) \
        + b',"limit":' + str(int(limit)).encode() + b"}"
    return Response(body, media_type="application/json")


def detail(index: EventIndex, event_id: str) -> Response | None:
    """One event's answer, None when the committed store has no such event."""
    body = index.detail(event_id)
    return None if body is None else Response(body, media_type="application/json")


__all__ = ["Uncached", "build", "detail", "extend", "list_page", "load"]

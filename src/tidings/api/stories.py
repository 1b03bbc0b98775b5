"""Stories and their timelines, where the store has them.

Stories come with migration 007 (tables ``stories``, ``story_articles``, ``merged_events``,
``event_mentions``). These endpoints look at run time: on a store without them they answer 404
``not_available``, and ``/api/meta`` says ``stories: false`` so the dashboard leaves the page
out. The records are read with the stories' own queries (``store.stories``).
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request

from ..errors import StoreError
from .errors import ApiError
from .events import MinConfidence
from .paging import DEFAULT_LIMIT, Listing, SortKey, json_response, listing_response, page
from .records import ERRORS, LISTED, Cursor, Day, Format, Key, Limit, Text, served

router = APIRouter(prefix="/api", responses=ERRORS, tags=["stories"])
TABLES = ("stories", "story_articles", "merged_events", "event_mentions")
STORY_COLUMNS = ["id", "label", "headline", "first_date", "last_date", "n_articles", "key_actors", "key_types",
                 "n_events"]
STORIES = Listing(
    "SELECT s.id, s.label, s.headline, strftime(s.first_date, '%Y-%m-%d') AS first_date,"
    " strftime(s.last_date, '%Y-%m-%d') AS last_date, s.n_articles, s.key_actors, s.key_types,"
    " (SELECT count(DISTINCT em.event_id) FROM story_articles sa JOIN event_mentions em"
    "   ON em.article_id = sa.article_id WHERE sa.story_id = s.id) AS n_events FROM stories s {where}",
    {"last_date": SortKey("coalesce(t.last_date, '')", "VARCHAR"), "first_date": SortKey("coalesce(t.first_date, '')", "VARCHAR"),
     "n_articles": SortKey("t.n_articles", "BIGINT")},
    "-last_date")


def _available(request: Request):
    store = served(request)
    if not store.has(*TABLES):
        raise ApiError(404, "this store has no stories (a newer Tidings adds them: `tidings reprocess`)",
                       code="not_available")
    return store


@router.get("/stories", responses=LISTED)
def list_stories(request: Request, actor: Text = None, country: Text = None, since: Day = None, until: Day = None,
                 sort: Literal[tuple(STORIES.sort_names())] | None = None,  # type: ignore[valid-type]
                 limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Stories, latest first: label, span, size, key actors and event types."""
    from ..store.stories import story_filters

    store = _available(request)
    where, params = story_filters(store, actor=actor, country=country, since=since, until=until)
    rows, nxt = page(store, STORIES, where, params, sort=sort, limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, STORY_COLUMNS)


@router.get("/stories/{id}")
def get_story(request: Request, id: Key, min_confidence: MinConfidence = None):
    """One story (a merged story's old id redirects): its articles, the timeline of its merged
    events (each with its mentions and sources counted, and the `confidence` of its most confident
    mention; `min_confidence` keeps those at least that confident) and key quotes and claims."""
    from ..store.stories import get_story as story

    store = _available(request)
    try:
        return json_response(story(store, id, min_confidence=min_confidence))
    except StoreError as exc:
        raise ApiError(404, str(exc), field="id") from None

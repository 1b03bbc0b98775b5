"""Stories and their timelines, where the store has them.

Stories come with a later migration (tables ``stories`` and ``story_articles``). These
endpoints look at run time: on a store without them they answer 404 ``not_available``, and
``/api/meta`` says ``stories: false`` so the dashboard leaves the page out.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from .errors import ApiError, not_found
from .paging import DEFAULT_LIMIT, Listing, SortKey, json_response, listing_response, page
from .records import ERRORS, LISTED, Cursor, Format, Key, Limit, _events_out, _with_sentences, EVENTS, served

router = APIRouter(prefix="/api", responses=ERRORS, tags=["stories"])


def _columns(request: Request, table: str) -> list[str]:
    store = served(request)
    if not store.has(table):
        raise ApiError(404, "this store has no stories yet (they come with a newer Tidings)", code="not_available")
    return [r["column_name"] for r in store.rows(
        "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
        [table])]


@router.get("/stories", responses=LISTED)
def list_stories(request: Request, limit: Limit = DEFAULT_LIMIT, cursor: Cursor = None, format: Format = "json"):
    """Stories, as the store records them."""
    columns = _columns(request, "stories")
    if "id" not in columns:
        raise ApiError(404, "this store's stories have no id column", code="not_available")
    listing = Listing("SELECT * FROM stories {where}", {"id": SortKey("CAST(t.id AS VARCHAR)", "VARCHAR")}, "id")
    rows, nxt = page(served(request), listing, [], {}, sort="id", limit=limit, cursor=cursor)
    return listing_response(rows, nxt, format, limit, columns)


@router.get("/stories/{id}")
def get_story(request: Request, id: Key):
    """One story: its record, its articles, and the timeline of their events and key quotes."""
    _columns(request, "stories")
    links = _columns(request, "story_articles")
    if "story_id" not in links or "article_id" not in links:
        raise ApiError(404, "this store's story_articles cannot be read", code="not_available")
    store = served(request)
    story = store.one("SELECT * FROM stories WHERE CAST(id AS VARCHAR) = $1", [id])
    if story is None:
        raise not_found("story", id, "id")
    story["articles"] = store.rows(
        "SELECT a.id, a.title, strftime(a.published, '%Y-%m-%d') AS published, a.source FROM story_articles l"
        " JOIN articles a ON a.id = l.article_id WHERE CAST(l.story_id AS VARCHAR) = $1"
        " ORDER BY a.published NULLS LAST, a.id", [id])
    ids = [a["id"] for a in story["articles"]]
    events: list[dict[str, Any]] = []
    if ids:
        events, _ = page(store, EVENTS, ["list_contains($ids, e.article_id)"], {"ids": ids}, sort="date",
                         limit=500, cursor=None)
    story["timeline"] = _with_sentences(store, _events_out(events))
    story["quotes"] = store.rows(
        'SELECT q.id, q.article_id, q.text, q.speaker, strftime(a.published, \'%Y-%m-%d\') AS published'
        " FROM quotes q JOIN articles a ON a.id = q.article_id WHERE list_contains($1, q.article_id)"
        " AND q.speaker IS NOT NULL ORDER BY length(q.text) DESC LIMIT 10", [ids]) if ids else []
    return json_response(story)

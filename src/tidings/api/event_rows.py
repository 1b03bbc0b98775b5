"""The events listing as the API answers it: its SQL, sorts and the fields added to each row.

Shared by the events endpoints (``events``), the article page (``records``) and the in-memory
index (``event_cache``), so that the three give every event in one shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..store.formats import plover_score, quad_code
from .paging import Listing, SortKey
from .relations import score_sql

if TYPE_CHECKING:
    from .served import ServedStore

EVENT_COLUMNS = ["id", "article_id", "sentence", "type", "mode", "context", "cameo", "sources", "targets", "modality",
                 "modality_cue", "attributed_to", "date", "date_precision", "location", "start", "end", "trigger",
                 "confidence", "score", "quad", "title", "published", "sentence_text", "sentence_start"]
EVENTS = Listing(
    "SELECT e.id, e.article_id, e.sentence_index AS sentence, e.type, e.mode, e.context, e.cameo, e.sources,"
    " e.targets, e.modality, e.modality_cue, e.attributed_to, strftime(e.date, '%Y-%m-%d') AS date,"
    ' e.date_precision, e.location, e.start, e."end", e.trigger, e.confidence, a.title,'
    " strftime(a.published, '%Y-%m-%d') AS published FROM events e JOIN articles a ON a.id = e.article_id {where}",
    {"date": SortKey("coalesce(t._when, DATE '0001-01-01')", "DATE"), "confidence": SortKey("t.confidence", "DOUBLE"),
     "score": SortKey("coalesce(t.score, 0)", "DOUBLE", score_sql() + " AS score"),
     "type": SortKey("t.type", "VARCHAR"), "start": SortKey("t.start", "BIGINT")},
    "-date",
    keys="SELECT e.id, coalesce(e.date, a.published) AS _when, e.confidence, e.type, e.start {extra}"
         " FROM events e JOIN articles a ON a.id = e.article_id {where}",
    id_column="e.id")


def events_out(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event with its PLOVER score and quad (computed here: only for the page's rows)."""
    for row in rows:
        row["score"] = plover_score(row["type"], row["mode"])
        row["quad"] = quad_code(row["type"])
    return rows


def with_sentences(store: ServedStore, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each event's sentence (text and offset), to show it with the spans marked."""
    if not rows:
        return rows
    found = {(r["article_id"], r["index"]): r for r in store.rows(
        'SELECT s.article_id, s."index", s.start, s.text FROM sentences s'
        " JOIN (SELECT unnest($1) AS article_id, unnest($2) AS idx) k"
        ' ON s.article_id = k.article_id AND s."index" = k.idx',
        [[r["article_id"] for r in rows], [r["sentence"] for r in rows]])}
    for row in rows:
        s = found.get((row["article_id"], row["sentence"]))
        row["sentence_text"] = s["text"] if s else None
        row["sentence_start"] = s["start"] if s else None
    return rows

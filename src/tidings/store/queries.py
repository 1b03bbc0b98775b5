"""Read-side queries shared by the CLI and, later, the API."""

from __future__ import annotations

from datetime import date
from typing import Any

from .db import Store


def list_articles(store: Store, *, language: str | None = None, source: str | None = None,
                  since: date | None = None, until: date | None = None, search: str | None = None,
                  status: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    """Articles (without their texts) matching all the given filters, newest first."""
    where, params = [], {}
    if language:
        where.append("language = $language"); params["language"] = language
    if source:
        where.append("source ILIKE $source"); params["source"] = f"%{source}%"
    if since:
        where.append("published >= $since"); params["since"] = since
    if until:
        where.append("published <= $until"); params["until"] = until
    if search:
        where.append("(title ILIKE $search OR text ILIKE $search)"); params["search"] = f"%{search}%"
    if status:
        where.append("status = $status"); params["status"] = status
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    params.update(limit=limit, offset=offset)
    return store.query(
        "SELECT a.id, a.published, a.source, a.language, a.status, a.n_words, a.title, a.origin,"
        " (SELECT count(*) FROM sentences s WHERE s.article_id = a.id) AS n_sentences,"
        " (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS n_mentions"
        f" FROM articles a {clause} ORDER BY a.published DESC NULLS LAST, a.title LIMIT $limit OFFSET $offset",
        params,
    )


def get_article(store: Store, key: str) -> dict[str, Any]:
    """One article with its sentences and mentions; ``key`` is an id, id prefix, path or URL."""
    article_id = store.resolve_article_id(key)
    article = store.query("SELECT * FROM articles WHERE id = $1", [article_id])[0]
    article["sentences"] = store.query(
        'SELECT id, "index", start, "end", text FROM sentences WHERE article_id = $1 ORDER BY "index"', [article_id])
    article["mentions"] = store.query(
        'SELECT id, sentence_index, start, "end", text, label FROM mentions WHERE article_id = $1 ORDER BY start',
        [article_id])
    article["actor_mentions"] = store.query(
        'SELECT m.id, m.sentence_index, m.start, m."end", m.text, m.actor_id, x.name AS actor_name, m.country,'
        " m.sectors, m.method, m.confidence FROM actor_mentions m LEFT JOIN actors x ON x.id = m.actor_id"
        " WHERE m.article_id = $1 ORDER BY m.start", [article_id])
    return article


def stats(store: Store) -> dict[str, Any]:
    """Counts and breakdowns of what the store holds."""
    one = lambda sql: store.con.execute(sql).fetchone()  # noqa: E731
    articles, words, first, last = one("SELECT count(*), coalesce(sum(n_words), 0), min(published), max(published) FROM articles")
    by = lambda col: {str(k): n for k, n in store.con.execute(  # noqa: E731
        f"SELECT {col}, count(*) AS n FROM articles GROUP BY ALL ORDER BY n DESC, 1").fetchall()}
    return {
        "store": str(store.path),
        "schema_version": store.schema_version,
        "articles": articles,
        "words": int(words),
        "sentences": one("SELECT count(*) FROM sentences")[0],
        "mentions": one("SELECT count(*) FROM mentions")[0],
        "actors": one("SELECT count(*) FROM actors")[0],
        "actor_mentions": one("SELECT count(*) FROM actor_mentions")[0],
        "actor_mentions_resolved": one("SELECT count(actor_id) FROM actor_mentions")[0],
        "quotes": one("SELECT count(*) FROM quotes")[0],
        "claims": one("SELECT count(*) FROM claims")[0],
        "removed_lines": one("SELECT coalesce(sum(len(removed)), 0) FROM articles")[0],
        "published_from": first.isoformat() if first else None,
        "published_to": last.isoformat() if last else None,
        "by_status": by("status"),
        "by_language": by("language"),
        "by_format": by("format"),
        "by_source": by("coalesce(source, '(none)')"),
        "entity_labels": {k: n for k, n in store.con.execute(
            "SELECT label, count(*) AS n FROM mentions GROUP BY label ORDER BY n DESC").fetchall()},
        "top_entities": [{"text": t, "label": l, "mentions": n} for t, l, n in store.con.execute(
            "SELECT text, label, count(*) AS n FROM mentions WHERE label IN ('PERSON','ORG','GPE','NORP','LOC')"
            " GROUP BY text, label ORDER BY n DESC, text LIMIT 15").fetchall()],
    }


def list_actors(store: Store, *, country: str | None = None, type: str | None = None,
                sector: str | None = None, search: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Actors with their mention and article counts, most mentioned first."""
    where, params = [], {}
    if country:
        where.append("a.country = $country"); params["country"] = country.upper()
    if type:
        where.append("a.type = $type"); params["type"] = type
    if sector:
        where.append("list_contains(a.sectors, $sector)"); params["sector"] = sector.upper()
    if search:
        where.append("(a.name ILIKE $search OR array_to_string(a.aliases, '|') ILIKE $search)")
        params["search"] = f"%{search}%"
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    params["limit"] = limit
    return store.query(
        "SELECT a.id, a.name, a.type, a.country, a.sectors, a.wikidata, a.aliases,"
        " count(m.id) AS mentions, count(DISTINCT m.article_id) AS articles"
        f" FROM actors a LEFT JOIN actor_mentions m ON m.actor_id = a.id {clause}"
        " GROUP BY ALL ORDER BY mentions DESC, a.name LIMIT $limit", params)


def get_actor(store: Store, key: str) -> dict[str, Any]:
    """One actor, named by id, name or alias, with its mentions in context."""
    from ..actors.names import norm
    from ..errors import StoreError

    rows = store.query("SELECT * FROM actors WHERE id = $1 OR lower(name) = lower($1)", [key])
    if not rows:
        wanted = norm(key)
        rows = [r for r in store.query("SELECT * FROM actors") if wanted in {norm(a) for a in r["aliases"]}]
    if not rows:
        raise StoreError(f"no actor {key!r}; `tidings actors --search TEXT` finds them")
    if len(rows) > 1:
        raise StoreError(f"{key!r} names several actors: " + ", ".join(f"{r['id']} ({r['name']})" for r in rows))
    actor = rows[0]
    actor["mentions"] = store.query(
        'SELECT m.article_id, m.start, m."end", m.text, m.method, m.confidence, a.title, a.published,'
        " s.text AS sentence FROM actor_mentions m JOIN articles a ON a.id = m.article_id"
        ' JOIN sentences s ON s.article_id = m.article_id AND s."index" = m.sentence_index'
        " WHERE m.actor_id = $1 ORDER BY a.published NULLS LAST, m.article_id, m.start", [actor["id"]])
    return actor


EVENT_COLUMNS = ('e.id, e.article_id, e.sentence_index AS sentence, e.type, e.mode, e.context, e.cameo, e.sources,'
                 ' e.targets, e.modality, e.modality_cue, e.attributed_to, strftime(e.date, \'%Y-%m-%d\') AS date,'
                 ' e.date_precision, e.location, e.start, e."end", e.trigger, e.confidence')


def event_filters(*, actor: str | None = None, country: str | None = None, type: str | None = None,
                  modality: str | None = None, since=None, until=None, article: str | None = None,
                  min_confidence: float | None = None) -> tuple[str, dict[str, Any]]:
    """A WHERE clause over events (alias e) and its parameters. ``min_confidence`` keeps the
    events whose ``confidence`` (with the event model, the verifier's probability that the event
    is right) is at least that value."""
    where, params = [], {}
    if actor:
        where.append("(list_contains(list_transform(e.sources || e.targets, lambda x: lower(x.name)), lower($actor))"
                     " OR list_contains(list_transform(e.sources || e.targets, lambda x: x.actor_id), $actor))")
        params["actor"] = actor
    if country:
        where.append("list_contains(list_transform(e.sources || e.targets, lambda x: x.country), $country)")
        params["country"] = country.upper()
    if type:
        where.append("e.type = $type"); params["type"] = type.upper()
    if modality:
        where.append("e.modality = $modality"); params["modality"] = modality
    if since:
        where.append("coalesce(e.date, a.published) >= $since"); params["since"] = since
    if until:
        where.append("coalesce(e.date, a.published) <= $until"); params["until"] = until
    if article:
        where.append("e.article_id = $article"); params["article"] = article
    if min_confidence is not None:
        where.append("e.confidence >= $min_confidence"); params["min_confidence"] = float(min_confidence)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def list_events(store: Store, *, limit: int | None = 100, **filters) -> list[dict[str, Any]]:
    """Events matching the filters, by date (the event's, else the article's), newest first."""
    clause, params = event_filters(**filters)
    limit_sql = "" if limit is None else f"LIMIT {int(limit)}"
    return store.query(
        f"SELECT {EVENT_COLUMNS}, a.title, a.published FROM events e JOIN articles a ON a.id = e.article_id"
        f" {clause} ORDER BY coalesce(e.date, a.published) DESC NULLS LAST, e.id {limit_sql}", params)


def get_event(store: Store, key: str) -> dict[str, Any]:
    """One event with its sentence and article, by id or unique id prefix."""
    from ..errors import StoreError

    rows = store.query(f"SELECT {EVENT_COLUMNS}, a.title, a.published, a.url, s.text AS sentence_text,"
                       " s.start AS sentence_start FROM events e JOIN articles a ON a.id = e.article_id"
                       ' JOIN sentences s ON s.article_id = e.article_id AND s."index" = e.sentence_index'
                       " WHERE e.id = $1 OR starts_with(e.id, $1) LIMIT 3", [key])
    if not rows:
        raise StoreError(f"no event {key!r}; `tidings events` lists them")
    if len(rows) > 1:
        raise StoreError(f"{key!r} matches several events; give more of the id")
    return rows[0]

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

"""The store side of stories: loading what the clustering needs, saving what it decides."""

from __future__ import annotations

from collections import Counter

from ..stories.cluster import _N, LEAD_SENTENCES, WINDOW, Item, Placement, Story, lead, term_counts, weigh
from .formats import check_confidence


def load_items(con, article_ids: list[str]) -> list[Item]:
    """The articles to place, in the order they arrived, with their terms (document frequencies
    updated with them), actors, shared merged events and near-duplicate link."""
    rows = con.execute(
        "SELECT a.id, a.title, a.text, a.published, nd.duplicate_of FROM articles a"
        " LEFT JOIN near_duplicates nd ON nd.article_id = a.id"
        " ANTI JOIN story_articles sa ON sa.article_id = a.id"
        " WHERE list_contains($1, a.id) AND a.status = 'processed'"
        " ORDER BY a.ingested_at, a.published NULLS LAST, a.id", [article_ids]).fetchall()
    return _items(con, rows, count=True)


def member_items(con, story_id: str) -> list[Item]:
    """A story's articles as the clustering sees them today (current document frequencies, which
    are left as they are), in the order they arrived."""
    rows = con.execute(
        "SELECT a.id, a.title, a.text, a.published, nd.duplicate_of FROM story_articles sa"
        " JOIN articles a ON a.id = sa.article_id LEFT JOIN near_duplicates nd ON nd.article_id = a.id"
        " WHERE sa.story_id = $1 ORDER BY a.ingested_at, a.published NULLS LAST, a.id", [story_id]).fetchall()
    return _items(con, rows, count=False)


def _items(con, rows: list[tuple], count: bool) -> list[Item]:
    if not rows:
        return []
    ids = [r[0] for r in rows]
    counts = {r[0]: term_counts(r[1], lead(r[2] or "")) for r in rows}
    actors: dict[str, Counter] = {i: Counter() for i in ids}
    for article_id, actor_id, k in con.execute(
            "SELECT article_id, actor_id, count(*) FROM actor_mentions WHERE list_contains($1, article_id)"
            " AND actor_id IS NOT NULL GROUP BY ALL", [ids]).fetchall():
        actors[article_id][actor_id] = k
        counts[article_id]["@" + actor_id] += k  # actors are terms too, weighed by how rare they are
    terms = sorted({t for c in counts.values() for t in c})
    if count:
        con.execute("INSERT INTO term_df SELECT unnest($1), 1 ON CONFLICT (term) DO UPDATE SET df = term_df.df + 1",
                    [terms])
        con.execute("INSERT INTO term_df VALUES ($1, $2) ON CONFLICT (term) DO UPDATE SET df = term_df.df + $2",
                    [_N, len(rows)])
    df = dict(con.execute("SELECT term, df FROM term_df WHERE list_contains($1, term)", [terms + [_N]]).fetchall())
    n = df.pop(_N, len(rows))
    events: dict[str, set] = {i: set() for i in ids}
    for article_id, event_id in con.execute(
            "SELECT em.article_id, em.event_id FROM event_mentions em JOIN merged_events m ON m.id = em.event_id"
            " JOIN events e ON e.id = em.id"
            " WHERE list_contains($1, em.article_id) AND m.n_sources > 1 AND e.sentence_index < $2",
            [ids, LEAD_SENTENCES]).fetchall():
        events[article_id].add(event_id)
    return [Item(r[0], r[3], weigh(counts[r[0]], df, n), actors[r[0]], events[r[0]], r[4]) for r in rows]


def load_stories(con, items: list[Item]) -> tuple[list[Story], dict[str, Story]]:
    """Stories active around the items' dates, and where the items' first copies are."""
    from datetime import timedelta

    days = [i.published for i in items if i.published]
    lo = min(days) - timedelta(days=WINDOW) if days else None
    hi = max(days) + timedelta(days=WINDOW) if days else None
    firsts = [i.duplicate_of for i in items if i.duplicate_of]
    rows = con.execute(
        "SELECT s.id, s.first_date, s.last_date, s.terms, s.actors FROM stories s"
        " WHERE ($1::DATE IS NULL OR s.last_date IS NULL OR (s.last_date >= $1::DATE AND s.first_date <= $2::DATE))"
        " OR s.id IN (SELECT story_id FROM story_articles WHERE list_contains($3, article_id))",
        [lo, hi, firsts]).fetchall()
    stories = {r[0]: Story(r[0], r[1], r[2], {t["term"]: t["weight"] for t in r[3]},
                           Counter({a["actor_id"]: a["n"] for a in r[4]})) for r in rows}
    if stories:
        for story_id, event_id in con.execute(
                "SELECT DISTINCT sa.story_id, em.event_id FROM story_articles sa"
                " JOIN event_mentions em ON em.article_id = sa.article_id JOIN events e ON e.id = em.id"
                " WHERE list_contains($1, sa.story_id) AND e.sentence_index < $2",
                [list(stories), LEAD_SENTENCES]).fetchall():
            stories[story_id].events.add(event_id)
    where = {a: stories[s] for a, s in con.execute(
        "SELECT article_id, story_id FROM story_articles WHERE list_contains($1, article_id)", [firsts]).fetchall()
        if s in stories}
    return list(stories.values()), where


def save(con, placements: list[Placement], merges: list[tuple[Story, Story]], stories: list[Story]) -> None:
    for keep, gone in merges:
        con.execute("UPDATE story_articles SET story_id = $1 WHERE story_id = $2", [keep.id, gone.id])
        con.execute("DELETE FROM stories WHERE id = $1", [gone.id])
        con.execute("UPDATE story_redirects SET new_id = $1 WHERE new_id = $2", [keep.id, gone.id])
        con.execute("INSERT INTO story_redirects (old_id, new_id) VALUES ($1, $2) ON CONFLICT (old_id)"
                    " DO UPDATE SET new_id = excluded.new_id", [gone.id, keep.id])
    if placements:
        con.execute("INSERT INTO story_articles (article_id, story_id, similarity, reason)"
                    " SELECT unnest($1), unnest($2), unnest($3), unnest($4)"
                    " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
                    [[p.article_id for p in placements], [p.story.id for p in placements],
                     [p.similarity for p in placements], [p.reason for p in placements]])
    dirty = [s for s in stories if s.dirty]
    if dirty:
        write_stories(con, dirty)


def write_stories(con, stories: list[Story]) -> None:
    """Store the stories' centroids and actors (replacing their rows), then their dates and labels."""
    ids = [s.id for s in stories]
    con.execute("DELETE FROM stories WHERE list_contains($1, id)", [ids])
    con.execute(
        "INSERT INTO stories (id, label, first_date, last_date, n_articles, key_actors, key_types, headline, terms,"
        " actors) SELECT unnest($1), '', NULL, NULL, 0, [], [], NULL, unnest($2), unnest($3)",
        [ids, [[{"term": t, "weight": w} for t, w in s.terms.items()] for s in stories],
         [[{"actor_id": a, "n": n} for a, n in _top(s.actors, 30)] for s in stories]])
    refresh(con, ids)


def refresh(con, ids: list[str]) -> None:
    """Recompute the stories' dates, counts, key actors and types, headline and label from the store."""
    con.execute(
        "UPDATE stories s SET first_date = x.first_date, last_date = x.last_date, n_articles = x.n,"
        " headline = x.headline FROM ("
        "  SELECT sa.story_id, min(a.published) AS first_date, max(a.published) AS last_date, count(*) AS n,"
        "   arg_min(a.title, (sa.similarity < 1, a.published IS NULL, a.published, a.ingested_at, a.id)) AS headline"
        "  FROM story_articles sa JOIN articles a ON a.id = sa.article_id WHERE list_contains($1, sa.story_id)"
        "  GROUP BY sa.story_id) x WHERE s.id = x.story_id", [ids])
    con.execute(
        "UPDATE stories s SET key_actors = x.names FROM ("
        "  SELECT s2.id, list(coalesce(ac.name, u.a.actor_id) ORDER BY u.a.n DESC, u.a.actor_id)[1:3] AS names"
        "  FROM stories s2, unnest(s2.actors) AS u(a) LEFT JOIN actors ac ON ac.id = u.a.actor_id"
        "  WHERE list_contains($1, s2.id) GROUP BY s2.id) x WHERE s.id = x.id", [ids])
    con.execute(
        "UPDATE stories s SET key_types = x.types FROM ("
        "  SELECT story_id, list(type ORDER BY n DESC, type)[1:2] AS types FROM ("
        "   SELECT sa.story_id, m.type, count(*) AS n FROM story_articles sa"
        "   JOIN event_mentions em ON em.article_id = sa.article_id JOIN merged_events m ON m.id = em.event_id"
        "   WHERE list_contains($1, sa.story_id) AND m.modality = 'asserted' GROUP BY ALL) GROUP BY story_id) x"
        " WHERE s.id = x.story_id", [ids])
    con.execute(
        "UPDATE stories SET label = CASE WHEN len(key_actors) > 0 THEN array_to_string(key_actors, ', ')"
        " || CASE WHEN len(key_types) > 0 THEN ': ' || array_to_string(key_types, ', ') ELSE '' END"
        " ELSE coalesce(headline, id) END WHERE list_contains($1, id)", [ids])


# -- reading ------------------------------------------------------------------------------------

def resolve_story_id(store, key: str) -> str:
    """A story's id from its id, a unique prefix, or the id of a story merged into it."""
    from ..errors import StoreError

    rows = store.query("SELECT new_id AS id FROM story_redirects WHERE old_id = $1", [key])
    if rows:
        return rows[0]["id"]
    rows = store.query("SELECT id FROM stories WHERE id = $1 OR starts_with(id, $1)"
                       " OR starts_with(id, 'story-' || $1) LIMIT 3", [key])
    if not rows:
        raise StoreError(f"no story {key!r}; `tidings stories` lists them")
    if len(rows) > 1:
        raise StoreError(f"{key!r} matches several stories; give more of the id")
    return rows[0]["id"]


def resolve_actor_ids(store, key: str) -> list[str]:
    """The actor ids a name, alias or id names."""
    from ..actors.names import norm
    from ..errors import StoreError

    rows = store.query("SELECT id FROM actors WHERE id = $1 OR lower(name) = lower($1)", [key])
    if not rows:
        wanted = norm(key)
        rows = [r for r in store.query("SELECT id, aliases FROM actors") if wanted in {norm(a) for a in r["aliases"]}]
    if not rows:
        raise StoreError(f"no actor {key!r}; `tidings actors --search TEXT` finds them")
    return [r["id"] for r in rows]


def story_filters(store, *, actor: str | None = None, country: str | None = None, since=None,
                  until=None) -> tuple[list[str], dict]:
    """The WHERE conditions (over stories ``s``) and parameters of a stories filter, for the CLI and the API."""
    where, params = [], {}
    if actor:
        where.append("list_has_any(list_transform(s.actors, lambda x: x.actor_id), $actors)")
        params["actors"] = resolve_actor_ids(store, actor)
    if country:
        where.append("EXISTS (SELECT 1 FROM unnest(s.actors) AS u(x) JOIN actors a ON a.id = u.x.actor_id"
                     " WHERE a.country = $country)")
        params["country"] = country.upper()
    if since:
        where.append("coalesce(s.last_date, DATE '9999-12-31') >= $since"); params["since"] = since
    if until:
        where.append("coalesce(s.first_date, DATE '0001-01-01') <= $until"); params["until"] = until
    return where, params


def list_stories(store, *, actor: str | None = None, country: str | None = None, since=None, until=None,
                 limit: int | None = 100) -> list[dict]:
    """Stories, most recent first, with their label, span and size."""
    where, params = story_filters(store, actor=actor, country=country, since=since, until=until)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    limit_sql = "" if not limit else f"LIMIT {int(limit)}"
    return store.query(
        "SELECT s.id, s.label, s.headline, strftime(s.first_date, '%Y-%m-%d') AS first_date,"
        " strftime(s.last_date, '%Y-%m-%d') AS last_date, s.n_articles, s.key_actors, s.key_types,"
        " (SELECT count(DISTINCT em.event_id) FROM story_articles sa JOIN event_mentions em"
        "   ON em.article_id = sa.article_id WHERE sa.story_id = s.id) AS n_events"
        f" FROM stories s {clause} ORDER BY s.last_date DESC NULLS LAST, s.n_articles DESC, s.id {limit_sql}",
        params)


MERGED_COLUMNS = (
    "m.id, m.type, m.mode, m.modality, strftime(coalesce(m.date, m.first_reported), '%Y-%m-%d') AS date,"
    " m.date IS NOT NULL AS dated, m.sources, m.targets, m.n_mentions, m.n_articles, m.n_sources,"
    " m.first_article_id, strftime(m.first_reported, '%Y-%m-%d') AS first_reported, fa.title AS first_title,"
    " (SELECT list(coalesce(x.name, i) ORDER BY i) FROM unnest(m.sources) AS u(i) LEFT JOIN actors x ON x.id = i)"
    " AS source_names,"
    " (SELECT list(coalesce(x.name, i) ORDER BY i) FROM unnest(m.targets) AS u(i) LEFT JOIN actors x ON x.id = i)"
    " AS target_names, m.confidence")


def _confident(min_confidence: float | None, params: dict) -> str:
    """The condition (over merged events ``m``) keeping those at least ``min_confidence`` confident,
    its parameter added to ``params``; "" without one. A ValueError unless a number from 0 to 1."""
    min_confidence = check_confidence(min_confidence)
    if min_confidence is None:
        return ""
    params["min_confidence"] = min_confidence
    return "m.confidence >= $min_confidence"


def get_story(store, key: str, min_confidence: float | None = None) -> dict:
    """One story: its record, its articles, its merged events in time order (with ``min_confidence``,
    only those at least that confident), key quotes and claims."""
    params: dict = {}
    confident = _confident(min_confidence, params)
    story_id = resolve_story_id(store, key)
    story = store.query("SELECT id, label, headline, strftime(first_date, '%Y-%m-%d') AS first_date,"
                        " strftime(last_date, '%Y-%m-%d') AS last_date, n_articles, key_actors, key_types"
                        " FROM stories WHERE id = $1", [story_id])[0]
    story["redirected_from"] = key if store.query("SELECT 1 FROM story_redirects WHERE old_id = $1", [key]) else None
    story["articles"] = store.query(
        "SELECT a.id, strftime(a.published, '%Y-%m-%d') AS published, a.source, a.title, sa.similarity, sa.reason,"
        " nd.duplicate_of FROM story_articles sa JOIN articles a ON a.id = sa.article_id"
        " LEFT JOIN near_duplicates nd ON nd.article_id = a.id WHERE sa.story_id = $1"
        " ORDER BY a.published NULLS LAST, a.ingested_at, a.id", [story_id])
    story["timeline"] = store.query(
        f"SELECT {MERGED_COLUMNS} FROM merged_events m LEFT JOIN articles fa ON fa.id = m.first_article_id"
        " WHERE m.id IN (SELECT em.event_id FROM event_mentions em JOIN story_articles sa"
        f"   ON sa.article_id = em.article_id WHERE sa.story_id = $story) {'AND ' + confident if confident else ''}"
        " ORDER BY coalesce(m.date, m.first_reported) NULLS LAST, m.first_reported NULLS LAST, m.id",
        {**params, "story": story_id})
    story["quotes"] = store.query(
        "SELECT q.id, q.article_id, q.text, q.speaker FROM quotes q JOIN story_articles sa ON sa.article_id = q.article_id"
        " WHERE sa.story_id = $1 AND q.speaker IS NOT NULL AND q.speaker.actor_id IS NOT NULL"
        " ORDER BY length(q.text) DESC, q.id LIMIT 5", [story_id])
    story["claims"] = store.query(
        "SELECT c.id, c.article_id, c.kind, c.content, c.speaker FROM claims c"
        " JOIN story_articles sa ON sa.article_id = c.article_id WHERE sa.story_id = $1"
        " AND c.speaker IS NOT NULL AND c.speaker.actor_id IS NOT NULL"
        " ORDER BY c.kind = 'statement', c.id LIMIT 8", [story_id])
    return story


def actor_timeline(store, first: str, second: str | None = None, *, modality: str | None = None,
                   min_confidence: float | None = None, limit: int | None = None) -> dict:
    """Every merged event involving an actor (and, with ``second``, both), in time order; with
    ``min_confidence``, only those at least that confident."""
    params: dict = {}
    confident = _confident(min_confidence, params)
    a = resolve_actor_ids(store, first)
    b = resolve_actor_ids(store, second) if second else None
    where = ["list_has_any(m.sources || m.targets, $a)"] + ([confident] if confident else [])
    params["a"] = a
    if b:
        where.append("list_has_any(m.sources || m.targets, $b)"); params["b"] = b
    if modality:
        where.append("m.modality = $modality"); params["modality"] = modality
    limit_sql = "" if not limit else f"LIMIT {int(limit)}"
    rows = store.query(
        f"SELECT {MERGED_COLUMNS} FROM merged_events m LEFT JOIN articles fa ON fa.id = m.first_article_id"
        f" WHERE {' AND '.join(where)}"
        f" ORDER BY coalesce(m.date, m.first_reported) NULLS LAST, m.first_reported NULLS LAST, m.id {limit_sql}",
        params)
    return {"actors": [a] + ([b] if b else []), "events": rows}


def event_merge(store, mention_id: str) -> dict | None:
    """The merged event a mention belongs to, with every mention and why it was joined."""
    rows = store.query("SELECT event_id FROM event_mentions WHERE id = $1", [mention_id])
    if not rows:
        return None
    event_id = rows[0]["event_id"]
    found = store.query(f"SELECT {MERGED_COLUMNS} FROM merged_events m LEFT JOIN articles fa ON fa.id = m.first_article_id"
                        " WHERE m.id = $1", [event_id])
    if not found:
        return None
    event = found[0]
    event["mentions"] = store.query(
        'SELECT em.id, em.article_id, em.start, em."end", em.reason, e.trigger, e.type, e.modality,'
        " strftime(e.date, '%Y-%m-%d') AS date, a.title, strftime(a.published, '%Y-%m-%d') AS published,"
        " a.source, nd.duplicate_of, s.text AS sentence FROM event_mentions em JOIN events e ON e.id = em.id"
        " JOIN articles a ON a.id = em.article_id LEFT JOIN near_duplicates nd ON nd.article_id = em.article_id"
        ' JOIN sentences s ON s.article_id = e.article_id AND s."index" = e.sentence_index'
        " WHERE em.event_id = $1 ORDER BY a.published NULLS LAST, a.ingested_at, em.id", [event_id])
    return event


def _top(counts, k: int) -> list[tuple[str, int]]:
    """The k commonest, ties by id: the same story stores the same list however its articles came in."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]

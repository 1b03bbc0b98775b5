"""Read-side queries over quotes, claims and predictions (with their outcomes)."""

from __future__ import annotations

from typing import Any

from .db import Store

# The speaker filter: an actor id, an actor's name or any spelling of it met, or the speaker's words.
SPEAKER_SQL = ("({s}.actor_id = $speaker OR lower({s}.name) = lower($speaker) OR lower({s}.text) = lower($speaker)"
               " OR {s}.actor_id IN (SELECT id FROM actors WHERE lower(name) = lower($speaker)"
               " OR list_contains(list_transform(aliases, lambda x: lower(x)), lower($speaker))))")


def _where(alias: str, *, speaker: str | None = None, article: str | None = None, search: str | None = None,
           kind: str | None = None, text_column: str = "text") -> tuple[str, dict[str, Any]]:
    where, params = [], {}
    if speaker:
        where.append(SPEAKER_SQL.format(s=f"{alias}.speaker")); params["speaker"] = speaker
    if article:
        where.append(f"({alias}.article_id = $article OR starts_with({alias}.article_id, $article))")
        params["article"] = article
    if search:
        where.append(f"{alias}.{text_column} ILIKE $search"); params["search"] = f"%{search}%"
    if kind:
        where.append(f"{alias}.kind = $kind"); params["kind"] = kind
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _limit(limit: int | None) -> str:
    return "" if limit is None else f"LIMIT {int(limit)}"


def list_quotes(store: Store, *, speaker: str | None = None, article: str | None = None,
                search: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Quotations with their speakers, newest article first, in text order within an article."""
    clause, params = _where("q", speaker=speaker, article=article, search=search)
    return store.query(
        'SELECT q.id, q.article_id, q.sentence_index AS sentence, q.start, q."end", q.text, q.speaker, q.cue,'
        " q.method, a.title, strftime(a.published, '%Y-%m-%d') AS published"
        f" FROM quotes q JOIN articles a ON a.id = q.article_id {clause}"
        f" ORDER BY a.published DESC NULLS LAST, q.article_id, q.start {_limit(limit)}", params)


def list_claims(store: Store, *, kind: str | None = None, speaker: str | None = None, article: str | None = None,
                search: str | None = None, limit: int | None = 100) -> list[dict[str, Any]]:
    """Attributed claims (statement, assessment, prediction, denial), newest article first."""
    clause, params = _where("c", speaker=speaker, article=article, search=search, kind=kind, text_column="content")
    return store.query(
        'SELECT c.id, c.article_id, c.sentence_index AS sentence, c.kind, c.speaker, c.cue, c.content,'
        ' c.start, c."end", c.cue_start, c.cue_end, c.content_start, c.content_end, a.title,'
        " strftime(a.published, '%Y-%m-%d') AS published"
        f" FROM claims c JOIN articles a ON a.id = c.article_id {clause}"
        f" ORDER BY a.published DESC NULLS LAST, c.article_id, c.start {_limit(limit)}", params)


PREDICTIONS_SQL = """
WITH p AS (
    SELECT c.*, a.published, a.title FROM claims c JOIN articles a ON a.id = c.article_id
    WHERE c.kind = 'prediction' {speaker}
),
hypothetical AS (  -- the events the prediction foresees: hypothetical ones inside its content
    SELECT p.id AS claim_id, p.published, e.id AS event_id, e.type,
           list_filter(list_transform(e.sources, lambda x: x.actor_id), lambda x: x IS NOT NULL) AS src,
           list_filter(list_transform(e.targets, lambda x: x.actor_id), lambda x: x IS NOT NULL) AS tgt
    FROM p JOIN events e ON e.article_id = p.article_id AND e.modality = 'hypothetical'
     AND e.start >= p.content_start AND e."end" <= p.content_end
),
outcome AS (  -- the first asserted event of a later article with the same type and actors
    SELECT h.claim_id, h.event_id AS foreseen_event, e.id AS event_id, e.article_id, e.type, e.trigger,
           b.published, b.title,
           row_number() OVER (PARTITION BY h.claim_id ORDER BY b.published, e.id) AS rank
    FROM hypothetical h
    JOIN events e ON e.type = h.type AND e.modality = 'asserted'
    JOIN articles b ON b.id = e.article_id AND b.published > h.published
    WHERE len(h.src) > 0 AND list_has_any(h.src, list_transform(e.sources, lambda x: x.actor_id))
      AND (len(h.tgt) = 0 OR list_has_any(h.tgt, list_transform(e.targets, lambda x: x.actor_id)))
),
about AS (  -- the actors the content names
    SELECT p.id AS claim_id, list(DISTINCT {{'actor_id': m.actor_id, 'name': x.name}}) AS about
    FROM p JOIN actor_mentions m ON m.article_id = p.article_id AND m.actor_id IS NOT NULL
     AND m.start >= p.content_start AND m."end" <= p.content_end
    LEFT JOIN actors x ON x.id = m.actor_id
    GROUP BY p.id
)
SELECT p.id, p.article_id, strftime(p.published, '%Y-%m-%d') AS published, p.title, p.speaker, p.cue,
       p.content, p.content_start, p.content_end, coalesce(ab.about, []) AS about,
       CASE WHEN o.event_id IS NULL THEN NULL ELSE {{'event_id': o.event_id, 'foreseen_event': o.foreseen_event,
            'article_id': o.article_id, 'published': strftime(o.published, '%Y-%m-%d'), 'title': o.title,
            'type': o.type, 'trigger': o.trigger}} END AS outcome
FROM p LEFT JOIN about ab ON ab.claim_id = p.id
LEFT JOIN outcome o ON o.claim_id = p.id AND o.rank = 1
{outcome}
ORDER BY p.published DESC NULLS LAST, p.article_id, p.start
{limit}
"""


def list_predictions(store: Store, *, speaker: str | None = None, outcome: bool | None = None,
                     limit: int | None = 100) -> list[dict[str, Any]]:
    """Predictions: who made them, when (the article's date), about whom, and their outcome.

    The outcome is the first asserted event, in an article published later, of the same type as
    a hypothetical event inside the prediction's content and sharing a source actor with it (and
    a target, where the foreseen event has one); None while no such event is stored.
    ``outcome=True`` keeps the predictions with an outcome, ``False`` the open ones.
    """
    params: dict[str, Any] = {}
    speaker_sql = ""
    if speaker:
        speaker_sql = "AND " + SPEAKER_SQL.format(s="c.speaker")
        params["speaker"] = speaker
    outcome_sql = {None: "", True: "WHERE o.event_id IS NOT NULL", False: "WHERE o.event_id IS NULL"}[outcome]
    rows = store.query(PREDICTIONS_SQL.format(speaker=speaker_sql, outcome=outcome_sql, limit=_limit(limit)), params)
    for row in rows:
        row["about"] = sorted(row["about"], key=lambda a: (a["name"] or "", a["actor_id"]))
    return rows

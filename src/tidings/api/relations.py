"""Relations between two actors: the PLOVER conflict-cooperation score of their events over time.

A side is a state (``USA``, ``North Korea``: every actor of that country, its government,
forces and people) or one actor (``Donald Trump``). Direction a->b holds the events with a
source on side a and a target on side b. Only asserted events make the score: each event
scores its type and mode in the PLOVER manual's table (``store.formats.PLOVER_SCORES``), and
a period's score is the mean of its events (``total`` the sum). Hypothetical events between
the pair, and predictions about both sides, are kept apart and never enter the score; each
prediction carries its outcome (the first later asserted event that bears it out, see
``store.quotes``). An event's date is its own where the text gives one, else its article's
publication date; a coarser date (a month, a year) falls in the period of its first day, and
an event with neither is left out of the series (``undated`` counts the asserted ones).
``min_confidence`` keeps only the events whose ``confidence`` (the verifier's probability that
the event is right) is at least that, for the series, the hypothetical events and ``undated``
alike; the predictions do not depend on it.

Used by the API (``GET /api/relations``), the dashboard and ``tidings relations``; it takes
any function that runs a query and returns rows as dicts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import TidingsError
from ..store.formats import PLOVER_SCORES, QUAD_CATEGORIES, QUAD_CODES, check_confidence
from ..store.quotes import PREDICTIONS_SQL

Query = Callable[..., list[dict[str, Any]]]
PERIODS = ("month", "week")


class UnknownSide(TidingsError):
    """An actor or country that the store does not know (``field`` says which argument)."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Side:
    key: str
    kind: str  # "country" or "actor"
    id: str
    name: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "kind": self.kind, "id": self.id, "name": self.name}

    def match(self, column: str, param: str) -> str:
        """SQL: the list of actor objects in ``column`` has one on this side (``$param`` its id)."""
        field = "country" if self.kind == "country" else "actor_id"
        return f"list_contains(list_transform({column}, lambda x: x.{field}), ${param})"


def score_sql(alias: str = "e") -> str:
    """SQL for an event's PLOVER score, from the manual's table (constants, no input)."""
    arms = []
    for kind, (base, modes) in PLOVER_SCORES.items():
        by_mode = " ".join(f"WHEN '{mode}' THEN {value}" for mode, value in modes.items())
        arms.append(f"WHEN '{kind}' THEN " + (f"CASE lower({alias}.mode) {by_mode} ELSE {base} END" if modes else f"{base}"))
    return f"CAST(CASE {alias}.type " + " ".join(arms) + " END AS DOUBLE)"


def quad_sql(alias: str = "e") -> str:
    arms = [f"WHEN {alias}.type = '{kind}' THEN {QUAD_CODES[cat]}" for kind, cat in QUAD_CATEGORIES.items()]
    return "CASE " + " ".join(arms) + " END"


def resolve_side(query: Query, key: str, field: str = "a") -> Side:
    """A state by its ISO code, name or any spelling; else one actor by id, name or spelling."""
    key = (key or "").strip()
    if not key:
        raise UnknownSide(f"{field}: name an actor or a country", field)
    rows = query("SELECT id, name, type, country FROM actors WHERE id = $1 OR lower(name) = lower($1)"
                 " OR list_contains(list_transform(aliases, lambda x: lower(x)), lower($1))"
                 " ORDER BY (id = $1) DESC, (lower(name) = lower($1)) DESC, (type = 'country') DESC, id LIMIT 5",
                 [key])
    if not rows:
        raise UnknownSide(f"{field}: no actor or country {key!r} in this store", field)
    top = rows[0]
    if top["type"] == "country" and top["country"]:
        return Side(key, "country", top["country"], top["name"])
    return Side(key, "actor", top["id"], top["name"])


def _period(by: str, date_sql: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}")
    unit = "month" if by == "month" else "week"
    return f"strftime(date_trunc('{unit}', {date_sql}), '%Y-%m-%d')"


PAIR_EVENTS = """
SELECT e.id, e.modality, {score} AS score, {quad} AS quad, {period} AS period,
       CASE WHEN {a_src} AND {b_tgt} THEN 'a->b' END AS ab,
       CASE WHEN {b_src} AND {a_tgt} THEN 'b->a' END AS ba
FROM events e JOIN articles ar ON ar.id = e.article_id
WHERE (({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt})){confident}
"""


def pair_events_sql(a: Side, b: Side, by: str, confident: bool = False) -> str:
    """SQL for the pair's events (parameters ``$a``, ``$b``; with ``confident``, also
    ``$min_confidence``: only the events whose confidence is at least that)."""
    return PAIR_EVENTS.format(
        score=score_sql(), quad=quad_sql(), period=_period(by, "coalesce(e.date, ar.published)"),
        a_src=a.match("e.sources", "a"), b_tgt=b.match("e.targets", "b"),
        b_src=b.match("e.sources", "b"), a_tgt=a.match("e.targets", "a"),
        confident=" AND e.confidence >= $min_confidence" if confident else "")


SERIES = """
WITH pair AS ({pair}),
directed AS (SELECT * EXCLUDE (ab, ba), ab AS direction FROM pair WHERE ab IS NOT NULL
             UNION ALL SELECT * EXCLUDE (ab, ba), ba FROM pair WHERE ba IS NOT NULL)
SELECT period, direction, modality, round(avg(score), 3) AS score, round(sum(score), 3) AS total,
       count(*) AS events, count(*) FILTER (WHERE quad IN (1, 2)) AS cooperation,
       count(*) FILTER (WHERE quad IN (3, 4)) AS conflict
FROM directed WHERE modality IN ('asserted', 'hypothetical') AND score IS NOT NULL AND period IS NOT NULL
GROUP BY ALL ORDER BY period, direction, modality
"""


PAIR_CLAIMS = """
c.id IN (SELECT c2.id FROM claims c2
         JOIN actor_mentions m ON m.article_id = c2.article_id AND m.start >= c2.content_start
          AND m."end" <= c2.content_end
         JOIN actors x ON x.id = m.actor_id
         WHERE c2.kind = 'prediction' GROUP BY c2.id HAVING bool_or({a_about}) AND bool_or({b_about}))
"""

PAIR_PREDICTIONS = """
WITH preds AS ({predictions}),
foreseen AS (SELECT p.id, avg({score}) AS foreseen_score
             FROM preds p JOIN events e ON e.article_id = p.article_id AND e.modality = 'hypothetical'
              AND e.start >= p.content_start AND e."end" <= p.content_end GROUP BY p.id)
SELECT p.id, p.article_id, p.published, {period} AS period, p.speaker, p.content, p.content_start,
       p.content_end, round(f.foreseen_score, 3) AS foreseen_score, p.outcome
FROM preds p LEFT JOIN foreseen f ON f.id = p.id
ORDER BY p.published NULLS LAST, p.id
"""


def relations(query: Query, a_key: str, b_key: str, by: str = "month",
              min_confidence: float | None = None) -> dict[str, Any]:
    """The series for the pair: asserted scores per period and direction, hypothetical events
    per period and direction, and the predictions about both sides with their outcomes.
    ``min_confidence`` (0 to 1) keeps only the events at least that confident in the series,
    the hypothetical events and ``undated``; it is echoed in the answer (None: every event)."""
    min_confidence = check_confidence(min_confidence)
    a = resolve_side(query, a_key, "a")
    b = resolve_side(query, b_key, "b")
    if (a.kind, a.id) == (b.kind, b.id):
        raise UnknownSide("b: name a different actor or country than a", "b")
    params = {"a": a.id, "b": b.id}
    pair_params = params if min_confidence is None else {**params, "min_confidence": min_confidence}
    pair = pair_events_sql(a, b, by, confident=min_confidence is not None)
    rows = query(SERIES.format(pair=pair), pair_params)
    undated = query(f"SELECT count(*) AS n FROM ({pair}) WHERE period IS NULL AND modality = 'asserted'",
                    pair_params)[0]["n"]
    series, hypothetical = [], []
    for r in rows:
        point = {"period": r["period"], "direction": r["direction"]}
        if r["modality"] == "asserted":
            series.append({**point, "score": r["score"], "total": r["total"], "events": r["events"],
                           "cooperation": r["cooperation"], "conflict": r["conflict"]})
        else:
            hypothetical.append({**point, "events": r["events"], "score": r["score"]})
    about = {"a_about": "x.country = $a" if a.kind == "country" else "x.id = $a",
             "b_about": "x.country = $b" if b.kind == "country" else "x.id = $b"}
    # The predictions query's speaker slot takes any condition on the claims (alias c): here, those
    # about both sides, so that outcomes are looked for only for them.
    predictions_sql = PREDICTIONS_SQL.format(speaker="AND " + PAIR_CLAIMS.format(**about), outcome="", limit="")
    preds = query(PAIR_PREDICTIONS.format(predictions=predictions_sql, score=score_sql(),
                                          period=_period(by, "CAST(p.published AS DATE)")), params)
    return {"a": a.as_dict(), "b": b.as_dict(), "by": by, "min_confidence": min_confidence, "series": series,
            "hypothetical": hypothetical, "predictions": preds, "undated": undated}


def busiest_pair(query: Query) -> list[str] | None:
    """The two states with the most asserted events between them (the dashboard's first pair)."""
    rows = query(
        "WITH pairs AS (SELECT s.country AS x, t.country AS y FROM events e,"
        " unnest(e.sources) AS u(s), unnest(e.targets) AS v(t)"
        " WHERE e.modality = 'asserted' AND s.country IS NOT NULL AND t.country IS NOT NULL AND s.country <> t.country)"
        " SELECT least(x, y) AS p, greatest(x, y) AS q, count(*) AS n FROM pairs GROUP BY ALL"
        " ORDER BY n DESC, p, q LIMIT 1")
    return [rows[0]["p"], rows[0]["q"]] if rows else None

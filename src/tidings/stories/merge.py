"""Event mentions merged into events: one real-world event told in many places is one record.

Every row of ``events`` is a mention. Mentions arrive in the order their articles were stored and
each joins the best compatible merged event already known, or starts one. A mention is
compatible with an event when all of these hold, and the reason is stored with it:

- **modality**: the same (asserted, negated, hypothetical). A predicted test never merges with a
  test that happened, and the report that it happened leaves the prediction as it was;
- **type**: the same PLOVER type and, where both have one, the same mode; or a pair of
  ``data/compatible_types.tsv`` with the modes it names (a missile test is coded as a show of
  force with weapons by one trigger and as an attack with heavy weapons by another);
- **participants**: they share an actor. Actors match by id, and a state matches its own bodies
  ("PRK" and "PRK-MIL"); people and organisations match only themselves. Where both name who
  acted, the sources must share one; where both name a target, the targets must share one;
- **date**: the spans the dates allow overlap, give or take ``SLACK`` days. A date to the day or
  week is taken as it is; a month or a year as that month or year; with no date in the text, the
  event happened in the ``LOOKBACK`` days up to the article's publication; with neither, the
  mention joins only an event of its own article or one of the same kind of act (same mode);
- **place**: where both are placed, in the same country.

Among compatible events the one sharing most actors wins, then the same type, then the closer
date. The merged event counts its mentions, articles and independent sources (articles that are
near-duplicates of each other count once) and knows its first report.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from ..options import Options
from ..stages import corpus_stage

SLACK = 2  # days either side: a report dates what it refers to by the day it is discussed
LOOKBACK = 7  # days before publication that an undated event may have happened
WINDOW = 60  # days: merged events older than this before a batch are not candidates
_STATE = re.compile(r"^([A-Z]{3})(?:-[A-Z]{3})?$")


@cache
def compatible_types() -> dict[tuple[str, str], tuple[str, str, str]]:
    """(type, other type) -> (modes of the first, modes of the other, why); both orders."""
    path = Path(__file__).parent / "data" / "compatible_types.tsv"
    with path.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    out = {}
    for a, modes_a, b, modes_b, why in rows[1:]:
        out[(a, b)] = (modes_a, modes_b, why)
        out[(b, a)] = (modes_b, modes_a, why)
    return out


def _mode_ok(mode: str | None, allowed: str) -> bool:
    return allowed == "*" or (mode is not None and mode in allowed.split("|"))


def types_agree(m_type: str, m_mode: str | None, e_type: str, e_mode: str | None) -> tuple[str, bool] | None:
    """Why two typed mentions may be one event, and whether both modes say so; None if they may not."""
    if m_type == e_type:
        if m_mode and e_mode and m_mode != e_mode:
            return None
        return "same type " + m_type + (f" ({m_mode})" if m_mode and m_mode == e_mode else ""), \
            bool(m_mode and m_mode == e_mode)
    row = compatible_types().get((m_type, e_type))
    if row is None or not (_mode_ok(m_mode, row[0]) and _mode_ok(e_mode, row[1])):
        return None
    return f"types {m_type} and {e_type}: {row[2]}", row[0] != "*" and row[1] != "*"


def tokens(actor_ids) -> set[str]:
    """What an actor set matches on: the ids, and the state of state-level actors (PRK, PRK-MIL)."""
    out = set()
    for a in actor_ids:
        if not a:
            continue
        out.add(a)
        m = _STATE.match(a)
        if m:
            out.add("state:" + m[1])
    return out


def span(day: date | None, precision: str | None, published: date | None) -> tuple[date, date] | None:
    """The days a mention's event may have happened on."""
    if day is not None:
        if precision == "week":
            return day, day + timedelta(days=6)
        if precision == "month":
            nxt = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            return day, nxt - timedelta(days=1)
        if precision == "year":
            return day, day.replace(month=12, day=31)
        return day, day
    if published is not None:
        return published - timedelta(days=LOOKBACK), published
    return None


@dataclass
class Mention:
    id: str
    article_id: str
    start: int
    end: int
    type: str
    mode: str | None
    modality: str
    sources: list[str]
    targets: list[str]
    span: tuple[date, date] | None
    precise: bool  # dated to the day or week by the text
    place_country: str | None


@dataclass
class Merged:
    id: str
    type: str
    mode: str | None
    modality: str
    sources: list[str]
    targets: list[str]
    span: tuple[date, date] | None
    precise: bool
    place_country: str | None
    dirty: bool = False
    members: list[str] = field(default_factory=list)

    def articles(self) -> set[str]:
        return {m.rsplit("-e", 1)[0] for m in self.members + [self.id]}


def _names(ids) -> str:
    return ", ".join(sorted(ids))


def compare(m: Mention, e: Merged) -> tuple[tuple, str] | None:
    """(score, reason) when the mention may join the event, else None."""
    if m.modality != e.modality:
        return None
    agreed = types_agree(m.type, m.mode, e.type, e.mode)
    if agreed is None:
        return None
    why_type, modes_agree = agreed
    ms, es, mt, et = tokens(m.sources), tokens(e.sources), tokens(m.targets), tokens(e.targets)
    shared = (ms | mt) & (es | et)
    if not shared:
        return None
    if ms and es and not ms & es:
        return None
    if mt and et and not mt & et and not (ms & et or mt & es):
        return None
    if m.place_country and e.place_country and m.place_country != e.place_country:
        return None
    gap = 0
    why_date = "no date known"
    if not (m.span and e.span) and not modes_agree and m.article_id not in e.articles():
        return None  # with no date to go by, only the same article or the same kind of act
    if not (m.span and e.span) and m.article_id in e.articles():
        why_date = "same article, no date known"
    if m.span and e.span:
        lo, hi = max(m.span[0], e.span[0]), min(m.span[1], e.span[1])
        gap = max(0, (lo - hi).days)
        if gap > 2 * SLACK:
            return None
        why_date = ("dates agree" if gap == 0 else f"dates {gap} day{'s' * (gap > 1)} apart") + \
            f" ({m.span[0]}..{m.span[1]} and {e.span[0]}..{e.span[1]})"
    shown = sorted(a for a in shared if not a.startswith("state:")) or sorted(shared)
    reason = f"{why_type}; shared actors {_names(x.removeprefix('state:') for x in shown)}; {why_date}; {m.modality}"
    return (len(shared), m.type == e.type, -gap), reason


def absorb(e: Merged, m: Mention) -> None:
    """Update an event with a mention that joined it: actors add up, the date span narrows."""
    e.sources = sorted(set(e.sources) | set(m.sources))
    e.targets = sorted(set(e.targets) | set(m.targets))
    if m.span and (e.span is None or (m.precise and not e.precise)):
        e.span, e.precise = m.span, m.precise
    elif m.span and e.span and m.precise == e.precise:
        lo, hi = max(m.span[0], e.span[0]), min(m.span[1], e.span[1])
        if lo <= hi:
            e.span = (lo, hi)
    e.place_country = e.place_country or m.place_country
    e.mode = e.mode or m.mode
    e.dirty = True
    e.members.append(m.id)


def _weeks(day_span: tuple[date, date] | None, widen: int = 0):
    if day_span is None:
        return (None,)
    return range((day_span[0].toordinal() - widen) // 7, (day_span[1].toordinal() + widen) // 7 + 1)


class _Index:
    """Events by (modality, type, actor token, week): a mention is compared only with events that
    could take it, not with every event of the window."""

    def __init__(self, events: list[Merged]) -> None:
        self.buckets: dict[tuple, list[Merged]] = {}
        self.any_week: dict[tuple, list[Merged]] = {}
        self.order: dict[int, int] = {}
        for e in events:
            self.add(e)

    def add(self, e: Merged) -> None:
        self.order.setdefault(id(e), len(self.order))
        for t in tokens(e.sources + e.targets):
            key = (e.modality, e.type, t)
            self.any_week.setdefault(key, []).append(e)
            for week in _weeks(e.span):
                self.buckets.setdefault(key + (week,), []).append(e)

    def candidates(self, m: Mention) -> list[Merged]:
        types = {m.type} | {b for (a, b) in compatible_types() if a == m.type}
        seen: dict[int, Merged] = {}
        for t in tokens(m.sources + m.targets):
            for type_ in types:
                key = (m.modality, type_, t)
                if m.span is None:
                    found = self.any_week.get(key, ())
                else:
                    found = [e for week in (*_weeks(m.span, 2 * SLACK), None) for e in self.buckets.get(key + (week,), ())]
                for e in found:
                    seen[id(e)] = e
        return sorted(seen.values(), key=lambda e: self.order[id(e)])


def assign(mentions: list[Mention], events: list[Merged]) -> list[tuple[Mention, Merged, str]]:
    """Each mention, in order, to the best compatible event (new events are appended to ``events``)."""
    index = _Index(events)
    out = []
    for m in mentions:
        best = None
        for e in index.candidates(m):
            found = compare(m, e)
            if found and (best is None or found[0] > best[0]):
                best = (found[0], e, found[1])
        if best is None:
            e = Merged(m.id, m.type, m.mode, m.modality, list(m.sources), list(m.targets), m.span, m.precise,
                       m.place_country, dirty=True, members=[m.id])
            events.append(e)
            index.add(e)
            out.append((m, e, "first report"))
        else:
            absorb(best[1], m)
            index.add(best[1])  # it may have gained actors
            out.append((m, best[1], "joined: " + best[2]))
    return out


def _ids(actors) -> list[str]:
    return sorted({a["actor_id"] for a in actors or () if a.get("actor_id")})


def load_mentions(con, article_ids: list[str]) -> list[Mention]:
    rows = con.execute(
        'SELECT e.id, e.article_id, e.start, e."end", e.type, e.mode, e.modality, e.sources, e.targets, e.date,'
        " e.date_precision, e.location, a.published FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE list_contains($1, e.article_id)"
        " ORDER BY a.ingested_at, a.published NULLS LAST, e.article_id, e.start", [article_ids]).fetchall()
    out = []
    for (id_, art, start, end, type_, mode, modality, sources, targets, day, precision, location, published) in rows:
        out.append(Mention(id_, art, start, end, type_, mode, modality, _ids(sources), _ids(targets),
                           span(day, precision, published), day is not None and precision in ("day", "week"),
                           (location or {}).get("country")))
    return out


def load_events(con, mentions: list[Mention]) -> list[Merged]:
    """The stored merged events a batch's mentions could join."""
    wanted = sorted({t for m in mentions for t in tokens(m.sources + m.targets) if not t.startswith("state:")})
    states = sorted({t[6:] for m in mentions for t in tokens(m.sources + m.targets) if t.startswith("state:")})
    days = [d for m in mentions if m.span for d in m.span]
    oldest = (min(days) - timedelta(days=WINDOW)) if days else None
    rows = con.execute(
        "SELECT id, type, mode, modality, sources, targets, date_min, date_max, date IS NOT NULL, place_country"
        " FROM merged_events WHERE (list_has_any(sources || targets, $1)"
        "   OR list_has_any(list_transform(sources || targets, lambda x: x[1:3]), $2))"
        "  AND ($3::DATE IS NULL OR date_max IS NULL OR date_max >= $3::DATE) ORDER BY id",
        [wanted, states, oldest]).fetchall()
    return [Merged(r[0], r[1], r[2], r[3], list(r[4]), list(r[5]), (r[6], r[7]) if r[6] else None, bool(r[8]),
                   r[9]) for r in rows]


def save(con, placed: list[tuple[Mention, Merged, str]], events: list[Merged]) -> None:
    if placed:
        con.execute('INSERT INTO event_mentions (id, event_id, article_id, start, "end", reason)'
                    " SELECT unnest($1), unnest($2), unnest($3), unnest($4), unnest($5), unnest($6)"
                    " ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, reason = excluded.reason",
                    [[m.id for m, _, _ in placed], [e.id for _, e, _ in placed], [m.article_id for m, _, _ in placed],
                     [m.start for m, _, _ in placed], [m.end for m, _, _ in placed], [r for _, _, r in placed]])
    dirty = [e for e in events if e.dirty]
    if not dirty:
        return
    con.execute("DELETE FROM merged_events WHERE list_contains($1, id)", [[e.id for e in dirty]])
    con.execute(
        "INSERT INTO merged_events (id, type, mode, modality, sources, targets, date, date_min, date_max,"
        " place_country, first_article_id, first_reported, n_mentions, n_articles, n_sources)"
        " SELECT unnest($1), unnest($2), unnest($10), unnest($3), unnest($4), unnest($5), unnest($6), unnest($7),"
        " unnest($8), unnest($9), '', NULL, 0, 0, 0",
        [[e.id for e in dirty], [e.type for e in dirty], [e.modality for e in dirty], [e.sources for e in dirty],
         [e.targets for e in dirty], [e.span[0] if e.span and e.precise else None for e in dirty],
         [e.span[0] if e.span else None for e in dirty], [e.span[1] if e.span else None for e in dirty],
         [e.place_country for e in dirty], [e.mode for e in dirty]])
    con.execute(
        "UPDATE merged_events m SET first_article_id = s.first_article, first_reported = s.first_reported,"
        " n_mentions = s.n_mentions, n_articles = s.n_articles, n_sources = s.n_sources FROM ("
        "  SELECT em.event_id, arg_min(em.article_id, (a.published IS NULL, a.published, a.ingested_at, em.id))"
        "   AS first_article, min(a.published) AS first_reported, count(*) AS n_mentions,"
        "   count(DISTINCT em.article_id) AS n_articles,"
        "   count(DISTINCT coalesce(nd.duplicate_of, em.article_id)) AS n_sources"
        "  FROM event_mentions em JOIN articles a ON a.id = em.article_id"
        "  LEFT JOIN near_duplicates nd ON nd.article_id = em.article_id"
        "  WHERE list_contains($1, em.event_id) GROUP BY em.event_id) s WHERE m.id = s.event_id",
        [[e.id for e in dirty]])


def refresh_confidence(con, article_ids: list[str]) -> None:
    """Give the merged events these articles' mentions belong to the confidence of their
    best-supported report: the highest of their mentions'. Not a noisy-or: reports of one event
    (often one wire story retold) are far from independent. Run on every pass, since re-coding an
    article changes its events' confidences without moving them to another merged event."""
    con.execute(
        "UPDATE merged_events m SET confidence = s.confidence FROM ("
        " SELECT em.event_id, max(e.confidence) AS confidence FROM event_mentions em JOIN events e ON e.id = em.id"
        " WHERE em.event_id IN (SELECT event_id FROM event_mentions WHERE list_contains($1, article_id))"
        " GROUP BY em.event_id) s WHERE m.id = s.event_id", [article_ids])


@corpus_stage("merged_events", requires=("events",), provides=("merged_events",))
def merged_events(store, article_ids: list[str], options: Options) -> None:
    """Merge event mentions of the same real-world event, within and across articles."""
    con = store.con
    mentions = load_mentions(con, article_ids)
    if not mentions:
        return
    known = {r[0] for r in con.execute("SELECT id FROM event_mentions WHERE list_contains($1, article_id)",
                                       [article_ids]).fetchall()}
    mentions = [m for m in mentions if m.id not in known]
    events = load_events(con, mentions)
    save(con, assign(mentions, events), events)
    refresh_confidence(con, article_ids)

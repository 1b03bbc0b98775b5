"""The events of the committed store in memory: event detail by a dict lookup, lists by numpy.

DuckDB has no row lookup by key for these tables, so every ``id = ?`` and every listing scans
the events. The server keeps instead one ``EventIndex`` per committed state: each event's JSON
(exactly the bytes the DuckDB path answers), its position by id, per-filter posting arrays
(type, modality, country, actor, source and target sides, article), per sort its key column
(the confidence one also answers ``min_confidence``) and the events ordered by (key, id) as the
SQL orders them. A listing is a boolean mask, a gather along the sort's order and a binary
search for the cursor: the same rows, order and cursors as the SQL.

An index is never changed once built: a committed batch makes a new one (``appended``) that
the server swaps in whole, so a reader holds one consistent state for its whole request.
What it cannot answer exactly (text search, a non-ASCII actor name, a cursor written in
another form than this server writes) raises ``Uncached`` and takes the DuckDB path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import orjson

EPOCH = date(1970, 1, 1)
NO_DATE = (date(1, 1, 1) - EPOCH).days  # coalesce(_when, DATE '0001-01-01')
SORTS = ("date", "confidence", "score", "type", "start")
EMPTY = np.array([], dtype=np.int32)


class Uncached(Exception):
    """The index cannot answer this request exactly as DuckDB would: ask DuckDB."""


def _default(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    return str(value)


def dumps(value: Any) -> bytes:
    """JSON as ``paging.json_response`` writes it."""
    return orjson.dumps(value, default=_default, option=orjson.OPT_NON_STR_KEYS)


def _strings(values: Sequence[str]) -> np.ndarray:
    """A compact sortable array: bytes where every value is ASCII (DuckDB orders VARCHAR by bytes)."""
    if all(v.isascii() for v in values):
        return np.array([v.encode() for v in values], dtype="S") if values else np.array([], dtype="S1")
    return np.array(values, dtype="U") if values else np.array([], dtype="U1")


def _as_key(array: np.ndarray, value: str) -> Any:
    return value.encode() if array.dtype.kind == "S" else value


@dataclass(frozen=True)
class Order:
    """Events in ascending (key, id) order: ``perm`` their positions, ``keys`` their keys."""

    perm: np.ndarray
    keys: np.ndarray
    rank: np.ndarray = field(default_factory=lambda: EMPTY)  # event index -> place in ``perm``

    def __post_init__(self) -> None:
        rank = np.empty(len(self.perm), dtype=np.int32)
        rank[self.perm] = np.arange(len(self.perm), dtype=np.int32)
        object.__setattr__(self, "rank", rank)

    def after(self, ids: np.ndarray, key: Any, row_id: str) -> tuple[int, int]:
        """(first position above (key, id), first position at or above it) in this order."""
        lo = int(np.searchsorted(self.keys, key, "left"))
        hi = int(np.searchsorted(self.keys, key, "right"))
        if lo == hi:
            return lo, lo
        run = ids[self.perm[lo:hi]]
        wanted = _as_key(run, row_id)
        return lo + int(np.searchsorted(run, wanted, "right")), lo + int(np.searchsorted(run, wanted, "left"))


    def merged(self, ids: np.ndarray, keys: np.ndarray, first: int) -> Order:
        """This order with events ``first``, ``first + 1``, ... (keys ``keys``) put in their places:
        a binary search each, then one copy (not a sort of everything)."""
        mine = np.lexsort((ids[first:], keys))
        places = np.array([self.after(ids, keys[i], _str(ids[first + i]))[0] for i in mine], dtype=np.int64)
        common = np.result_type(self.keys, keys)  # a longer type name widens the strings
        return Order(np.insert(self.perm, places, (mine + first).astype(np.int32)),
                     np.insert(self.keys.astype(common, copy=False), places, keys[mine].astype(common)))


def _str(value: Any) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


@dataclass(frozen=True)
class Facts:
    """What the filters and sorts read of one event, besides its JSON."""

    id: str
    article_id: str
    type: str
    modality: str
    when: int | None          # days since 1970-01-01 of coalesce(e.date, a.published)
    score: float              # coalesce(score, 0) as SQL computes it
    confidence: float
    start: int
    names: tuple[str, ...]    # lower(name) of every source and target, as DuckDB lowers them
    actor_ids: tuple[str, ...]
    countries: tuple[str, ...]
    source_countries: tuple[str, ...]
    target_countries: tuple[str, ...]
    source_actors: tuple[str, ...]
    target_actors: tuple[str, ...]


def facts_of(row: dict[str, Any], when: date | None, names: list[str | None], score: float | None) -> Facts:
    """The facts of one event row (as the events listing selects it)."""
    sources, targets = row["sources"] or [], row["targets"] or []
    both = sources + targets
    return Facts(
        id=row["id"], article_id=row["article_id"], type=row["type"], modality=row["modality"],
        when=(when - EPOCH).days if when is not None else None, score=float(score or 0.0),
        confidence=float(row["confidence"]), start=int(row["start"]),
        names=tuple(n for n in names if n is not None),
        actor_ids=tuple(x["actor_id"] for x in both if x.get("actor_id") is not None),
        countries=tuple(x["country"] for x in both if x.get("country") is not None),
        source_countries=tuple(x["country"] for x in sources if x.get("country") is not None),
        target_countries=tuple(x["country"] for x in targets if x.get("country") is not None),
        source_actors=tuple(x["actor_id"] for x in sources if x.get("actor_id") is not None),
        target_actors=tuple(x["actor_id"] for x in targets if x.get("actor_id") is not None))


FACETS: dict[str, Callable[[Facts], Iterable[str]]] = {
    "type": lambda f: (f.type,), "modality": lambda f: (f.modality,), "article": lambda f: (f.article_id,),
    "name": lambda f: f.names, "actor_id": lambda f: f.actor_ids, "country": lambda f: f.countries,
    "source_country": lambda f: f.source_countries, "target_country": lambda f: f.target_countries,
    "source_actor": lambda f: f.source_actors, "target_actor": lambda f: f.target_actors,
}


def _postings(facts: Sequence[Facts], offset: int = 0) -> dict[str, dict[str, np.ndarray]]:
    lists: dict[str, dict[str, list[int]]] = {name: {} for name in FACETS}
    for i, f in enumerate(facts, offset):
        for name, values in FACETS.items():
            for value in set(values(f)):
                lists[name].setdefault(value, []).append(i)
    return {name: {k: np.array(v, dtype=np.int32) for k, v in by.items()} for name, by in lists.items()}


@dataclass(frozen=True)
class EventIndex:
    """One committed state's events; never changed after it is built."""

    generation: int
    json: list[bytes]                       # each event's JSON, as the DuckDB path answers it
    position: dict[str, int]                # event id -> index
    keys: list[str]                         # index -> event id
    ids: np.ndarray                         # event ids, bytes where ASCII
    postings: dict[str, dict[str, np.ndarray]]
    columns: dict[str, np.ndarray]          # per sort, its key in event order
    orders: dict[str, Order] = field(default_factory=dict)
    articles: frozenset[str] = frozenset()

    @classmethod
    def build(cls, rows: Sequence[tuple[bytes, Facts]], generation: int) -> EventIndex:
        """An index of these events: (JSON, facts) each."""
        facts = [f for _, f in rows]
        return cls._make(generation, [j for j, _ in rows], [f.id for f in facts], _postings(facts),
                         _columns(facts))

    @classmethod
    def _make(cls, generation: int, json: list[bytes], ids: list[str],
              postings: dict[str, dict[str, np.ndarray]], columns: dict[str, np.ndarray],
              articles: frozenset[str] | None = None) -> EventIndex:
        if len(set(ids)) != len(ids):
            raise ValueError("event ids repeat")
        id_array = _strings(ids)
        orders = {name: _order(columns[name], id_array) for name in SORTS}
        if articles is None:
            articles = frozenset(postings["article"])
        return cls(generation, json, {k: i for i, k in enumerate(ids)}, ids, id_array, postings, columns, orders,
                   articles)

    def appended(self, rows: Sequence[tuple[bytes, Facts]], generation: int) -> EventIndex:
        """This index with new events (of articles it does not hold yet) added: a new index."""
        facts = [f for _, f in rows]
        if any(f.article_id in self.articles for f in facts):
            raise ValueError("events of an article already indexed: rebuild the index")
        n = len(self.json)
        new = _postings(facts, n)
        postings = {name: dict(by) for name, by in self.postings.items()}
        for name, by in new.items():
            for key, positions in by.items():
                old = postings[name].get(key)
                postings[name][key] = positions if old is None else np.concatenate([old, positions])
        added = _columns(facts)
        columns = {name: np.concatenate([self.columns[name], added[name]]) for name in self.columns}
        new_ids = [f.id for f in facts]
        position = dict(self.position)
        position.update((k, i) for i, k in enumerate(new_ids, n))
        if len(position) != n + len(new_ids):
            raise ValueError("event ids repeat: rebuild the index")
        ids = np.concatenate([self.ids, _strings(new_ids)])
        if ids.dtype.kind != self.ids.dtype.kind:
            raise ValueError("ids no longer all ASCII: rebuild the index")
        orders = {name: self.orders[name].merged(ids, added[name], n) for name in SORTS}
        return EventIndex(generation, self.json + [j for j, _ in rows], position, self.keys + new_ids, ids,
                          postings, columns, orders, self.articles | {f.article_id for f in facts})

    def __len__(self) -> int:
        return len(self.json)

    def detail(self, event_id: str) -> bytes | None:
        i = self.position.get(event_id)
        return None if i is None else self.json[i]

    def select(self, criteria: Sequence[Sequence[tuple[str, str]]], since: int | None = None,
               until: int | None = None, min_confidence: float | None = None) -> np.ndarray | None:
        """The events (ascending indices) that pass every criterion (any of its (facet, value)
        alternatives), the date range (days since 1970) and ``confidence >= min_confidence``;
        None when nothing filters."""
        if not criteria and since is None and until is None and min_confidence is None:
            return None
        chosen: np.ndarray | None = None
        for alternatives in criteria:
            found = [self.postings[facet].get(value) for facet, value in alternatives]
            arrays = [a for a in found if a is not None]
            hit = arrays[0] if len(arrays) == 1 else (np.unique(np.concatenate(arrays)) if arrays else EMPTY)
            chosen = hit if chosen is None else np.intersect1d(chosen, hit, assume_unique=True)
        if chosen is None:
            chosen = np.arange(len(self.json), dtype=np.int32)
        if since is not None or until is not None:
            when, keep = self.columns["date"][chosen], self.columns["dated"][chosen]
            if since is not None:
                keep = keep & (when >= since)
            if until is not None:
                keep = keep & (when <= until)
            chosen = chosen[keep]
        if min_confidence is not None:
            chosen = chosen[self.columns["confidence"][chosen] >= min_confidence]
        return chosen

    def page(self, chosen: np.ndarray | None, sort: str, descending: bool, limit: int,
             cursor: tuple[Any, str] | None) -> tuple[list[int], Any]:
        """The indices of a page's events (of ``chosen``, or of all), and the sort key of the
        last one (for the next cursor)."""
        order = self.orders[sort]
        n = len(order.perm)
        if cursor is None:
            start = 0 if not descending else n
        else:
            above, at_or_above = order.after(self.ids, _cursor_key(order, sort, cursor[0]), cursor[1])
            start = above if not descending else at_or_above
        want = limit + 1
        if chosen is None:
            places = np.arange(start, min(n, start + want)) if not descending \
                else np.arange(start - 1, max(-1, start - want - 1), -1)
        else:  # places in the order of the chosen events: only theirs are looked at
            ranks = order.rank[chosen]
            ranks = ranks[ranks >= start] if not descending else ranks[ranks < start]
            if len(ranks) > want:
                ranks = np.partition(ranks, want - 1)[:want] if not descending \
                    else np.partition(ranks, len(ranks) - want)[-want:]
            places = np.sort(ranks) if not descending else np.sort(ranks)[::-1]
        chosen_ids = [int(p) for p in order.perm[places]]
        last = order.keys[places[min(limit, len(places)) - 1]] if len(places) else None
        return chosen_ids, (_key_value(sort, last) if last is not None else None)


def _columns(facts: Sequence[Facts]) -> dict[str, np.ndarray]:
    return {"date": np.array([f.when if f.when is not None else NO_DATE for f in facts], dtype=np.int32),
            "dated": np.array([f.when is not None for f in facts], dtype=bool),
            "confidence": np.array([f.confidence for f in facts], dtype=np.float64),
            "score": np.array([f.score for f in facts], dtype=np.float64),
            "type": _strings([f.type for f in facts]),
            "start": np.array([f.start for f in facts], dtype=np.int64)}


def _order(keys: np.ndarray, ids: np.ndarray) -> Order:
    perm = np.lexsort((ids, keys)).astype(np.int32) if len(keys) else np.array([], dtype=np.int32)
    return Order(perm, keys[perm])


def _cursor_key(order: Order, sort: str, key: Any) -> Any:
    """The cursor's key as the order holds keys; Uncached where SQL's CAST would read it otherwise."""
    if sort == "date":
        if not isinstance(key, str):
            raise Uncached
        try:
            day = date.fromisoformat(key)
        except ValueError:
            raise Uncached from None
        if day.isoformat() != key:
            raise Uncached
        return (day - EPOCH).days
    if sort in ("confidence", "score"):
        if not isinstance(key, (int, float)) or isinstance(key, bool) or not np.isfinite(key):
            raise Uncached
        return float(key)
    if sort == "start":
        if not isinstance(key, int) or isinstance(key, bool):
            raise Uncached
        return key
    if not isinstance(key, str):
        raise Uncached
    if order.keys.dtype.kind == "S":
        if not key.isascii():
            raise Uncached
        return key.encode()
    return key


def _key_value(sort: str, key: Any) -> Any:
    """A sort key as the SQL path gives it to the cursor."""
    if sort == "date":
        return (EPOCH + timedelta(days=int(key))).isoformat()
    if sort in ("confidence", "score"):
        return float(key)
    if sort == "start":
        return int(key)
    return key.decode() if isinstance(key, bytes) else str(key)

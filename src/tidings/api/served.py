"""The store as a server holds it.

DuckDB lets one process write a file, or several processes read it, never both. So the server
owns the store: it opens it once, writable, and every request thread reads through a cursor
of its own on that one database, while batches (from ``POST /articles``, or handed over by a
``tidings ingest`` of the same file, see ``handoff``) are written by one writer at a time in
one transaction each. DuckDB's MVCC gives each read a committed snapshot: a batch being
written never blocks a read, and no read sees half a batch.

Several server workers (processes) cannot share a writable file, so with ``writable=False``
every worker opens the store read-only: the store is served as it is and not written to.

Each process also keeps the committed events in memory (``events``, see ``event_cache``):
built in the background when it opens the store, and replaced whole after each batch it
commits, before ``write`` returns, so a reader sees the state before a batch or after it.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from ..store.db import Store, open_store
from .event_index import EventIndex


log = logging.getLogger("tidings.api")
CACHED = 256


def event_cache_enabled() -> bool:
    """Whether servers keep the events in memory (``TIDINGS_EVENT_CACHE=0`` turns it off)."""
    return os.environ.get("TIDINGS_EVENT_CACHE", "1") != "0"


def event_cache_limit() -> int:
    """Most events kept in memory (about 1.4 kB each): above it the store answers
    (``TIDINGS_EVENT_CACHE_MAX``, default 2,000,000)."""
    try:
        return int(os.environ.get("TIDINGS_EVENT_CACHE_MAX", "2000000"))
    except ValueError:
        return 2_000_000


class ServedStore:
    """One store shared by the request threads of a server process."""

    def __init__(self, path: str | Path, *, writable: bool = True) -> None:
        self.path = Path(path)
        self.writable = writable
        self.store: Store = open_store(self.path, read_only=not writable)
        self._root = self.store.con
        # Many small queries at once: each runs on its request's thread rather than fanning out.
        self._root.execute("SET threads TO 1")
        self._root.execute("SET enable_progress_bar = false")
        self._cache: dict[Any, tuple[int, Any]] = {}
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._lock = threading.Lock()
        self.write_lock = threading.Lock()
        self.generation = 0  # bumped by every committed batch
        self._tables = self._read_tables()
        self.events: EventIndex | None = None  # the committed events in memory, once built
        self._closed = False
        self._indexer: threading.Thread | None = None
        if event_cache_enabled():
            self._indexer = threading.Thread(target=self._index_events, name="tidings-events-index", daemon=True)
            self._indexer.start()

    def _index_events(self) -> None:
        """Build the events index (holding the write lock, so no batch lands meanwhile)."""
        from .event_cache import build

        with self.write_lock:
            if self._closed:
                return
            try:
                if (self.scalar("SELECT count(*) FROM events") or 0) > event_cache_limit():
                    log.warning("over %d events: events are read from the store, not kept in memory",
                                event_cache_limit())
                    return
                self.events = build(self, self.generation)
            except Exception:  # the DuckDB path answers everything without it
                log.exception("could not build the events index; events are read from the store")

    def wait_for_index(self, timeout: float = 120.0) -> EventIndex | None:
        """The events index once it is built (None if it is off or failed)."""
        if self._indexer is not None:
            self._indexer.join(timeout)
        return self.events

    # -- reading ---------------------------------------------------------------------------

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's connection to the database (DuckDB connections are not thread-safe)."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            with self._lock:
                cur = self._root.cursor()
                self._cursors.append(cur)
            self._local.cursor = cur
        return cur

    def rows(self, sql: str, params: Sequence[Any] | dict | None = None) -> list[dict[str, Any]]:
        cur = self.cursor().execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    query = rows  # the name the store's own read functions use

    def one(self, sql: str, params: Sequence[Any] | dict | None = None) -> dict[str, Any] | None:
        rows = self.rows(sql, params)
        return rows[0] if rows else None

    def scalar(self, sql: str, params: Sequence[Any] | dict | None = None) -> Any:
        row = self.cursor().execute(sql, params or []).fetchone()
        return row[0] if row else None

    def cached(self, key: Any, compute):
        """``compute()``, kept until the next batch is written (at most CACHED answers)."""
        hit = self._cache.get(key)
        if hit is not None and hit[0] == self.generation:
            return hit[1]
        generation = self.generation
        value = compute()
        if len(self._cache) >= CACHED:
            self._cache.clear()
        self._cache[key] = (generation, value)
        return value

    def _read_tables(self) -> frozenset[str]:
        return frozenset(r[0] for r in self.cursor().execute(
            "SELECT table_name FROM information_schema.tables").fetchall())

    def has(self, *tables: str) -> bool:
        """Whether the store has all these tables (stories, for one, come with a later migration)."""
        return all(t in self._tables for t in tables)

    @property
    def schema_version(self) -> int:
        return int(self.scalar("SELECT coalesce(max(version), 0) FROM schema_migrations") or 0)

    # -- writing ---------------------------------------------------------------------------

    def write(self, articles: Sequence, site_lines: dict | None = None) -> None:
        """Store a batch in one transaction; one writer at a time."""
        with self.write_lock:
            self.store.write(articles, site_lines)
            self._link()
            self._index_batch([a.id for a in articles])
            self.generation += 1
            self._tables = self._read_tables()

    def _index_batch(self, article_ids: list[str]) -> None:
        """Swap in the events index with the committed batch's events (or drop it, if that fails)."""
        if self.events is None:
            return
        from .event_cache import extend

        try:
            events = extend(self, self.events, article_ids, self.generation + 1)
            self.events = events if len(events) <= event_cache_limit() else None
        except Exception:
            self.events = None
            log.exception("could not add the batch to the events index; events are read from the store")

    def _link(self) -> None:
        """Run the corpus stages (near-duplicates, merged events, stories) over the new batch,
        where this Tidings has them: the holder of the store links what is handed to it."""
        try:
            from ..stories.corpus import link_stored
        except ImportError:
            return
        from ..options import Options
        from ..stages import resolve

        try:
            link_stored(self.store, Options(progress=False), resolve(None), {})
        except Exception:  # the batch is stored; `tidings reprocess` links what is left
            log.exception("the corpus stages failed on the new batch; it is stored all the same")

    def existing_ids(self, ids: Sequence[str]) -> set[str]:
        wanted = sorted(set(ids))
        if not wanted:
            return set()
        return {r[0] for r in self.cursor().execute(
            "SELECT id FROM articles WHERE list_contains($1, id)", [wanted]).fetchall()}

    def site_lines(self) -> dict:
        from collections import Counter

        out: dict[str, Counter] = {}
        for site, key, n in self.cursor().execute("SELECT site, key, n FROM site_lines").fetchall():
            out.setdefault(site, Counter())[key] = n
        return out

    def close(self) -> None:
        self._closed = True
        # an index still being built (a large store) must not hold up the shutdown for long
        if self.write_lock.acquire(timeout=5):
            self.write_lock.release()
        self.events = None
        with self._lock:
            for cur in self._cursors:
                try:
                    cur.close()
                except duckdb.Error:
                    pass
            self._cursors.clear()
        self.store.close()

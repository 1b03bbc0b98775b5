"""The embedded DuckDB store: open, migrate, write batches in one transaction, look up."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from ..errors import StoreError
from ..model import (ARTICLE_COLUMNS, Actor, ActorMention, Article, Claim, Event, Mention, Quote, Sentence,
                     columns)
from .access import READ_WAIT, WRITE_WAIT, connect, problem, transaction
from .schema import current_version, migrate

DEFAULT_PATH = "tidings.duckdb"

# Lists of records on an Article, and the table each is stored in. Later stages add theirs.
RECORD_TABLES: dict[str, tuple[str, type]] = {
    "sentences": ("sentences", Sentence),
    "mentions": ("mentions", Mention),
    "actor_mentions": ("actor_mentions", ActorMention),
    "events": ("events", Event),
    "quotes": ("quotes", Quote),
    "claims": ("claims", Claim),
}


def _row(record: object, names: Sequence[str]) -> tuple:
    """A record's stored values, as they are (``dataclasses.astuple`` deep-copies every list and
    dict, which cost more than the insert itself)."""
    return tuple(getattr(record, name) for name in names)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Store:
    """A Tidings store in one DuckDB file. Use ``open_store`` to get one.

    With ``hold=False`` the store keeps no connection between operations: each ``write``,
    ``existing_ids``, ``site_lines``, ``query`` and ``resolve_article_id`` opens the file and
    closes it again, so other processes can read between an ingest's batches. ``con`` (and
    ``connection()``) open a connection that stays until ``release()`` or ``close()``.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False, hold: bool = True,
                 wait: float | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.hold = hold
        self.wait = wait if wait is not None else (READ_WAIT if read_only else WRITE_WAIT)
        self._con: duckdb.DuckDBPyConnection | None = None
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; create one with `tidings ingest PATH --db {self.path}`")
        try:
            with self.connection() as con:
                self._check_schema(con)
        except duckdb.Error as exc:
            self.release()
            raise problem(self.path, exc) from None
        except BaseException:
            self.release()
            raise

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        version = current_version(con)
        if version == 0:
            if self.read_only:
                raise StoreError(f"{self.path} is not a Tidings store (no schema found)")
            tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
            if tables:
                raise StoreError(f"{self.path} is a DuckDB database but not a Tidings store (it holds "
                                 f"{', '.join(sorted(tables)[:3])}); pass --db a new file name")
        if not self.read_only:
            migrate(con)

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection, opened now if there is none."""
        if self._con is None:
            self._con = connect(self.path, read_only=self.read_only, wait=self.wait)
        return self._con

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one operation; a store that does not hold its file closes it afterwards."""
        opened = self._con is None
        try:
            yield self.con
        finally:
            if opened and not self.hold:
                self.release()

    def release(self) -> None:
        """Close the connection, letting other processes use the file until the next operation."""
        con, self._con = self._con, None
        if con is not None:
            try:
                con.close()
            except duckdb.Error:
                pass

    def close(self) -> None:
        self.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> None:
        self.close()
        if isinstance(exc, duckdb.Error):
            raise problem(self.path, exc) from None

    # -- writing ----------------------------------------------------------------------------

    def _insert(self, table: str, cols: Sequence[str], rows: list[tuple], on_conflict: str = "") -> None:
        # One statement per table: DuckDB's executemany runs a statement per row, far slower.
        if not rows:
            return
        names = ", ".join(_quote(c) for c in cols)
        selects = ", ".join(f"unnest(${i + 1})" for i in range(len(cols)))
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {selects} {on_conflict}",
                         [list(c) for c in zip(*rows)])

    def write(self, articles: Sequence[Article], site_lines: dict[str, Counter] | None = None) -> None:
        """Store a batch of articles with all their records, all or nothing."""
        with self.connection() as con, transaction(con, self.path):
            rows = [tuple(getattr(a, c) for c in ARTICLE_COLUMNS) + (a.n_words,) for a in articles]
            self._insert("articles", ARTICLE_COLUMNS + ("n_words",), rows)
            for attr, (table, record_type) in RECORD_TABLES.items():
                names = columns(record_type)
                records = [_row(r, names) for a in articles for r in getattr(a, attr)]
                self._insert(table, names, records)
            self._upsert_actors([actor for a in articles for actor in a.actors])
            if site_lines:
                self._upsert_site_lines(site_lines)

    def _upsert_actors(self, actors: list[Actor]) -> None:
        """Insert new actors; for known ones, add the aliases this batch met."""
        merged: dict[str, Actor] = {}
        for actor in actors:
            if actor.id in merged:
                merged[actor.id].aliases = sorted(set(merged[actor.id].aliases) | set(actor.aliases))
            else:
                merged[actor.id] = replace(actor, aliases=list(actor.aliases))
        if not merged:
            return
        names = columns(Actor)
        self._insert("actors", names, [_row(a, names) for a in merged.values()],
                     "ON CONFLICT (id) DO UPDATE SET "
                     "aliases = list_sort(list_distinct(list_concat(actors.aliases, excluded.aliases)))")

    def _upsert_site_lines(self, site_lines: dict[str, Counter]) -> None:
        rows = [(site, key, n) for site, counts in site_lines.items() for key, n in counts.items()]
        if not rows:
            return
        sites, keys, ns = (list(c) for c in zip(*rows))
        self.con.execute(
            "INSERT INTO site_lines SELECT unnest($1), unnest($2), unnest($3) "
            "ON CONFLICT (site, key) DO UPDATE SET n = site_lines.n + excluded.n",
            [sites, keys, ns],
        )

    # -- reading ----------------------------------------------------------------------------

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Those of the given article ids that are already stored."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        with self.connection() as con:
            rows = con.execute("SELECT id FROM articles WHERE list_contains($1, id)", [wanted]).fetchall()
        return {r[0] for r in rows}

    def site_lines(self) -> dict[str, Counter]:
        """Line counts per site, as the cleaner remembers them."""
        out: dict[str, Counter] = {}
        with self.connection() as con:
            rows = con.execute("SELECT site, key, n FROM site_lines").fetchall()
        for site, key, n in rows:
            out.setdefault(site, Counter())[key] = n
        return out

    def query(self, sql: str, params: Sequence[Any] | dict | None = None) -> list[dict[str, Any]]:
        """Rows of a SQL query as dicts."""
        with self.connection() as con:
            cur = con.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]

    def resolve_article_id(self, key: str) -> str:
        """The full id of an article named by its id, a unique id prefix, its origin path, file name or URL."""
        with self.connection() as con:
            rows = con.execute(
                "SELECT id FROM articles WHERE id = $1 OR starts_with(id, $1) OR origin = $1 OR url = $1"
                " OR ends_with(origin, '/' || $1) LIMIT 3",
                [key],
            ).fetchall()
        if not rows:
            raise StoreError(f"no article {key!r} in {self.path}; `tidings articles` lists them")
        if len(rows) > 1:
            raise StoreError(f"{key!r} matches several articles ({', '.join(r[0] for r in rows)}, ...); give more of the id")
        return rows[0][0]

    @property
    def schema_version(self) -> int:
        with self.connection() as con:
            return current_version(con)


def open_store(path: str | Path = DEFAULT_PATH, *, read_only: bool = False, hold: bool = True,
               wait: float | None = None) -> Store:
    """Open (creating and migrating when writable) the store at ``path``.

    ``hold=False`` opens the file only for each operation (see ``Store``): what a long ingest
    or a long-running reader such as a server should use. ``wait`` is how long to wait for
    another process's lock (default 10 s for readers, 60 s for writers).
    """
    return Store(path, read_only=read_only, hold=hold, wait=wait)

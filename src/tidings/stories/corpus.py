"""Running the corpus stages: near-duplicates, merged events, stories.

They work on stored articles, after each batch is written, in the order the articles arrived
(stored, then published). Each stage keeps in ``corpus_stage_done`` which articles it has seen;
its work on a chunk of articles and the rows saying so are written in one transaction. A run
killed midway leaves every stage either done or not done with each article, and the next ingest
or ``tidings reprocess`` takes up the articles left.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence

import duckdb

from ..options import Options
from ..stages import StageInfo, corpus_stages
from ..store.access import transaction

CHUNK = 256  # articles per transaction


def selected(names: Iterable[str] | None, available: Iterable[str] | None = None) -> list[StageInfo]:
    """The corpus stages to run, each after those it needs: the named ones (all when None) whose
    needs the per-article stages (``available``: what they provide; None for everything) and the
    other corpus stages meet."""
    stages = corpus_stages()
    wanted = [stages[n] for n in stages if names is None or n in set(names)]
    made = {p for info in stages.values() for p in info.provides}
    have = set(available) if available is not None else None
    ordered: list[StageInfo] = []
    done: set[str] = set()
    while wanted:
        coming = {p for info in wanted for p in info.provides}
        ready = [s for s in wanted if all(r in done or r not in coming for r in s.requires)]
        if not ready:
            break
        for info in ready:
            wanted.remove(info)
            outside = {r for r in info.requires if r not in made}
            if have is not None and not outside <= have:
                continue
            ordered.append(info)
            done.update(info.provides)
    return ordered


def pending(con: duckdb.DuckDBPyConnection, stage: str) -> list[str]:
    """Stored articles the stage has not seen, in the order they arrived."""
    rows = con.execute(
        "SELECT a.id FROM articles a ANTI JOIN corpus_stage_done d ON d.article_id = a.id AND d.stage = $1"
        " ORDER BY a.ingested_at, a.published NULLS LAST, a.id", [stage]).fetchall()
    return [r[0] for r in rows]


def run(store, options: Options | None = None, stages: Sequence[StageInfo] | None = None,
        seconds: dict[str, float] | None = None) -> dict[str, int]:
    """Run ``stages`` (default: all corpus stages) over the articles each has not seen; return
    how many articles each stage took. ``seconds`` gains the time spent per stage."""
    options = options or Options()
    stages = selected(None) if stages is None else stages
    done: dict[str, int] = {}
    with store.connection() as con:
        for info in stages:
            started = time.perf_counter()
            ids = pending(con, info.name)
            for i in range(0, len(ids), CHUNK):
                chunk = ids[i:i + CHUNK]
                with transaction(con, store.path):
                    info.fn(store, chunk, options)
                    con.execute("INSERT INTO corpus_stage_done (stage, article_id) SELECT $1, unnest($2)"
                                " ON CONFLICT DO NOTHING", [info.name, chunk])
            done[info.name] = len(ids)
            if seconds is not None:
                seconds[info.name] = seconds.get(info.name, 0.0) + time.perf_counter() - started
    return done


def forget(store, stage_names: Iterable[str]) -> None:
    """Make the stages see every article again, dropping what they had built (for reprocess)."""
    names = list(stage_names)
    tables = {"near_duplicates": ("near_duplicates", "minhash_bands"),
              "merged_events": ("event_mentions", "merged_events"),
              "stories": ("story_articles", "stories", "term_df")}
    with store.connection() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            for name in names:
                for table in tables.get(name, ()):
                    con.execute(f"DELETE FROM {table}")
                con.execute("DELETE FROM corpus_stage_done WHERE stage = $1", [name])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def link_stored(store, options: Options, article_stages: Sequence[StageInfo], seconds: dict[str, float]) -> None:
    """After a batch is stored: run the corpus stages whose needs the pipeline's stages meet.

    ``store`` may be a Store or something that writes to one (an ingest target that hands batches
    to a server holding the file); where no Store is at hand here, whoever holds it links them,
    and the next ``tidings reprocess --stages near_duplicates,merged_events,stories`` does too."""
    target = getattr(store, "_target", None)
    store = target() if callable(target) else store
    if not hasattr(store, "connection"):
        return
    provided = {p for info in article_stages for p in info.provides}
    run(store, options, selected(None, provided), seconds)

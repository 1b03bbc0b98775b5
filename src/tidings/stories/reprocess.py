"""`tidings reprocess`: run stages again over the stored articles, without reading the inputs again.

Per-article stages (sentences, entities, actors, events, quotes) are run again on each stored
article's clean text, with the stages they need; each batch's old records of those stages are
replaced by the new ones in one transaction, together with a row per article in
``reprocess_done``. A run killed midway is taken up where it stopped by the same command; the
rows go when the run is complete. The corpus stages (near_duplicates, merged_events, stories) are
then rebuilt over all articles in the order they arrived, with those that depend on them: a store
built by an older Tidings gains merged events and stories this way. Story ids are made from
their first article, so a rebuild gives the same ids for the same stories.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import ConfigError, InputError
from ..model import ARTICLE_COLUMNS, Article, columns
from ..options import Options
from ..stages import corpus_stages, registered
from ..store.access import transaction
from . import corpus

# What a per-article stage provides -> the Article attribute and table its records go to.
TABLES = {"sentences": "sentences", "mentions": "mentions", "actor_mentions": "actor_mentions",
          "events": "events", "quotes": "quotes", "claims": "claims"}


@dataclass
class ReprocessReport:
    articles: int = 0
    resumed: int = 0
    failed: list[InputError] = field(default_factory=list)
    corpus: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)


def plan(names: Sequence[str] | None) -> tuple[list[str], list[str]]:
    """(per-article stages with all they need, corpus stages with all that depend on them)."""
    known, corp = registered(), corpus_stages()
    wanted = list(known) + list(corp) if not names else list(names)
    unknown = [n for n in wanted if n not in known and n not in corp]
    if unknown:
        raise ConfigError(f"unknown stage {unknown[0]!r}; valid stages: {', '.join(sorted(known) + sorted(corp))}")
    article = [n for n in wanted if n in known]
    need = {r for n in article for r in known[n].requires}
    while True:  # add the stages that provide what the chosen ones need (parsing gives 'doc')
        more = [n for n, i in known.items() if n not in article and set(i.provides) & need]
        if not more:
            break
        article += more
        need |= {r for n in more for r in known[n].requires}
    rebuilt = [n for n in wanted if n in corp]
    if article:  # new records: the corpus stages that read them are rebuilt
        made = {p for n in article for p in known[n].provides}
        rebuilt += [n for n, i in corp.items() if set(i.requires) & made and n not in rebuilt]
    while True:  # and those that read what a rebuilt corpus stage makes
        made = {p for n in rebuilt for p in corp[n].provides}
        more = [n for n, i in corp.items() if n not in rebuilt and set(i.requires) & made]
        if not more:
            break
        rebuilt += more
    return article, [info.name for info in corpus.selected(rebuilt)]


def _load(store, ids: list[str]) -> list[Article]:
    cols = [c for c in ARTICLE_COLUMNS]
    names = ", ".join(f'"{c}"' for c in cols)
    rows = store.con.execute(f"SELECT {names} FROM articles WHERE list_contains($1, id) ORDER BY ingested_at, id",
                             [ids]).fetchall()
    return [Article(**dict(zip(cols, r))) for r in rows]


def _replace(store, articles: list[Article], attrs: list[str], key: str) -> None:
    con = store.con
    ids = [a.id for a in articles]
    with transaction(con, store.path):
        from ..store.db import RECORD_TABLES

        for attr in attrs:
            table, record_type = RECORD_TABLES[attr]
            con.execute(f"DELETE FROM {table} WHERE list_contains($1, article_id)", [ids])
            names = columns(record_type)
            store._insert(table, names, [tuple(getattr(r, n) for n in names) for a in articles for r in getattr(a, attr)])
        if "actor_mentions" in attrs:
            store._upsert_actors([actor for a in articles for actor in a.actors])
        con.execute("INSERT INTO reprocess_done SELECT $1, unnest($2) ON CONFLICT DO NOTHING", [key, ids])


def reprocess(store, options: Options | None = None, names: Sequence[str] | None = None,
              progress: Callable[[int, int], None] | None = None) -> ReprocessReport:
    """Run the named stages (default: all) again over the stored articles; see the module docstring."""
    options = options or Options()
    report = ReprocessReport()
    article_stages, corpus_names = plan(names)
    if article_stages:
        from ..pipeline import Pipeline

        pipeline = Pipeline(options, stages=article_stages)
        provided = {p for info in pipeline.stages for p in info.provides}
        attrs = [a for p, a in TABLES.items() if p in provided]
        key = ",".join(sorted(article_stages))
        with store.connection() as con:
            done = {r[0] for r in con.execute("SELECT article_id FROM reprocess_done WHERE stages = $1", [key]).fetchall()}
            ids = [r[0] for r in con.execute(
                "SELECT id FROM articles WHERE status = 'processed' ORDER BY ingested_at, id").fetchall()]
            report.resumed = len(done)
            todo = [i for i in ids if i not in done]
            step = options.batch_size
            for start in range(0, len(todo), step):
                batch = _load(store, todo[start:start + step])
                out = []
                for item in pipeline.parse(batch):
                    if isinstance(item, InputError):
                        report.failed.append(item)
                    else:
                        out.append(item)
                _replace(store, out, attrs, key)
                report.articles += len(out)
                if progress:
                    progress(start + len(batch), len(todo))
            con.execute("DELETE FROM reprocess_done WHERE stages = $1", [key])
        report.stage_seconds.update(pipeline.stage_seconds)
    if corpus_names:
        corpus.forget(store, corpus_names)
        stages = corpus.selected(corpus_names)
        report.corpus = corpus.run(store, options, stages, report.stage_seconds)
    return report

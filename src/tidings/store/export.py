"""Export the store's tables, one file per table, as JSON Lines, CSV or Parquet.

The export contract, kept by every later stage: each record has ``id``; an article record has
``id``, ``title``, ``text`` (clean), ``raw_text``, ``removed`` (list of removed lines),
``published``, ``url``, ``source``, ``language``; each record derived from text has
``article_id`` and character offsets ``start``/``end`` into the article's clean text.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from .db import Store

FORMATS = {"jsonl": "(FORMAT json)", "csv": "(FORMAT csv, HEADER)", "parquet": "(FORMAT parquet)"}

# table -> SELECT list. Lists stay lists in JSON Lines and Parquet; CSV gets them as JSON text.
EXPORTS: dict[str, str] = {
    "articles": (
        "id, title, text, raw_text, {removed} AS removed, strftime(published, '%Y-%m-%d') AS published, "
        "url, source, author, language, language_score, status, format, origin, n_words, "
        "strftime(ingested_at, '%Y-%m-%dT%H:%M:%S') AS ingested_at"
    ),
    "sentences": 'id, article_id, "index", start, "end", text',
    "mentions": 'id, article_id, sentence_index, start, "end", text, label',
    "actors": "id, name, type, country, {sectors} AS sectors, wikidata, {aliases} AS aliases",
    "actor_mentions": 'id, actor_id, article_id, sentence_index, start, "end", text, country, '
                      "{sectors} AS sectors, method, confidence",
    "events": "id, article_id, sentence_index AS sentence, type, mode, context, cameo, {sources} AS sources, "
              "{targets} AS targets, modality, modality_cue, {attributed_to} AS attributed_to, "
              "strftime(date, '%Y-%m-%d') AS date, date_precision, {location} AS location, start, \"end\", "
              "trigger, confidence",
    "quotes": 'id, article_id, sentence_index AS sentence, start, "end", text, {speaker} AS speaker, cue, cue_start, '
              "cue_end, method",
    "claims": 'id, article_id, sentence_index AS sentence, kind, {speaker} AS speaker, cue, cue_start, cue_end, '
              'content, content_start, content_end, start, "end"',
    # near-duplicates, merged events and stories (docs/stories.md)
    "near_duplicates": "article_id AS id, article_id, duplicate_of, similarity",
    "merged_events": "id, type, mode, modality, {sources} AS sources, {targets} AS targets, "
                     "strftime(date, '%Y-%m-%d') AS date, strftime(date_min, '%Y-%m-%d') AS date_min, "
                     "strftime(date_max, '%Y-%m-%d') AS date_max, place_country, first_article_id, "
                     "strftime(first_reported, '%Y-%m-%d') AS first_reported, n_mentions, n_articles, n_sources, confidence",
    "event_mentions": 'id, event_id, article_id, start, "end", reason',
    "stories": "id, label, headline, strftime(first_date, '%Y-%m-%d') AS first_date, "
               "strftime(last_date, '%Y-%m-%d') AS last_date, n_articles, {key_actors} AS key_actors, "
               "{key_types} AS key_types",
    "story_articles": "article_id AS id, story_id, article_id, similarity, reason",
}


def export(store: Store, fmt: str, out_dir: str | Path, tables: list[str] | None = None) -> dict[str, Path]:
    """Write each table to ``out_dir/<table>.<fmt>``; return the files written by table."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; valid formats: {', '.join(FORMATS)}")
    chosen = tables or list(EXPORTS)
    unknown = [t for t in chosen if t not in EXPORTS]
    if unknown:
        raise ConfigError(f"unknown table {unknown[0]!r}; valid tables: {', '.join(EXPORTS)}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for table in chosen:
        lists = {c: f"to_json({c})" if fmt == "csv" else c
                 for c in ("removed", "sectors", "aliases", "sources", "targets", "attributed_to", "location",
                           "speaker", "key_actors", "key_types")}
        select = EXPORTS[table].format(**lists)
        target = out / f"{table}.{fmt}"
        path_sql = str(target).replace("'", "''")
        store.con.execute(f"COPY (SELECT {select} FROM {table} ORDER BY id) TO '{path_sql}' {FORMATS[fmt]}")
        written[table] = target
    return written

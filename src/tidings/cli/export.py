"""`tidings export`: the store's tables as files, events as PLOVER or GDELT."""

from __future__ import annotations

from pathlib import Path

import click

from ..store.db import open_store
from .app import db_option, err, main, min_confidence_option
from .output import make_folder, writing
from .safe import markup


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "gdelt"]), default="jsonl",
              show_default=True, help="Table files, or events as PLOVER JSON Lines or a GDELT-style tab-separated file.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the files, one per table: articles.jsonl, sentences.jsonl, ...")
@click.option("--table", "tables", multiple=True, help="Export only this table; may be repeated.")
@click.option("--all-modalities", is_flag=True,
              help="gdelt: include negated and hypothetical events (by default only asserted ones, as GDELT has no modality).")
@min_confidence_option("plover and gdelt: ")
def export_cmd(db: str, fmt: str, out_dir: Path, tables: tuple[str, ...], all_modalities: bool,
               min_confidence: float | None) -> None:
    """Write the store's tables to files, one per table, named after it.

    Every record has `id`; records derived from text have `article_id` and character
    offsets `start`/`end` into the article's clean `text` (see docs/export.md).
    `--format plover` writes events.plover.jsonl and `--format gdelt` events.gdelt.tsv,
    documented column by column in docs/events.md; with `--min-confidence 0.45` (the high-precision setting) they
    hold only the high-precision events.
    """
    from ..store.export import export

    if fmt in ("plover", "gdelt"):
        from ..store.formats import export_gdelt, export_plover

        make_folder(out_dir)
        with open_store(db, read_only=True) as store:
            path = out_dir / ("events.plover.jsonl" if fmt == "plover" else "events.gdelt.tsv")
            with writing(path):
                if fmt == "plover":
                    n = export_plover(store, path, min_confidence=min_confidence)
                else:
                    n = export_gdelt(store, path, asserted_only=not all_modalities, min_confidence=min_confidence)
        err.print(f"{markup(path)}  {n} records")
        return
    if min_confidence is not None:
        raise click.UsageError("--min-confidence applies to --format plover and gdelt only; "
                               f"--format {fmt} copies whole tables")
    make_folder(out_dir)
    with open_store(db, read_only=True) as store, writing(out_dir):
        written = export(store, fmt, out_dir, list(tables) or None)
        for table, path in written.items():
            n = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            err.print(f"{markup(path)}  {n} records")

"""The `tidings` command line: a thin layer over the library."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .errors import InputError, TidingsError
from .ingest.dates import parse_date
from .options import Options
from .store.db import DEFAULT_PATH, open_store

out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:
    out.width = 120  # piped output: wide enough for a table row per line
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option("--db", "db", default=DEFAULT_PATH, show_default=True, type=click.Path(dir_okay=False),
                         help="The store: a DuckDB file.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, default=str, ensure_ascii=False, indent=2))


class TidingsGroup(click.Group):
    """Turns library errors into one clear line and exit code 1, without a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TidingsError as exc:
            raise click.ClickException(str(exc)) from None


@click.group(cls=TidingsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tidings")
def main() -> None:
    """Turn news articles into a sourced, queryable record.

    \b
    Start here:
      tidings ingest examples/articles        read, clean and parse articles into tidings.duckdb
      tidings stats                           what the store holds
      tidings articles --search Pyongyang     find articles
      tidings show 3f2a                       one article: clean text, removed lines, sentences, actors
      tidings actors --country PRK            who is mentioned, how often
      tidings show actor "Kim Jong Un"        one actor: codes, spellings, every mention
      tidings events --country PRK            who did what to whom, asserted or not
      tidings export --format jsonl --out export/
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for the spaCy parse; 2 uses both cores of a 2-core laptop.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per parse batch and per store transaction.")
@click.option("--published", callback=_date, help="Publication date for inputs that give none (e.g. 2024-11-07).")
@click.option("--encoding", help="Encoding of plain-text files that are not UTF-8 (e.g. cp1252).")
@click.option("--boilerplate", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra boilerplate lexicon (one regex per line); may be repeated.")
@click.option("--triggers", "trigger_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra event triggers (TSV with the columns of events/data/triggers.tsv); may be repeated.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actors (TSV with the columns of leaders.tsv or organisations.tsv); may be repeated.")
@click.option("--timeout", default=20.0, show_default=True, help="Seconds to wait for a URL.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no duplicate lines (errors still show).")
@click.option("--verbose", "-v", is_flag=True, help="Print a line to stdout for each article stored.")
def ingest(paths: tuple[str, ...], db: str, workers: int, batch_size: int, published: date | None,
           encoding: str | None, boilerplate: tuple[Path, ...], trigger_files: tuple[Path, ...],
           actor_files: tuple[Path, ...], timeout: float, quiet: bool,
           verbose: bool) -> None:
    """Read articles from files, folders, URLs and RSS/Atom feeds into the store.

    PATHS may be .txt files (first non-empty line is the title), .html pages, .jsonl files
    (one article per line with "text" or "html", and "title", "url", "published", "source"),
    folders (searched recursively), article URLs and feed URLs. A file `name.json` beside
    `name.txt` or `name.html` supplies its metadata. Articles already stored are skipped,
    so an interrupted run can simply be started again. Exit code 1 if any input failed.
    """
    from .pipeline import Pipeline  # loads spaCy: keep `tidings --help` fast

    options = Options(workers=workers, batch_size=batch_size, published=published, encoding=encoding,
                      boilerplate=boilerplate, actors=actor_files, triggers=trigger_files, timeout=timeout,
                      progress=not quiet)
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=False)
    counts = {"words": 0}
    with open_store(db) as store, progress:
        task = progress.add_task("ingest", total=None, rate="")

        def listen(kind: str, item) -> None:
            if kind == "failed":
                err.print(f"[red]error[/red] {escape(str(item))}")
            elif kind == "duplicate" and not quiet:
                err.print(f"[yellow]duplicate[/yellow] {escape(item.origin or item.id)} (already stored as {item.id})")
            if kind == "added":
                counts["words"] += item.n_words
                if verbose:
                    click.echo(f"stored {item.id} {item.origin}")
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 1e-9
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f} articles/s  {counts['words'] / elapsed:,.0f} words/s")

        report = Pipeline(options).run(list(paths), store, listen,
                                       total=lambda n: progress.update(task, total=n))
    rate = report.added / report.seconds if report.seconds else 0.0
    skipped = f" ({report.skipped_language} not in {', '.join(options.languages)}: stored, not parsed)" \
        if report.skipped_language else ""
    err.print(f"Added {report.added} articles{skipped}, {len(report.duplicates)} duplicates, "
              f"{len(report.failed)} failed in {report.seconds:.1f} s "
              f"({rate:.1f} articles/s, {report.words / max(report.seconds, 1e-9):,.0f} words/s) into {db}")
    if not report.ok:
        sys.exit(1)


@main.command()
@db_option
@click.option("--language", help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--source", help="Only articles whose source contains this text.")
@click.option("--since", callback=_date, help="Published on or after this date.")
@click.option("--until", callback=_date, help="Published on or before this date.")
@click.option("--search", help="Only articles whose title or text contains this text.")
@click.option("--status", type=click.Choice(["processed", "skipped-language"]), help="Only articles with this status.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@json_option
def articles(db: str, language, source, since, until, search, status, limit: int, as_json: bool) -> None:
    """List stored articles, newest first."""
    from .store.queries import list_articles

    with open_store(db, read_only=True) as store:
        rows = list_articles(store, language=language, source=source, since=since, until=until,
                             search=search, status=status, limit=limit)
    if as_json:
        return _echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 10), ("published", 10), ("source", 16), ("lang", 4), ("words", 5), ("sents", 5), ("ents", 4)):
        table.add_column(name, no_wrap=True, min_width=width, max_width=width, overflow="ellipsis",
                         justify="right" if name in ("words", "sents", "ents") else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", min_width=20)
    for r in rows:
        table.add_row(r["id"][:10], str(r["published"] or ""), r["source"] or "", r["language"] or "",
                      str(r["n_words"]), str(r["n_sentences"]), str(r["n_mentions"]),
                      escape(r["title"] or "(untitled)"))
    out.print(table)
    err.print(f"{len(rows)} articles" + (" (limit reached; use --limit)" if len(rows) == limit else ""))


@main.command()
@click.argument("what", nargs=-1, required=True)
@db_option
@json_option
def show(what: tuple[str, ...], db: str, as_json: bool) -> None:
    """Show one record: `show ARTICLE`, `show actor NAME` or `show event ID`.

    \b
    ARTICLE is an article id, a unique prefix of one, or the path, file name or URL it was
    read from: metadata, clean text, removed page residue, sentences and entities.
    `show actor NAME` takes an actor's id, name or any spelling met ("Kim Jong-un"): its
    codes, aliases and every mention with its sentence. `show event ID` prints the
    sentence with the trigger and the actors marked, and the event's codes.
    """
    kinds = ("article", "actor", "event")
    if len(what) == 2 and what[0] in kinds:
        kind, key = what
    elif len(what) == 1:
        kind, key = "article", what[0]
    else:
        raise click.UsageError(f"expected KEY or KIND KEY with KIND one of: {', '.join(kinds)}")
    if kind == "actor":
        return _show_actor(db, key, as_json)
    if kind == "event":
        return _show_event(db, key, as_json)
    from .store.queries import get_article

    with open_store(db, read_only=True) as store:
        a = get_article(store, key)
    if as_json:
        return _echo_json(a)
    out.print(f"[bold]{escape(a['title'] or '(untitled)')}[/bold]")
    for field in ("id", "published", "source", "author", "url", "origin", "language", "status"):
        if a[field] is not None:
            out.print(f"  [dim]{field:<9}[/dim] {escape(str(a[field]))}")
    out.print()
    out.print(escape(a["text"]))
    out.print()
    out.print(f"[bold]Removed as page residue[/bold] ({len(a['removed'])} lines)")
    for line in a["removed"]:
        out.print(f"  [red]-[/red] {escape(line)}")
    out.print(f"\n[bold]Sentences[/bold] ({len(a['sentences'])}), [bold]entities[/bold] ({len(a['mentions'])}),"
              f" [bold]actors[/bold] ({len(a['actor_mentions'])})")
    by_sentence: dict[int, list[str]] = {}
    for m in a["mentions"]:
        by_sentence.setdefault(m["sentence_index"], []).append(f"{escape(m['text'])} [dim]{m['label']}[/dim]")
    actors_by_sentence: dict[int, list[str]] = {}
    for m in a["actor_mentions"]:
        codes = " ".join(filter(None, [m["country"], *m["sectors"]]))
        who = escape(m["actor_name"] or "unresolved")
        actors_by_sentence.setdefault(m["sentence_index"], []).append(
            f"{escape(m['text'])} [dim]->[/dim] {who} [dim]{codes} ({m['method']})[/dim]")
    for s in a["sentences"]:
        out.print(f"  [dim]{s['index']:>3} {s['start']:>5}-{s['end']:<5}[/dim] {escape(s['text'])}")
        if by_sentence.get(s["index"]):
            out.print(f"  {'':>15} [cyan]{', '.join(by_sentence[s['index']])}[/cyan]")
        if actors_by_sentence.get(s["index"]):
            out.print(f"  {'':>15} [green]{', '.join(actors_by_sentence[s['index']])}[/green]")


def _show_event(db: str, key: str, as_json: bool) -> None:
    from rich.text import Text

    from .store.queries import get_event

    with open_store(db, read_only=True) as store:
        e = get_event(store, key)
    if as_json:
        return _echo_json(e)
    base = e["sentence_start"]
    line = Text(e["sentence_text"])
    for actor in e["sources"]:
        line.stylize("bold green", actor["start"] - base, actor["end"] - base)
    for actor in e["targets"]:
        if actor not in e["sources"]:
            line.stylize("bold blue", actor["start"] - base, actor["end"] - base)
    line.stylize("bold reverse", e["start"] - base, e["end"] - base)
    out.print(f"[bold]{e['type']}[/bold] {e['mode'] or ''} {e['context'] or ''} [dim](CAMEO {e['cameo']})[/dim]"
              f"  {e['modality']}" + (f" [dim](cue: {escape(e['modality_cue'])})[/dim]" if e["modality_cue"] else ""))
    out.print(line)
    who = lambda xs: "; ".join(f"{escape(x['name'] or x['text'])} [dim]{x['country'] or ''} {' '.join(x['sectors'])}[/dim]" for x in xs)  # noqa: E731
    out.print(f"  [green]source[/green]  {who(e['sources'])}")
    out.print(f"  [blue]target[/blue]  {who(e['targets']) or '-'}")
    if e["attributed_to"]:
        a = e["attributed_to"]
        out.print(f"  [dim]claimed by[/dim] {escape(a['name'] or a['text'])}")
    if e["date"]:
        out.print(f"  [dim]when[/dim]    {e['date']} ({e['date_precision']})")
    if e["location"]:
        loc = e["location"]
        out.print(f"  [dim]where[/dim]   {escape(loc['name'])} {loc['country'] or ''} ({loc['lat']}, {loc['lon']})")
    out.print(f"  [dim]article[/dim] {e['article_id']} {escape(e['title'] or '')} {e['published'] or ''}")
    out.print(f"  [dim]id[/dim]      {e['id']}  confidence {e['confidence']}")


def _show_actor(db: str, key: str, as_json: bool) -> None:
    from .store.queries import get_actor

    with open_store(db, read_only=True) as store:
        actor = get_actor(store, key)
    if as_json:
        return _echo_json(actor)
    out.print(f"[bold]{escape(actor['name'])}[/bold]  [dim]{actor['id']}[/dim]")
    for field in ("type", "country", "sectors", "wikidata", "aliases"):
        value = actor[field]
        if value:
            out.print(f"  [dim]{field:<9}[/dim] {escape(', '.join(value) if isinstance(value, list) else str(value))}")
    out.print(f"\n[bold]Mentions[/bold] ({len(actor['mentions'])})")
    for m in actor["mentions"]:
        sentence = m["sentence"]
        out.print(f"  [dim]{m['article_id'][:10]} {m['published'] or ''} {m['method']}[/dim] "
                  f"{escape(m['text'])}: [italic]{escape(sentence)}[/italic]")


@main.command("actors")
@db_option
@click.option("--country", help="Only actors of this country (ISO 3166 alpha-3, e.g. PRK).")
@click.option("--type", "type_", help="Only actors of this type (person, country, government, military, ...).")
@click.option("--sector", help="Only actors with this sector code (GOV, MIL, COP, REB, ...).")
@click.option("--search", help="Only actors whose name or an alias contains this text.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@json_option
def actors_cmd(db: str, country, type_, sector, search, limit: int, as_json: bool) -> None:
    """List actors with how often, and in how many articles, they are mentioned."""
    from .store.queries import list_actors

    with open_store(db, read_only=True) as store:
        rows = list_actors(store, country=country, type=type_, sector=sector, search=search, limit=limit)
    if as_json:
        return _echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 22), ("name", 28), ("type", 12), ("country", 7), ("sectors", 9),
                        ("mentions", 8), ("articles", 8)):
        table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis",
                         justify="right" if name in ("mentions", "articles") else "left")
    for r in rows:
        table.add_row(r["id"], escape(r["name"]), r["type"], r["country"] or "", " ".join(r["sectors"]),
                      str(r["mentions"]), str(r["articles"]))
    out.print(table)
    err.print(f"{len(rows)} actors" + (" (limit reached; use --limit)" if len(rows) == limit else ""))


@main.command("events")
@db_option
@click.option("--actor", help="Only events with this actor (name or id) as source or target.")
@click.option("--country", help="Only events with an actor of this country (ISO alpha-3).")
@click.option("--type", "type_", help="Only this PLOVER type (ASSAULT, CONSULT, ...).")
@click.option("--modality", type=click.Choice(["asserted", "negated", "hypothetical"]), help="Only this modality.")
@click.option("--since", callback=_date, help="On or after this date (the event's, else the article's).")
@click.option("--until", callback=_date, help="On or before this date.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]), default="table",
              show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (needed for parquet; jsonl and csv go to stdout without it).")
@click.option("--limit", default=100, show_default=True, type=click.IntRange(0),
              help="At most this many events (0: all).")
def events_cmd(db: str, actor, country, type_, modality, since, until, fmt: str, out_file: Path | None,
               limit: int) -> None:
    """List coded events: who did what to whom, when, where, and whether it happened.

    \b
    Examples:
      tidings events --country PRK --modality asserted
      tidings events --type ASSAULT --since 2024-11-01 --format csv > assaults.csv
      tidings events --format parquet --out events.parquet --limit 0
    """
    from .store.queries import list_events

    with open_store(db, read_only=True) as store:
        rows = list_events(store, limit=limit or None, actor=actor, country=country, type=type_,
                           modality=modality, since=since, until=until)
    if fmt == "table":
        table = Table(box=None)
        for name, width in (("id", 21), ("date", 10), ("type", 9), ("modality", 12), ("source", 22),
                            ("target", 22), ("where", 16), ("trigger", 14)):
            table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis")
        for r in rows:
            who = lambda xs: ", ".join(x["name"] or x["text"] for x in xs)  # noqa: E731
            table.add_row(r["id"], r["date"] or "", r["type"], r["modality"], escape(who(r["sources"])),
                          escape(who(r["targets"])), escape((r["location"] or {}).get("name") or ""),
                          escape(r["trigger"]))
        out.print(table)
        err.print(f"{len(rows)} events" + (" (limit reached; use --limit 0 for all)" if limit and len(rows) == limit else ""))
        return
    _write_rows(rows, fmt, out_file)


def _write_rows(rows: list[dict], fmt: str, out_file: Path | None) -> None:
    """Rows as JSON Lines, CSV (nested values as JSON) or Parquet, to a file or stdout."""
    import csv
    import io

    if fmt == "parquet":
        if out_file is None:
            raise click.UsageError("--format parquet needs --out FILE")
        import duckdb

        tmp = io.StringIO("\n".join(json.dumps(r, default=str) for r in rows))
        path = out_file.with_suffix(".jsonl.tmp")
        path.write_text(tmp.getvalue(), encoding="utf-8")
        try:
            target = str(out_file).replace("'", "''")
            duckdb.sql(f"COPY (SELECT * FROM read_json('{str(path).replace(chr(39), chr(39) * 2)}')) "
                       f"TO '{target}' (FORMAT parquet)")
        finally:
            path.unlink(missing_ok=True)
        err.print(f"{out_file}  {len(rows)} events")
        return
    sink = out_file.open("w", encoding="utf-8", newline="") if out_file else sys.stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                sink.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(sink)
            if rows:
                writer.writerow(rows[0].keys())
            for r in rows:
                writer.writerow([json.dumps(v, default=str) if isinstance(v, (list, dict)) else v for v in r.values()])
    finally:
        if out_file:
            sink.close()


@main.command()
@db_option
@json_option
def stats(db: str, as_json: bool) -> None:
    """What the store holds: counts by status, language, format and source; top entities."""
    from .store.queries import stats as store_stats

    with open_store(db, read_only=True) as store:
        s = store_stats(store)
    if as_json:
        return _echo_json(s)
    out.print(f"[bold]{escape(s['store'])}[/bold] (schema v{s['schema_version']})")
    span = f", published {s['published_from']} to {s['published_to']}" if s["published_from"] else ""
    out.print(f"  {s['articles']} articles, {s['words']:,} words, {s['sentences']:,} sentences, "
              f"{s['mentions']:,} entity mentions, {s['removed_lines']} residue lines removed{span}")
    out.print(f"  {s['actors']:,} actors, {s['actor_mentions']:,} actor mentions "
              f"({s['actor_mentions_resolved']:,} resolved)")
    for title, key in (("status", "by_status"), ("language", "by_language"), ("format", "by_format"),
                       ("source", "by_source"), ("entity label", "entity_labels")):
        out.print(f"  [dim]by {title}:[/dim] " + ", ".join(f"{escape(k)} {n}" for k, n in s[key].items()))
    if s["top_entities"]:
        out.print("  [dim]most mentioned:[/dim] " + ", ".join(
            f"{escape(e['text'])} ({e['mentions']})" for e in s["top_entities"]))


@main.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "gdelt"]), default="jsonl",
              show_default=True, help="Table files, or events as PLOVER JSON Lines or a GDELT-style tab-separated file.")
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the files, one per table: articles.jsonl, sentences.jsonl, ...")
@click.option("--table", "tables", multiple=True, help="Export only this table; may be repeated.")
@click.option("--all-modalities", is_flag=True,
              help="gdelt: include negated and hypothetical events (by default only asserted ones, as GDELT has no modality).")
def export_cmd(db: str, fmt: str, out_dir: Path, tables: tuple[str, ...], all_modalities: bool) -> None:
    """Write the store's tables to files, one per table, named after it.

    Every record has `id`; records derived from text have `article_id` and character
    offsets `start`/`end` into the article's clean `text` (see docs/export.md).
    `--format plover` writes events.plover.jsonl and `--format gdelt` events.gdelt.tsv,
    documented column by column in docs/events.md.
    """
    from .store.export import export

    if fmt in ("plover", "gdelt"):
        from .store.formats import export_gdelt, export_plover

        out_dir.mkdir(parents=True, exist_ok=True)
        with open_store(db, read_only=True) as store:
            if fmt == "plover":
                path = out_dir / "events.plover.jsonl"
                n = export_plover(store, path)
            else:
                path = out_dir / "events.gdelt.tsv"
                n = export_gdelt(store, path, asserted_only=not all_modalities)
        err.print(f"{path}  {n} records")
        return
    with open_store(db, read_only=True) as store:
        written = export(store, fmt, out_dir, list(tables) or None)
        for table, path in written.items():
            n = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            err.print(f"{path}  {n} records")


@main.command()
def stages() -> None:
    """List the pipeline stages, what each needs and what it adds."""
    from .stages import resolve

    table = Table("stage", "needs", "adds", "what it does", box=None)
    for info in resolve():
        table.add_row(info.name, ", ".join(info.requires), ", ".join(info.provides), info.doc)
    out.print(table)

"""`tidings events` and `tidings show event`: coded events as a table, JSON Lines, CSV or Parquet."""

from __future__ import annotations

from pathlib import Path

import click
from rich.table import Table

from ..store.db import open_store
from .app import date_arg, db_option, echo_json, limit_option, main, min_confidence_option, out, print_count
from .output import write_rows
from .safe import markup as escape
from .safe import same_length


def show_event(db: str, key: str, as_json: bool) -> None:
    from ..store.queries import get_event
    from .stories import print_merge

    with open_store(db, read_only=True) as store:
        e = get_event(store, key)
        if as_json:
            from ..store.stories import event_merge

            return echo_json({**e, "merged": event_merge(store, e["id"])})
        _print_event(e)
        print_merge(store, e["id"])


def _print_event(e: dict) -> None:
    from rich.text import Text

    base = e["sentence_start"]
    line = Text(same_length(e["sentence_text"]))  # offsets into the sentence still hold
    for actor in e["sources"]:
        line.stylize("bold green", actor["start"] - base, actor["end"] - base)
    for actor in e["targets"]:
        if actor not in e["sources"]:
            line.stylize("bold blue", actor["start"] - base, actor["end"] - base)
    line.stylize("bold reverse", e["start"] - base, e["end"] - base)
    out.print(f"[bold]{escape(e['type'])}[/bold] {escape(e['mode'] or '')} {escape(e['context'] or '')} "
              f"[dim](CAMEO {escape(e['cameo'])})[/dim]  {escape(e['modality'])}"
              + (f" [dim](cue: {escape(e['modality_cue'])})[/dim]" if e["modality_cue"] else ""))
    out.print(line)
    who = lambda xs: "; ".join(f"{escape(x['name'] or x['text'])} [dim]{escape(x['country'] or '')} {escape(' '.join(x['sectors']))}[/dim]" for x in xs)  # noqa: E731
    out.print(f"  [green]source[/green]  {who(e['sources'])}")
    out.print(f"  [blue]target[/blue]  {who(e['targets']) or '-'}")
    if e["attributed_to"]:
        a = e["attributed_to"]
        out.print(f"  [dim]claimed by[/dim] {escape(a['name'] or a['text'])}")
    if e["date"]:
        out.print(f"  [dim]when[/dim]    {escape(e['date'])} ({escape(e['date_precision'])})")
    if e["location"]:
        loc = e["location"]
        out.print(f"  [dim]where[/dim]   {escape(loc['name'])} {escape(loc['country'] or '')} ({loc['lat']}, {loc['lon']})")
    out.print(f"  [dim]article[/dim] {escape(e['article_id'])} {escape(e['title'] or '')} {escape(e['published'] or '')}")
    out.print(f"  [dim]id[/dim]      {escape(e['id'])}  confidence {e['confidence']}")


@main.command("events")
@db_option
@click.option("--actor", help="Only events with this actor (name or id) as source or target.")
@click.option("--country", help="Only events with an actor of this country (ISO alpha-3).")
@click.option("--type", "type_", help="Only this PLOVER type (ASSAULT, CONSULT, ...).")
@click.option("--modality", type=click.Choice(["asserted", "negated", "hypothetical"]), help="Only this modality.")
@click.option("--since", callback=date_arg, help="On or after this date (the event's, else the article's).")
@click.option("--until", callback=date_arg, help="On or before this date.")
@min_confidence_option()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]), default="table",
              show_default=True)
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (needed for parquet; jsonl and csv go to stdout without it).")
@limit_option("events")
def events_cmd(db: str, actor, country, type_, modality, since, until, min_confidence: float | None, fmt: str,
               out_file: Path | None, limit: int) -> None:
    """List coded events: who did what to whom, when, where, and whether it happened.

    \b
    Examples:
      tidings events --country PRK --modality asserted
      tidings events --country PRK --min-confidence 0.45
      tidings events --type ASSAULT --since 2024-11-01 --format csv > assaults.csv
      tidings events --format parquet --out events.parquet --limit 0
    """
    from ..store.queries import list_events

    with open_store(db, read_only=True) as store:
        rows = list_events(store, limit=limit or None, actor=actor, country=country, type=type_,
                           modality=modality, since=since, until=until, min_confidence=min_confidence)
    if fmt == "table":
        table = Table(box=None)
        for name, width in (("id", 21), ("date", 10), ("type", 9), ("modality", 12), ("source", 22),
                            ("target", 22), ("where", 16), ("trigger", 14), ("conf", 4)):
            table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis")
        for r in rows:
            who = lambda xs: ", ".join(x["name"] or x["text"] for x in xs)  # noqa: E731
            table.add_row(escape(r["id"]), escape(r["date"] or ""), escape(r["type"]), escape(r["modality"]),
                          escape(who(r["sources"])),
                          escape(who(r["targets"])), escape((r["location"] or {}).get("name") or ""),
                          escape(r["trigger"]), f"{r['confidence']:.2f}")
        out.print(table)
        print_count(rows, limit, "events")
        return
    write_rows(rows, fmt, out_file)

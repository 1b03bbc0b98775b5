"""`tidings stories`, `tidings story ID`, `tidings timeline A [B]` and `tidings reprocess`."""

from __future__ import annotations

import sys

import click
from rich.markup import escape as _escape
from rich.table import Table

from ..options import Options
from ..store.db import open_store
from .app import (date_arg, db_option, echo_json, err, json_option, limit_option, main, min_confidence_option, out,
                  print_count)
from .safe import plain


def escape(text: str) -> str:
    """Text from the store made safe to print: no terminal control characters, no markup."""
    return _escape(plain(text))


MERGED_SCOPE = "A merged event's confidence is its most confident mention's. "


def _who(names: list[str] | None) -> str:
    return ", ".join(names or [])


def _events_table(rows: list[dict]) -> Table:
    table = Table(box=None)
    for name, width in (("date", 10), ("event", 16), ("source", 26), ("target", 26), ("modality", 12),
                        ("sources", 7), ("conf", 4), ("first report", 40)):
        table.add_column(name, no_wrap=True, min_width=min(width, 12), max_width=width, overflow="ellipsis",
                         justify="right" if name in ("sources", "conf") else "left")
    for r in rows:
        day = (r["date"] or "") + ("" if r["dated"] or not r["date"] else "~")
        conf = "" if r["confidence"] is None else f"{r['confidence']:.2f}"
        table.add_row(escape(day), escape(f"{r['type']} {r['mode'] or ''}".strip()), escape(_who(r["source_names"])),
                      escape(_who(r["target_names"])), escape(r["modality"]), str(r["n_sources"]), conf,
                      escape(f"{r['first_reported'] or ''} {r['first_title'] or r['first_article_id']}".strip()))
    return table


@main.command("stories")
@db_option
@click.option("--actor", help="Only stories about this actor (name, alias or id).")
@click.option("--country", help="Only stories with an actor of this country (ISO alpha-3).")
@click.option("--since", callback=date_arg, help="Only stories with an article on or after this date.")
@click.option("--until", callback=date_arg, help="Only stories with an article on or before this date.")
@limit_option("stories")
@json_option
def stories_cmd(db: str, actor, country, since, until, limit: int, as_json: bool) -> None:
    """List stories: articles grouped as they arrived into the stories they tell, newest first.

    \b
    Examples:
      tidings stories --country PRK
      tidings stories --actor "Kim Jong Un" --since 2024-10-01
    """
    from ..store.stories import list_stories

    with open_store(db, read_only=True) as store:
        rows = list_stories(store, actor=actor, country=country, since=since, until=until, limit=limit or None)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 18), ("from", 10), ("to", 10), ("arts", 4), ("evts", 4)):
        table.add_column(name, no_wrap=True, min_width=width, max_width=width, justify="right" if width == 4 else "left")
    table.add_column("story", no_wrap=True, overflow="ellipsis", min_width=30, max_width=70)
    for r in rows:
        label = escape(r["label"]) + (f" [dim]| {escape(r['headline'])}[/dim]" if r["headline"] else "")
        table.add_row(escape(r["id"]), r["first_date"] or "", r["last_date"] or "", str(r["n_articles"]), str(r["n_events"]),
                      label)
    out.print(table)
    print_count(rows, limit, "stories")


@main.command("story")
@click.argument("story_id")
@db_option
@min_confidence_option(MERGED_SCOPE)
@json_option
def story_cmd(story_id: str, db: str, min_confidence: float | None, as_json: bool) -> None:
    """One story's timeline: its merged events in time order (date, event, actors, modality,
    number of independent sources, confidence, first report), its articles, key quotes and claims.

    A date followed by ~ is the first report's, where the text gives none.

    \b
    Examples:
      tidings story story-19875f5ab43b
      tidings story 19875f5ab43b --min-confidence 0.45
    """
    from ..store.stories import get_story

    with open_store(db, read_only=True) as store:
        s = get_story(store, story_id, min_confidence=min_confidence)
    if as_json:
        return echo_json(s)
    if s["redirected_from"]:
        err.print(f"[dim]{escape(story_id)} was merged into {s['id']}[/dim]")
    out.print(f"[bold]{escape(s['label'])}[/bold]  [dim]{escape(s['id'])}[/dim]")
    out.print(f"{escape(s['headline'] or '')}")
    out.print(f"[dim]{s['first_date'] or '?'} to {s['last_date'] or '?'}, {s['n_articles']} articles[/dim]\n")
    out.print(_events_table(s["timeline"]))
    out.print("\n[bold]articles[/bold]")
    for a in s["articles"]:
        dup = f" [dim](near-duplicate of {escape(a['duplicate_of'][:10])})[/dim]" if a["duplicate_of"] else ""
        out.print(f"  {a['published'] or '':10} {escape(a['id'][:10])} {escape((a['source'] or '')[:20]):20} "
                  f"{escape(a['title'] or '')}{dup}")
    if s["quotes"] or s["claims"]:
        out.print("\n[bold]key quotes and claims[/bold]")
    for q in s["quotes"]:
        out.print(f"  {escape(q['speaker']['name'] or q['speaker']['text'])}: \"{escape(q['text'])}\"")
    for c in s["claims"]:
        out.print(f"  {escape(c['speaker']['name'] or c['speaker']['text'])} [dim]({escape(c['kind'])})[/dim]: "
                  f"{escape(c['content'])}")


@main.command("timeline")
@click.argument("actors", nargs=-1, required=True)
@db_option
@click.option("--modality", type=click.Choice(["asserted", "negated", "hypothetical"]), help="Only this modality.")
@min_confidence_option(MERGED_SCOPE)
@limit_option("events")
@json_option
def timeline_cmd(actors: tuple[str, ...], db: str, modality, min_confidence: float | None, limit: int,
                 as_json: bool) -> None:
    """Every merged event involving ACTOR (or both of ACTOR ACTOR), in time order.

    \b
    Examples:
      tidings timeline "Donald Trump" "Kim Jong Un"
      tidings timeline PRK --modality asserted
      tidings timeline PRK --min-confidence 0.45
    """
    from ..store.stories import actor_timeline

    if len(actors) > 2:
        raise click.UsageError("give one or two actors")
    with open_store(db, read_only=True) as store:
        t = actor_timeline(store, actors[0], actors[1] if len(actors) > 1 else None, modality=modality,
                           min_confidence=min_confidence, limit=limit or None)
    if as_json:
        return echo_json(t)
    out.print(_events_table(t["events"]))
    print_count(t["events"], limit, "events")


def print_merge(store, event_id: str) -> None:
    """For `tidings show event`: the merged event a mention belongs to, its mentions and why."""
    from ..store.stories import event_merge

    try:
        m = event_merge(store, event_id)
    except Exception:  # a store from before stories: nothing to add
        return
    if m is None:
        out.print("  [dim]not merged yet: `tidings reprocess --stages merged_events` merges it[/dim]")
        return
    e = lambda v: escape(str(v if v is not None else ""))  # noqa: E731
    out.print(f"\n[bold]merged event[/bold] {e(m['id'])}  {e(m['type'])} {e(m['modality'])}, {m['n_mentions']} "
              f"mentions in {m['n_articles']} articles, {m['n_sources']} independent sources; first reported "
              f"{e(m['first_reported'] or '?')} in {e(m['first_article_id'])}")
    for x in m["mentions"]:
        dup = f" near-duplicate of {e(x['duplicate_of'][:10])}" if x["duplicate_of"] else ""
        out.print(f"  {e(x['id'])}  {e(x['published']):10} {e(x['source'])} {e(x['type'])} '{e(x['trigger'])}'{dup}")
        out.print(f"    [dim]{e(x['sentence'])}[/dim]")
        out.print(f"    [dim]{e(x['reason'])}[/dim]")


@main.command("reprocess")
@db_option
@click.option("--stages", "stages", help="Comma-separated stages to run again (default: all); "
              "`tidings stages` lists them, per-article and corpus stages.")
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse and annotate articles.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per parse batch and per store transaction.")
@click.option("--near-duplicate-threshold", type=click.FloatRange(0, 1), default=Options.near_duplicate_threshold,
              show_default=True,
              help="Estimated Jaccard similarity from which an article is a near-duplicate.")
@click.option("--story-threshold", type=click.FloatRange(0, 1), default=Options.story_threshold, show_default=True,
              help="Similarity from which an article joins a story.")
def reprocess_cmd(db: str, stages: str | None, workers: int, batch_size: int, near_duplicate_threshold: float,
                  story_threshold: float) -> None:
    """Run stages again over the stored articles, without reading the inputs again.

    A store built by an older Tidings gains near-duplicates, merged events and stories
    (`--stages near_duplicates,merged_events,stories` needs no parsing). Crash-safe: a run
    killed midway is finished by running the same command again.
    """
    from ..stories.reprocess import reprocess

    options = Options(workers=workers, batch_size=batch_size, near_duplicate_threshold=near_duplicate_threshold,
                      story_threshold=story_threshold)
    names = [s.strip() for s in stages.split(",") if s.strip()] if stages else None
    with open_store(db) as store:
        report = reprocess(store, options, names,
                           progress=lambda done, total: err.print(f"reprocess {done}/{total}", end="\r"))
    for e in report.failed:
        err.print(f"[red]error[/red] {escape(str(e))}")
    resumed = f" (resumed after {report.resumed})" if report.resumed else ""
    corpus = ", ".join(f"{k} {v}" for k, v in report.corpus.items())
    err.print(f"Reprocessed {report.articles} articles{resumed}" + (f"; rebuilt {corpus}" if corpus else "")
              + f"; {len(report.failed)} failed")
    if report.failed:
        sys.exit(1)

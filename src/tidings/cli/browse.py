"""Commands that look at the store: `articles`, `show`, `actors`, `stats`, `stages`."""

from __future__ import annotations

import click
from rich.table import Table

from ..store.db import open_store
from .app import date_arg, db_option, echo_json, err, json_option, main, out
from .safe import markup as escape


@main.command()
@db_option
@click.option("--language", help="Only articles in this language (ISO 639-1, e.g. en).")
@click.option("--source", help="Only articles whose source contains this text.")
@click.option("--since", callback=date_arg, help="Published on or after this date.")
@click.option("--until", callback=date_arg, help="Published on or before this date.")
@click.option("--search", help="Only articles whose title or text contains this text.")
@click.option("--status", type=click.Choice(["processed", "skipped-language"]), help="Only articles with this status.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1))
@json_option
def articles(db: str, language, source, since, until, search, status, limit: int, as_json: bool) -> None:
    """List stored articles, newest first."""
    from ..store.queries import list_articles

    with open_store(db, read_only=True) as store:
        rows = list_articles(store, language=language, source=source, since=since, until=until,
                             search=search, status=status, limit=limit)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 10), ("published", 10), ("source", 16), ("lang", 4), ("words", 5), ("sents", 5), ("ents", 4)):
        table.add_column(name, no_wrap=True, min_width=width, max_width=width, overflow="ellipsis",
                         justify="right" if name in ("words", "sents", "ents") else "left")
    table.add_column("title", no_wrap=True, overflow="ellipsis", min_width=20)
    for r in rows:
        table.add_row(escape(r["id"][:10]), escape(r["published"] or ""), escape(r["source"] or ""),
                      escape(r["language"] or ""), str(r["n_words"]), str(r["n_sentences"]), str(r["n_mentions"]),
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
        from .events import show_event

        return show_event(db, key, as_json)
    from ..store.queries import get_article

    with open_store(db, read_only=True) as store:
        a = get_article(store, key)
    if as_json:
        return echo_json(a)
    out.print(f"[bold]{escape(a['title'] or '(untitled)')}[/bold]")
    for field in ("id", "published", "source", "author", "url", "origin", "language", "status"):
        if a[field] is not None:
            out.print(f"  [dim]{field:<9}[/dim] {escape(str(a[field]))}")
    out.print()
    out.print(escape(a["text"], newlines=True))
    out.print()
    out.print(f"[bold]Removed as page residue[/bold] ({len(a['removed'])} lines)")
    for line in a["removed"]:
        out.print(f"  [red]-[/red] {escape(line)}")
    out.print(f"\n[bold]Sentences[/bold] ({len(a['sentences'])}), [bold]entities[/bold] ({len(a['mentions'])}),"
              f" [bold]actors[/bold] ({len(a['actor_mentions'])})")
    by_sentence: dict[int, list[str]] = {}
    for m in a["mentions"]:
        by_sentence.setdefault(m["sentence_index"], []).append(f"{escape(m['text'])} [dim]{escape(m['label'])}[/dim]")
    actors_by_sentence: dict[int, list[str]] = {}
    for m in a["actor_mentions"]:
        codes = escape(" ".join(filter(None, [m["country"], *m["sectors"]])))
        who = escape(m["actor_name"] or "unresolved")
        actors_by_sentence.setdefault(m["sentence_index"], []).append(
            f"{escape(m['text'])} [dim]->[/dim] {who} [dim]{codes} ({escape(m['method'])})[/dim]")
    for s in a["sentences"]:
        out.print(f"  [dim]{s['index']:>3} {s['start']:>5}-{s['end']:<5}[/dim] {escape(s['text'])}")
        if by_sentence.get(s["index"]):
            out.print(f"  {'':>15} [cyan]{', '.join(by_sentence[s['index']])}[/cyan]")
        if actors_by_sentence.get(s["index"]):
            out.print(f"  {'':>15} [green]{', '.join(actors_by_sentence[s['index']])}[/green]")


def _show_actor(db: str, key: str, as_json: bool) -> None:
    from ..store.queries import get_actor

    with open_store(db, read_only=True) as store:
        actor = get_actor(store, key)
    if as_json:
        return echo_json(actor)
    out.print(f"[bold]{escape(actor['name'])}[/bold]  [dim]{escape(actor['id'])}[/dim]")
    for field in ("type", "country", "sectors", "wikidata", "aliases"):
        value = actor[field]
        if value:
            out.print(f"  [dim]{field:<9}[/dim] {escape(', '.join(value) if isinstance(value, list) else str(value))}")
    out.print(f"\n[bold]Mentions[/bold] ({len(actor['mentions'])})")
    for m in actor["mentions"]:
        sentence = m["sentence"]
        out.print(f"  [dim]{escape(m['article_id'][:10])} {escape(m['published'] or '')} {escape(m['method'])}[/dim] "
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
    from ..store.queries import list_actors

    with open_store(db, read_only=True) as store:
        rows = list_actors(store, country=country, type=type_, sector=sector, search=search, limit=limit)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 22), ("name", 28), ("type", 12), ("country", 7), ("sectors", 9),
                        ("mentions", 8), ("articles", 8)):
        table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis",
                         justify="right" if name in ("mentions", "articles") else "left")
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["name"]), escape(r["type"]), escape(r["country"] or ""),
                      escape(" ".join(r["sectors"])), str(r["mentions"]), str(r["articles"]))
    out.print(table)
    err.print(f"{len(rows)} actors" + (" (limit reached; use --limit)" if len(rows) == limit else ""))


@main.command()
@db_option
@json_option
def stats(db: str, as_json: bool) -> None:
    """What the store holds: counts by status, language, format and source; top entities."""
    from ..store.queries import stats as store_stats

    with open_store(db, read_only=True) as store:
        s = store_stats(store)
    if as_json:
        return echo_json(s)
    out.print(f"[bold]{escape(s['store'])}[/bold] (schema v{s['schema_version']})")
    span = f", published {s['published_from']} to {s['published_to']}" if s["published_from"] else ""
    out.print(f"  {s['articles']} articles, {s['words']:,} words, {s['sentences']:,} sentences, "
              f"{s['mentions']:,} entity mentions, {s['removed_lines']} residue lines removed{span}")
    out.print(f"  {s['actors']:,} actors, {s['actor_mentions']:,} actor mentions "
              f"({s['actor_mentions_resolved']:,} resolved)")
    out.print(f"  {s['quotes']:,} quotes, {s['claims']:,} claims")
    for title, key in (("status", "by_status"), ("language", "by_language"), ("format", "by_format"),
                       ("source", "by_source"), ("entity label", "entity_labels")):
        out.print(f"  [dim]by {title}:[/dim] " + ", ".join(f"{escape(k)} {n}" for k, n in s[key].items()))
    if s["top_entities"]:
        out.print("  [dim]most mentioned:[/dim] " + ", ".join(
            f"{escape(e['text'])} ({e['mentions']})" for e in s["top_entities"]))


@main.command()
def stages() -> None:
    """List the pipeline stages, what each needs and what it adds.

    Per-article stages run on each article as it is parsed, in an order where each one's needs
    come first; corpus stages run on the stored articles after each batch is written (and with
    `tidings reprocess`), each on the articles it has not seen yet.
    """
    from ..stages import corpus_stages, resolve

    table = Table("stage", "runs on", "needs", "adds", "what it does", box=None)
    for info in resolve():
        table.add_row(escape(info.name), "each article", escape(", ".join(info.requires)),
                      escape(", ".join(info.provides)), escape(info.doc))
    for info in corpus_stages().values():
        table.add_row(escape(info.name), "stored articles", escape(", ".join(info.requires)),
                      escape(", ".join(info.provides)), escape(info.doc))
    out.print(table)

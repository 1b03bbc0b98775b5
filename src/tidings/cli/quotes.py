"""`tidings quotes`, `tidings claims` and `tidings predictions`: who said, believes or foresees what."""

from __future__ import annotations

import click
from rich.table import Table

from ..store.db import open_store
from .app import db_option, echo_json, json_option, limit_option, main, out, print_count
from .safe import markup as escape

KINDS = ("statement", "assessment", "prediction", "denial")


def _who(speaker: dict | None) -> str:
    if not speaker:
        return "(unknown)"
    return speaker["name"] or speaker["text"]


@main.command("quotes")
@db_option
@click.option("--speaker", help="Only quotes of this speaker: an actor's name, any spelling of it, its id, "
                                "or the speaker's words (\"analysts\").")
@click.option("--article", help="Only quotes of this article (id or id prefix).")
@click.option("--search", help="Only quotes whose text contains this text.")
@limit_option("quotes")
@json_option
def quotes_cmd(db: str, speaker, article, search, limit: int, as_json: bool) -> None:
    """List quotations with who said them.

    A quotation is text inside quotation marks (straight or curly, nested, of several
    sentences or paragraphs). Its speaker comes from a speech verb in the same sentence
    ("said", "told", "according to"), else from the sentence before or after it; where
    none is found the quote is listed as (unknown). `how` says which: cue, before,
    after or none.

    \b
    Examples:
      tidings quotes --speaker "Donald Trump"
      tidings quotes --search "good thing" --json
      tidings quotes --article 6c3012a1 --limit 0
    """
    from ..store.quotes import list_quotes

    with open_store(db, read_only=True) as store:
        rows = list_quotes(store, speaker=speaker, article=article, search=search, limit=limit or None)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    table.add_column("id", no_wrap=True, max_width=22, overflow="ellipsis")
    table.add_column("published", no_wrap=True, max_width=10)
    table.add_column("speaker", no_wrap=True, max_width=22, overflow="ellipsis")
    table.add_column("how", no_wrap=True, max_width=6)
    table.add_column("quote", no_wrap=True, overflow="ellipsis", min_width=30)
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["published"] or ""), escape(_who(r["speaker"])), escape(r["method"]),
                      escape(r["text"]))
    out.print(table)
    print_count(rows, limit, "quotes")


@main.command("claims")
@db_option
@click.option("--kind", type=click.Choice(KINDS), help="Only claims of this kind.")
@click.option("--speaker", help="Only claims of this speaker: an actor's name, any spelling of it, its id, "
                                "or the speaker's words (\"analysts\").")
@click.option("--article", help="Only claims of this article (id or id prefix).")
@click.option("--search", help="Only claims whose content contains this text.")
@limit_option("claims")
@json_option
def claims_cmd(db: str, kind, speaker, article, search, limit: int, as_json: bool) -> None:
    """List attributed claims: who says, believes, predicts or denies what.

    A claim is reported speech or thought: "X said that ...", "According to X, ...",
    "X believes ...", "analysts say ...", "Some fear that ...". Its kind is a
    statement, an assessment (believe, think, suggest, argue), a prediction (content
    about the future or hypothetical: will, may, might, expected to, likely to; or a
    cue such as fear, predict, warn) or a denial (deny, dispute, reject).

    \b
    Examples:
      tidings claims --kind prediction
      tidings claims --speaker "Anthony Holmes" --kind assessment
      tidings claims --speaker analysts --json
    """
    from ..store.quotes import list_claims

    with open_store(db, read_only=True) as store:
        rows = list_claims(store, kind=kind, speaker=speaker, article=article, search=search, limit=limit or None)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 22), ("published", 10), ("kind", 10), ("speaker", 22), ("cue", 12)):
        table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis")
    table.add_column("content", no_wrap=True, overflow="ellipsis", min_width=30)
    for r in rows:
        table.add_row(escape(r["id"]), escape(r["published"] or ""), escape(r["kind"]), escape(_who(r["speaker"])),
                      escape(r["cue"]), escape(r["content"]))
    out.print(table)
    print_count(rows, limit, "claims")


@main.command("predictions")
@db_option
@click.option("--speaker", help="Only predictions of this speaker (name, spelling, id or words).")
@click.option("--outcome/--open", "outcome", default=None,
              help="Only predictions with an outcome found (--outcome), or only those still open (--open).")
@limit_option("predictions")
@json_option
def predictions_cmd(db: str, speaker, outcome, limit: int, as_json: bool) -> None:
    """Track predictions: who made them, when, about whom, and what came of them.

    A prediction is a claim of kind prediction; it was made on its article's date, and
    is about the actors its content names. Its outcome is the first asserted event of
    a later article with the same PLOVER type as an event the prediction foresaw (a
    hypothetical event inside its content) and the same actors: "analysts say Kim may
    restart talks", then a later article "Kim restarted talks with Washington".

    \b
    Examples:
      tidings predictions
      tidings predictions --speaker analysts --open
      tidings predictions --outcome --json
    """
    from ..store.quotes import list_predictions

    with open_store(db, read_only=True) as store:
        rows = list_predictions(store, speaker=speaker, outcome=outcome, limit=limit or None)
    if as_json:
        return echo_json(rows)
    table = Table(box=None)
    for name, width in (("id", 22), ("made", 10), ("by", 20), ("about", 24)):
        table.add_column(name, no_wrap=True, max_width=width, overflow="ellipsis")
    table.add_column("prediction", no_wrap=True, overflow="ellipsis", min_width=24)
    table.add_column("outcome", no_wrap=True, max_width=34, overflow="ellipsis")
    for r in rows:
        about = ", ".join(a["name"] or a["actor_id"] for a in r["about"])
        o = r["outcome"]
        result = f"{o['type']} {o['published'] or ''} {o['event_id']}" if o else "open"
        table.add_row(escape(r["id"]), escape(r["published"] or ""), escape(_who(r["speaker"])), escape(about),
                      escape(r["content"]), escape(result))
    out.print(table)
    print_count(rows, limit, "predictions")

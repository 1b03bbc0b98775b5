"""`tidings serve` (the API and the dashboard) and `tidings relations` (the series of a pair)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..errors import StoreError
from .app import db_option, echo_json, err, main, min_confidence_option, out
from rich.markup import escape


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--api-key", envvar="TIDINGS_API_KEY", help="Key that POST /api/articles must send in X-API-Key "
              "(default: $TIDINGS_API_KEY). Without one the server is read-only.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Server processes. With more than one, each reads the store read-only and nothing is written.")
@click.option("--log-level", default="warning", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(db: str, host: str, port: int, api_key: str | None, workers: int, log_level: str) -> None:
    """Serve the store: the dashboard at /, the API at /api, its docs at /docs.

    \b
    With one worker the server holds the store and is its only writer: POST /api/articles
    (with the API key) adds articles, and `tidings ingest --db` of the same file hands its
    batches to the server, while every reader goes on seeing the last committed batch.
    """
    import uvicorn

    if not Path(db).exists() and not api_key:
        raise StoreError(f"no store at {db}; create one with `tidings ingest PATH --db {db}`")
    local = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    url = f"http://{'[' + local + ']' if ':' in local else local}:{port}"
    writable = workers == 1
    err.print(f"Serving {db} at {url}/ (API docs {url}/docs)" + ("" if writable else ", read-only")
              + ("; POST /api/articles needs the API key" if api_key and writable else "") + ". Ctrl-C stops.")
    options = dict(host=host, port=port, log_level=log_level, http="auto", loop="auto",
                   access_log=log_level in ("info", "debug"), timeout_graceful_shutdown=5)
    if workers == 1:
        from ..api.app import create_app

        uvicorn.run(create_app(db, api_key=api_key, writable=True, url=url), **options)
    else:
        os.environ.update(TIDINGS_SERVE_DB=str(db), TIDINGS_SERVE_WRITABLE="0", TIDINGS_SERVE_URL=url,
                          TIDINGS_API_KEY=api_key or "")
        uvicorn.run("tidings.api.app:from_environment", factory=True, workers=workers, **options)


@main.command()
@click.argument("a")
@click.argument("b")
@db_option
@click.option("--by", type=click.Choice(["month", "week"]), default="month", show_default=True, help="Period.")
@click.option("--plot", "plot", type=click.Path(dir_okay=False), help="Also draw the chart to this .png or .svg file.")
@min_confidence_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def relations(a: str, b: str, db: str, by: str, plot: str | None, min_confidence: float | None,
              as_json: bool) -> None:
    """Conflict and cooperation between A and B over time (countries or actors: USA PRK,
    "Donald Trump" "Kim Jong Un"): per period and direction the mean PLOVER score of asserted
    events; hypothetical events and predictions about both listed apart, never in the score."""
    from rich.table import Table

    from ..api.relations import UnknownSide
    from ..api.relations import relations as series
    from ..store.db import open_store

    if plot and not plot.lower().endswith((".png", ".svg")):
        raise click.BadParameter("the file must end in .png or .svg", param_hint="--plot")
    with open_store(db, read_only=True) as store:
        try:
            rel = series(store.query, a, b, by, min_confidence)
        except UnknownSide as exc:
            raise StoreError(str(exc)) from None
    if plot:
        from ..web.charts import relations_spec, render

        render(relations_spec(rel), plot)
        err.print(f"Chart written to {plot}")
    if as_json:
        return echo_json(rel)
    name = lambda s: s["name"] or s["id"]  # noqa: E731
    ab, ba = f"{name(rel['a'])} → {name(rel['b'])}", f"{name(rel['b'])} → {name(rel['a'])}"
    table = Table(title=f"{ab} and back, by {by}: mean PLOVER score of asserted events (events)")
    for col in ("period", ab, ba, "hypothetical (not scored)"):
        table.add_column(col)
    cells: dict[str, dict[str, str]] = {}
    for p in rel["series"]:
        cells.setdefault(p["period"], {})[p["direction"]] = f"{p['score']:+.2f} ({p['events']})"
    for p in rel["hypothetical"]:
        row = cells.setdefault(p["period"], {})
        row["h"] = (row.get("h", "") + f" {'→' if p['direction'] == 'a->b' else '←'}{p['events']}").strip()
    for period in sorted(cells):
        row = cells[period]
        table.add_row(period[:7] if by == "month" else period, row.get("a->b", ""), row.get("b->a", ""), row.get("h", ""))
    out.print(table)
    for p in rel["predictions"]:
        speaker = (p["speaker"] or {}).get("name") or (p["speaker"] or {}).get("text") or "?"
        outcome = p["outcome"]
        result = f"borne out by {outcome['event_id']} ({outcome['published']})" if outcome else "open"
        out.print(f"[bold]prediction[/bold] {escape(p['published'] or '')} {escape(speaker)}: "
                  f"{escape(p['content'][:140])} [dim]({escape(result)})[/dim]")

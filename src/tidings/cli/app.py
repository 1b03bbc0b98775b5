"""The `tidings` command group and what its commands share: consoles, common options, errors."""

from __future__ import annotations

import codecs
import math
from datetime import date

import click
from rich.console import Console

from ..errors import TidingsError
from ..ingest.dates import parse_date
from ..store.db import DEFAULT_PATH
from .safe import json_text, plain

out = Console(highlight=False, soft_wrap=True)
if not out.is_terminal:
    out.width = 120  # piped output: wide enough for a table row per line
err = Console(stderr=True, highlight=False, soft_wrap=True)

db_option = click.option("--db", "db", default=DEFAULT_PATH, show_default=True, type=click.Path(dir_okay=False),
                         help="The store: a DuckDB file.")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def limit_option(what: str):
    """``--limit`` for listings where 0 means all."""
    return click.option("--limit", default=100, show_default=True, type=click.IntRange(0),
                        help=f"At most this many {what} (0: all).")


def min_confidence_option(scope: str = ""):
    """``--min-confidence``, the query-time filter on the verifier's confidence (events/verify.py);
    ``scope`` says which outputs it applies to ("plover and gdelt: ")."""
    from ..events.verify import confidence_help

    return click.option("--min-confidence", type=click.FloatRange(0, 1), metavar="FLOAT",
                        help=f"{scope}{confidence_help()}")


def print_count(rows: list, limit: int, what: str) -> None:
    """How many rows a listing printed, to stderr, saying so when the limit cut it short."""
    err.print(f"{len(rows)} {what}" + (" (limit reached; use --limit 0 for all)" if limit and len(rows) == limit else ""))


def date_arg(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """A date option; only --published must be a plausible publication date."""
    try:
        return parse_date(value, bounded=param.name == "published")
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def encoding_arg(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A text encoding Python knows."""
    if value is None:
        return None
    try:
        return codecs.lookup(value).name
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}") from None


def seconds_arg(ctx: click.Context, param: click.Parameter, value: float) -> float:
    """A duration option: a positive, finite number of seconds."""
    if not (math.isfinite(value) and value > 0):
        raise click.BadParameter(f"{value} is not a positive, finite number of seconds")
    return value


def echo_json(data: object) -> None:
    click.echo(json_text(data, indent=2))


class TidingsGroup(click.Group):
    """Turns library errors, and files that cannot be written, into one clear line and exit code 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except TidingsError as exc:
            raise click.ClickException(plain(exc)) from None
        except OSError as exc:
            if exc.filename is None:
                raise
            raise click.ClickException(plain(f"{exc.filename}: {exc.strerror or exc}")) from None


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

"""`tidings ingest`: read articles into the store with a progress bar."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..api.handoff import open_for_ingest
from ..options import Options
from .app import date_arg, db_option, encoding_arg, err, main, seconds_arg
from .safe import markup as escape
from .safe import plain


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", "-w", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes that parse and annotate articles; 2 uses both cores of a 2-core laptop.")
@click.option("--batch-size", default=64, show_default=True, type=click.IntRange(1, 10_000),
              help="Articles per parse batch and per store transaction.")
@click.option("--published", callback=date_arg, help="Publication date for inputs that give none (e.g. 2024-11-07).")
@click.option("--encoding", callback=encoding_arg,
              help="Fallback encoding for files that are not UTF-8 (e.g. cp1252); UTF-8 files are read as UTF-8.")
@click.option("--boilerplate", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra boilerplate lexicon (one regex per line); may be repeated.")
@click.option("--triggers", "trigger_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra event triggers (TSV with the columns of events/data/triggers.tsv); may be repeated.")
@click.option("--no-event-model", "event_model", flag_value=False, default=True,
              help="Code events with the rules alone, without the learned classifier that drops "
                   "non-events and corrects types (docs/model.md).")
@click.option("--min-event-confidence", type=click.FloatRange(0, 1), default=None,
              help="Keep only events at least this likely to be right (type and source), as the learned "
                   "verifier estimates it [default: the shipped policy's, docs/model.md]; lower keeps more "
                   "events and more wrong ones. Each stored event carries its estimate as `confidence`.")
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actors (TSV with the columns of leaders.tsv or organisations.tsv); may be repeated.")
@click.option("--timeout", default=20.0, show_default=True, callback=seconds_arg,
              help="Seconds for one whole fetch of a URL: redirects, headers and body together.")
@click.option("--feed-timeout", default=300.0, show_default=True, callback=seconds_arg,
              help="Seconds for a feed and all the entries it links to, together.")
@click.option("--allow-private-hosts", is_flag=True,
              help="Also fetch URLs on loopback, private, link-local and reserved addresses "
                   "(refused by default: a feed must not make Tidings read internal services).")
@click.option("--max-chars", default=500_000, show_default=True, type=click.IntRange(0),
              help="Longest article text processed, in characters (0: no limit); longer ones are refused "
                   "with a message. Long articles are parsed in pieces of 100,000 characters.")
@click.option("--max-file-mb", default=10.0, show_default=True, type=click.FloatRange(0, min_open=True),
              help="Largest .txt, .html or sidecar file, or JSON Lines line, read (MB); larger ones are refused.")
@click.option("--near-duplicate-threshold", type=click.FloatRange(0, 1), default=Options.near_duplicate_threshold,
              show_default=True,
              help="Estimated Jaccard similarity of 5-word shingles from which a new article is linked to a "
                   "stored one as its reprint or update (measured: docs/benchmarks.md, Near-duplicates).")
@click.option("--story-threshold", type=click.FloatRange(0, 1), default=Options.story_threshold, show_default=True,
              help="Similarity (0.8 x tf-idf cosine of title, lead and actors + 0.2 if both leads report one "
                   "merged event) from which an article joins a story; lower joins more, higher starts more "
                   "stories. The default gave the best B3 F1 of the thresholds tried (0.3 to 0.45) on 180 "
                   "hand-grouped articles (docs/benchmarks.md, Stories).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no duplicate lines (errors still show).")
@click.option("--verbose", "-v", is_flag=True, help="Print a line to stdout for each article stored.")
def ingest(paths: tuple[str, ...], db: str, workers: int, batch_size: int, published: date | None,
           encoding: str | None, boilerplate: tuple[Path, ...], trigger_files: tuple[Path, ...],
           event_model: bool, min_event_confidence: float | None, actor_files: tuple[Path, ...], timeout: float, feed_timeout: float, allow_private_hosts: bool,
           max_chars: int, max_file_mb: float, near_duplicate_threshold: float, story_threshold: float, quiet: bool,
           verbose: bool) -> None:
    """Read articles from files, folders, URLs and RSS/Atom feeds into the store.

    PATHS may be .txt files (first non-empty line is the title), .html pages, .jsonl files
    (one article per line with "text" or "html", and "title", "url", "published", "source"),
    folders (searched recursively), article URLs and feed URLs. A file `name.json` beside
    `name.txt` or `name.html` supplies its metadata. Articles already stored are skipped,
    so an interrupted run can simply be started again. Exit code 1 if any input failed.
    While `tidings serve` holds the store, each batch is handed to the server to store.

    URLs are fetched over http and https only, redirects included (at most 5), never from
    loopback, private or reserved addresses unless --allow-private-hosts is given; each page
    may be up to 10 MB.

    After each batch, reprints are linked to their first copy, event mentions merged and
    articles placed in stories (--near-duplicate-threshold, --story-threshold). While a server
    holds the store, it does this with its own settings.
    """
    from ..pipeline import Pipeline  # loads spaCy: keep `tidings --help` fast

    options = Options(workers=workers, batch_size=batch_size, published=published, encoding=encoding,
                      boilerplate=boilerplate, actors=actor_files, triggers=trigger_files,
                      event_model=event_model, min_event_confidence=min_event_confidence, timeout=timeout,
                      feed_timeout=feed_timeout, allow_private_hosts=allow_private_hosts, max_chars=max_chars,
                      max_file_mb=max_file_mb, progress=not quiet,
                      near_duplicate_threshold=near_duplicate_threshold, story_threshold=story_threshold)
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                        console=err, disable=quiet, transient=False)
    counts = {"words": 0}
    with open_for_ingest(db, hold=False) as store, progress:
        task = progress.add_task("ingest", total=None, rate="")

        def listen(kind: str, item) -> None:
            if kind == "failed":
                err.print(f"[red]error[/red] {escape(str(item))}")
            elif kind == "duplicate" and not quiet:
                err.print(f"[yellow]duplicate[/yellow] {escape(item.origin or item.id)} (already stored as {escape(item.id)})")
            if kind == "added":
                counts["words"] += item.n_words
                if verbose:
                    # flushed: a pipe (tee, a log shipper, a test) sees each article as it is stored
                    print(plain(f"stored {item.id} {item.origin}"), flush=True)
            progress.advance(task)
            elapsed = progress.tasks[0].elapsed or 1e-9
            done = progress.tasks[0].completed
            progress.update(task, rate=f"{done / elapsed:.1f} articles/s  {counts['words'] / elapsed:,.0f} words/s")

        pipeline, stopped = None, 0
        ctrl_c_stops()
        try:
            with stop_on_sigterm():
                pipeline = Pipeline(options)
                report = pipeline.run(list(paths), store, listen, total=lambda n: progress.update(task, total=n))
        except KeyboardInterrupt as exc:
            stopped = exc.args[0] if exc.args and isinstance(exc.args[0], int) else signal.SIGINT
    if stopped:  # the store is closed: say what was kept and leave at once
        kept = pipeline.report.added if pipeline and pipeline.report else 0
        err.print(f"Stopped by {signal.Signals(stopped).name}: {kept} articles committed in this run are kept; "
                  "run the same command again to resume.")
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(128 + stopped)  # skip tearing down the models, which takes seconds
    rate = report.added / report.seconds if report.seconds else 0.0
    skipped = f" ({report.skipped_language} not in {', '.join(options.languages)}: stored, not parsed)" \
        if report.skipped_language else ""
    err.print(f"Added {report.added} articles{skipped}, {len(report.duplicates)} duplicates, "
              f"{len(report.failed)} failed in {report.seconds:.1f} s "
              f"({rate:.1f} articles/s, {report.words / max(report.seconds, 1e-9):,.0f} words/s) into {escape(db)}")
    if not report.ok:
        sys.exit(1)


def ctrl_c_stops() -> None:
    """Ctrl-C stops the run even where the process was started with SIGINT ignored or blocked (a
    parent's settings are inherited: a job started from a script, a test runner's thread)."""
    try:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        if signal.getsignal(signal.SIGINT) in (signal.SIG_IGN, None):
            signal.signal(signal.SIGINT, signal.default_int_handler)
    except (ValueError, AttributeError, OSError):  # not the main thread, or no pthread_sigmask here
        pass


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """SIGTERM stops the run as Ctrl-C does (KeyboardInterrupt, carrying the signal number)."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt(signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)

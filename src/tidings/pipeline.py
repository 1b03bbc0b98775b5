"""The pipeline: read inputs, prepare articles, parse them with spaCy, run the stages, store.

    from tidings import Pipeline, Options, open_store
    with open_store("news.duckdb") as store:
        report = Pipeline(Options(workers=2)).run(["articles/"], store)
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice

from .errors import InputError
from .ingest.prepare import DUPLICATE, Preparer
from .ingest.raw import RawDocument
from .ingest.sources import discover, estimate_total
from .model import Article
from .nlp.model import load_nlp
from .nlp.parse import parse_texts
from .options import Options
from .pool import parse_in_workers
from .safety import read_guarded, write_batch
from .stages import StageInfo, resolve
from .store.db import Store
from .stories.corpus import link_stored

PREPARE_CHUNK = 32  # raw documents cleaned together (site repetition is counted per chunk)


@dataclass
class RunReport:
    """What one run did."""

    added: int = 0
    skipped_language: int = 0
    words: int = 0
    duplicates: list[str] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


# A callback told of each input as it is done: ("added" | "duplicate" | "failed", item).
Listener = Callable[[str, Article | InputError], None]


class Pipeline:
    """Runs the registered stages over articles. ``stages`` selects some (default: all)."""

    def __init__(self, options: Options | None = None, stages: Sequence[str] | None = None) -> None:
        self.options = options or Options()
        self.stages: list[StageInfo] = resolve(stages)
        self.nlp = load_nlp()
        self.stage_seconds: dict[str, float] = {info.name: 0.0 for info in self.stages}
        self.report: RunReport | None = None  # of the current or last run

    def annotate(self, article: Article) -> Article:
        """Run the stages on an article whose ``doc`` is set; drop the doc afterwards.

        A stage that fails raises InputError naming the article and the stage, so that the
        run can report it and go on with the other articles.
        """
        try:
            if article.status == "processed":
                for info in self.stages:
                    started = time.perf_counter()
                    try:
                        info.fn(article, self.options)
                        self.stage_seconds[info.name] += time.perf_counter() - started
                    except Exception as exc:
                        raise InputError(article.origin or article.id,
                                         f"stage {info.name!r} failed: {type(exc).__name__}: {exc}") from exc
        finally:
            article.doc = None
        return article

    def warm(self) -> None:
        """Load what the stages load lazily (knowledge base, lexicons) by running them once on a
        short text, so that worker processes forked afterwards share it instead of each loading it."""
        seconds = dict(self.stage_seconds)
        self.article("North Korea said it would hold talks with the United States.")
        self.stage_seconds = seconds

    def parse(self, articles: Iterable[Article]) -> Iterator[Article | InputError]:
        """Parse articles with ``nlp.pipe`` and annotate them, here or, with ``options.workers``
        above 1, in that many worker processes that each parse and annotate their share."""
        if self.options.workers > 1:
            yield from parse_in_workers(self, articles)
        else:
            yield from self.parse_here(articles)

    def parse_here(self, articles: Iterable[Article]) -> Iterator[Article | InputError]:
        """Parse and annotate articles in this process, a batch at a time; an article that spaCy
        or a stage fails on comes out as an InputError, the others go on."""
        items = iter(articles)
        while chunk := list(islice(items, self.options.batch_size)):
            texts = [a.text if a.status == "processed" else "" for a in chunk]
            for article, doc in zip(chunk, parse_texts(self.nlp, texts, self.options.batch_size)):
                if isinstance(doc, Exception):
                    yield InputError(article.origin or article.id, f"parse failed: {type(doc).__name__}: {doc}")
                    continue
                article.doc = doc
                try:
                    yield self.annotate(article)
                except InputError as exc:
                    yield exc

    def article(self, text: str, *, title: str | None = None, origin: str = "<text>", **meta) -> Article:
        """Process one text in memory, without a store: a convenience for library use."""
        raw = RawDocument(origin=origin, format="txt", text=text, title=title, **meta)
        result = Preparer(self.options).prepare([raw])[0]
        if isinstance(result, InputError):
            raise result
        parsed = next(self.parse_here([result]))
        if isinstance(parsed, InputError):
            raise parsed
        return parsed

    def run(self, inputs: Sequence[str], store: Store, listener: Listener | None = None,
            total: Callable[[int], None] | None = None) -> RunReport:
        """Ingest files, folders and URLs into the store; one bad input never stops the run.

        Articles already stored (same id) are reported as duplicates and not stored again,
        so a run that was interrupted can simply be started again.
        """
        started = time.perf_counter()
        report = self.report = RunReport()  # kept on the pipeline, for a caller stopped by Ctrl-C
        tell = listener or (lambda kind, item: None)
        found = discover(inputs)
        if total:
            total(estimate_total(found))
        preparer = Preparer(self.options, store.site_lines())

        def fail(error: InputError) -> None:
            report.failed.append(error)
            tell("failed", error)

        def fresh() -> Iterator[Article]:
            items = read_guarded(found, self.options)
            while chunk := list(islice(items, PREPARE_CHUNK)):
                for item in chunk:
                    if isinstance(item, InputError):
                        fail(item)
                raws = [r for r in chunk if isinstance(r, RawDocument)]
                for item in preparer.prepare(raws, known=store.existing_ids):
                    if isinstance(item, InputError):
                        fail(item)
                    elif item.status == DUPLICATE:
                        report.duplicates.append(item.origin or item.id)
                        tell("duplicate", item)
                    else:
                        yield item

        batch: list[Article] = []

        def flush() -> None:
            for article, error in write_batch(store, batch, preparer):
                fail(error)
                batch.remove(article)
            link_stored(store, self.options, self.stages, self.stage_seconds)
            report.added += len(batch)  # counted before anything else can interrupt
            report.words += sum(a.n_words for a in batch)
            report.skipped_language += sum(a.status != "processed" for a in batch)
            for article in batch:
                tell("added", article)
            batch.clear()

        for article in self.parse(fresh()):
            if isinstance(article, InputError):
                fail(article)
                continue
            batch.append(article)
            if len(batch) >= self.options.batch_size:
                flush()
        if batch:
            flush()
        report.seconds = time.perf_counter() - started
        report.stage_seconds = dict(self.stage_seconds)
        return report

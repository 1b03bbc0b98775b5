"""Parsing and annotating articles in worker processes.

Each worker runs spaCy and every stage on its share of the articles, so with two workers the
stages no longer queue in the main process behind two parsers. The main process keeps reading,
cleaning and storing; at most two chunks per worker are in flight, so memory stays flat on any
corpus, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING

from .errors import InputError, TidingsError
from .lifeline import bind_to_parent
from .model import Article
from .options import Options

if TYPE_CHECKING:
    from .pipeline import Pipeline

CHUNKS_PER_WORKER = 2  # chunks in flight per worker: enough to keep each busy

_worker: Pipeline | None = None  # the pipeline of this worker process


def _start(options: Options, stages: Sequence[str]) -> None:
    global _worker
    from .pipeline import Pipeline

    bind_to_parent()
    _worker = Pipeline(replace(options, workers=1), stages=stages)


def _work(chunk: list[Article]) -> tuple[list[Article | InputError], dict[str, float]]:
    """Parse and annotate a chunk; the stage seconds it took come back with it."""
    assert _worker is not None
    before = dict(_worker.stage_seconds)
    out = list(_worker.parse_here(chunk))  # per-article failures come back as InputErrors
    return out, {k: v - before.get(k, 0.0) for k, v in _worker.stage_seconds.items()}


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the model the main process has loaded; elsewhere each worker loads its own
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def parse_in_workers(pipeline: Pipeline, articles: Iterable[Article]) -> Iterator[Article | InputError]:
    """Articles parsed and annotated by ``pipeline.options.workers`` processes, in input order.
    The stage seconds of every worker are added to ``pipeline.stage_seconds``."""
    options = pipeline.options
    names = [info.name for info in pipeline.stages]
    items = iter(articles)
    pending: deque[Future] = deque()

    def collect(future: Future) -> list[Article | InputError]:
        try:
            out, seconds = future.result()
        except BrokenProcessPool:
            raise TidingsError("a worker process died (out of memory?); what is stored is kept, and "
                               "running the same command again resumes where it stopped") from None
        for name, value in seconds.items():
            pipeline.stage_seconds[name] = pipeline.stage_seconds.get(name, 0.0) + value
        return out

    context = _context()
    if context.get_start_method() == "fork":
        pipeline.warm()
    pool = ProcessPoolExecutor(max_workers=options.workers, mp_context=context, initializer=_start,
                               initargs=(options, names))
    try:
        while chunk := list(islice(items, max(1, options.batch_size // 2))):
            pending.append(pool.submit(_work, chunk))
            if len(pending) >= CHUNKS_PER_WORKER * options.workers:
                yield from collect(pending.popleft())
        while pending:
            yield from collect(pending.popleft())
    except BaseException:  # Ctrl-C, a failed write, the consumer gone: stop the workers now
        _stop(pool)
        raise
    pool.shutdown(wait=True)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers at once, whatever they are doing, and leave no process behind."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.join(timeout=2)
        if process.is_alive():
            process.kill()
            process.join(timeout=1)

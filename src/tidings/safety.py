"""One bad input never ends a run: reading and storing guarded per input."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb

from .errors import InputError
from .ingest.prepare import Preparer
from .ingest.raw import RawDocument
from .ingest.sources import read_all
from .model import Article
from .options import Options
from .store.db import Store

# Errors in an article's values that the store cannot take (a string DuckDB cannot encode, a
# value out of a column's range): that article is refused, the others are stored. Anything else
# (disk full, a damaged file) is the store's problem and stops the run.
DATA_ERRORS = (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.OutOfRangeException,
               UnicodeError, TypeError, ValueError)


def read_guarded(found: Sequence[Path | str | InputError], options: Options) -> Iterator[RawDocument | InputError]:
    """``read_all`` one input at a time: an error a reader did not foresee becomes an InputError
    naming that input, and the next input is read."""
    for entry in found:
        try:
            yield from read_all([entry], options)
        except Exception as exc:  # noqa: BLE001 - the input's problem, not the run's
            yield InputError(str(entry), f"cannot read: {type(exc).__name__}: {exc}")


def write_batch(store: Store, batch: list[Article], preparer: Preparer) -> list[tuple[Article, InputError]]:
    """Store a batch in one transaction; if the store refuses some article's values, store the
    articles one by one and return those it refused, each with the error to report."""
    try:
        store.write(batch, preparer.lines_of(batch))
        preparer.forget(batch)
        return []
    except Exception as exc:
        if not _data_error(exc):
            raise
    refused: list[tuple[Article, InputError]] = []
    for article in batch:
        try:
            store.write([article], preparer.lines_of([article]))
        except Exception as exc:
            if not _data_error(exc):
                raise
            refused.append((article, InputError(article.origin or article.id,
                                                f"cannot store: {type(exc).__name__}: {exc}")))
        preparer.forget([article])
    return refused


def _data_error(exc: BaseException | None) -> bool:
    """Whether an error, or one it was raised while handling, is about a value, not the store."""
    for _ in range(10):  # a chain is short; never loop on a cycle
        if exc is None:
            return False
        if isinstance(exc, DATA_ERRORS):
            return True
        exc = exc.__cause__ or exc.__context__
    return False

"""Opening the DuckDB file: no extension downloads, waiting briefly for a writer's lock, clear errors.

Several processes may use one store: DuckDB lets many readers or one writer hold the file.
A `tidings ingest` holds it only while it looks up or commits a batch, so readers that find
it locked wait a little (``READ_WAIT``) and try again; the writer waits longer (``WRITE_WAIT``)
for readers to let go. What cannot be opened is told in one line saying what to do.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import StoreError

# Opening a file that is not DuckDB (SQLite, ...) must never make DuckDB fetch an extension.
CONFIG = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
READ_WAIT = 10.0
WRITE_WAIT = 60.0
SQLITE_MAGIC = b"SQLite format 3\x00"
DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB file

_PID = re.compile(r"\(PID (\d+)\)")
_FULL = ("No space left on device", "File too large", "Disk quota exceeded", "out of disk space")
_DAMAGED = ("Could not read enough bytes", "Corrupt", "checksum", "INTERNAL Error", "invalidated",
            "Serialization Error", "failed to read", "not a valid DuckDB")


def memory() -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with extension autoloading and autoinstall off."""
    return duckdb.connect(":memory:", config=CONFIG)


def is_lock(exc: BaseException) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def check_file(path: Path) -> None:
    """Refuse, before DuckDB sees it, a file that is plainly not a DuckDB database."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StoreError(f"cannot open store {path}: {exc.strerror or exc}") from None
    if head.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path} is a SQLite database, not a Tidings store; "
                         "pass --db a Tidings store or a new file name")
    if head and head[8:12] != DUCKDB_MAGIC:
        raise StoreError(f"{path} is not a Tidings store (not a DuckDB database file); "
                         "pass --db a Tidings store or a new file name")


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, path: Path) -> Iterator[None]:
    """All or nothing: committed at the end of the block, rolled back on any error or interrupt
    (a failed COMMIT, the disk full, has already ended it); a DuckDB error comes out as one line
    about the store at ``path``."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException as exc:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        if isinstance(exc, duckdb.Error):
            raise problem(path, exc) from None
        raise


def problem(path: Path, exc: BaseException, *, waited: float = 0.0) -> StoreError:
    """One line saying what went wrong with the store at ``path`` and what to do."""
    text = str(exc).strip().splitlines()[0][:240] if str(exc).strip() else type(exc).__name__
    if is_lock(exc):
        pid = _PID.search(str(exc))
        who = f"another process (PID {pid[1]})" if pid else "another process"
        return StoreError(f"store {path} is in use by {who} writing to it (a `tidings ingest`, or a program "
                          f"holding it open); waited {waited:g} s. Try again when that process has finished "
                          "its batch or ended")
    if any(mark in text for mark in _FULL):
        return StoreError(f"cannot write to store {path}: the disk is full ({text}); free some space and run "
                          "the same command again: committed batches are kept")
    if "Permission denied" in text:
        return StoreError(f"cannot open store {path}: permission denied")
    if "No such file or directory" in text:
        return StoreError(f"cannot create store {path}: folder {path.parent} does not exist")
    if "not a valid DuckDB" in text:
        return StoreError(f"{path} is not a Tidings store (not a DuckDB database file); "
                          "pass --db a Tidings store or a new file name")
    if any(mark.lower() in text.lower() for mark in _DAMAGED):
        return StoreError(f"store {path} is damaged ({text}); restore it from a copy, or ingest again into "
                          "a new file with --db NEW.duckdb")
    return StoreError(f"store {path}: {text}")


def connect(path: Path, *, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """A connection to the file, retrying for up to ``wait`` seconds while another process holds it."""
    check_file(path)
    started = time.monotonic()
    delay = 0.05
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=CONFIG)
        except duckdb.Error as exc:
            waited = time.monotonic() - started
            if not is_lock(exc) or waited >= wait:
                raise problem(path, exc, waited=round(waited)) from None
            time.sleep(min(delay, max(wait - waited, 0.01)))
            delay = min(delay * 2, 0.5)

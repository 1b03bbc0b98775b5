"""Writing query rows as JSON Lines, CSV or Parquet, and saying plainly when a file cannot be written."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import click
import duckdb

from ..errors import TidingsError
from ..store.access import memory
from .app import err
from .safe import json_text, markup, plain

class OutputError(TidingsError):
    """A file or folder that output cannot be written to."""


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    text = str(exc)
    for reason in ("Permission denied", "No such file or directory", "No space left on device",
                   "Read-only file system", "Is a directory", "Not a directory"):
        if reason in text:
            return reason
    return text.splitlines()[0] if text else type(exc).__name__


def is_write_error(exc: BaseException) -> bool:
    """An OSError, or a DuckDB error about a file it could not write (not about the store)."""
    if isinstance(exc, OSError):
        return True
    return isinstance(exc, duckdb.Error) and ("Cannot open file" in str(exc) or "Could not write" in str(exc))


@contextmanager
def writing(target: Path, what: str = "--out") -> Iterator[None]:
    """Turn a failure to write ``target`` into one line naming it and what to do."""
    try:
        yield
    except (OSError, duckdb.Error) as exc:
        if not is_write_error(exc):
            raise
        raise OutputError(plain(f"cannot write to {target}: {_why(exc)}; choose a place you can write "
                                f"to with {what}")) from None


def make_folder(folder: Path) -> Path:
    """``folder``, created with its parents when missing."""
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            raise OutputError(plain(f"cannot write to {folder}: {part} is a file, not a folder; choose a "
                                    "place you can write to with --out"))
    with writing(folder):
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_rows(rows: list[dict], fmt: str, out_file: Path | None) -> None:
    """Rows as JSON Lines, CSV (nested values as JSON) or Parquet, to a file or stdout."""
    if fmt == "parquet":
        if out_file is None:
            raise click.UsageError("--format parquet needs --out FILE")
        make_folder(out_file.parent)
        path = out_file.with_suffix(".jsonl.tmp")
        with writing(out_file):
            path.write_text("\n".join(json.dumps(r, default=str) for r in rows), encoding="utf-8")
            try:
                con = memory()
                target = str(out_file).replace("'", "''")
                con.execute(f"COPY (SELECT * FROM read_json('{str(path).replace(chr(39), chr(39) * 2)}')) "
                            f"TO '{target}' (FORMAT parquet)")
                con.close()
            finally:
                path.unlink(missing_ok=True)
        err.print(f"{markup(out_file)}  {len(rows)} events")
        return
    if out_file:
        make_folder(out_file.parent)
        with writing(out_file), out_file.open("w", encoding="utf-8", newline="") as sink:
            _write(rows, fmt, sink, terminal=False)
    else:
        _write(rows, fmt, sys.stdout, terminal=sys.stdout.isatty())


def _write(rows: list[dict], fmt: str, sink: TextIO, *, terminal: bool) -> None:
    """JSON Lines or CSV to ``sink``; CSV cells going to a terminal have their control characters shown."""

    def clean(value: Any) -> Any:
        return plain(value, newlines=True) if terminal and isinstance(value, str) else value

    if fmt == "jsonl":
        for r in rows:
            sink.write(json_text(r) + "\n")
        return
    writer = csv.writer(sink)
    if rows:
        writer.writerow(rows[0].keys())
    for r in rows:
        writer.writerow([clean(json.dumps(v, default=str)) if isinstance(v, (list, dict)) else clean(v)
                         for v in r.values()])

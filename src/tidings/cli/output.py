"""Writing query rows as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .app import err


def write_rows(rows: list[dict], fmt: str, out_file: Path | None) -> None:
    """Rows as JSON Lines, CSV (nested values as JSON) or Parquet, to a file or stdout."""
    import csv
    import io

    if fmt == "parquet":
        if out_file is None:
            raise click.UsageError("--format parquet needs --out FILE")
        import duckdb

        tmp = io.StringIO("\n".join(json.dumps(r, default=str) for r in rows))
        path = out_file.with_suffix(".jsonl.tmp")
        path.write_text(tmp.getvalue(), encoding="utf-8")
        try:
            target = str(out_file).replace("'", "''")
            duckdb.sql(f"COPY (SELECT * FROM read_json('{str(path).replace(chr(39), chr(39) * 2)}')) "
                       f"TO '{target}' (FORMAT parquet)")
        finally:
            path.unlink(missing_ok=True)
        err.print(f"{out_file}  {len(rows)} events")
        return
    sink = out_file.open("w", encoding="utf-8", newline="") if out_file else sys.stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                sink.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
        else:
            writer = csv.writer(sink)
            if rows:
                writer.writerow(rows[0].keys())
            for r in rows:
                writer.writerow([json.dumps(v, default=str) if isinstance(v, (list, dict)) else v for v in r.values()])
    finally:
        if out_file:
            sink.close()

"""The command line facing bad settings, unwritable outputs, foreign stores and a running ingest:
one line saying what is wrong and what to do, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from tidings import open_store
from tidings.cli import main
from tidings.errors import InputError
from tidings.ingest.files import decode, read_jsonl
from tidings.model import Article

TIDINGS = [sys.executable, "-m", "tidings"]


@pytest.fixture
def small_store(tmp_path: Path) -> str:
    path = tmp_path / "small.duckdb"
    with open_store(path) as s:
        s.write([Article(id="a1", text="Seoul protested.", raw_text="Seoul protested.", title="Protest",
                         status="processed")])
    return str(path)


def one_line_error(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    [line] = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith("Error: ")
    return line


@pytest.mark.parametrize("value", ["inf", "nan", "0", "-5", "1e309"])
@pytest.mark.parametrize("option", ["--timeout", "--feed-timeout"])
def test_timeouts_must_be_positive_and_finite(option: str, value: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "x.txt", option, value, "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 2 and "positive, finite number of seconds" in result.output


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", "x.txt", "--encoding", "klingon", "--db", str(tmp_path / "t.duckdb")])
    assert result.exit_code == 2 and "unknown encoding 'klingon'" in result.output


def test_encoding_is_only_a_fallback_for_files_that_are_not_utf8() -> None:
    utf8 = "Malmö – “quoted”".encode()
    assert decode(utf8, "a.txt", "latin-1") == "Malmö – “quoted”"
    assert decode("Malmö".encode("latin-1"), "b.txt", "latin-1") == "Malmö"
    with pytest.raises(InputError, match="not UTF-8"):
        decode("Malmö".encode("latin-1"), "b.txt")


@pytest.mark.parametrize("value", ['"1e309"', "1e309", '"0001-01-01"', '"9999-12-31"', '"nan"', '"inf"', "true"])
def test_absurd_published_values_are_refused_not_replaced(value: str) -> None:
    [item] = read_jsonl('{"text": "Seoul protested the launch.", "published": %s}' % value, "w.jsonl")
    assert isinstance(item, InputError), item
    assert item.origin == "w.jsonl:1" and item.reason.startswith("bad 'published' value")


def test_plausible_published_values_still_read() -> None:
    [item] = read_jsonl('{"text": "Seoul protested.", "published": "7 November 2024"}', "w.jsonl")
    assert not isinstance(item, InputError) and item.published == date(2024, 11, 7)


def test_export_into_a_file_or_an_unwritable_place_is_one_line(small_store: str, tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be")
    runner = CliRunner()
    for args in (["export", "--out", str(blocker / "out")],
                 ["export", "--out", str(blocker / "out"), "--format", "plover"],
                 ["events", "--format", "csv", "--out", str(blocker / "e.csv")],
                 ["events", "--format", "parquet", "--out", str(blocker / "e.parquet")]):
        line = one_line_error(runner.invoke(main, args + ["--db", small_store]))
        assert f"cannot write to {blocker}" in line and "is a file, not a folder" in line


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs a read-only /sys")
def test_export_into_a_read_only_folder_is_one_line(small_store: str) -> None:
    runner = CliRunner()
    for args in (["export", "--out", "/sys/kernel"], ["export", "--out", "/sys/kernel", "--format", "gdelt"],
                 ["events", "--format", "jsonl", "--out", "/sys/kernel/e.jsonl"]):
        line = one_line_error(runner.invoke(main, args + ["--db", small_store]))
        assert "cannot write to /sys/kernel" in line and "choose a place you can write to with --out" in line


def test_export_creates_a_missing_folder(small_store: str, tmp_path: Path) -> None:
    out = tmp_path / "new" / "deeper"
    result = CliRunner().invoke(main, ["events", "--format", "csv", "--out", str(out / "e.csv"), "--db", small_store])
    assert result.exit_code == 0 and (out / "e.csv").exists()


def test_reading_commands_on_stores_that_are_not_tidings_stores(tmp_path: Path) -> None:
    sqlite = tmp_path / "other.sqlite"
    con = sqlite3.connect(sqlite)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database\n" * 10)
    runner = CliRunner()
    for path, expected in ((sqlite, "is a SQLite database, not a Tidings store"),
                           (text, "is not a Tidings store (not a DuckDB database file)")):
        for command in (["stats"], ["articles"], ["ingest", str(text)]):
            line = one_line_error(runner.invoke(main, command + ["--db", str(path)]))
            assert expected in line, line


@pytest.mark.slow
def test_readers_work_while_an_ingest_runs(tmp_path: Path, examples_dir: Path) -> None:
    wire = tmp_path / "wire.jsonl"
    body = (examples_dir / "01-icbm-launch.txt").read_text(encoding="utf-8").split("\n", 1)[1]
    with wire.open("w", encoding="utf-8") as fh:
        for i in range(60):
            fh.write(json.dumps({"title": f"Story {i}", "text": f"{body}\n\nStory {i} ends here.",
                                 "published": "2024-11-05"}) + "\n")
    db = tmp_path / "live.duckdb"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    ingest = subprocess.Popen(TIDINGS + ["ingest", str(wire), "--db", str(db), "-q", "--batch-size", "4"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        seen: list[int] = []
        deadline = time.monotonic() + 300
        while ingest.poll() is None and time.monotonic() < deadline:
            if not db.exists():
                time.sleep(0.2)
                continue
            stats = subprocess.run(TIDINGS + ["stats", "--db", str(db), "--json"], capture_output=True, text=True,
                                   timeout=120, env=env)
            if ingest.poll() is not None:
                break
            assert stats.returncode == 0, stats.stderr
            seen.append(json.loads(stats.stdout)["articles"])
        out, err = ingest.communicate(timeout=300)
        assert ingest.returncode == 0, err
        assert seen, "the ingest ended before any reader ran"
        assert seen == sorted(seen) and seen[0] < 60
    finally:
        if ingest.poll() is None:
            ingest.kill()
            ingest.wait()

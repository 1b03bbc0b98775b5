"""Opening stores that are locked, foreign, damaged or on a full disk: clear messages, no downloads."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from tidings import StoreError, open_store
from tidings.model import Article

HOLD = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=sys.argv[2] == "ro")
print("holding", flush=True)
time.sleep(float(sys.argv[3]))
con.close()
"""


def hold(path: Path, seconds: float, mode: str = "rw") -> subprocess.Popen:
    """Another process holding the store open, as an ingest from an older Tidings would."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(path), mode, str(seconds)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def article(i: int) -> Article:
    return Article(id=f"a{i:04d}", text=f"Text number {i}.", raw_text=f"Text number {i}.", status="processed")


@pytest.fixture
def made(tmp_path: Path) -> Path:
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        s.write([article(1)])
    return path


def test_reader_waits_for_a_writer_that_lets_go(made: Path) -> None:
    proc = hold(made, 1.0)
    try:
        started = time.monotonic()
        with open_store(made, read_only=True, wait=30) as s:
            assert s.query("SELECT count(*) AS n FROM articles") == [{"n": 1}]
        assert time.monotonic() - started > 0.3
    finally:
        proc.wait(timeout=30)


def test_reader_says_plainly_who_holds_the_store(made: Path) -> None:
    proc = hold(made, 30)
    try:
        with pytest.raises(StoreError) as caught:
            open_store(made, read_only=True, wait=0.5)
    finally:
        proc.kill()
        proc.wait()
    message = str(caught.value)
    assert f"store {made} is in use by another process (PID {proc.pid}) writing to it" in message
    assert "Try again" in message and "\n" not in message


def test_a_store_that_does_not_hold_its_file_lets_other_processes_read_between_batches(made: Path) -> None:
    with open_store(made, hold=False) as writer:
        writer.write([article(2)])
        assert writer.existing_ids(["a0001", "a0002", "zzz"]) == {"a0001", "a0002"}
        # the writer is open but holds no lock: another process reads what was committed
        reader = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
            from tidings import open_store
            with open_store({str(made)!r}, read_only=True, wait=0) as s:
                print(s.query("SELECT count(*) AS n FROM articles")[0]["n"])
            """)], capture_output=True, text=True, timeout=60)
        assert reader.stdout.strip() == "2", reader.stderr
        writer.write([article(3)])
    with open_store(made, read_only=True) as s:
        assert s.query("SELECT count(*) AS n FROM articles") == [{"n": 3}]


def test_writer_waits_for_a_reader_to_finish(made: Path) -> None:
    proc = hold(made, 1.0, "ro")
    try:
        with open_store(made, hold=False, wait=30) as s:
            s.write([article(5)])
    finally:
        proc.wait(timeout=30)


def test_extension_autoloading_and_autoinstall_are_off(made: Path) -> None:
    with open_store(made, read_only=True) as s:
        rows = s.query("SELECT current_setting('autoload_known_extensions') AS load, "
                       "current_setting('autoinstall_known_extensions') AS install")
    assert rows == [{"load": False, "install": False}]


def test_sqlite_file_is_refused_without_touching_extensions(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (a)")
    con.commit()
    con.close()
    for read_only in (True, False):
        with pytest.raises(StoreError, match="is a SQLite database, not a Tidings store; pass --db"):
            open_store(path, read_only=read_only)


def test_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("remember the milk\n" * 20)
    with pytest.raises(StoreError, match=r"is not a Tidings store \(not a DuckDB database file\)"):
        open_store(path)


def test_foreign_duckdb_file_is_not_migrated_into(tmp_path: Path) -> None:
    path = tmp_path / "sales.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (a INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="is a DuckDB database but not a Tidings store .it holds sales."):
        open_store(path)
    with pytest.raises(StoreError, match="not a Tidings store"):
        open_store(path, read_only=True)
    con = duckdb.connect(str(path), read_only=True)
    assert [r[0] for r in con.execute("SHOW TABLES").fetchall()] == ["sales"]
    con.close()


def test_truncated_store_says_it_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    with open_store(path) as s:
        s.write([Article(id=f"b{i}", text="word " * 2000, raw_text="raw " * 2000) for i in range(60)])
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.truncate(size // 4)
    with pytest.raises(StoreError) as caught:
        with open_store(path, read_only=True) as s:
            s.query("SELECT max(length(text)) AS n, count(*) AS c FROM articles")
    message = str(caught.value)
    assert message.startswith(f"store {path} is damaged") and "restore it from a copy" in message


def test_missing_folder_for_a_new_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nowhere" / "s.duckdb")


FULL = """
import os, resource, signal, sys
from tidings import StoreError, open_store
from tidings.model import Article
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
path = sys.argv[1]
size = os.path.getsize(path)
resource.setrlimit(resource.RLIMIT_FSIZE, (size + 100_000, size + 100_000))
big = [Article(id=f"c{i}", text="word " * 50_000 + str(i), raw_text="raw " * 60_000) for i in range(10)]
try:
    with open_store(path, hold=False) as s:
        s.write(big)
except StoreError as exc:
    print(exc)
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs RLIMIT_FSIZE")
def test_disk_full_is_one_clear_line_and_the_store_stays_usable(made: Path) -> None:
    done = subprocess.run([sys.executable, "-c", FULL, str(made)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"cannot write to store {made}: the disk is full ("), done.stdout
    assert "run the same command again" in done.stdout and "Traceback" not in done.stderr
    with open_store(made, read_only=True) as s:
        assert s.query("SELECT id FROM articles") == [{"id": "a0001"}]

"""Stopping a real `tidings ingest` with 2 workers: Ctrl-C, SIGTERM and kill -9 of the main process
leave no worker behind; Ctrl-C and SIGTERM stop within seconds and say what was kept."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tidings import open_store

from .test_crash_resume import make_corpus

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")]


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            out.add(int(stat.parent.name))
    return out


def alive(pids: set[int]) -> set[int]:
    left = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            left.add(pid)
    return left


ARTICLES = 800  # far more than can be stored between the first commit and the signal, however fast


def start(tmp_path: Path, examples_dir: Path) -> tuple[subprocess.Popen, Path, set[int]]:
    """An ingest of ARTICLES articles with 2 workers, once it has committed a batch; and its workers."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(examples_dir, corpus, ARTICLES)
    db = tmp_path / "stop.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", str(db), "--quiet",
                             "--verbose", "--workers", "2", "--batch-size", "8"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    for line in proc.stdout:
        if line.startswith("stored "):
            break
    workers = children(proc.pid)
    assert len(workers) >= 2, "the workers were not found"
    proc.signals = signal_state(proc.pid)  # type: ignore[attr-defined]
    return proc, db, workers


def signal_state(pid: int) -> str:
    """The process's blocked, ignored and caught signal masks, for a failure's message."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return " ".join(line.replace("\t", "") for line in lines if line.startswith(("SigBlk", "SigIgn", "SigCgt")))


def wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


def test_ctrl_c_stops_within_seconds_exits_130_and_says_what_was_kept(tmp_path, examples_dir):
    proc, db, workers = start(tmp_path, examples_dir)
    asked = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"still running 30 s after Ctrl-C; its signal masks at start: {proc.signals}")
    took = time.monotonic() - asked
    assert proc.returncode == 130, (err, proc.signals)
    assert took < 5, f"took {took:.1f} s to stop"
    assert "Traceback" not in err
    assert "run the same command again to resume" in err
    assert not wait_gone(workers, 5), "a worker outlived the run"
    with open_store(db, read_only=True) as store:
        n = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
    assert f"Stopped by SIGINT: {n} articles committed in this run are kept" in err
    assert 8 <= n < ARTICLES


def test_sigterm_stops_the_run_and_its_workers(tmp_path, examples_dir):
    proc, _, workers = start(tmp_path, examples_dir)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM, err
    assert "Stopped by SIGTERM" in err and "Traceback" not in err
    assert not wait_gone(workers, 5), "a worker outlived the run"


def test_workers_exit_when_the_main_process_is_killed(tmp_path, examples_dir):
    proc, db, workers = start(tmp_path, examples_dir)
    proc.kill()
    proc.wait(timeout=10)
    assert not wait_gone(workers, 5), "workers were left behind after kill -9 of the main process"
    with open_store(db, read_only=True) as store:  # and the store can be opened again at once
        assert store.query("SELECT count(*) AS n FROM articles")[0]["n"] % 8 == 0

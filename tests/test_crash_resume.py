"""Kill a real `tidings ingest` mid-run: the store stays consistent and a re-run finishes the job."""

import os
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tidings import open_store

N_ARTICLES = 160


def make_corpus(examples: Path, out: Path, n: int) -> None:
    """Distinct articles made by shuffling sentences of the bundled English examples."""
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(examples.glob("0[1-4]*.txt")))
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 6]
    rng = random.Random(7)
    for i in range(n):
        body = "\n\n".join(" ".join(rng.sample(sentences, 4)) for _ in range(4))
        (out / f"a{i:04d}.txt").write_text(f"Story {i}\n\n{body}\n", encoding="utf-8")


@pytest.mark.slow
def test_killed_run_leaves_a_consistent_store_and_a_rerun_completes(tmp_path, examples_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    make_corpus(examples_dir, corpus, N_ARTICLES)
    db = tmp_path / "crash.duckdb"
    cmd = [sys.executable, "-m", "tidings", "ingest", str(corpus), "--db", str(db), "--quiet",
           "--verbose", "--batch-size", "8"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    stored = 0
    for line in proc.stdout:
        stored += line.startswith("stored ")
        if stored >= 24:  # three batches committed, many more to come
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"

    with open_store(db) as store:
        n = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
        assert 24 <= n < N_ARTICLES
        assert n % 8 == 0, "only whole batches are committed"
        orphans = store.query("SELECT count(*) AS n FROM sentences WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans[0]["n"] == 0
        unparsed = store.query("SELECT count(*) AS n FROM articles a WHERE NOT EXISTS "
                               "(SELECT 1 FROM sentences s WHERE s.article_id = a.id)")
        assert unparsed[0]["n"] == 0

    rerun = subprocess.run(cmd[:-3], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"Added {N_ARTICLES - n} articles" in rerun.stderr
    with open_store(db, read_only=True) as store:
        assert store.query("SELECT count(*) AS n, count(DISTINCT id) AS d FROM articles")[0] == {"n": N_ARTICLES, "d": N_ARTICLES}
        dup = store.query("SELECT count(*) - count(DISTINCT id) AS d FROM sentences")[0]["d"]
        assert dup == 0

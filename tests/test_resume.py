"""A run killed at several points and resumed stores exactly what one clean run stores: every table,
row for row, with sources, sidecars, JSON Lines, a feed on a loopback server and 2 workers."""

import dataclasses
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tidings import Options, open_store

from .test_shutdown import alive, children, wait_gone

pytestmark = pytest.mark.slow

RUN_COLUMNS = {"ingested_at", "applied_at"}  # when a row was written, not what it says
N_FILES, N_LINES, N_FEED = 20, 12, 10


def sentences(examples: Path) -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(examples.glob("0[1-4]*.txt")))
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 6]


def body(rng: random.Random, pool: list[str], i: int, site: str) -> list[str]:
    """Paragraphs with page residue repeated across the site: one line on every page, and one
    shared by each run of three pages (seen by two others: kept, unless a resume counts twice)."""
    paras = [" ".join(rng.sample(pool, 3)) for _ in range(3)]
    return [f"Story {i} from {site}", *paras, f"More from {site}: series {i // 3}", f"Follow {site} for updates"]


def build(tmp_path: Path, examples: Path, www: Path, base: str) -> list[str]:
    pool, rng = sentences(examples), random.Random(11)
    files = tmp_path / "in" / "herald"
    files.mkdir(parents=True)
    for i in range(N_FILES):
        lines = body(rng, pool, i, "the Herald")
        (files / f"h{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
        (files / f"h{i:03d}.json").write_text(json.dumps({"source": "Herald", "published": f"2024-11-{1 + i % 28:02d}"}))
    with (tmp_path / "in" / "wire.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(N_LINES):
            lines = body(rng, pool, i, "the Wire")
            fh.write(json.dumps({"title": lines[0], "text": "\n\n".join(lines[1:]), "source": "Wire",
                                 "published": "2024-11-07"}) + "\n")
    items = []
    for i in range(N_FEED):
        lines = body(rng, pool, i, "the Courier")
        paras = "".join(f"<p>{line}</p>\n" for line in lines[1:])
        (www / f"c{i}.html").write_text(f"<html><head><title>{lines[0]}</title></head><body><article>"
                                        f"<h1>{lines[0]}</h1>{paras}</article></body></html>", encoding="utf-8")
        items.append(f"<item><title>{lines[0]}</title><link>{base}/c{i}.html</link>"
                     f"<pubDate>Fri, 08 Nov 2024 09:00:00 GMT</pubDate></item>")
    (www / "feed.rss").write_text('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                                  f"<title>Courier</title><link>{base}/</link><description>d</description>"
                                  + "".join(items) + "</channel></rss>", encoding="utf-8")
    return [str(files), str(tmp_path / "in" / "wire.jsonl"), f"{base}/feed.rss"]


def command(inputs: list[str], db: Path) -> list[str]:
    cmd = [sys.executable, "-m", "tidings", "ingest", *inputs, "--db", str(db), "--workers", "2",
           "--batch-size", "4", "--quiet", "--verbose"]
    if "allow_private_hosts" in {f.name for f in dataclasses.fields(Options)}:
        cmd.append("--allow-private-hosts")  # the feed is served on 127.0.0.1
    return cmd


def kill_after(cmd: list[str], stored: int) -> None:
    """Run, and kill -9 the main process once ``stored`` more articles are stored; no worker may stay."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    seen, workers = 0, set()
    for line in proc.stdout:
        workers |= children(proc.pid)
        seen += line.startswith("stored ")
        if seen >= stored:
            break
    proc.kill()
    proc.wait(timeout=30)
    assert seen >= stored, "the run finished before it could be killed"
    assert not wait_gone(workers, 5), f"workers {alive(workers)} outlived their killed parent"


def tables(db: Path) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the columns that record when they were written."""
    out = {}
    with open_store(db, read_only=True) as store:
        names = [r["table_name"] for r in store.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")]
        for name in names:
            cols = [r["column_name"] for r in store.query(
                "SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position",
                [name]) if r["column_name"] not in RUN_COLUMNS]
            if name.startswith("schema_") or not cols:
                continue
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = store.query(f'SELECT {quoted} FROM "{name}"')
            out[name] = sorted((tuple(repr(r[c]) for c in cols) for r in rows))
    return out


def test_a_run_killed_three_times_and_resumed_equals_a_clean_run(tmp_path, examples_dir, http_root):
    www, base = http_root
    inputs = build(tmp_path, examples_dir, www, base)
    clean = tmp_path / "clean.duckdb"
    done = subprocess.run(command(inputs, clean), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    total = N_FILES + N_LINES + N_FEED
    assert f"Added {total} articles" in done.stderr

    resumed = tmp_path / "resumed.duckdb"
    cmd = command(inputs, resumed)
    kill_after(cmd, 6)    # in the files with sidecars
    kill_after(cmd, 18)   # in the JSON Lines, or later
    kill_after(cmd, 6)    # in the feed, or later
    last = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert last.returncode == 0, last.stderr

    want, got = tables(clean), tables(resumed)
    assert set(got) == set(want)
    assert len(want["articles"]) == total
    for name in want:
        assert got[name] == want[name], f"table {name} differs from a clean run"

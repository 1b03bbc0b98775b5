"""Seconds and peak memory to ingest one long article, by length: is the cost linear?

Each length runs in a fresh process that ingests one plain-text article (sentences of the
bundled examples, in paragraphs) into a new store with one worker, and reports the run's
seconds (model loading excluded), the stages' seconds and its peak resident memory (the
model included). Articles longer than ``--max-chars`` (default 500,000) are refused with
a message instead; long articles are parsed in pieces of 100,000 characters.

    python bench/long_articles.py                      # 10k, 100k, 300k and 1M characters
    python bench/long_articles.py --sizes 10000 100000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

SIZES = (10_000, 100_000, 300_000, 1_000_000)


def article(chars: int, seed: int = 5) -> str:
    """A plain-text article of exactly ``chars`` characters: a title, then paragraphs of example sentences."""
    from throughput import english_texts

    pool = [s for t in english_texts() for s in re.split(r"(?<=[.!?\u201d])\s+", t) if len(s.split()) > 5]
    rng = random.Random(seed)
    parts, size = ["A long dispatch\n\n"], 17
    while size < chars:
        para = " ".join(rng.sample(pool, 3)) + "\n\n"
        parts.append(para)
        size += len(para)
    return "".join(parts)[:chars]


def child(chars: int) -> None:
    """Ingest one article of ``chars`` characters; print a JSON line of figures."""
    from tidings import Options, Pipeline, open_store

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(article(chars), encoding="utf-8")
        pipeline = Pipeline(Options(progress=False))
        pipeline.warm()
        started = time.perf_counter()
        with open_store(Path(tmp) / "long.duckdb") as store:
            report = pipeline.run([str(path)], store)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    print(json.dumps({"chars": chars, "seconds": seconds, "peak_mb": peak / 1e6, "added": report.added,
                      "failed": [str(e) for e in report.failed],
                      "stages": {k: round(v, 2) for k, v in report.stage_seconds.items()}}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"{'characters':>11} {'seconds':>8} {'s/100k':>7} {'peak MB':>8}  stages (s) / outcome")
    for chars in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(chars)], capture_output=True, text=True)
        if out.returncode != 0:
            print(f"{chars:>11,} failed: {out.stderr.strip().splitlines()[-1:]}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        outcome = ", ".join(f"{k} {v}" for k, v in r["stages"].items()) if r["added"] else "; ".join(r["failed"])
        print(f"{chars:>11,} {r['seconds']:>8.1f} {r['seconds'] / chars * 1e5:>7.1f} {r['peak_mb']:>8.0f}  {outcome}",
              flush=True)


if __name__ == "__main__":
    main()

"""Throughput of `tidings ingest` beside spaCy alone on the same texts (the floor).

Builds a corpus of N articles by recombining sentences of the bundled English examples with
varied names, then times, each in a fresh process: spaCy's ``nlp.pipe`` alone, and the whole
Tidings ingest (read, clean, identify, detect language, parse, stages, store) into a new store,
with 1 and 2 workers. Prints articles/s, words/s, peak memory and Tidings' overhead above spaCy.

    python bench/throughput.py                 # 2,000 articles, 1 and 2 workers
    python bench/throughput.py --n 300 --workers 1
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
EXAMPLES = ROOT / "examples" / "articles"
NAMES = {
    "Kim Jong Un": ["Kim Jong-un", "Kim Jong Un", "Jong-un"],
    "Pyongyang": ["Pyongyang", "the North Korean capital"],
    "Seoul": ["Seoul", "South Korea"],
    "Tokyo": ["Tokyo", "Japan"],
    "Washington": ["Washington", "the White House", "the United States"],
    "Antony Blinken": ["Antony Blinken", "Anthony Blinken", "Blinken"],
    "Yoon Suk Yeol": ["Yoon Suk Yeol", "President Yoon", "Yoon"],
}


def english_texts() -> list[str]:
    texts = []
    for path in sorted(EXAMPLES.iterdir()):
        if path.suffix == ".txt" and not path.stem.endswith("-de"):
            texts.append(path.read_text(encoding="utf-8").split("\n", 1)[1])
        elif path.suffix == ".jsonl":
            texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return texts


def build_corpus(out: Path, n: int, seed: int = 13) -> None:
    """N distinct articles of 4-7 paragraphs of example sentences, with names varied."""
    sentences = [s for t in english_texts() for s in re.split(r"(?<=[.!?\u201d])\s+", t) if len(s.split()) > 5]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        paras = []
        for _ in range(rng.randint(4, 7)):
            para = " ".join(rng.sample(sentences, rng.randint(2, 4)))
            for name, variants in NAMES.items():
                para = para.replace(name, rng.choice(variants))
            paras.append(para)
        (out / f"{i:05d}.txt").write_text(f"Dispatch {i}: {rng.choice(sentences)[:60]}\n\n" + "\n\n".join(paras) + "\n",
                                          encoding="utf-8")


def peak_mb() -> tuple[float, float]:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return round(me, 1), round(kids, 1)


def run_spacy(corpus: Path, workers: int) -> dict:
    from tidings.ingest.files import split_title
    from tidings.nlp.model import load_nlp

    texts = [split_title(p.read_text(encoding="utf-8"))[1] for p in sorted(corpus.glob("*.txt"))]
    nlp = load_nlp()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "articles": len(texts), "words": sum(len(t.split()) for t in texts)}


def run_tidings(corpus: Path, workers: int, stages: list[str] | None = None) -> dict:
    from tidings import Options, Pipeline, open_store

    pipeline = Pipeline(Options(workers=workers, progress=False), stages=stages)  # model load not timed
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        report = pipeline.run([str(corpus)], store)
        seconds = time.perf_counter() - start
    assert report.ok and report.added, report
    return {"seconds": seconds, "articles": report.added, "words": report.words, "stages": report.stage_seconds}


def child(mode: str, corpus: Path, workers: int, stages: list[str] | None) -> None:
    result = run_spacy(corpus, workers) if mode == "spacy" else run_tidings(corpus, workers, stages)
    result["peak_main_mb"], result["peak_worker_mb"] = peak_mb()
    print(json.dumps(result))


def measure(mode: str, corpus: Path, workers: int, stages: str | None = None) -> dict:
    extra = ["--stages", stages] if stages else []
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--workers", str(workers),
                          *extra], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to try")
    parser.add_argument("--stages", help="comma-separated stages to run (default: all), e.g. sentences,entities")
    parser.add_argument("--child", choices=["spacy", "tidings"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.corpus, args.workers[0], args.stages.split(",") if args.stages else None)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        build_corpus(corpus, args.n)
        print(f"corpus: {args.n} articles in {corpus}; stages: {args.stages or 'all'}")
        header = f"{'workers':>7} {'what':<8} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'peak MB main/worker':>20} {'overhead':>9}"
        print(header)
        print("-" * len(header))
        for workers in args.workers:
            floor = measure("spacy", corpus, workers)
            full = measure("tidings", corpus, workers, args.stages)
            for name, r in (("spaCy", floor), ("Tidings", full)):
                over = f"{full['seconds'] / floor['seconds'] - 1:+.1%}" if name == "Tidings" else ""
                print(f"{workers:>7} {name:<8} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>10.1f} "
                      f"{r['words'] / r['seconds']:>9,.0f} {r['peak_main_mb']:>10.0f}/{r['peak_worker_mb']:<9.0f} {over:>9}")
            print(f"{'':>7} stages (seconds, summed over workers): " + ", ".join(f"{k} {v:.1f} s" for k, v in full["stages"].items()))
        print("target: Tidings' overhead above spaCy under 15%")


if __name__ == "__main__":
    main()

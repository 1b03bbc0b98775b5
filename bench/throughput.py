"""Throughput of `tidings ingest` beside spaCy alone on the same texts (the floor), and the
learned event model's share of it.

Builds a corpus of N articles by recombining sentences of the bundled English examples with
varied names (dense with political events: a worst case for the event model), or, with
``--corpus-kind real``, draws N published articles from ../shared/data, then times, each in a
fresh process: spaCy's ``nlp.pipe`` alone, and the whole Tidings ingest (read, clean, identify,
detect language, parse, stages, store) into a new store, with the given worker counts (default 2). Prints articles/s, words/s, peak memory and Tidings'
overhead above spaCy.

Inside the Tidings run the bench also times, in each worker, the spaCy parse
(``tidings.pipeline.parse_texts``) and the event model's step (the ``classify`` call of the events
stage, ``tidings.events.learned.classify``, and the ``verify`` call after it,
``tidings.events.verify.verify``), through wrappers installed before the workers fork; the
seconds are kept beside the stage timings of ``pipeline.stage_seconds`` (as "parse" and
"events: classify", the latter also counted inside "events"). It prints the event model's seconds
per 1,000 articles, its share of the run, and whether it costs at most a third of the parse (the
bound of issue 10). ``--no-event-model`` runs Tidings with the rules alone.

    python bench/throughput.py                    # 300 articles, 2 workers (a few minutes)
    python bench/throughput.py --n 1000           # the figure of docs/benchmarks.md
    python bench/throughput.py --n 300 --workers 1 2
    python bench/throughput.py --corpus-kind real  # 300 published articles (../shared/data)
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

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


def build_real_corpus(out: Path, n: int, seed: int = 13) -> None:
    """N real news articles as they were published: PolNeAR's political news (train and dev) and
    MEANTIME's business and technology news (``../shared/data``), drawn at random."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import devset

    docs = [p.read_text(encoding="utf-8") for folder in (devset.POLNEAR, devset.POLNEAR_DEV)
            for p in sorted(folder.glob("*.txt"))]
    docs += [devset.text(f"meantime/{p.parent.name}/{p.name}") for p in sorted(devset.MEANTIME.glob("*/*.xml"))]
    if n > len(docs):
        raise SystemExit(f"--corpus-kind real has {len(docs)} articles; ask for at most that many (--n)")
    out.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(random.Random(seed).sample(docs, n)):
        (out / f"{i:05d}.txt").write_text(text.strip() + "\n", encoding="utf-8")


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


PARSE, CLASSIFY, VERIFY = "parse", "events: classify", "events: verify"  # the keys the wrappers add to stage_seconds
CPU = " (cpu)"  # the same, in CPU seconds of the process: less swayed by other programs on the machine


def _timed(fn: Callable, key: str, main: Callable[[], dict[str, float]]) -> Callable:
    """``fn``, with the seconds of each call added to ``key`` of the stage timings of the pipeline
    of this process: a pool worker's (``tidings.pool._worker``, handed back to the main process
    with the other stage seconds) or, with one worker, the main pipeline's (``main()``)."""
    import tidings.pool

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            worker = getattr(tidings.pool, "_worker", None)
            seconds = worker.stage_seconds if worker is not None else main()
            seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - started
            seconds[key + CPU] = seconds.get(key + CPU, 0.0) + time.process_time() - cpu

    return wrapper


def install_timers(main: Callable[[], dict[str, float]]) -> None:
    """Time the parse and the event model's step (see the module docstring). The workers are forked
    from this process, so they inherit the wrappers."""
    import tidings.events.classifier
    import tidings.events.stage
    import tidings.pipeline

    # the corpus recombines the same sentences, which the classifier would answer from memory:
    # switched off, so that the cost measured is that of news whose sentences are new
    tidings.events.classifier.CACHE_SIZE = 0

    tidings.pipeline.parse_texts = _timed(tidings.pipeline.parse_texts, PARSE, main)
    if hasattr(tidings.events.stage, "classify"):
        tidings.events.stage.classify = _timed(tidings.events.stage.classify, CLASSIFY, main)
    if hasattr(tidings.events.stage, "verify"):
        tidings.events.stage.verify = _timed(tidings.events.stage.verify, VERIFY, main)


def run_tidings(corpus: Path, workers: int, stages: list[str] | None = None, event_model: bool = True) -> dict:
    from tidings import Options, Pipeline, open_store

    pipeline = Pipeline(Options(workers=workers, progress=False, event_model=event_model), stages=stages)
    install_timers(lambda: pipeline.stage_seconds)  # model load not timed
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.duckdb") as store:
        start = time.perf_counter()
        report = pipeline.run([str(corpus)], store)
        seconds = time.perf_counter() - start
    assert report.ok and report.added, report
    return {"seconds": seconds, "articles": report.added, "words": report.words, "stages": report.stage_seconds,
            "event_model": event_model}


def child(mode: str, corpus: Path, workers: int, stages: list[str] | None, event_model: bool) -> None:
    result = run_spacy(corpus, workers) if mode == "spacy" else run_tidings(corpus, workers, stages, event_model)
    result["peak_main_mb"], result["peak_worker_mb"] = peak_mb()
    print(json.dumps(result))


def measure(mode: str, corpus: Path, workers: int, stages: str | None = None, event_model: bool = True) -> dict:
    extra = (["--stages", stages] if stages else []) + ([] if event_model else ["--no-event-model"])
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--workers", str(workers),
                          *extra], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def model_share(full: dict, floor: dict, workers: int) -> list[str]:
    """The lines on the event model's cost: per 1,000 articles, its share, against the parse."""
    stages, per_k = full["stages"], 1000 / full["articles"]
    if not full.get("event_model"):
        return ["event model: off (--no-event-model)"]
    if CLASSIFY not in stages:
        return ["event model: not timed (no classify call was seen: the events stage did not run, or the "
                "workers were not forked)"]
    learned, parse = stages[CLASSIFY] + stages.get(VERIFY, 0.0), stages.get(PARSE, 0.0)
    busy = full["seconds"] * workers  # the run's seconds, summed over workers
    lines = [
        f"event model per 1,000 articles: {learned * per_k:.1f} s summed over workers "
        f"({learned * per_k / workers:.1f} s of wall time at {workers} workers); "
        f"{learned / busy:.1%} of the run's worker time, {learned / max(stages.get('events', 0.0), 1e-9):.0%} of the "
        f"events stage (of which the verifier {stages.get(VERIFY, 0.0) * per_k:.1f} s)",
        f"parse per 1,000 articles: {parse * per_k:.1f} s summed over workers (in the Tidings run); spaCy alone: "
        f"{floor['seconds'] * per_k:.1f} s wall, {floor['seconds'] * workers * per_k:.1f} s worker time at {workers} workers",
        f"whole pipeline per 1,000 articles: {full['seconds'] * per_k:.1f} s wall against spaCy alone's "
        f"{floor['seconds'] * per_k:.1f} s ({full['seconds'] / floor['seconds'] - 1:+.1%})",
    ]
    if parse:
        ratio = learned / parse
        verdict = "met" if ratio <= 1 / 3 else "NOT met"
        lines.append(f"event model / parse = {ratio:.2f} in wall seconds (bound: at most 1/3 of the parse: {verdict})")
    cpu_learned = stages.get(CLASSIFY + CPU, 0.0) + stages.get(VERIFY + CPU, 0.0)
    cpu_parse = stages.get(PARSE + CPU, 0.0)
    if cpu_parse:
        ratio = cpu_learned / cpu_parse
        verdict = "met" if ratio <= 1 / 3 else "NOT met"
        lines.append(f"event model / parse = {ratio:.2f} in CPU seconds ({cpu_learned * per_k:.1f} s against "
                     f"{cpu_parse * per_k:.1f} s per 1,000 articles; bound: at most 1/3: {verdict})")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=300, help="articles in the corpus (default 300; 1000 for the docs)")
    parser.add_argument("--workers", type=int, nargs="+", default=[2], help="worker counts to try (default 2)")
    parser.add_argument("--no-event-model", action="store_true", help="run Tidings with the rules alone")
    parser.add_argument("--corpus-kind", choices=["recombined", "real"], default="recombined",
                        help="recombined: the examples' sentences, political news dense with events (default); "
                             "real: published articles from ../shared/data (PolNeAR, MEANTIME), at most 984")
    parser.add_argument("--stages", help="comma-separated stages to run (default: all), e.g. sentences,entities")
    parser.add_argument("--child", choices=["spacy", "tidings"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.corpus, args.workers[0], args.stages.split(",") if args.stages else None,
                     not args.no_event_model)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        (build_real_corpus if args.corpus_kind == "real" else build_corpus)(corpus, args.n)
        print(f"corpus: {args.n} {args.corpus_kind} articles in {corpus}; stages: {args.stages or 'all'}; "
              f"event model: {'off' if args.no_event_model else 'on'}")
        header = f"{'workers':>7} {'what':<8} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'peak MB main/worker':>20} {'overhead':>9}"
        print(header)
        print("-" * len(header))
        for workers in args.workers:
            floor = measure("spacy", corpus, workers)
            full = measure("tidings", corpus, workers, args.stages, not args.no_event_model)
            for name, r in (("spaCy", floor), ("Tidings", full)):
                over = f"{full['seconds'] / floor['seconds'] - 1:+.1%}" if name == "Tidings" else ""
                print(f"{workers:>7} {name:<8} {r['seconds']:>8.1f} {r['articles'] / r['seconds']:>10.1f} "
                      f"{r['words'] / r['seconds']:>9,.0f} {r['peak_main_mb']:>10.0f}/{r['peak_worker_mb']:<9.0f} {over:>9}")
            timed = ", ".join(f"{k} {v:.1f} s" for k, v in full["stages"].items() if not k.endswith(CPU))
            print(f"{'':>7} stages (seconds, summed over workers): {timed}")
            for line in model_share(full, floor, workers):
                print(f"{'':>7} {line}")
        print("target: Tidings' overhead above spaCy under 15%")


if __name__ == "__main__":
    main()

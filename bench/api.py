"""Load test of the API on loopback, and the dashboard's time to interactive in headless Chromium.

1. Builds (once; kept with --store) a store of at least 20,000 events: the bundled examples are
   ingested, then their records are copied under new ids with publication dates moved week by
   week over two years, written through the store's own batch writer.
2. For 1 and 2 server workers, runs `tidings serve` and a bounded closed-loop load (C keep-alive
   connections, at most --seconds and --requests each round) of the events list (random type,
   country, modality, page size and pages) and event detail (random ids among all events), from
   one asyncio process (uvloop where installed) with a minimal HTTP/1.1 client. Prints
   requests/s, p50/p95/p99 latency and errors, per endpoint and together, the load average
   before and after each round and the server's resident memory (all its processes). Only
   127.0.0.1 is ever a target. The server keeps the events in memory (``event_cache``);
   --no-cache measures the DuckDB path alone (TIDINGS_EVENT_CACHE=0).
2b. The events index's own memory (tracemalloc over building it in this process), per event.
3. With Chromium present: the dashboard's first load and the relations view of the busiest pair
   on the examples' store, time to interactive (navigation start to the view drawn with its
   data), cold (fresh profile) and warm, median of --tti-runs.

    python bench/api.py                          # everything, about 3 minutes
    python bench/api.py --seconds 5 --no-tti
    python bench/api.py --workers 0 --store /tmp/api.duckdb   # only the time to interactive
    python bench/api.py --no-cache --no-tti                  # the DuckDB path, for comparison
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
TYPES = ["AGREE", "CONSULT", "ACCUSE", "REJECT", "THREATEN", "MOBILIZE", "ASSAULT", "REQUEST", "COOPERATE"]
COUNTRIES = ["PRK", "USA", "KOR", "JPN", "RUS", "CHN"]


def _tests_module(name: str, relative: str):
    """A helper module of the test suite, shared with this benchmark."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _live():
    """tests/api/live.py: starting and stopping `tidings serve` on a free loopback port."""
    return _tests_module("tidings_live", "api/live.py")


def _browser():
    """tests/web/browser.py: headless Chromium, and waiting for a view to be ready."""
    return _tests_module("tidings_browser", "web/browser.py")


# -- the store ----------------------------------------------------------------------------

def build_store(path: Path, min_events: int) -> dict:
    from tidings import Options, Pipeline, open_store
    from tidings.model import Actor, ActorMention, Article, Claim, Event, Mention, Quote, Sentence

    base = path.with_name("examples-base.duckdb")
    if not base.exists():
        with open_store(base) as store:
            Pipeline(Options(progress=False)).run([str(EXAMPLES)], store)
    with open_store(base, read_only=True) as src:
        arts = src.query("SELECT * EXCLUDE (n_words, ingested_at) FROM articles")
        per = {name: src.query(f"SELECT * FROM {table}") for name, table in
               [("sentences", "sentences"), ("mentions", "mentions"), ("actor_mentions", "actor_mentions"),
                ("events", "events"), ("quotes", "quotes"), ("claims", "claims")]}
        actors = [Actor(**a) for a in src.query("SELECT * FROM actors")]
    kinds = {"sentences": Sentence, "mentions": Mention, "actor_mentions": ActorMention, "events": Event,
             "quotes": Quote, "claims": Claim}
    n_events = len(per["events"])
    copies = -(-min_events // n_events)
    started = time.perf_counter()
    with open_store(path) as store:
        for k in range(copies):
            batch = []
            for a in arts:
                new_id = hashlib.sha256(f"{a['id']}:{k}".encode()).hexdigest()[:16]
                moved = dict(a, id=new_id, text=a["text"] + f"\n\n[copy {k}]", origin=f"bench:{k}:{a['origin']}",
                             published=(a["published"] + timedelta(days=7 * (k % 104))) if a["published"] else None)
                article = Article(**moved)
                for name, rows in per.items():
                    recs = []
                    for r in rows:
                        if r["article_id"] != a["id"]:
                            continue
                        r = dict(r, article_id=new_id, id=new_id + r["id"][len(a["id"]):])
                        if name == "events" and r["date"] is not None:
                            r["date"] = r["date"] + timedelta(days=7 * (k % 104))
                        recs.append(kinds[name](**r))
                    setattr(article, name, recs)
                article.actors = actors if k == 0 and a is arts[0] else []
                batch.append(article)
            store.write(batch)
        counts = store.query("SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM events) AS events,"
                             " (SELECT count(*) FROM sentences) AS sentences")[0]
    counts["seconds"] = round(time.perf_counter() - started, 1)
    return counts


# -- the load -----------------------------------------------------------------------------

async def fetch(reader, writer, path: str) -> int:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return status


def urls(rng: random.Random, ids: list[str]) -> tuple[str, str]:
    if rng.random() < 0.5:
        return "detail", f"/api/events/{rng.choice(ids)}"
    params = {"limit": rng.choice([20, 50, 100])}
    pick = rng.random()
    if pick < 0.25:
        params["type"] = rng.choice(TYPES)
    elif pick < 0.5:
        params["country"] = rng.choice(COUNTRIES)
    elif pick < 0.65:
        params["modality"] = rng.choice(["asserted", "hypothetical"])
    elif pick < 0.8:
        params["sort"] = rng.choice(["-confidence", "type", "-score"])
    return "list", "/api/events?" + "&".join(f"{k}={v}" for k, v in params.items())


async def load(port: int, ids: list[str], connections: int, seconds: float, max_requests: int, seed: int) -> dict:
    results: dict[str, list[float]] = {"list": [], "detail": []}
    errors = {"list": 0, "detail": 0}
    deadline = time.perf_counter() + seconds
    budget = [max_requests]

    async def worker(n: int) -> None:
        rng = random.Random(seed * 100 + n)
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while time.perf_counter() < deadline and budget[0] > 0:
                budget[0] -= 1
                kind, path = urls(rng, ids)
                started = time.perf_counter()
                try:
                    status = await fetch(reader, writer, path)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    errors[kind] += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                results[kind].append(time.perf_counter() - started)
                if status != 200:
                    errors[kind] += 1
        finally:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(connections)))
    elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "results": results, "errors": errors}


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


def summarise(run: dict) -> list[dict]:
    rows = []
    everything = run["results"]["list"] + run["results"]["detail"]
    for name, lat, err in [("events list", run["results"]["list"], run["errors"]["list"]),
                           ("event detail", run["results"]["detail"], run["errors"]["detail"]),
                           ("both", everything, run["errors"]["list"] + run["errors"]["detail"])]:
        rows.append({"endpoint": name, "requests": len(lat), "rps": len(lat) / run["elapsed"], "p50": pct(lat, 50),
                     "p95": pct(lat, 95), "p99": pct(lat, 99), "errors": err})
    return rows


def serve(db: Path, workers: int):
    return _live().start_server(db, "--workers", str(workers), "--log-level", "error")


def wait_for_index(url: str, ids: list[str], timeout: float = 300.0) -> None:
    """Until every worker answers from its events index: nine in ten event details, each on a
    new connection (so over all workers), take under 5 ms, which DuckDB's scan never does."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        took = []
        for event_id in ids[:40]:
            with httpx.Client(base_url=url) as client:
                started = time.perf_counter()
                client.get(f"/api/events/{event_id}")
                took.append(time.perf_counter() - started)
        if sorted(took)[35] < 0.005:
            return
        time.sleep(0.5)


def tree(pid: int) -> list[int]:
    """A process and all its descendants."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, MB."""
    total = 0
    for p in tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) used so far by a process and its living descendants."""
    ticks = 0
    for p in tree(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def own_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def index_memory(db: Path) -> dict:
    """What the events index of this store holds in memory (tracemalloc over building it)."""
    import tracemalloc

    from tidings.api import event_cache
    from tidings.api.served import ServedStore

    os.environ["TIDINGS_EVENT_CACHE"] = "0"
    served = ServedStore(db, writable=False)
    os.environ.pop("TIDINGS_EVENT_CACHE")
    try:
        tracemalloc.start()
        started = time.perf_counter()
        index = event_cache.build(served, 0)
        seconds = time.perf_counter() - started
        held, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        json_bytes = sum(len(j) for j in index.json)
    finally:
        served.close()
    return {"events": len(index), "build_s": round(seconds, 2), "index_mb": round(held / 2**20, 1),
            "peak_mb": round(peak / 2**20, 1), "bytes_per_event": round(held / len(index)),
            "json_bytes_per_event": round(json_bytes / len(index)),
            "at_1m_events_mb": round(held / len(index) * 1_000_000 / 2**20)}


# -- time to interactive ------------------------------------------------------------------

def tti(runs: int) -> dict | None:
    browser = _browser()
    if not browser.installed():
        print("Chromium not installed: no time-to-interactive figures")
        return None
    import httpx

    from tidings import Options, Pipeline, open_store

    tmp = Path(tempfile.mkdtemp(prefix="tidings-tti-"))
    db = tmp / "examples.duckdb"
    with open_store(db) as store:
        Pipeline(Options(progress=False)).run([str(EXAMPLES)], store)
    live = _live()
    proc, url = live.start_server(db)
    out: dict[str, list[float]] = {}
    try:
        pair = httpx.get(url + "/api/meta").json()["busiest_pair"]
        views = {"dashboard": url + "/", "relations": url + f"/#/relations?a={pair[0]}&b={pair[1]}"}
        for run in range(runs):
            driver = browser.chromium_driver(tmp / f"profile-{run}")
            try:
                for temperature in ("cold", "warm"):
                    for name, view in views.items():
                        out.setdefault(f"{name} ({temperature})", []).append(browser.open_view(driver, view))
            finally:
                driver.quit()
    finally:
        live.stop_server(proc)
        shutil.rmtree(tmp, ignore_errors=True)
    return {"pair": pair, **{k: statistics.median(v) for k, v in out.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="Store to build or reuse (default: a temporary one).")
    parser.add_argument("--events", type=int, default=20_000, help="At least this many events in the store.")
    parser.add_argument("--seconds", type=float, default=15.0, help="Length of each measured round.")
    parser.add_argument("--requests", type=int, default=100_000, help="At most this many requests a round.")
    parser.add_argument("--connections", type=int, default=16, help="Concurrent keep-alive connections.")
    parser.add_argument("--workers", default="1,2", help="Server worker counts to measure.")
    parser.add_argument("--no-cache", action="store_true", help="Serve without the events index (DuckDB only).")
    parser.add_argument("--tti-runs", type=int, default=5)
    parser.add_argument("--no-tti", action="store_true")
    args = parser.parse_args()

    import duckdb

    stop_server = _live().stop_server

    tmp = Path(tempfile.mkdtemp(prefix="tidings-bench-api-"))
    db = args.store or tmp / "api.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        print(f"Building a store of at least {args.events:,} events at {db} ...", flush=True)
        print("  ", build_store(db, args.events), flush=True)
    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM events").fetchall()]
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    print(f"Store: {len(ids):,} events in {n_articles:,} articles; {args.connections} connections, "
          f"rounds of at most {args.seconds:g} s and {args.requests:,} requests; {os.cpu_count()} cores", flush=True)
    report = {"events": len(ids), "articles": n_articles, "cache": not args.no_cache, "rounds": {}}
    if args.no_cache:
        os.environ["TIDINGS_EVENT_CACHE"] = "0"
    elif args.workers != "0":
        report["index"] = index_memory(db)
        print("Events index:", report["index"], flush=True)
    run_loop = asyncio.run
    try:
        import uvloop

        run_loop = uvloop.run
    except ImportError:
        pass
    for workers in [int(w) for w in args.workers.split(",") if int(w) > 0]:  # --workers 0: none
        proc, url = serve(db, workers)
        port = int(url.rsplit(":", 1)[1])
        try:
            if not args.no_cache:
                wait_for_index(url, ids)
            run_loop(load(port, ids, args.connections, 2.0, 5_000, seed=1))  # warm-up, not counted
            load_before = os.getloadavg()
            server_cpu, client_cpu = cpu_seconds(proc.pid), own_cpu()
            run = run_loop(load(port, ids, args.connections, args.seconds, args.requests, seed=2))
            server_cpu, client_cpu = cpu_seconds(proc.pid) - server_cpu, own_cpu() - client_cpu
            load_after = os.getloadavg()
            memory = rss_mb(proc.pid)
        finally:
            stop_server(proc)
        rows = summarise(run)
        cores = {"server": round(server_cpu / run["elapsed"], 2), "load_generator": round(client_cpu / run["elapsed"], 2)}
        report["rounds"][workers] = {"rows": rows, "load_before": load_before, "load_after": load_after,
                                     "server_rss_mb": round(memory), "cores_used": cores}
        print(f"\n{workers} worker(s), {run['elapsed']:.1f} s; load average (1, 5, 15 min) before "
              f"{' '.join(f'{x:.2f}' for x in load_before)}, after {' '.join(f'{x:.2f}' for x in load_after)}; "
              f"server resident memory {memory:.0f} MB; cores used: server {cores['server']:.2f}, "
              f"load generator {cores['load_generator']:.2f}")
        print(f"{'endpoint':<14}{'requests':>10}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}")
        for r in rows:
            print(f"{r['endpoint']:<14}{r['requests']:>10,}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}"
                  f"{r['p99']:>9.1f}{r['errors']:>8}", flush=True)
    if not args.no_tti:
        figures = tti(args.tti_runs)
        if figures:
            report["tti"] = figures
            print(f"\nTime to interactive in headless Chromium (ms, median of {args.tti_runs}), examples' store, "
                  f"relations of {'-'.join(figures['pair'])}:")
            for k, v in figures.items():
                if k != "pair":
                    print(f"  {k:<22}{v:>8.0f}")
    print("\n" + json.dumps(report, default=str))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Story clustering against the hand labels of bench/stories/labels.tsv (rubric: RUBRIC.md).

The 180 articles are ingested with the whole pipeline into a fresh store in publication order
(as a feed would bring them; the undated seeds last), so the stories are those the product makes
online. Scored with B3 (precision and recall per article, averaged) and pairwise precision and
recall; then the stories stage is rebuilt (`reprocess --stages stories`) at other thresholds,
and without the merged-events term, to show what each part does.

    python bench/stories.py [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
LABELS = ROOT / "bench" / "stories" / "labels.tsv"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = ROOT / "examples" / "articles"


def labels() -> dict[str, str]:
    with LABELS.open(encoding="utf-8") as f:
        return {r["article"]: r["story"] for r in csv.DictReader(f, delimiter="\t")}


def feed(tmp: Path) -> list[str]:
    """The labelled articles as inputs, in publication order: a JSON Lines file for PolNeAR and
    MEANTIME (url = the label key), then the examples and seeds folders."""
    from dateparser import parse
    from meantime import load

    wanted = labels()
    rows = []
    for split in ("train", "dev"):
        for p in (POLNEAR / split / "text").glob("*.txt"):
            key = f"polnear:{p.stem}"
            if key in wanted:
                title, _, body = p.read_text(encoding="utf-8").partition("\n")
                rows.append({"title": title.strip(), "text": body, "url": key, "published": p.stem.split("_")[1]})
    for d in load():
        key = f"meantime:{d.name}"
        if key in wanted:
            lines = d.text.split("\n")
            day = parse(lines[1], languages=["en"])
            rows.append({"title": lines[0], "text": "\n\n".join(lines[2:]), "url": key,
                         "published": day.date().isoformat() if day else None})
    rows.sort(key=lambda r: (r["published"] or "9999", r["url"]))
    path = tmp / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return [str(path), str(EXAMPLES), str(SEEDS)]


def key_of(row: dict) -> str:
    origin = row["origin"] or ""
    if row["url"] and row["url"].split(":")[0] in ("polnear", "meantime"):
        return row["url"]
    name = origin.split("/")[-1]
    return ("seed:" if "/seeds/" in origin else "example:") + name


def b3(gold: dict[str, str], system: dict[str, str]) -> tuple[float, float, float, float, float]:
    keys = sorted(set(gold) & set(system))
    g, s = defaultdict(set), defaultdict(set)
    for k in keys:
        g[gold[k]].add(k); s[system[k]].add(k)
    p = sum(len(s[system[k]] & g[gold[k]]) / len(s[system[k]]) for k in keys) / len(keys)
    r = sum(len(s[system[k]] & g[gold[k]]) / len(g[gold[k]]) for k in keys) / len(keys)
    pairs_g = {(a, b) for a, b in combinations(keys, 2) if gold[a] == gold[b]}
    pairs_s = {(a, b) for a, b in combinations(keys, 2) if system[a] == system[b]}
    pp = len(pairs_g & pairs_s) / len(pairs_s) if pairs_s else 1.0
    pr = len(pairs_g & pairs_s) / len(pairs_g) if pairs_g else 1.0
    return p, r, 2 * p * r / (p + r), pp, pr


def assignments(store) -> dict[str, str]:
    rows = store.query("SELECT a.url, a.origin, sa.story_id FROM story_articles sa JOIN articles a ON a.id = sa.article_id")
    return {key_of(r): r["story_id"] for r in rows}


def evaluate(workers: int = 1) -> tuple[float, float, float]:
    """B3 precision, recall and F1 of the stories the product makes online from the labelled feed."""
    from tidings import Options, Pipeline, open_store

    with tempfile.TemporaryDirectory() as tmp:
        inputs = feed(Path(tmp))
        with open_store(Path(tmp) / "s.duckdb") as store:
            Pipeline(Options(workers=workers, progress=False)).run(inputs, store)
            return b3(labels(), assignments(store))[:3]


def main() -> None:
    from tidings import Options, Pipeline, open_store
    from tidings.stories import cluster
    from tidings.stories.reprocess import reprocess

    parser = argparse.ArgumentParser()
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="keep the store in this file (and reuse it when it exists)")
    args = parser.parse_args()
    gold = labels()
    with tempfile.TemporaryDirectory() as tmp:
        inputs = feed(Path(tmp))
        path = args.keep or Path(tmp) / "s.duckdb"
        fresh = not path.exists()
        with open_store(path) as store:
            started = time.perf_counter()
            if fresh:
                Pipeline(Options(workers=args.workers, progress=False)).run(inputs, store)
            else:
                reprocess(store, Options(progress=False), ["stories"])
            print(f"ingested {len(gold)} labelled articles in {time.perf_counter() - started:.0f} s")
            system = assignments(store)
            missing = sorted(set(gold) - set(system))
            print(f"{len(set(gold.values()))} stories by hand; {len(set(system.values()))} found; "
                  f"not placed: {missing[:5]}{'...' if len(missing) > 5 else ''}")
            print(f"{'setting':34} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair P':>7} {'pair R':>7} {'stories':>7}")

            def show(name: str) -> None:
                sys_ = assignments(store)
                p, r, f, pp, pr = b3(gold, sys_)
                print(f"{name:34} {p:6.3f} {r:6.3f} {f:6.3f} {pp:7.3f} {pr:7.3f} {len(set(sys_.values())):7d}")

            show("default (threshold 0.4), online")
            for threshold in (0.3, 0.35, 0.45, 0.5):
                reprocess(store, Options(story_threshold=threshold, progress=False), ["stories"])
                show(f"threshold {threshold}, rebuilt")
            events = cluster.EVENTS
            cluster.EVENTS = 0.0
            reprocess(store, Options(progress=False), ["stories"])
            show("no merged-events term, rebuilt")
            cluster.EVENTS = events
            reprocess(store, Options(progress=False), ["stories"])
            show("default, rebuilt")
            singletons = {k: k for k in gold}
            p, r, f, pp, pr = b3(gold, singletons)
            print(f"{'baseline: every article alone':34} {p:6.3f} {r:6.3f} {f:6.3f} {pp:7.3f} {pr:7.3f} {len(gold):7d}")


if __name__ == "__main__":
    main()

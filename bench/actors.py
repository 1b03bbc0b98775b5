"""Accuracy of actor country and sector codes on the PLOVER gold-standard records.

For each actor span of ../shared/data/plover_gsr (source and target, with its CAMEO/ISO code
and sector), the sentence is run through Tidings and the actor mention that overlaps the span
most is compared with the gold codes. Prints a table; the target is country accuracy >= 0.85.

    python bench/actors.py            # all records
    python bench/actors.py --errors   # also list the misses
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gsr  # noqa: E402


def best_mention(mentions, start: int, end: int):
    best, best_overlap = None, 0
    for m in mentions:
        overlap = min(end, m.end) - max(start, m.start)
        if overlap > best_overlap:
            best, best_overlap = m, overlap
    return best


def score(pipeline, records) -> tuple[dict[str, list[int]], list[tuple]]:
    """Tallies ([correct, total] by measure) and the misses, for the given GSR records."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    errors = []
    for record in records:
        article = pipeline.article(record.text)
        for gold in record.actors:
            if gold.start < 0:
                tally["span not found in text"][1] += 1
                continue
            m = best_mention(article.actor_mentions, gold.start, gold.start + len(gold.text))
            found = m is not None and bool(m.actor_id is not None or m.country or m.sectors)
            tally["actor found"][0] += found
            tally["actor found"][1] += 1
            if gold.code in gsr.NON_STATE:
                ok = found and m.country is None and gold.code in m.sectors
                tally[f"{gold.code} identified"][0] += ok
                tally[f"{gold.code} identified"][1] += 1
            else:
                ok = found and m.country == gold.code
                for key in ("country", f"country ({gold.role})"):
                    tally[key][0] += ok
                    tally[key][1] += 1
            if not ok:
                errors.append((record.id, gold.text, gold.code, gold.sector, m))
            if gold.sector:
                sector_ok = found and gold.sector in m.sectors
                tally["sector"][0] += sector_ok
                tally["sector"][1] += 1
                if not sector_ok:
                    errors.append((record.id, gold.text, gold.code, gold.sector, m))
    return tally, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not gsr.GSR.exists():
        sys.exit(f"gold-standard records not found at {gsr.GSR}")
    from tidings import Options, Pipeline

    pipeline = Pipeline(Options(progress=False), stages=["sentences", "entities", "actors"])
    records = gsr.load()
    started = time.perf_counter()
    tally, errors = score(pipeline, records)
    seconds = time.perf_counter() - started
    print(f"PLOVER GSR: {len(records)} records, {sum(len(r.actors) for r in records)} actor spans, {seconds:.1f} s")
    print(f"{'measure':<26} {'correct':>8} {'total':>6} {'accuracy':>9}")
    for name in ("country", "country (source)", "country (target)", "IGO identified", "NGO identified",
                 "sector", "actor found", "span not found in text"):
        correct, total = tally.get(name, [0, 0])
        acc = f"{correct / total:.3f}" if total and name != "span not found in text" else ""
        print(f"{name:<26} {correct:>8} {total:>6} {acc:>9}")
    print("target: country accuracy >= 0.85")
    if args.errors:
        for rid, text, code, sector, m in errors:
            got = f"{m.text!r} -> {m.actor_id} {m.country} {m.sectors} ({m.method})" if m else "nothing"
            print(f"  {rid}: {text!r} gold {code} {sector or ''}; got {got}")


if __name__ == "__main__":
    main()

"""Event coreference on MEANTIME (airbus, apple), within and across documents.

Gold: the event mentions of ``intra_cross-doc_annotation`` grouped by the ``instance_id`` of the
EVENT they refer to (a mention without one is a singleton). System: Tidings' event mentions of
the same texts (run through the whole pipeline, in a store, so the merged events are those the
product makes), each matched to the gold mention whose anchor tokens it overlaps; merged events
give the response clusters. Compared with the baseline that merges mentions of the same PLOVER
type with identical participants (actor ids of sources and targets), and nothing else.

Scores: MUC, B3 and CEAF-e on the matched mentions (gold mentions Tidings codes as events;
MEANTIME is business news where few PLOVER events are coded, so the number matched is printed),
and their average, the CoNLL score; within documents (clusters cut at document bounds) and
across documents.

    python bench/coref.py
"""

from __future__ import annotations

import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CROSS = ROOT.parent / "shared" / "data" / "meantime" / "intra_cross-doc_annotation"


def read(path: Path):
    root = ET.parse(path).getroot()
    parts, offsets, pos, sentence = [], {}, 0, None
    for tok in root.iter("token"):
        word = tok.text or ""
        if sentence is not None:
            parts.append(" " if tok.get("sentence") == sentence else "\n")
            pos += 1
        sentence = tok.get("sentence")
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    text = "".join(parts)
    markables = root.find("Markables")
    mentions = {}
    for m in markables.findall("EVENT_MENTION"):
        spans = [offsets[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in offsets]
        if spans:
            mentions[m.get("m_id")] = (spans[0][0], spans[-1][1])
    instance = {e.get("m_id"): e.get("instance_id") for e in markables.findall("EVENT") if e.get("instance_id")}
    cluster = {}
    for rel in root.find("Relations").findall("REFERS_TO") if root.find("Relations") is not None else []:
        target = rel.find("target").get("m_id")
        for src in rel.findall("source"):
            if target in instance:
                cluster[src.get("m_id")] = instance[target]
    doc_id = root.get("doc_id")
    lines = text.split("\n")
    published = None
    if len(lines) > 1:
        try:
            from dateparser import parse
            d = parse(lines[1], languages=["en"])
            published = d.date() if d else None
        except Exception:
            published = None
    gold = {(doc_id, s, e): cluster.get(m, f"{doc_id}-{m}") for m, (s, e) in mentions.items()}
    return doc_id, lines[0], "\n\n".join(lines[1:]), len(lines[0]) + 2 - 1, gold, published


# -- metrics (Pradhan et al. 2014's definitions; mentions outside the other side count alone) ----

def muc(key: list[set], resp: list[set]) -> tuple[float, float]:
    def part(a, b):
        where = {m: i for i, c in enumerate(b) for m in c}
        num = sum(len(c) - len({where.get(m, ("alone", m)) for m in c}) for c in a)
        den = sum(len(c) - 1 for c in a)
        return num / den if den else 0.0
    return part(key, resp), part(resp, key)


def b3(key: list[set], resp: list[set]) -> tuple[float, float]:
    def part(a, b):
        where = {m: c for c in b for m in c}
        total = sum(len(c) for c in a)
        return sum(len(c & where.get(m, set())) / len(c) for c in a for m in c) / total if total else 0.0
    return part(key, resp), part(resp, key)


def ceafe(key: list[set], resp: list[set]) -> tuple[float, float]:
    if not key or not resp:
        return 0.0, 0.0
    sim = np.array([[2 * len(k & r) / (len(k) + len(r)) for r in resp] for k in key])
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    return total / len(key), total / len(resp)


def f1(p: tuple[float, float]) -> float:
    r, pr = p
    return 2 * r * pr / (r + pr) if r + pr else 0.0


def clusters(labels: dict) -> list[set]:
    out = defaultdict(set)
    for m, c in labels.items():
        out[c].add(m)
    return list(out.values())


def score(gold: dict, system: dict, within: bool) -> dict[str, float]:
    keys = set(gold) & set(system)
    g = {m: (m[0], gold[m]) if within else gold[m] for m in keys}
    s = {m: (m[0], system[m]) if within else system[m] for m in keys}
    key, resp = clusters(g), clusters(s)
    out = {"MUC": f1(muc(key, resp)), "B3": f1(b3(key, resp)), "CEAF-e": f1(ceafe(key, resp))}
    out["CoNLL"] = sum(out.values()) / 3
    return out


def evaluate() -> tuple[dict, dict]:
    """Counts, and scores by (system, 'within' or 'across')."""
    from tidings import Options, Pipeline, open_store
    from tidings.ingest.raw import RawDocument

    docs = [read(p) for corpus in ("corpus_airbus", "corpus_apple") for p in sorted((CROSS / corpus).glob("*.xml"))]
    gold = {k: v for d in docs for k, v in d[4].items()}
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "meantime.jsonl"
        import json
        with jsonl.open("w") as f:
            for doc_id, title, body, _, _, published in docs:
                f.write(json.dumps({"title": title, "text": body, "url": f"meantime:{doc_id}",
                                    "published": published.isoformat() if published else None}) + "\n")
        with open_store(Path(tmp) / "m.duckdb") as store:
            Pipeline(Options(progress=False, workers=1)).run([str(jsonl)], store)
            rows = store.query(
                'SELECT e.id, a.url, a.text, e.start, e."end", e.type, e.sources, e.targets, em.event_id'
                " FROM events e JOIN articles a ON a.id = e.article_id JOIN event_mentions em ON em.id = e.id")
    originals = {d[0]: d[1] + "\n" + d[2].replace("\n\n", "\n") for d in docs}
    by_doc = defaultdict(list)
    for key in gold:
        by_doc[key[0]].append(key)
    system, baseline = {}, {}
    for r in rows:
        doc_id = r["url"].split(":", 1)[1]
        text = r["text"]  # find the stored paragraph in MEANTIME's text: cleaning may drop lines
        lo = text.rfind("\n\n", 0, r["start"]) + 2 if "\n\n" in text[:r["start"]] else 0
        hi = text.find("\n\n", r["end"])
        paragraph = text[lo:hi if hi >= 0 else len(text)]
        base = originals[doc_id].find(paragraph)
        if base < 0:
            continue
        start, end = base + r["start"] - lo, base + r["end"] - lo
        match = [k for k in by_doc[doc_id] if k[1] < end and start < k[2]]
        if not match:
            continue
        system[match[0]] = r["event_id"]
        ids = lambda xs: tuple(sorted({x["actor_id"] for x in xs if x["actor_id"]}))  # noqa: E731
        baseline[match[0]] = (r["type"], ids(r["sources"]), ids(r["targets"]))
    counts = {"documents": len(docs), "gold_mentions": len(gold), "gold_events": len(set(gold.values())),
              "coded": len(rows), "matched": len(system),
              "matched_gold_events": len({gold[k] for k in system}),
              "matched_in_multi": sum(1 for k in system if sum(1 for j in system if gold[j] == gold[k]) > 1)}
    scores = {(name, where): score(gold, labels, where == "within")
              for where in ("within", "across") for name, labels in (("Tidings", system), ("baseline", baseline))}
    return counts, scores


def main() -> None:
    counts, scores = evaluate()
    print(f"{counts['documents']} documents, {counts['gold_mentions']} gold event mentions in {counts['gold_events']}"
          f" events; Tidings coded {counts['coded']} event mentions, {counts['matched']} on a gold mention"
          f" ({counts['matched_gold_events']} gold events; {counts['matched_in_multi']} matched mentions share their"
          " gold event with another matched one)")
    print(f"{'':30} {'MUC':>6} {'B3':>6} {'CEAF-e':>7} {'CoNLL':>6}")
    for (name, where), s in scores.items():
        label = f"{name}, {where} documents"
        print(f"{label:30} {s['MUC']:6.3f} {s['B3']:6.3f} {s['CEAF-e']:7.3f} {s['CoNLL']:6.3f}")


if __name__ == "__main__":
    main()

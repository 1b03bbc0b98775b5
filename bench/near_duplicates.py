"""Near-duplicate detection: precision and recall on realistic edits, by threshold.

Originals: the example articles (clean text, as Tidings stores them), 300 PolNeAR train articles
and the 60 MEANTIME articles. Each original gets edited copies, each of which must be linked to
it: a new headline (the text unchanged; the headline is not shingled), a footer and page residue
added, two paragraphs swapped, one paragraph cut, and a follow-up update (a new first paragraph,
a sentence added at the end, a figure changed). Distinct articles must not be linked: among the
originals are several reports of the same event (the examples' ICBM launch, MEANTIME's stories
told by several Wikinews articles, PolNeAR's same-day campaign news). Everything goes through
the store's LSH index (tidings.stories.duplicates), in a fresh store per threshold.

    python bench/near_duplicates.py
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from tidings import Options, open_store  # noqa: E402
from tidings.ingest.prepare import Preparer  # noqa: E402
from tidings.ingest.raw import RawDocument  # noqa: E402
from tidings.ingest.sources import discover, read_all  # noqa: E402
from tidings.stories.duplicates import Index, link  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
# Originals that are themselves copies, found by this benchmark and checked by hand: a link
# between them (or their edited copies) is right.
KNOWN_COPIES = [("wire.jsonl:3", "02-allies-condemn.txt"),  # the wire republishes the Ledger's story
                ("wash-post_2015-12-22_as-spotlight-shines-on-trump-and", "wash-post_2015-12-23_as-spotlight-shines-on-trump-and"),
                ("nyt_2016-03-15_sanders-advances-agenda-via-side", "nyt_2016-03-16_via-legislative-side-doors-sande")]
FOOTER = ["Subscribe to our newsletter for the latest news.", "Share this article: Facebook Twitter Email",
          "Copyright 2024. All rights reserved.", "Comments are closed.", "Read more: related stories"]


def originals() -> list[tuple[str, str]]:
    from meantime import load  # bench/meantime.py

    out = []
    raws = [r for r in read_all(discover([str(ROOT / "examples" / "articles")]), Options(progress=False))
            if isinstance(r, RawDocument)]
    for a in Preparer(Options(progress=False)).prepare(raws):
        if hasattr(a, "text") and a.language == "en":
            out.append((f"example:{a.origin}", a.text))
    paths = sorted(POLNEAR.glob("*.txt"))
    for p in random.Random(3).sample(paths, min(300, len(paths))):
        out.append((f"polnear:{p.stem}", p.read_text(encoding="utf-8")))
    for d in load():
        out.append((f"meantime:{d.name}", d.text.replace("\n", "\n\n")))
    return out


def paragraphs(text: str) -> list[str]:
    ps = [p for p in text.split("\n\n") if p.strip()]
    if len(ps) < 3:  # one block: cut it into sentences' groups
        sents = text.replace("\n", " ").split(". ")
        k = max(1, len(sents) // 4)
        ps = [". ".join(sents[i:i + k]) for i in range(0, len(sents), k)]
    return ps


def edits(text: str, rnd: random.Random) -> dict[str, str]:
    ps = paragraphs(text)
    swapped = list(ps)
    i = rnd.randrange(len(ps) - 1) if len(ps) > 1 else 0
    if len(ps) > 1:
        swapped[i], swapped[i + 1] = swapped[i + 1], swapped[i]
    cut = list(ps)
    if len(ps) > 2:
        del cut[rnd.randrange(1, len(ps))]
    update = ["UPDATE: This story has been updated with new information from officials on Saturday."] + list(ps)
    update.append("Officials said more details would be released later in the week.")
    update = [p.replace("1", "2", 1) if j == 2 else p for j, p in enumerate(update)]
    return {
        "headline": text,
        "footer": text + "\n\n" + "\n\n".join(rnd.sample(FOOTER, 3)),
        "reordered": "\n\n".join(swapped),
        "paragraph cut": "\n\n".join(cut),
        "update": "\n\n".join(update),
    }


def evaluate(limit: float, docs=None):
    """(precision, recall, false links, recall by edit, articles/s) at one threshold."""
    rnd = random.Random(11)
    docs = docs or originals()
    group = {}
    for i, (name, _) in enumerate(docs):
        group[f"o{i:05d}"] = f"o{i:05d}"
    for a, b in KNOWN_COPIES:
        ia = [i for i, (n, _) in enumerate(docs) if n.endswith(a)]
        ib = [i for i, (n, _) in enumerate(docs) if n.endswith(b)]
        if ia and ib:
            group[f"o{ib[0]:05d}"] = f"o{ia[0]:05d}"
    ids, texts, truth, kinds = [], [], {}, {}
    for i, (name, text) in enumerate(docs):
        ids.append(f"o{i:05d}"); texts.append(text)
    for i, (name, text) in enumerate(docs):
        for kind, edited in edits(text, rnd).items():
            cid = f"c{i:05d}-{kind.replace(' ', '_')}"
            ids.append(cid); texts.append(edited)
            truth[cid] = f"o{i:05d}"; kinds[cid] = kind
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "b.duckdb") as store:
        started = time.perf_counter()
        links = link(Index(store.con), ids, texts, limit)
        seconds = time.perf_counter() - started
    got = {i: d for i, (d, _) in zip(ids, links) if d}
    same = lambda a, b: group.get(a) == group.get(b)  # noqa: E731
    pairs = [(o, g) for o, g in group.items() if g != o]
    right = sum(1 for c, o in truth.items() if c in got and same(got[c], o))
    right += sum(1 for o, g in pairs if o in got or g in got)
    wrong = sum(1 for c, d in got.items() if not same(d, truth.get(c, group.get(c))))
    precision = (len(got) - wrong) / len(got) if got else 1.0
    recall = right / (len(truth) + len(pairs))
    by_kind = {}
    for c, k in kinds.items():
        by_kind.setdefault(k, []).append(c in got and same(got[c], truth[c]))
    return precision, recall, wrong, {k: sum(v) / len(v) for k, v in by_kind.items()}, len(ids) / seconds


def main() -> None:
    docs = originals()
    n_copies = 5 * len(docs)
    print(f"{len(docs)} originals ({sum(n.startswith('example') for n, _ in docs)} examples, "
          f"{sum(n.startswith('polnear') for n, _ in docs)} PolNeAR, {sum(n.startswith('meantime') for n, _ in docs)} "
          f"MEANTIME), {n_copies} edited copies, {len(KNOWN_COPIES)} pairs of originals that are copies")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'false links':>11}  recall by edit")
    for limit in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        precision, recall, wrong, by_kind, rate = evaluate(limit, docs)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        shown = ", ".join(f"{k} {v:.2f}" for k, v in by_kind.items())
        print(f"{limit:9.1f} {precision:9.3f} {recall:7.3f} {f1:6.3f} {wrong:11d}  {shown}  ({rate:,.0f} articles/s)")


if __name__ == "__main__":
    main()

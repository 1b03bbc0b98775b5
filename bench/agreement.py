"""How far two labellers agree on the dev set: the ceiling any event coder is measured against.

The ``dev2`` split (bench/devset.py) was labelled twice, independently, under the same rubric: the
first labelling is the gold of bench/mixed_news.py (``bench/devset/labels/dev2_*.jsonl``), the
second lies beside it (``bench/devset/second/dev2_*.jsonl``) and is never used as gold. Each
labelling is scored against the other exactly as Tidings' events are scored (mixed_news.score:
strict means the same type with the same source in the same sentence; recall by type is the same
type in the sentence), so the figures read directly beside the coder's. Sentences are spaCy's, as
Tidings splits them.

    python bench/agreement.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devset  # noqa: E402
import mixed_news  # noqa: E402

SECOND = Path(__file__).resolve().parent / "devset" / "second"


def _sentences(doc: str) -> list[tuple[int, int]]:
    from tidings.nlp.model import load_nlp

    return [(s.start_char, s.end_char) for s in load_nlp()(devset.text(doc)).sents]


def as_coded(rows: list[dict], docs: list[str]) -> dict[str, list[mixed_news.Coded]]:
    """One labelling's events in the shape of coded events, each placed in its spaCy sentence."""
    out: dict[str, list[mixed_news.Coded]] = {d: [] for d in docs}
    spans = {d: _sentences(d) for d in docs}
    for r in rows:
        if r.get("none") or r["doc"] not in out:
            continue
        a, b = r["trigger"]
        sent = next(((s, e) for s, e in spans[r["doc"]] if s <= a < e), (a, b))
        source = r.get("source")
        sources = [dict(source, actor_id=None)] if source else []
        out[r["doc"]].append(mixed_news.Coded(r["doc"], sent, (a, b), r.get("trigger_text", ""), r["type"],
                                              r.get("mode", "asserted"), sources))
    return out


def main() -> None:
    docs = devset.documents()["dev2"]
    first = [r for r in devset.labels() if r["doc"] in set(docs)]
    second = devset.labels(SECOND)
    if not second:
        sys.exit(f"no second labelling in {SECOND}")
    print(f"{'scored':30} {'strict P':>8} {'real P':>7} {'recall':>7} {'strict R':>8} {'events':>6} {'gold':>5}")
    for name, coded, gold in (("second against first", second, first), ("first against second", first, second)):
        by_doc = as_coded(coded, docs)
        t = mixed_news.score(None, docs, gold, coded_of=by_doc.__getitem__)
        s = t.scores()
        print(f"{name:30} {s['strict_precision']:8.3f} {s['real_precision']:7.3f} {s['recall']:7.3f} "
              f"{s['strict_recall']:8.3f} {s['coded']:6d} {s['gold']:5d}")
    print("(strict P of one against the other is the other's strict recall up to pairing: an F of the two "
          "is the labellers' agreement)")


if __name__ == "__main__":
    main()

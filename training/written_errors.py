"""Where the shipped events stage disagrees with the labels of the written training articles.

The 90 news articles of every section in ``training/data/unshipped/articles`` were labelled
candidate by candidate (``written_candidates_*.jsonl``: the rule candidates of
``training/candidates.py``, a PLOVER type or NONE each, and whether the resolved source is right).
The shipped classifier was not trained on them, so they are a place to read rules off that is
neither the dev set nor an evaluation split. This script runs the whole pipeline on each article
and sorts every labelled rule candidate (statements aside) into:

- ``coded-right``: coded with the label's type (or as the stated intention of that type, as the
  rubric scores it) and the source the labeller judged right;
- ``coded-right?src``: the label's type, but a source the labeller judged wrong or did not judge;
- ``coded-wrongtype``, ``coded-NONE``: coded, with another type, or labelled no event;
- ``dropped-event``, ``dropped-NONE``: not coded, though an event, or rightly.

It prints the counts and, with ``--errors FILE``, writes one line per candidate that is neither
right nor rightly dropped, with its sentence and the source coded. With ``--min-confidence``, an
event coded below that confidence counts as dropped: what is wrong among the confident events.

    python training/written_errors.py --errors /tmp/written_errors.txt
    python training/written_errors.py --min-confidence 0.65 --errors /tmp/written_errors_strict.txt
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "training"))

import dataset  # noqa: E402
import mixed_news  # noqa: E402


def labelled() -> dict[str, dict[tuple[int, int], dict]]:
    """Each written article's labelled candidates, by trigger offsets."""
    labels: dict[str, dict[tuple[int, int], dict]] = defaultdict(dict)
    for path in sorted(dataset.UNSHIPPED.glob("written_candidates_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                labels[r["doc"]][tuple(r["trigger"])] = r
    return labels


def outcome(label: dict, coded) -> str:
    """Where one labelled candidate falls, given the event coded on its trigger (or None)."""
    if coded is None:
        return "dropped-NONE" if label["label"] == "NONE" else "dropped-event"
    if label["label"] == "NONE":
        return "coded-NONE"
    # a stated intention coded as its speaker's promise, threat or refusal matches a label of the
    # deed itself, as the rubric scores it (RUBRIC.md, "Intentions")
    if label["label"] != coded.type and label["label"] not in mixed_news.intended_types(coded.type, coded.cameo):
        return "coded-wrongtype"
    source = next((a.get("name") for a in coded.sources if a.get("name")), None)
    return "coded-right" if source == label["source_name"] and label["source_ok"] else "coded-right?src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=Path, help="write the disagreements, one a line, to this file")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="count only events coded at least this confident (the verifier's probability; "
                             "0.65 is the strict setting), as a user filtering on confidence sees them")
    args = parser.parse_args()
    texts = {p.name: p for p in (dataset.UNSHIPPED / "articles").rglob("*.txt")}
    if not texts:
        sys.exit(f"no written articles under {dataset.UNSHIPPED / 'articles'}")
    pipeline = mixed_news.make_pipeline(True)
    counts: Counter[str] = Counter()
    lines = []
    for doc, labels in sorted(labelled().items()):
        raw = texts[doc].read_text(encoding="utf-8")
        article = pipeline.article(raw, origin=doc)
        coded = {c.trigger: c for c in mixed_news.coded_in(article, doc, raw)
                 if c.confidence >= args.min_confidence}
        for trigger, label in labels.items():
            if label["rule_type"] == "STATEMENT":
                continue
            found = coded.get(trigger)
            kind = outcome(label, found)
            counts[kind] += 1
            if kind not in ("coded-right", "dropped-NONE"):
                sentence = " ".join(raw[label["sent"][0]:label["sent"][1]].split())
                got = next((a.get("name") for a in found.sources if a.get("name")), None) if found else None
                lines.append(f"{kind:16} {label['label']:9} got {found.type if found else '-':9} "
                             f"'{label['trigger_text']}' labelled source {label['source_name']} "
                             f"(right: {label['source_ok']}), coded {got} | {doc} | {sentence}")
    total = sum(counts.values())
    for kind, n in sorted(counts.items()):
        print(f"{kind:16} {n:5d}  {n / total:.3f}")
    if args.errors:
        args.errors.write_text("\n".join(sorted(lines)) + "\n", encoding="utf-8")
        print(f"{len(lines)} disagreements written to {args.errors}")


if __name__ == "__main__":
    main()

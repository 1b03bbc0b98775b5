"""Candidate events for hand labelling: what the rule coder proposes in texts, with offsets.

Each candidate is the sentence, trigger, source and target of one event the rules code, as
character offsets into the *file's* text, so that labels can be kept without copying the text:

    python training/candidates.py ../shared/data/polnear/train/text --skip-devset --limit 150 > /tmp/candidates.jsonl

A labeller adds ``"label"`` (a PLOVER type, or ``"NONE"`` when the candidate is no event) and the
model's training set is rebuilt from the offsets by ``training/dataset.py``. The candidates are
what the classifier is shown at run time, before it judges them: the rules' events and, with the
event model on, statements (``rule_type`` STATEMENT, events/statements.py) and relations
(``rule_type`` RELATION, events/relations.py: only those it would read, a known source acting on a
known target); ``--only STATEMENT`` or ``--only RELATION`` lists just those. ``--coded`` lists
instead the events the shipped stage codes, after the classifier and every rule: what the verifier
(events/verify.py) judges, labelled the same way for ``training/data/verifier/``;
``--skip-labelled`` leaves out the articles any label file under training/data already uses.
``--unlabelled`` lists instead, with no offsets, each marked text the shipped classifier reads in
the texts (``{"doc", "text"}`` per line): unlabelled rows for a student distilled from it
(``training/train.py --unlabelled``), from any folder of news, never from an evaluation split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _span(role: list[dict], lo: int, hi: int, shift: int) -> list[int] | None:
    """The first actor of a role that lies inside the sentence [lo, hi), in file offsets."""
    for actor in role:
        s, e = actor.get("start"), actor.get("end")
        if s is not None and e is not None and lo <= s and e <= hi:
            return [s + shift, e + shift]
    return None


def candidates(path: Path, pipeline) -> list[dict]:
    """The rule coder's events for one text file, as file-offset candidates."""
    raw = path.read_text(encoding="utf-8")
    article = pipeline.article(raw, origin=str(path))
    out, cursor = [], 0
    for event in article.events:
        sent = article.sentences[event.sentence_index]
        at = raw.find(sent.text, cursor if cursor <= len(raw) else 0)
        if at < 0:
            at = raw.find(sent.text)
        if at < 0:
            continue  # cleaning changed the sentence: no stable offsets
        cursor = at
        shift = at - sent.start
        out.append({
            "doc": path.name, "sent": [at, at + len(sent.text)],
            "trigger": [event.start + shift, event.end + shift], "trigger_text": event.trigger,
            "source": _span(event.sources, sent.start, sent.end, shift),
            "target": _span(event.targets, sent.start, sent.end, shift),
            "rule_type": event.type, "rule_cameo": event.cameo, "modality": event.modality,
            "source_name": next((a.get("name") for a in event.sources if a.get("name")), None),
        })
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--skip-devset", action="store_true", help="leave out the dev set's documents")
    parser.add_argument("--limit", type=int, default=0, help="at most this many files (0: all)")
    parser.add_argument("--offset", type=int, default=0, help="skip this many files first")
    parser.add_argument("--only", choices=["STATEMENT", "RELATION"], help="only the statement or relation candidates")
    parser.add_argument("--coded", action="store_true", help="the events the shipped stage codes (for the verifier)")
    parser.add_argument("--skip-labelled", action="store_true", help="leave out articles of training/data's label files")
    parser.add_argument("--unlabelled", action="store_true",
                        help="the marked texts the classifier reads, for distilling a student (train.py --unlabelled)")
    args = parser.parse_args()
    from tidings import Options, Pipeline
    from tidings.events import learned, stage
    from tidings.events.relations import RELATION

    reading = learned.Policy(relation_below=0.0)

    def shown(drafts: list) -> list:
        """Every candidate as the classifier would be shown it; relations only where it reads them."""
        return [None if d.type == RELATION and learned._unread(d, drafts, reading) else d for d in drafts]

    read: list[str] = []

    def reads(drafts: list, policy=None) -> list:
        """The shipped classify step, keeping the marked texts it reads."""
        read.extend(learned.marked_text(drafts[i]) for i in learned.to_read(drafts, learned.default_policy())[1])
        return learned.classify(drafts, policy)

    if args.unlabelled:
        stage.classify = reads
    elif not args.coded:
        learned.default_policy = lambda: reading  # relation drafts are made
        stage.classify = shown

    skip = set()
    if args.skip_devset:
        import devset

        skip = {d.split("/", 1)[1] for docs in devset.documents().values() for d in docs}
    if args.skip_labelled:
        for path in (ROOT / "training" / "data").rglob("*.jsonl"):
            skip |= {json.loads(line).get("doc") for line in path.read_text(encoding="utf-8").splitlines() if line}
    files = [p for p in sorted(args.folder.glob("*.txt")) if p.name not in skip][args.offset:]
    if args.limit:
        files = files[: args.limit]
    pipeline = Pipeline(Options(progress=False), stages=["sentences", "entities", "actors", "quotes", "events"])
    for path in files:
        if args.unlabelled:
            read.clear()
            pipeline.article(path.read_text(encoding="utf-8"), origin=str(path))
            for text in read:
                print(json.dumps({"doc": path.name, "text": text}, ensure_ascii=False))
            continue
        for c in candidates(path, pipeline):
            if not args.only or c["rule_type"] == args.only:
                print(json.dumps(c, ensure_ascii=False))


if __name__ == "__main__":
    main()

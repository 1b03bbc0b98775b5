"""The event classifier's training data, rebuilt from public sources and our own labels.

Every row is one candidate: a sentence, with the candidate's source marked ``<s>...</s>``, its
target ``<t>...</t>`` and its trigger word ``<e>...</e>`` where known, and up to two labels:

- ``type``: one of the 16 PLOVER types, ``NONE`` (no event), ``YIELD`` (PLV's merge of CONCEDE and
  RETREAT, trained as either of the two) or None;
- ``penta``: the five-class CAMEO label of ConfliBERT's set (0 statement or appeal, 1 verbal
  cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) or None.

Sources (see docs/model.md for provenance and licences), all under ``../shared/data`` except ours:

| origin | rows | labels |
|---|---|---|
| plv | PLV train, marked sentences | type, penta |
| cameo | ConfliBERT CAMEO classification train | penta |
| india | IndiaPoliceEvents sentences labelled ARREST or KILL | type (COERCE, ASSAULT) |
| ngec | NGEC synthetic stories: filled headline and first sentence, down-weighted | type |
| candidates | the rule coder's candidates in PolNeAR train articles, labelled by hand (training/data) | type or NONE |
| coded | the events the model-backed stage coded in half of the verifier's PolNeAR train articles, labelled by hand (training/data/verifier) | type or NONE |
| written | sentences we wrote across news sections, labelled by hand (training/data) | type or NONE |
| articles | the rule coder's candidates in news articles we wrote, of every section, labelled by hand (training/data/unshipped; only with ``load(articles=True)``) | type or NONE |

Trigger words: our candidates carry theirs. In PLV rows and our written sentences the trigger is
found with Tidings' own trigger lexicon on a spaCy parse (``mark_triggers``): the word of the
labelled type nearest the marked actors; where the lexicon knows no word of the sentence, for a
type a statement can be an act of (ACCUSE, SUPPORT, ...), the verb of saying whose subject is the
marked source ("<s>Clinton</s>
<e>tweeted</e> that ..."), as Tidings proposes statements at run time; else none is marked. The sentence-level sets stay unmarked.

A sentence is held out when a hash of its normalised text says so, whatever its origin, so that the
same sentence never sits on both sides (PLV and the CAMEO set share sentences).
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.events.statements import STATEMENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
OURS = Path(__file__).resolve().parent / "data"
HELD_OUT_PERCENT = 20
TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
LABELS = TYPES + ("NONE",)
MARK = re.compile(r"</?[ste]>")


@dataclass
class Row:
    text: str
    type: str | None
    penta: int | None
    weight: float
    origin: str

    @property
    def held_out(self) -> bool:
        return held_out(self.text)


def normalise(text: str) -> str:
    return re.sub(r"\W+", " ", MARK.sub("", text)).strip().lower()


def held_out(text: str) -> bool:
    """Whether a sentence belongs to the held-out split (about HELD_OUT_PERCENT of sentences)."""
    digest = hashlib.sha1(normalise(text).encode("utf-8")).digest()
    return digest[0] * 100 // 256 < HELD_OUT_PERCENT


def plv() -> list[Row]:
    rows = []
    with open(SHARED / "plv" / "PLV_train.tsv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            rows.append(Row(r["marked_sentence"], r["gold_root"], int(r["gold_penta"]), 1.0, "plv"))
    return rows


def cameo() -> list[Row]:
    rows = []
    with open(SHARED / "cameo_class" / "train.tsv", encoding="utf-8", newline="") as fh:
        for line in fh:
            text, _, label = line.rstrip("\n").rpartition("\t")
            if text and label.strip().isdigit():
                rows.append(Row(text, None, int(label), 1.0, "cameo"))
    return rows


def india(limit_per_class: int = 300) -> list[Row]:
    rows, seen = [], {"COERCE": 0, "ASSAULT": 0}
    for line in open(SHARED / "india_police_events" / "sents.jsonl", encoding="utf-8"):
        r = json.loads(line)
        labels, text = set(r["sent_labels"]), r["sent_text"].strip()
        type_ = "ASSAULT" if "KILL" in labels else "COERCE" if "ARREST" in labels else None
        if type_ and len(text.split()) >= 6 and seen[type_] < limit_per_class:
            seen[type_] += 1
            rows.append(Row(text, type_, None, 0.5, "india"))
    return rows


def ngec(per_template: int = 2) -> list[Row]:
    """Headline and first sentence of a few stories per headline template; fiction, so light weight."""
    csv.field_size_limit(1 << 30)
    rows, count = [], {}
    with open(SHARED / "ngec_synthetic" / "gpt_synthetic_events_2023-10-19_19.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            template = r["title"]
            if count.get(template, 0) >= per_template or r["label"] not in TYPES:
                continue
            count[template] = count.get(template, 0) + 1
            headline = r["prompt"].strip().splitlines()[0].strip()
            first = re.split(r"(?<=[.!?])\s+", r["text"].strip(), maxsplit=1)[0]
            rows.append(Row(headline, r["label"], None, 0.3, "ngec"))
            if 6 <= len(first.split()) <= 60:
                rows.append(Row(first, r["label"], None, 0.3, "ngec"))
    return rows


def _marked(raw: str, sent: list[int], source: list[int] | None, target: list[int] | None,
            trigger: list[int] | None = None) -> str:
    """The sentence with the source, target and trigger spans marked, as Tidings marks them at run time."""
    from tidings.events.classifier import mark

    lo, hi = sent
    span = lambda x: tuple(x) if x else None  # noqa: E731
    return mark(raw[lo:hi], lo, span(source), span(target), span(trigger))


def _labelled(paths: list[Path] | None = None, keep=lambda doc: True, texts: dict[str, Path] | None = None,
              statements: bool = True) -> Iterator[tuple[dict, str]]:
    """Each hand-labelled candidate of ``paths`` (default ``training/data/polnear_*.jsonl``) once, the
    first row of its trigger with a known label, in the articles ``keep`` accepts, with its article's
    text: read by offset from PolNeAR train in ../shared, or from ``texts`` (a file by document name)."""
    paths = sorted(OURS.glob("polnear_*.jsonl")) if paths is None else paths
    folder = SHARED / "polnear" / "train" / "text"
    texts = texts or {}
    cache, seen = {}, set()
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").splitlines()]
    for line in lines:
        if not line.strip():
            continue
        c = json.loads(line)
        key = (c["doc"], tuple(c["trigger"]))
        if c.get("label") not in LABELS or key in seen or not keep(c["doc"]):
            continue
        if not statements and c.get("rule_type") == "STATEMENT":
            continue
        seen.add(key)
        if c["doc"] not in cache:
            cache[c["doc"]] = texts.get(c["doc"], folder / c["doc"]).read_text(encoding="utf-8")
        yield c, cache[c["doc"]]


def _candidate_text(c: dict, raw: str, source: list[int] | None) -> str:
    """A labelled candidate's sentence with ``source``, its target unless judged wrong, and its trigger
    marked; a relation is shown with its parties alone, as at run time (events/learned.py: marked_text)."""
    target = c["target"] if c.get("target_ok") is not False else None
    trigger = None if c.get("rule_type") == "RELATION" else c["trigger"]
    return _marked(raw, c["sent"], source, target, trigger)


def candidates(paths: list[Path] | None = None, keep=lambda doc: True, origin: str = "candidates",
               texts: dict[str, Path] | None = None, statements: bool = True) -> list[Row]:
    """Hand-labelled candidates of the rule coder (``training/data/polnear_*.jsonl``: its events, and
    statements) in the articles ``keep`` accepts (``_labelled``), their source marked unless judged
    wrong."""
    return [Row(_candidate_text(c, raw, c["source"] if c.get("source_ok") is not False else None),
                c["label"], None, 1.0, origin)
            for c, raw in _labelled(paths, keep, texts, statements)]


CODED = OURS / "verifier"


def classifier_doc(doc: str) -> bool:
    """Whether the events the stage coded in this PolNeAR article (``verifier/polnear_coded*.jsonl``)
    train the classifier: half the articles, by a hash of the name. The other half stays the
    verifier's alone, so that the classifier's readings it learns from are as honest as at run time
    (training/train_verifier.py)."""
    return hashlib.sha1(doc.encode("utf-8")).digest()[0] % 2 == 0


def coded() -> list[Row]:
    """The events the shipped stage coded in PolNeAR train articles, labelled by hand (type or NONE):
    the classifier's own mistakes on real news among them. Only the articles of ``classifier_doc``."""
    return candidates(sorted(CODED.glob("polnear_coded*.jsonl")), keep=classifier_doc, origin="coded")


UNSHIPPED = OURS / "unshipped"


def written_articles(balanced: bool = False) -> list[Row]:
    """Hand-labelled rule candidates in 90 news articles of every section written for Tidings
    (``unshipped/articles``, labels in ``unshipped/written_candidates_*.jsonl``). Their statements
    are left out: the writers' statements perform acts far more often than real news's (39% against
    28% of PolNeAR's), and a classifier trained on them typed real statements as acts. Not in the
    shipped model (docs/model.md, thirty-fifth session): ``train.py --written-articles`` adds them."""
    texts = {p.name: p for p in (UNSHIPPED / "articles").rglob("*.txt")}
    rows = candidates(sorted(UNSHIPPED.glob("written_candidates_*.jsonl")), origin="articles", texts=texts,
                      statements=False)
    return _balanced(rows) if balanced else rows


def _balanced(rows: list[Row]) -> list[Row]:
    """The rows with their events weighted down so that NONE weighs as large a share as among the
    labelled rule candidates of real news (PolNeAR's): the written articles' candidates are events far
    more often (thirty-fifth session), a prior real news does not have."""
    real = candidates(statements=False)
    share = sum(r.type == "NONE" for r in real) / max(len(real), 1)
    nones = sum(r.type == "NONE" for r in rows)
    events = len(rows) - nones
    weight = min(1.0, nones * (1 - share) / share / events) if events and share else 1.0
    return [r if r.type == "NONE" else Row(r.text, r.type, r.penta, weight, r.origin) for r in rows]


def written(path: Path = OURS / "written.jsonl") -> list[Row]:
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            if r.get("label") in LABELS:
                rows.append(Row(r["text"], r["label"], None, 1.0, "written"))
    return rows


def _unmark(text: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """The plain sentence and the offsets of its marked spans by tag."""
    plain, spans, opened, at = [], {}, {}, 0
    for m in MARK.finditer(text):
        plain.append(text[at:m.start()])
        at = m.end()
        pos = sum(len(p) for p in plain)
        tag = m.group()[-2]
        if m.group().startswith("</"):
            if tag in opened:
                spans[tag] = (opened.pop(tag), pos)
        else:
            opened[tag] = pos
    plain.append(text[at:])
    return "".join(plain), spans


def _statement_by(doc, source: tuple[int, int]):
    """The verb of saying whose subject lies in the source span, if any."""
    from tidings.events.statements import statement_trigger

    for tok in doc:
        if statement_trigger(tok) is not None and any(
                c.dep_ == "nsubj" and source[0] <= c.idx < source[1] for c in tok.children):
            return tok
    return None


def mark_triggers(rows: list[Row]) -> list[Row]:
    """PLV and written rows with the trigger word marked (see the module docstring); others as they are."""
    from tidings.events.classifier import mark
    from tidings.events.lexicon import load_lexicon
    from tidings.nlp.model import load_nlp

    nlp, lexicon = load_nlp(), load_lexicon()
    todo = [i for i, r in enumerate(rows) if r.origin in ("plv", "written")]
    plains = [_unmark(rows[i].text) for i in todo]
    out = list(rows)
    for i, (plain, spans), doc in zip(todo, plains, nlp.pipe([p for p, _ in plains], batch_size=64)):
        row = out[i]
        wanted = {"CONCEDE", "RETREAT"} if row.type == "YIELD" else {row.type}
        anchors = [p for span in spans.values() for p in span] or [0]
        found = []
        for tok in doc:
            if any(a <= tok.idx < b for a, b in spans.values()):
                continue
            trigger = lexicon.match(tok)
            if trigger is None:
                continue
            typed = trigger.type in wanted or row.type == "NONE"
            found.append((not typed, min(abs(tok.idx - a) for a in anchors), tok))
        if not found and row.type in STATEMENT_TYPES and "s" in spans:
            said = _statement_by(doc, spans["s"])
            if said is not None:
                found = [(False, 0, said)]
        if not found:
            continue
        bad, _, tok = min(found, key=lambda f: (f[0], f[1]))
        if bad and row.type not in ("NONE", None):
            continue  # the lexicon knows no word of this type here: leave the trigger unmarked
        text = mark(plain, 0, spans.get("s"), spans.get("t"), (tok.idx, tok.idx + len(tok.text)))
        out[i] = Row(text, row.type, row.penta, row.weight, row.origin)
    return out


def load(triggers: bool = True, articles: bool = False, balanced: bool = False) -> list[Row]:
    """Every row, in a fixed order; with ``triggers``, PLV and written rows get their trigger marked;
    with ``articles``, the candidates of the written articles too (not in the shipped model)."""
    rows = plv() + cameo() + india() + ngec() + candidates() + coded() + written()
    rows += written_articles(balanced) if articles else []
    return mark_triggers(rows) if triggers else rows


def untargeted_copies(rows: list[Row], weight: float) -> list[Row]:
    """Each event row with its target marked, copied without that mark: PLV's rows (events all) always
    mark a target and the candidates' non-events often do not, so the classifier learnt a marked
    target as a sign of an event (0.66 of marked rows with one are events, 0.38 without); at run
    time the rules often find no target of a real event. A copy shares its original's held-out fate
    (the hash reads the text without marks)."""
    return [Row(re.sub(r"</?t>", "", r.text), r.type, r.penta, r.weight * weight, r.origin)
            for r in rows if r.type not in (None, "NONE") and "<t>" in r.text and "<e>" in r.text]


def wrong_sources(weight: float) -> list[Row]:
    """The hand-labelled candidates of the classifier's files (``polnear_*.jsonl``) whose marked source
    is not who acts (``source_ok`` false; there the label judges the marked words, not a resolved
    actor as in the coded files), shown with that wrong source marked and labelled NONE. Their rows
    in ``candidates`` show them with no source marked and their type, so the classifier never saw a
    wrong doer marked; at run time the rules mark one, and an event with the wrong source is no
    strictly right event. A copy shares its original's held-out fate (the same unmarked text)."""
    return [Row(_candidate_text(c, raw, c["source"]), "NONE", None, weight, "wrong_source")
            for c, raw in _labelled()
            if c["label"] != "NONE" and c.get("source_ok") is False and c.get("source")
            and c["sent"][0] <= c["source"][0] < c["source"][1] <= c["sent"][1]]


if __name__ == "__main__":
    from collections import Counter

    data = load(articles=True)
    print(len(data), "rows,", sum("<e>" in r.text for r in data), "with a trigger marked")
    for origin in ("plv", "cameo", "india", "ngec", "candidates", "coded", "written", "articles"):
        part = [r for r in data if r.origin == origin]
        print(f"{origin:11} {len(part):5}  held out {sum(r.held_out for r in part):4}",
              Counter(r.type for r in part).most_common(6))

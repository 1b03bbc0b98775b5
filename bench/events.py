"""Accuracy of event coding: PLOVER type, quad and actor countries on the GSR, modality on
MEANTIME, strict precision and recall on real mixed news; the rules alone beside the model-backed stage.

PLOVER GSR (../shared/data/plover_gsr): each record's sentence goes through the pipeline
(sentences, entities, actors, quotes, events; no publication date). The record's predicted event is the
first event whose trigger overlaps a gold ``(EVT: ...)`` span of ``textInfo.markup``, else the
first event found. Type accuracy is over all records (no event counts as a miss); quad accuracy
compares the PLOVER quad (``formats.quad_code``) of the chosen event's type with the gold type's.
For each gold source (target) actor with a state code, the country is correct when some source
(target) of the chosen event has that country. Targets: type >= 0.75, source and target country >= 0.8.

The trigger lexicon and the parse rules were tuned on these records, and the learned classifier
(``Options(event_model=True)``) may have seen some of their sentences, so the side-by-side figures
of the rules (``event_model=False``) and the model are computed only on the **untrained-on**
records: those whose sentence shares no normalised text with any row of the classifier's data
(``training/dataset.py``, every origin and both of its splits; "shares" means the same normalised
text, one inside the other, or a run of OVERLAP_WORDS words in common). The rules' figures on all
records are printed too, as before, so that the history stays comparable.

MEANTIME (../shared/data/meantime, see bench/meantime.py for the gold rules): each document is
parsed once with the pipeline's spaCy model; for each gold event mention the token at its first
anchor's offsets is classified by ``tidings.events.modality.classify``. Per class precision,
recall and F1, macro-F1 and the confusion matrix. Target: macro-F1 >= 0.7. The model does not
change it (it classifies tokens, not events), so it is measured once.

Mixed news (bench/mixed_news.py): strict precision and recall on the dev set's dev and test splits,
for both coders. The test split's misses are never listed.

    python bench/events.py                     # GSR, MEANTIME and mixed news
    python bench/events.py --errors            # also list the misses (mixed news: dev split only)
    python bench/events.py --parts gsr mixed   # some of them
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gsr  # noqa: E402
import meantime  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TRAINING = ROOT / "training"
STAGES = ["sentences", "entities", "actors", "quotes", "events"]
TARGETS = {"type_accuracy": 0.75, "source_country": 0.8, "target_country": 0.8, "modality_macro_f1": 0.7}
EVT = re.compile(r"\(EVT:\s*([^(){}]*?)\s*(?=[(){}])")  # a few spans close with "}" or not at all
OVERLAP_WORDS = 12  # a run of this many normalised words in common with a training row excludes a record
CODERS = {"rules": False, "model": True}  # name -> Options.event_model


def make_pipeline(model: bool = False) -> Any:
    """The pipeline up to the events stage, without progress output: the rules alone, or with the
    learned event model (``Options.event_model``)."""
    from tidings import Options, Pipeline

    return Pipeline(Options(progress=False, event_model=model), stages=STAGES)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + OVERLAP_WORDS]) for i in range(len(words) - OVERLAP_WORDS + 1)}


def split_untrained(records: list[gsr.Record]) -> tuple[list[gsr.Record], list[gsr.Record]]:
    """(untrained-on, excluded) records: a record is excluded when its sentence shares normalised
    text with a row of the classifier's data (``training/dataset.py``): the same text, one inside
    the other, or a run of OVERLAP_WORDS words in common."""
    if str(TRAINING) not in sys.path:
        sys.path.insert(0, str(TRAINING))
    import dataset  # training/dataset.py

    rows = {dataset.normalise(r.text) for r in dataset.load(triggers=False)}
    rows.discard("")
    shingles = set().union(*(_shingles(r.split()) for r in rows))
    long_rows = [r for r in rows if len(r.split()) >= 5]  # a row of a few words is in many sentences
    kept, excluded = [], []
    for record in records:
        text = dataset.normalise(record.text)
        seen = text in rows or bool(_shingles(text.split()) & shingles) or \
            any(r in text or (len(text.split()) >= 5 and text in r) for r in long_rows)
        (excluded if seen else kept).append(record)
    return kept, excluded


def evt_words(path: Path = gsr.GSR) -> dict[str, list[str]]:
    """The words each record's markup tags ``(EVT: ...)``, in order, by record id."""
    words: dict[str, list[str]] = {}
    for raw in json.loads(path.read_text(encoding="utf-8")):
        info = raw.get("textInfo")
        markup = info.get("markup", "") if isinstance(info, dict) else str(info or "")
        words[raw.get("id", "")] = [w for w in EVT.findall(markup) if w]
    return words


def locate(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Offsets of the words in the text, each searched after the previous one, else anywhere."""
    spans, cursor = [], 0
    for word in words:
        at = text.find(word, cursor)
        at = at if at >= 0 else text.find(word)
        if at >= 0:
            spans.append((at, at + len(word)))
            cursor = at + len(word)
    return spans


def _overlaps(event: Any, spans: list[tuple[int, int]]) -> bool:
    return any(event.start < e and s < event.end for s, e in spans)


def choose(events: list, spans: list[tuple[int, int]]) -> Any:
    """The event whose trigger overlaps a gold EVT span, else the first event, else None."""
    for event in events:
        if _overlaps(event, spans):
            return event
    return events[0] if events else None


@dataclass
class GsrResult:
    by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    roles: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    roles_any: Counter = field(default_factory=Counter)  # hits when any event of the record counts
    quad: list[int] = field(default_factory=lambda: [0, 0])  # PLOVER quad of the chosen event right
    no_event: int = 0
    on_gold_trigger: int = 0  # records whose chosen event's trigger overlaps a gold EVT span
    confusions: Counter = field(default_factory=Counter)  # (gold, predicted) type pairs
    errors: list[str] = field(default_factory=list)

    def accuracy(self, tally: list[int]) -> float:
        return tally[0] / tally[1] if tally[1] else 0.0

    @property
    def type_total(self) -> list[int]:
        return [sum(c for c, _ in self.by_type.values()), sum(n for _, n in self.by_type.values())]

    def scores(self) -> dict[str, float]:
        """Type accuracy (overall and per type), quad accuracy, source and target country accuracy."""
        out = {"type_accuracy": self.accuracy(self.type_total), "quad_accuracy": self.accuracy(self.quad),
               "source_country": self.accuracy(self.roles["source"]),
               "target_country": self.accuracy(self.roles["target"])}
        return out | {f"type_accuracy_{t}": self.accuracy(v) for t, v in sorted(self.by_type.items())}


def _has(events: list, role: str, country: str) -> bool:
    """Whether some source (or target) of the events has the country."""
    return any(a.get("country") == country for e in events for a in (e.sources if role == "source" else e.targets))


def _count(tally: list[int], ok: bool) -> None:
    tally[0] += ok
    tally[1] += 1


def _who(actors: list[dict]) -> str:
    return ", ".join(f"{a['text']!r}:{a['country']}" for a in actors) or "none"


def score_gsr(pipeline: Any, records: list[gsr.Record], words: dict[str, list[str]],
              articles: dict[str, Any] | None = None) -> GsrResult:
    """Type, quad and role-country tallies of the chosen event of each record, and the misses.
    ``articles`` (record id -> processed article) is filled and reused across calls when given."""
    from tidings.store.formats import quad_code

    result = GsrResult()
    articles = {} if articles is None else articles
    for record in records:
        if record.id not in articles:
            articles[record.id] = pipeline.article(record.text)
        article = articles[record.id]
        events, gold_spans = article.events, locate(article.text, words.get(record.id, []))
        event = choose(events, gold_spans)
        predicted = event.type if event else None
        result.no_event += event is None
        result.on_gold_trigger += bool(event and _overlaps(event, gold_spans))
        ok = predicted == record.event
        _count(result.by_type[record.event], ok)
        _count(result.quad, predicted is not None and quad_code(predicted) == quad_code(record.event))
        if not ok:
            result.confusions[(record.event, predicted or "(no event)")] += 1
            got = f"{predicted} on {event.trigger!r} ({event.modality})" if event else "no event"
            result.errors.append(f"type   {record.id}: gold {record.event} {words.get(record.id, [])}; got {got}; "
                                 f"{len(events)} events: {[(e.trigger, e.type) for e in events]}")
        for actor in record.actors:
            if actor.code in gsr.NON_STATE:
                continue
            hit = _has([event] if event else [], actor.role, actor.code)
            _count(result.roles[actor.role], hit)
            result.roles_any[actor.role] += _has(events, actor.role, actor.code)
            if not hit:
                got = (event.sources if actor.role == "source" else event.targets) if event else []
                result.errors.append(f"{actor.role:<6} {record.id}: gold {actor.text!r}:{actor.code}; "
                                     f"got {_who(got)} (trigger {event.trigger if event else None!r})")
    return result


def gsr_scores(pipeline: Any, untrained: bool = False) -> dict[str, float]:
    """Headline GSR numbers: type accuracy (overall and per type), quad accuracy, source and target
    country; on every record, or with ``untrained`` only on the untrained-on ones."""
    records = gsr.load()
    if untrained:
        records = split_untrained(records)[0]
    return score_gsr(pipeline, records, evt_words()).scores()


@dataclass
class ModalityResult:
    confusion: Counter = field(default_factory=Counter)  # (gold, predicted) pairs
    errors: list[str] = field(default_factory=list)

    def prf(self, cls: str) -> tuple[float, float, float, int]:
        """Precision, recall, F1 and support of one class."""
        tp = self.confusion[(cls, cls)]
        predicted = sum(n for (_, p), n in self.confusion.items() if p == cls)
        support = sum(n for (g, _), n in self.confusion.items() if g == cls)
        p = tp / predicted if predicted else 0.0
        r = tp / support if support else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), support

    def scores(self) -> dict[str, float]:
        """Macro-F1 and per class precision, recall and F1."""
        out = {"modality_macro_f1": sum(self.prf(c)[2] for c in meantime.CLASSES) / len(meantime.CLASSES)}
        for cls in meantime.CLASSES:
            p, r, f, _ = self.prf(cls)
            out |= {f"modality_precision_{cls}": p, f"modality_recall_{cls}": r, f"modality_f1_{cls}": f}
        return out


def token_at(doc: Any, start: int, end: int) -> Any:
    """The spaCy token at a character span (expanded to token bounds), or the one holding ``start``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    return next((t for t in doc if t.idx <= start < t.idx + len(t.text)), None)


def _line(text: str, at: int) -> str:
    """The line (gold sentence) of the text holding offset ``at``."""
    end = text.find("\n", at)
    return text[text.rfind("\n", 0, at) + 1:end if end >= 0 else len(text)]


def score_meantime(nlp: Any, docs: list[meantime.Document]) -> ModalityResult:
    """Gold versus classified modality of each annotated event mention."""
    from tidings.events.modality import classify

    result = ModalityResult()
    for document in docs:
        doc = nlp(document.text)
        for m in document.mentions:
            token = token_at(doc, *m.spans[0])
            predicted, cue = classify(token) if token is not None else ("(no token)", None)
            result.confusion[(m.modality, predicted)] += 1
            if predicted != m.modality:
                sentence = _line(document.text, m.start)
                result.errors.append(f"{m.doc_id}/{m.m_id} {m.text!r} gold {m.modality} "
                                     f"({m.certainty}/{m.polarity}/{m.time}); got {predicted} cue {cue!r} | {sentence}")
    return result


def meantime_scores(nlp: Any) -> dict[str, float]:
    """Headline MEANTIME numbers: modality macro-F1 and per class precision, recall and F1."""
    return score_meantime(nlp, meantime.load()).scores()


def _targets(scores: dict[str, float]) -> None:
    for name in (n for n in TARGETS if n in scores):
        verdict = "met" if scores[name] >= TARGETS[name] else "NOT met"
        print(f"{name} {scores[name]:.3f} (target >= {TARGETS[name]}: {verdict})")


def _misses(title: str, lines: list[str]) -> None:
    if lines:
        print(f"{title} misses:", *lines, sep="\n  ")


def report_gsr(pipeline: Any, errors: bool, records: list[gsr.Record] | None = None,
               articles: dict[str, Any] | None = None, title: str = "PLOVER GSR, rules alone, all records") -> GsrResult:
    records = gsr.load() if records is None else records
    started = time.perf_counter()
    result = score_gsr(pipeline, records, evt_words(), articles)
    print(f"{title}: {len(records)} records, {time.perf_counter() - started:.1f} s")
    print(f"{'type':<12} {'n':>5} {'correct':>8} {'accuracy':>9}")
    for name, tally in sorted(result.by_type.items()):
        print(f"{name:<12} {tally[1]:>5} {tally[0]:>8} {result.accuracy(tally):>9.3f}")
    total = result.type_total
    print(f"{'all':<12} {total[1]:>5} {total[0]:>8} {result.accuracy(total):>9.3f}")
    print(f"records with no event: {result.no_event}; chosen event on a gold EVT word: {result.on_gold_trigger}")
    for role in ("source", "target"):
        c, n = result.roles[role]
        print(f"{role} country: {c}/{n} state actors ({result.roles_any[role]} if any event of the record counted)")
    _targets(result.scores())
    print(f"quad accuracy {result.accuracy(result.quad):.3f}")
    print("most common type confusions (gold -> predicted):")
    for (gold_type, predicted), n in result.confusions.most_common(10):
        print(f"  {n:>3}  {gold_type} -> {predicted}")
    _misses("GSR", result.errors if errors else [])
    return result


def report_gsr_side_by_side(errors: bool) -> None:
    """The rules on every record (as before), then the rules and the model on the untrained-on ones."""
    records = gsr.load()
    rules_articles: dict[str, Any] = {}
    rules_pipeline = make_pipeline(False)
    everything = report_gsr(rules_pipeline, errors, records, rules_articles)
    started = time.perf_counter()
    kept, excluded = split_untrained(records)
    print(f"\nPLOVER GSR, untrained-on: {len(kept)} of {len(records)} records; {len(excluded)} excluded, their "
          f"sentence being in the event classifier's training data ({time.perf_counter() - started:.1f} s)")
    for record in excluded:
        print(f"  excluded {record.id}: {record.text[:100]!r}")
    rules = score_gsr(rules_pipeline, kept, evt_words(), rules_articles)  # reuses the parses above
    started = time.perf_counter()
    model = score_gsr(make_pipeline(True), kept, evt_words())
    print(f"model-backed stage: {time.perf_counter() - started:.1f} s")
    results = {"rules, all": everything, "rules": rules, "model": model}
    print(f"{'measure':<16}" + "".join(f"{name:>12}" for name in results))
    for measure in ("type_accuracy", "quad_accuracy", "source_country", "target_country"):
        print(f"{measure:<16}" + "".join(f"{r.scores()[measure]:>12.3f}" for r in results.values()))
    print(f"{'records':<16}" + "".join(f"{r.type_total[1]:>12}" for r in results.values()))
    print(f"{'no event':<16}" + "".join(f"{r.no_event:>12}" for r in results.values()))
    print("untrained-on, by gold type (n, accuracy of the rules, of the model):")
    for name in sorted(rules.by_type):
        r, m = rules.by_type[name], model.by_type[name]
        print(f"  {name:<12} {r[1]:>4} {rules.accuracy(r):>7.3f} {model.accuracy(m):>7.3f}")
    print("model, untrained-on: most common type confusions (gold -> predicted):")
    for (gold_type, predicted), n in model.confusions.most_common(10):
        print(f"  {n:>3}  {gold_type} -> {predicted}")
    _misses("GSR model (untrained-on)", model.errors if errors else [])


def report_meantime(errors: bool) -> None:
    from tidings.nlp.model import load_nlp

    docs = meantime.load()
    started = time.perf_counter()
    result = score_meantime(load_nlp(), docs)
    n = sum(len(d.mentions) for d in docs)
    print(f"\nMEANTIME modality: {len(docs)} documents, {n} event mentions "
          f"({sum(d.unannotated for d in docs)} unannotated skipped), {time.perf_counter() - started:.1f} s")
    print(f"{'class':<13} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for cls in meantime.CLASSES:
        p, r, f, s = result.prf(cls)
        print(f"{cls:<13} {p:>9.3f} {r:>7.3f} {f:>6.3f} {s:>8}")
    _targets(result.scores())
    print("confusion (rows gold, columns predicted):")
    print(f"{'':<13}" + "".join(f"{c:>14}" for c in meantime.CLASSES))
    for gold_cls in meantime.CLASSES:
        print(f"{gold_cls:<13}" + "".join(f"{result.confusion[(gold_cls, c)]:>14}" for c in meantime.CLASSES))
    _misses("MEANTIME", result.errors if errors else [])


def report_mixed(errors: bool) -> None:
    """bench/mixed_news.py's figures for every labelled split and both coders; the misses of the dev split only."""
    import mixed_news

    print("\nMixed news (bench/mixed_news.py): strict precision and recall, dev split and the unseen ones")
    print(f"{'coder':6} {'split':8} {'strict P':>8} {'real P':>7} {'recall':>7} {'R any':>6} {'coded':>6} "
          f"{'gold':>5} {'hyp->asserted':>13}")
    documents, labels = mixed_news.devset.documents(), mixed_news.devset.labels()
    labelled = {g["doc"] for g in labels}
    splits = [s for s in documents if set(documents[s]) & labelled]
    for name, model in CODERS.items():
        pipeline = make_pipeline(model)
        for split in splits:
            tally = mixed_news.score(pipeline, documents[split], labels)
            s = tally.scores()
            print(f"{name:6} {split:8} {s['strict_precision']:8.3f} {s['real_precision']:7.3f} {s['recall']:7.3f} "
                  f"{s['recall_any_type']:6.3f} {s['coded']:6d} {s['gold']:5d} {s['hypothetical_as_asserted']:13d}")
            if errors and split == "dev":  # never the test split's
                print("\n".join("   " + e for e in tally.errors))
    print("goal: strict precision >= 0.80 with the model, recall no lower than the rules'")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every miss (mixed news: the dev split's only)")
    parser.add_argument("--parts", nargs="+", choices=["gsr", "meantime", "mixed"], default=["gsr", "meantime", "mixed"],
                        help="which benchmarks to run (default: all three)")
    args = parser.parse_args()
    import devset

    if not gsr.GSR.exists() and not meantime.MEANTIME.is_dir():
        sys.exit(f"skipped: neither {gsr.GSR} nor {meantime.MEANTIME} found")
    if "gsr" in args.parts:
        if gsr.GSR.exists():
            report_gsr_side_by_side(args.errors)
        else:
            print(f"PLOVER GSR skipped: gold-standard records not found at {gsr.GSR}")
    if "meantime" in args.parts:
        if meantime.MEANTIME.is_dir():
            report_meantime(args.errors)
        else:
            print(f"MEANTIME skipped: corpus not found at {meantime.MEANTIME}")
    if "mixed" in args.parts:
        if devset.available() and devset.labels():
            report_mixed(args.errors)
        else:
            print("Mixed news skipped: the dev set needs ../shared/data (PolNeAR, MEANTIME) and bench/devset/labels/")


if __name__ == "__main__":
    main()

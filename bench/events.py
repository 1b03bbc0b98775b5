"""Accuracy of event coding: PLOVER type and actor countries on the GSR, modality on MEANTIME.

PLOVER GSR (../shared/data/plover_gsr): each record's sentence goes through the pipeline
(sentences, entities, actors, quotes, events; no publication date). The record's predicted event is the
first event whose trigger overlaps a gold ``(EVT: ...)`` span of ``textInfo.markup``, else the
first event found. Type accuracy is over all records (no event counts as a miss). For each gold
source (target) actor with a state code, the country is correct when some source (target) of
the chosen event has that country. Targets: type >= 0.75, source and target country >= 0.8.

MEANTIME (../shared/data/meantime, see bench/meantime.py for the gold rules): each document is
parsed once with the pipeline's spaCy model; for each gold event mention the token at its first
anchor's offsets is classified by ``tidings.events.modality.classify``. Per class precision,
recall and F1, macro-F1 and the confusion matrix. Target: macro-F1 >= 0.7.

    python bench/events.py            # both benchmarks
    python bench/events.py --errors   # also list the misses
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

STAGES = ["sentences", "entities", "actors", "quotes", "events"]
TARGETS = {"type_accuracy": 0.75, "source_country": 0.8, "target_country": 0.8, "modality_macro_f1": 0.7}
EVT = re.compile(r"\(EVT:\s*([^(){}]*?)\s*(?=[(){}])")  # a few spans close with "}" or not at all


def make_pipeline() -> Any:
    """The pipeline up to the events stage, without progress output."""
    from tidings import Options, Pipeline

    return Pipeline(Options(progress=False), stages=STAGES)


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
        """Type accuracy (overall and per type), source and target country accuracy."""
        out = {"type_accuracy": self.accuracy(self.type_total), "source_country": self.accuracy(self.roles["source"]),
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


def score_gsr(pipeline: Any, records: list[gsr.Record], words: dict[str, list[str]]) -> GsrResult:
    """Type and role-country tallies of the chosen event of each record, and the misses."""
    result = GsrResult()
    for record in records:
        article = pipeline.article(record.text)
        events, gold_spans = article.events, locate(article.text, words.get(record.id, []))
        event = choose(events, gold_spans)
        predicted = event.type if event else None
        result.no_event += event is None
        result.on_gold_trigger += bool(event and _overlaps(event, gold_spans))
        ok = predicted == record.event
        _count(result.by_type[record.event], ok)
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


def gsr_scores(pipeline: Any) -> dict[str, float]:
    """Headline GSR numbers: type accuracy (overall and per type), source and target country."""
    return score_gsr(pipeline, gsr.load(), evt_words()).scores()


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


def report_gsr(pipeline: Any, errors: bool) -> None:
    records = gsr.load()
    started = time.perf_counter()
    result = score_gsr(pipeline, records, evt_words())
    print(f"PLOVER GSR: {len(records)} records, {time.perf_counter() - started:.1f} s")
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
    print("most common type confusions (gold -> predicted):")
    for (gold_type, predicted), n in result.confusions.most_common(10):
        print(f"  {n:>3}  {gold_type} -> {predicted}")
    _misses("GSR", result.errors if errors else [])


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list every miss")
    args = parser.parse_args()
    if not gsr.GSR.exists() and not meantime.MEANTIME.is_dir():
        sys.exit(f"skipped: neither {gsr.GSR} nor {meantime.MEANTIME} found")
    if gsr.GSR.exists():
        report_gsr(make_pipeline(), args.errors)
    else:
        print(f"PLOVER GSR skipped: gold-standard records not found at {gsr.GSR}")
    if meantime.MEANTIME.is_dir():
        report_meantime(args.errors)
    else:
        print(f"MEANTIME skipped: corpus not found at {meantime.MEANTIME}")


if __name__ == "__main__":
    main()

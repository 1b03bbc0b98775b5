"""Events on real mixed news: strict precision and recall against the hand-labelled dev set.

The dev set (bench/devset.py, rubric in bench/devset/RUBRIC.md) is 140 whole articles of US
political news and of business and technology news, every event labelled by hand. Each
article's text goes through the whole pipeline; each coded event is matched to the labelled events
of its sentence.

- **strict precision**: coded events that are a labelled event of the same type whose source is
  right (the coded source overlaps the labelled source's span, names the same actor, or has its
  country where the label names a state; no source where the label has none), over all coded events;
- **real**: coded events that are some labelled event of their sentence, whatever the type;
- **recall**: labelled events matched by a coded event of the same type in their sentence;
- **strict recall**: labelled events matched by a coded event of the same type whose source is
  right (strict precision's counterpart);
- **hypothetical as asserted**: matched events labelled hypothetical that were coded asserted.

Figures are printed for the ``dev`` and ``dev2`` splits (looked at while tuning) and the unseen splits apart
(``test``, ``holdout``, ``holdout2`` to ``holdout7``, each drawn later than the one before, once its
predecessor's figures had been read several times), for the rules alone and with the learned model.
Two pooled rows follow, ``all-dev`` and ``all-unseen``, each with a 95% interval of its strict
precision and recall drawn by bootstrap over its articles: a few hundred coded events leave a
pooled figure uncertain by several points either way, which a goal such as 0.80 must be read against.

    python bench/mixed_news.py                 # every labelled split, both coders, both pools
    python bench/mixed_news.py --split all-unseen --coder model --min-confidence 0.65
    python bench/mixed_news.py --errors dev2   # also list a dev split's misses (dev or dev2)
    python bench/mixed_news.py --min-confidence 0.5   # also the events at least that confident
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import devset  # noqa: E402

STAGES = ["sentences", "entities", "actors", "quotes", "events"]
DRAWS = 2000  # bootstrap draws of the pooled figures' intervals


def make_pipeline(model: bool) -> Any:
    from dataclasses import fields

    from tidings import Options, Pipeline

    extra = {"event_model": model} if any(f.name == "event_model" for f in fields(Options)) else {}
    if model and not extra:
        raise SystemExit("this version of Tidings has no event model")
    return Pipeline(Options(progress=False, **extra), stages=STAGES)


@dataclass
class Coded:
    """One coded event in the document's own offsets."""

    doc: str
    sent: tuple[int, int]
    trigger: tuple[int, int]
    text: str
    type: str
    modality: str
    sources: list[dict]  # each with start/end shifted to the document's offsets (None if elsewhere)
    confidence: float = 1.0
    event_id: str = ""
    cameo: str = ""


def coded_events(pipeline: Any, doc: str) -> list[Coded]:
    """The pipeline's events for one document, with offsets into ``devset.text(doc)``."""
    return coded_in(pipeline.article(devset.text(doc), origin=doc), doc)


def coded_in(article: Any, doc: str, raw: str | None = None) -> list[Coded]:
    """An article's events, with offsets into its text ``raw`` (default ``devset.text(doc)``), its
    sentences located there."""
    raw = devset.text(doc) if raw is None else raw
    shifts: dict[int, tuple[int, int] | None] = {}
    cursor = 0
    for s in article.sentences:
        at = raw.find(s.text, cursor)
        if at < 0:
            at = raw.find(s.text)
        shifts[s.index] = (at, at - s.start) if at >= 0 else None
        if at >= 0:
            cursor = at + len(s.text)

    def moved(a: dict) -> dict:
        if a.get("start") is None:
            return {**a, "start": None, "end": None}
        index = next((s.index for s in article.sentences if s.start <= a["start"] < s.end), None)
        found = shifts.get(index) if index is not None else None
        if found is None:
            return {**a, "start": None, "end": None}
        return {**a, "start": a["start"] + found[1], "end": a["end"] + found[1]}

    out = []
    for e in article.events:
        found = shifts.get(e.sentence_index)
        if found is None:
            continue
        at, shift = found
        sent = article.sentences[e.sentence_index]
        out.append(Coded(doc, (at, at + len(sent.text)), (e.start + shift, e.end + shift), e.trigger, e.type,
                         e.modality, [moved(a) for a in e.sources], e.confidence, e.id, e.cameo or ""))
    return out


def _name_key(name: str | None) -> set[str]:
    words = re.findall(r"[a-z]+", (name or "").lower())
    return {words[-1]} if words else set()


def source_right(coded: Coded, gold: dict) -> bool:
    """Whether the coded event's source is the labelled one (see the module docstring)."""
    want = gold.get("source")
    if not want:
        return not any(a.get("actor_id") or a.get("name") for a in coded.sources)
    for a in coded.sources:
        if a.get("start") is not None and want.get("start") is not None and \
                a["start"] < want["end"] and want["start"] < a["end"]:
            return True
        if want.get("name") and a.get("name") and (
                a["name"].lower() == want["name"].lower() or _name_key(a["name"]) & _name_key(want["name"])):
            return True
        if want.get("country") and a.get("country") == want["country"] and not a.get("actor_id") and not want.get("name"):
            return True
        if want.get("country") and a.get("country") == want["country"] and a.get("name") and want.get("name") \
                and _name_key(a["name"]) & _name_key(want["name"]):
            return True
    return False


@dataclass
class Tally:
    coded: int = 0
    strict: int = 0
    real: int = 0
    gold: int = 0
    recalled: int = 0
    recalled_any: int = 0
    recalled_strict: int = 0
    hyp: int = 0
    hyp_as_asserted: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        return {
            "strict_precision": self.strict / self.coded if self.coded else 0.0,
            "real_precision": self.real / self.coded if self.coded else 0.0,
            "recall": self.recalled / self.gold if self.gold else 0.0,
            "recall_any_type": self.recalled_any / self.gold if self.gold else 0.0,
            "strict_recall": self.recalled_strict / self.gold if self.gold else 0.0,
            "coded": self.coded, "gold": self.gold,
            "hypothetical_as_asserted": self.hyp_as_asserted,
        }

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(Tally)))


def pooled(tallies: Iterable[Tally]) -> Tally:
    """The tallies of several articles or splits as one."""
    return sum(tallies, Tally())


def interval(tallies: list[Tally], draws: int = DRAWS, seed: int = 13) -> dict[str, tuple[float, float]]:
    """95% bootstrap intervals of strict precision and strict recall over ``tallies``, one per
    article: the articles are drawn again with replacement ``draws`` times, since events of one
    article are not independent of each other (one misread actor spoils several)."""
    rng = random.Random(seed)
    found: dict[str, list[float]] = {"strict_precision": [], "strict_recall": []}
    for _ in range(draws):
        scores = pooled(rng.choices(tallies, k=len(tallies))).scores()
        for key, values in found.items():
            values.append(scores[key])
    return {key: (_quantile(sorted(v), 0.025), _quantile(sorted(v), 0.975)) for key, v in found.items()}


def _quantile(ordered: list[float], q: float) -> float:
    return ordered[min(int(q * len(ordered)), len(ordered) - 1)]


@cache
def intended_types(type_: str, cameo: str) -> frozenset[str]:
    """The deeds whose stated intention the coder codes as this type and CAMEO code (its own table,
    events/data/intent.tsv: "will send aid" AGREE 033 is the intention of AID; "would blockade"
    THREATEN 133 of PROTEST; "will not meet" REJECT 125 of CONSULT), with the modes a label of the
    deed itself has: hypothetical for a promise or threat, negated or hypothetical for a refusal."""
    from tidings.events.intent import recodings

    return frozenset(old for (kind, old), r in recodings().items()
                     if kind in ("commit", "threat", "refuse") and old != "*" and r.type == type_ and r.cameo == cameo)


def same_type(coded: Coded, gold: dict) -> str | None:
    """How a coded event has a labelled event's type: ``type`` (the same), ``intention`` (a stated
    intention coded as PLOVER codes it, AGREE, THREATEN or REJECT of its speaker, on the very word
    the labeller marked as the intended deed: "plans to support the nominee", SUPPORT hypothetical
    in the label, AGREE 030 in the coding; the rubric counts both readings, RUBRIC.md "Intentions"),
    or None."""
    if gold["type"] == coded.type:
        return "type"
    a, b = gold["trigger"]
    if not (coded.trigger[0] < b and a < coded.trigger[1]):
        return None
    modes = ("negated", "hypothetical") if coded.type == "REJECT" else ("hypothetical",)
    return "intention" if gold.get("mode") in modes and gold["type"] in intended_types(coded.type, coded.cameo) \
        else None


def in_sentence(coded: Coded, golds: list[dict]) -> list[int]:
    """The labelled events (indices into ``golds``) of the coded event's sentence."""
    return [i for i, g in enumerate(golds) if coded.sent[0] <= g["trigger"][0] < coded.sent[1]]


def score(pipeline: Any, docs: list[str], gold: list[dict], coded_of: Any = None,
          min_confidence: float = 0.0) -> Tally:
    """Match each document's coded events to its labels; tally the figures. ``coded_of(doc)`` gives
    a document's coded events (default: run ``pipeline`` on it); with ``min_confidence``, only the
    events at least that confident count as coded (the verifier's high-precision setting:
    ``tidings events --min-confidence``)."""
    return pooled(score_each(pipeline, docs, gold, coded_of, min_confidence))


def score_each(pipeline: Any, docs: list[str], gold: list[dict], coded_of: Any = None,
               min_confidence: float = 0.0) -> list[Tally]:
    """``score``'s tally of each document apart, in the order of ``docs``."""
    out = []
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        if not g.get("none"):
            by_doc[g["doc"]].append(g)
    for doc in docs:
        tally = Tally()
        out.append(tally)
        golds = by_doc.get(doc, [])
        tally.gold += len(golds)
        coded = coded_of(doc) if coded_of else coded_events(pipeline, doc)
        if min_confidence:
            coded = [c for c in coded if c.confidence >= min_confidence]
        tally.coded += len(coded)
        used_strict: set[int] = set()
        matched_type: set[int] = set()
        matched_any: set[int] = set()
        raw = devset.text(doc)
        for c in coded:
            same_sent = in_sentence(c, golds)
            real = bool(same_sent)
            typed = [i for i in same_sent if same_type(c, golds[i])]
            strict = [i for i in typed if source_right(c, golds[i]) and i not in used_strict]
            tally.real += real
            matched_any.update(same_sent)
            matched_type.update(typed)
            if strict:
                best = min(strict, key=lambda i: abs(golds[i]["trigger"][0] - c.trigger[0]))
                used_strict.add(best)
                tally.strict += 1
                # a stated intention coded as its speaker's promise or threat (asserted: it was said)
                # is no hypothetical deed coded as done
                if golds[best]["mode"] == "hypothetical" and same_type(c, golds[best]) == "type":
                    tally.hyp += 1
                    tally.hyp_as_asserted += c.modality == "asserted"
                    if c.modality == "asserted":
                        tally.errors.append(f"HYP coded asserted: {c.type} '{c.text}' | "
                                            f"{raw[c.sent[0]:c.sent[1]][:160]!r}")
            else:
                why = "not an event" if not real else "wrong type" if not typed else "wrong source"
                want = "; ".join(f"{golds[i]['type']} {golds[i].get('trigger_text')} by "
                                 f"{(golds[i].get('source') or {}).get('name')}" for i in same_sent) or "-"
                who = ", ".join(a.get("name") or a.get("text") or "?" for a in c.sources) or "-"
                tally.errors.append(f"FP {why}: {c.type} '{c.text}' by {who} | gold: {want} | "
                                    f"{raw[c.sent[0]:c.sent[1]][:160]!r}")
        tally.recalled += len(matched_type)
        tally.recalled_strict += len(used_strict)
        tally.recalled_any += len(matched_any)
        for i, g in enumerate(golds):
            if i not in matched_type:
                tally.errors.append(f"FN {g['type']} '{g.get('trigger_text')}' by "
                                    f"{(g.get('source') or {}).get('name')} ({g['mode']}) in {doc}")
    return out


def run(model: bool, split: str, min_confidence: float = 0.0) -> list[Tally]:
    """A split's tally of each document (``min_confidence``: see ``score``)."""
    return score_each(make_pipeline(model), devset.documents()[split], devset.labels(), min_confidence=min_confidence)


POOLS = {"all-dev": devset.DEV_SPLITS, "all-unseen": devset.UNSEEN_SPLITS}  # pooled rows, each with its interval
HEADER = (f"{'coder':6} {'split':10} {'strict P':>8} {'real P':>7} {'recall':>7} {'R any':>6} {'coded':>6} "
          f"{'gold':>5} {'hyp->asserted':>13} {'strict R':>8}")


def row(name: str, split: str, t: Tally) -> str:
    s = t.scores()
    return (f"{name:6} {split:10} {s['strict_precision']:8.3f} {s['real_precision']:7.3f} "
            f"{s['recall']:7.3f} {s['recall_any_type']:6.3f} {s['coded']:6d} {s['gold']:5d} "
            f"{s['hypothetical_as_asserted']:13d} {s['strict_recall']:8.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="all-dev and all-unseen pool their splits' articles into one row, with 95% bootstrap intervals "
               "of strict precision and recall (articles drawn again with replacement).")
    parser.add_argument("--errors", choices=devset.DEV_SPLITS,
                        help="list the misses of a dev split (never of test or the holdouts)")
    parser.add_argument("--split", choices=[*devset.DEV_SPLITS, *devset.UNSEEN_SPLITS, *devset.WRITTEN_UNSEEN,
                                            *POOLS, "both"], default="both",
                        help="one split; all-dev or all-unseen, those splits and their pooled row; both (the default): "
                             "every labelled split and both pooled rows")
    parser.add_argument("--coder", choices=["rules", "model", "both"], default="both")
    parser.add_argument("--min-confidence", type=float, default=None,
                        help="also score the model's events at least this confident (the verifier's probability "
                             "of being right, events/verify.py), as `tidings events --min-confidence` lists them")
    args = parser.parse_args()
    if not devset.available() or not devset.labels():
        sys.exit("the dev set needs ../shared/data (PolNeAR, MEANTIME) and bench/devset/labels/")
    labelled = {g["doc"] for g in devset.labels()}
    ordered = devset.DEV_SPLITS + devset.UNSEEN_SPLITS + devset.WRITTEN_UNSEEN
    chosen = ordered if args.split == "both" else POOLS.get(args.split, (args.split,))
    splits = [h for h in chosen if set(devset.documents().get(h, [])) & labelled]
    pools = {name: members for name, members in POOLS.items()
             if args.split in ("both", name) and set(members) & set(splits)}
    coders: list = [False, True] if args.coder == "both" else [args.coder == "model"]
    if args.min_confidence is not None:
        coders.append(args.min_confidence)
    print(HEADER)
    intervals = []
    for model in coders:
        cut = model if not isinstance(model, bool) else 0.0
        name = f">={cut:g}" if cut else "model" if model else "rules"
        each: dict[str, list[Tally]] = {}
        for split in splits:
            each[split] = run(bool(model), split, cut)
            t = pooled(each[split])
            print(row(name, split, t))
            if args.errors is not None and split == args.errors:
                print("\n".join("   " + e for e in t.errors))
        for pool, members in pools.items():
            docs = [t for split in members if split in each for t in each[split]]
            print(row(name, pool, pooled(docs)))
            ci = interval(docs)
            intervals.append(f"{name:6} {pool:10} strict P {ci['strict_precision'][0]:.3f} to "
                             f"{ci['strict_precision'][1]:.3f}, strict R {ci['strict_recall'][0]:.3f} to "
                             f"{ci['strict_recall'][1]:.3f} ({len(docs)} articles)")
    if intervals:
        print(f"\n95% intervals of the pooled rows ({DRAWS} bootstrap draws of their articles):")
        print("\n".join(intervals))


if __name__ == "__main__":
    main()

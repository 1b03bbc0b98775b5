"""Attribution on PolNeAR: source, cue and content spans of Tidings' claims and quotes, and direct
quotations beside textacy's extractor.

Data: the dev split of ../shared/data/polnear (see bench/polnear.py; ``--split train`` for the
other). Each article's text goes through the pipeline as it is (no cleaning, so offsets are the
gold ones) up to the quotes stage: sentences, entities, actors, quotes.

What Tidings predicts, as attributions of (source, cue, content) spans: every claim (speaker
words, cue, content) except those inside a quotation with a speaker ("I think ..." inside a
quote is part of the quote's attribution: PolNeAR gives each word one attribution); every quote with a known speaker or cue that is not inside a claim's
content, joined to the claim or quote whose cue it shares (a quote that goes on after "he
said." is more content of that attribution, as PolNeAR annotates it).

Matching, for each span type (source, cue, content) on its own, within an article: each gold
attribution that has that span is one gold item, each predicted one that has it one predicted
item; an item may have several pieces (a quote before and after "he said"). Items are paired
one to one, the pairs with the most characters in common first.

- overlap: a pair counts when a predicted piece and a gold piece share at least one character;
- exact: a pair counts when both have the same pieces once each piece is trimmed of spaces,
  quotation marks and the punctuation ``,.;:!?`` and dashes at its edges.

Precision is matched / predicted, recall matched / gold, F1 their harmonic mean. Targets: content
and source F1 >= 0.6 with overlap matching.

Direct quotations: the gold items are the attributions whose content holds a quotation mark
(“ ” " or ''). Tidings' items are its quotes with a speaker (a quote going on after the same cue
joins its item); textacy's are the triples of ``textacy.extract.triples.direct_quotations`` on
the very same spaCy parse (speaker tokens, cue tokens, content). Both are matched to the gold
items as above, with overlap.

    python bench/attribution.py                 # dev split, every article
    python bench/attribution.py --limit 20      # the first 20 articles by name
    python bench/attribution.py --errors        # also list misses and false alarms
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402

STAGES = ["sentences", "entities", "actors", "quotes"]
SPAN_TYPES = ("source", "cue", "content")
TARGETS = {"content_f1_overlap": 0.6, "source_f1_overlap": 0.6}
TRIM = set(" \t\r\n\u00a0\"'`\u201c\u201d\u2018\u2019,.;:!?-\u2014\u2013")
QUOTE_CHARS = ("\u201c", "\u201d", '"', "''")

Span = tuple[int, int]


@dataclass
class Item:
    """One attribution's spans, by type; each a list of pieces."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


def make_pipeline() -> Any:
    from tidings import Options, Pipeline

    return Pipeline(Options(progress=False), stages=STAGES)


def annotate(pipeline: Any, name: str, text: str) -> tuple[Any, Any]:
    """The article with its stages run on the text as it is, and its spaCy doc (kept for textacy)."""
    from tidings.model import Article

    article = Article(id=name[:16], text=text, raw_text=text, status="processed")
    doc = pipeline.nlp(text)
    article.doc = doc
    for info in pipeline.stages:
        info.fn(article, pipeline.options)
    article.doc = None
    return article, doc


def tidings_items(article: Any) -> list[Item]:
    """Claims, and quotes not inside a claim, joined by the cue they share."""
    items: list[Item] = []
    by_cue: dict[Span, Item] = {}
    spoken = [q for q in article.quotes if q.speaker is not None]
    for c in article.claims:
        if any(q.start <= c.cue_start < q.end for q in spoken):
            continue  # a claim inside someone's quotation is part of that attribution
        speaker = c.speaker
        item = Item([(speaker["start"], speaker["end"])] if speaker else [], [(c.cue_start, c.cue_end)],
                    [(c.content_start, c.content_end)])
        items.append(item)
        by_cue[(c.cue_start, c.cue_end)] = item
    for q in article.quotes:
        if any(c.content_start <= q.start and q.end <= c.content_end for c in article.claims):
            continue
        if q.speaker is None and q.cue_start is None:
            continue
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None else None
        if cue in by_cue:
            by_cue[cue].content.append((q.start, q.end))
            continue
        item = Item([(q.speaker["start"], q.speaker["end"])] if q.speaker else [], [cue] if cue else [],
                    [(q.start, q.end)])
        items.append(item)
        if cue:
            by_cue[cue] = item
    return items


def tidings_quotes(article: Any) -> list[Item]:
    """Tidings' direct quotations: quotes with a speaker, joined by the cue they share."""
    items: list[Item] = []
    by_cue: dict[Span, Item] = {}
    for q in article.quotes:
        if q.speaker is None:
            continue
        cue = (q.cue_start, q.cue_end) if q.cue_start is not None else None
        if cue in by_cue:
            by_cue[cue].content.append((q.start, q.end))
            continue
        item = Item([(q.speaker["start"], q.speaker["end"])], [cue] if cue else [], [(q.start, q.end)])
        items.append(item)
        if cue:
            by_cue[cue] = item
    return items


def textacy_quotes(doc: Any) -> list[Item]:
    from textacy.extract.triples import direct_quotations

    def span(tokens: list) -> list[Span]:
        if not tokens:
            return []
        return [(min(t.idx for t in tokens), max(t.idx + len(t.text) for t in tokens))]

    out = []
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # it refuses a text with an odd number of quotation marks
        return []
    for triple in triples:
        content = triple.content
        out.append(Item(span(list(triple.speaker)), span(list(triple.cue)), [(content.start_char, content.end_char)]))
    return out


def gold_items(document: polnear.Document, quotes_only: bool = False) -> list[Item]:
    out = []
    for a in document.attributions:
        if quotes_only and not any(m in document.text[s:e] for s, e in a.content for m in QUOTE_CHARS):
            continue
        out.append(Item(list(a.source), list(a.cue), list(a.content)))
    return out


def trimmed(text: str, pieces: list[Span]) -> frozenset[Span]:
    out = set()
    for start, end in pieces:
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        if end > start:
            out.add((start, end))
    return frozenset(out)


def common(a: list[Span], b: list[Span]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


@dataclass
class Tally:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold += other.gold

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(text: str, gold: list[list[Span]], predicted: list[list[Span]], exact: bool
          ) -> tuple[Tally, list[int], list[int]]:
    """One-to-one pairs of gold and predicted items; the tally and the unpaired of each side."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            shared = common(g, p)
            if shared <= 0:
                continue
            if exact and trimmed(text, g) != trimmed(text, p):
                continue
            pairs.append((shared, i, j))
    used_g, used_p = set(), set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
    tally = Tally(len(used_g), len(predicted), len(gold))
    return tally, [i for i in range(len(gold)) if i not in used_g], [j for j in range(len(predicted)) if j not in used_p]


@dataclass
class Result:
    tallies: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    errors: list[str] = field(default_factory=list)

    def add(self, key: tuple[str, str], tally: Tally) -> None:
        self.tallies[key].add(tally)

    def scores(self) -> dict[str, float]:
        out = {}
        for (span_type, mode), tally in self.tallies.items():
            p, r, f = tally.prf()
            out |= {f"{span_type}_precision_{mode}": p, f"{span_type}_recall_{mode}": r, f"{span_type}_f1_{mode}": f}
        return out


def _show(text: str, pieces: list[Span]) -> str:
    return " | ".join(text[s:e].replace("\n", " ")[:90] for s, e in pieces)


def score_document(result: Result, document: polnear.Document, predicted: list[Item], errors: bool,
                   prefix: str = "") -> None:
    gold = gold_items(document, quotes_only=prefix == "quotes_")
    for span_type in SPAN_TYPES:
        g = [getattr(i, span_type) for i in gold if getattr(i, span_type)]
        p = [getattr(i, span_type) for i in predicted if getattr(i, span_type)]
        for mode in ("exact", "overlap"):
            tally, missed, wrong = match(document.text, g, p, exact=mode == "exact")
            result.add((prefix + span_type, mode), tally)
            if errors and mode == "overlap" and span_type == "content" and not prefix:
                result.errors += [f"miss  {document.name}: {_show(document.text, g[i])}" for i in missed]
                result.errors += [f"false {document.name}: {_show(document.text, p[j])}" for j in wrong]


def score(pipeline: Any, documents: list[polnear.Document], errors: bool = False, textacy: bool = True
          ) -> dict[str, Result]:
    """Tidings on all attributions; Tidings and textacy (when importable) on direct quotations."""
    results = {"tidings": Result(), "tidings_quotes": Result(), "textacy_quotes": Result()}
    for document in documents:
        article, doc = annotate(pipeline, document.name, document.text)
        score_document(results["tidings"], document, tidings_items(article), errors)
        score_document(results["tidings_quotes"], document, tidings_quotes(article), False, "quotes_")
        if textacy:
            score_document(results["textacy_quotes"], document, textacy_quotes(doc), False, "quotes_")
    return results


def attribution_scores(pipeline: Any, documents: list[polnear.Document]) -> dict[str, float]:
    """The headline Tidings figures (no textacy): P/R/F1 of each span type, exact and overlap."""
    return score(pipeline, documents, textacy=False)["tidings"].scores()


def textacy_available() -> str | None:
    """None when textacy can be imported, else why not."""
    try:
        import textacy.extract.triples  # noqa: F401
    except Exception as exc:  # an import error, or one raised by its own imports
        return f"{type(exc).__name__}: {exc}"
    return None


def _table(result: Result, prefix: str = "") -> None:
    print(f"{'span':<9} {'match':<8} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8} {'predicted':>9} {'gold':>6}")
    for span_type in SPAN_TYPES:
        for mode in ("exact", "overlap"):
            tally = result.tallies.get((prefix + span_type, mode))
            if tally is None:
                continue
            p, r, f = tally.prf()
            print(f"{span_type:<9} {mode:<8} {p:>6.3f} {r:>6.3f} {f:>6.3f} {tally.matched:>8} {tally.predicted:>9} {tally.gold:>6}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"], help="PolNeAR split (default dev)")
    parser.add_argument("--limit", type=int, help="only the first N articles by name")
    parser.add_argument("--errors", action="store_true", help="list missed and false content spans")
    args = parser.parse_args()
    if not (polnear.POLNEAR / args.split).is_dir():
        sys.exit(f"skipped: PolNeAR not found at {polnear.POLNEAR / args.split}")
    documents = polnear.load(args.split, args.limit)
    why_not = textacy_available()
    started = time.perf_counter()
    results = score(make_pipeline(), documents, args.errors, textacy=why_not is None)
    n = sum(len(d.attributions) for d in documents)
    print(f"PolNeAR {args.split}: {len(documents)} articles, {n} gold attributions, "
          f"{time.perf_counter() - started:.1f} s")
    print("\nTidings, all attributions (claims and quotes):")
    _table(results["tidings"])
    scores = results["tidings"].scores()
    for name, target in TARGETS.items():
        verdict = "met" if scores[name] >= target else "NOT met"
        print(f"{name} {scores[name]:.3f} (target >= {target}: {verdict})")
    print("\nDirect quotations (gold: attributions whose content holds a quotation mark), overlap match:")
    print(f"{'system':<9} {'span':<9} {'P':>6} {'R':>6} {'F1':>6} {'matched':>8} {'predicted':>9} {'gold':>6}")
    systems = [("Tidings", results["tidings_quotes"])]
    if why_not is None:
        systems.append(("textacy", results["textacy_quotes"]))
    for span_type in SPAN_TYPES:
        for label, result in systems:
            tally = result.tallies[("quotes_" + span_type, "overlap")]
            p, r, f = tally.prf()
            print(f"{label:<9} {span_type:<9} {p:>6.3f} {r:>6.3f} {f:>6.3f} {tally.matched:>8} {tally.predicted:>9} {tally.gold:>6}")
    if why_not is not None:
        print(f"textacy: not run, it cannot be imported here ({why_not}); "
              "install it with `pip install -e '.[bench]'`")
    if args.errors:
        print("\ncontent misses and false alarms (overlap):", *results["tidings"].errors, sep="\n  ")


if __name__ == "__main__":
    main()

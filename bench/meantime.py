"""Reading the MEANTIME corpus (../shared/data/meantime/intra-doc_annotation) for the benchmarks.

Each NAF-style XML file holds ``<token t_id sentence number>`` elements and, under
``<Markables>``, ``<EVENT_MENTION certainty polarity time ...>`` elements anchored to tokens by
``<token_anchor t_id>``. A document's text is rebuilt from its tokens: the tokens of a sentence
joined by single spaces, sentences by "\\n", each token keeping its character offsets.

Gold modality of an event mention, rules applied in this order:
  1. polarity NEG                                          -> negated
  2. certainty POSSIBLE or PROBABLE, or time FUTURE        -> hypothetical
  3. anything else                                         -> asserted
Negation wins: "will not sign" is negated. Mentions whose certainty, polarity and time are all
empty were left unannotated; they are skipped and counted in ``Document.unannotated``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEANTIME = ROOT.parent / "shared" / "data" / "meantime" / "intra-doc_annotation"
ASSERTED, NEGATED, HYPOTHETICAL = "asserted", "negated", "hypothetical"
CLASSES = (ASSERTED, NEGATED, HYPOTHETICAL)


@dataclass
class EventMention:
    doc_id: str
    m_id: str
    spans: list[tuple[int, int]]  # character offsets of the anchor tokens, in text order
    text: str  # the anchor tokens' text, joined by spaces
    pred: str
    pos: str
    certainty: str
    polarity: str
    time: str
    modality: str  # gold: asserted, negated or hypothetical

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class Document:
    id: str
    name: str
    text: str
    mentions: list[EventMention] = field(default_factory=list)
    unannotated: int = 0  # event mentions skipped for lack of certainty, polarity and time


def gold_modality(certainty: str, polarity: str, time: str) -> str:
    """The gold modality by the rules of the module docstring (NEG first, then hypothetical)."""
    if polarity.upper() == "NEG":
        return NEGATED
    if certainty.upper() in ("POSSIBLE", "PROBABLE") or time.upper() == "FUTURE":
        return HYPOTHETICAL
    return ASSERTED


def _text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]]]:
    """The document text rebuilt from its tokens, and each token's offsets by t_id."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in root.iter("token"):
        word = tok.text or ""
        if sentence is not None:
            sep = " " if tok.get("sentence") == sentence else "\n"
            parts.append(sep)
            pos += 1
        sentence = tok.get("sentence")
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        parts.append(word)
        pos += len(word)
    return "".join(parts), offsets


def read(path: Path) -> Document:
    """One MEANTIME document with its annotated event mentions."""
    root = ET.parse(path).getroot()
    text, offsets = _text(root)
    doc = Document(root.get("doc_id") or path.stem, root.get("doc_name") or path.stem, text)
    for el in root.iter("EVENT_MENTION"):
        certainty, polarity, time = (el.get(k) or "" for k in ("certainty", "polarity", "time"))
        spans = sorted(offsets[a.get("t_id", "")] for a in el.iter("token_anchor") if a.get("t_id") in offsets)
        if not spans:
            continue
        if not (certainty or polarity or time):
            doc.unannotated += 1
            continue
        doc.mentions.append(EventMention(
            doc.id, el.get("m_id", ""), spans, " ".join(text[s:e] for s, e in spans),
            el.get("pred") or "", el.get("pos") or "", certainty, polarity, time,
            gold_modality(certainty, polarity, time)))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def load(folder: Path = MEANTIME) -> list[Document]:
    """Every document of the topic folders under ``folder``, in file-name order."""
    return [read(p) for p in sorted(folder.glob("*/*.xml"))]


def mentions(docs: list[Document]) -> Iterator[EventMention]:
    """Every annotated event mention of the documents."""
    for doc in docs:
        yield from doc.mentions

"""Reading PolNeAR (../shared/data/polnear) for the attribution benchmark.

Each split (``train``, ``dev``) has ``text/<name>.txt`` and ``attributions/<name>_<annotator>.ann``
in brat standoff. Text-bound lines ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
label a span Source, Cue or Content (a span may have several pieces, separated by ``;``);
event lines ``E<n>\\tAttribution:T<a> Content:T<b> Cue:T<c> Source:T<d>`` tie them into one
attribution (``Attribution-no-source`` has no Source; a second content piece may come as
``Content2``). Offsets are character offsets into the text file. Where several annotators
annotated the same article, the first annotation file by name is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
SPAN_LABELS = {"Source", "Cue", "Content"}
_ANN = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")

Span = tuple[int, int]


@dataclass
class Attribution:
    id: str
    source: list[Span] = field(default_factory=list)  # empty for Attribution-no-source
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class Document:
    name: str
    text: str
    attributions: list[Attribution]


def _spans(field_text: str) -> list[Span]:
    out = []
    for piece in field_text.split(";"):
        start, end = piece.split()
        out.append((int(start), int(end)))
    return out


def parse_ann(ann: str) -> list[Attribution]:
    """The attributions of one .ann file, each with its source, cue and content spans."""
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, offsets = parts[1].partition(" ")
            if label in SPAN_LABELS:
                spans[parts[0]] = (label, _spans(offsets))
        elif line.startswith("E") and len(parts) >= 2:
            args = [tuple(a.split(":", 1)) for a in parts[1].split() if ":" in a]
            events.append((parts[0], args))
    out = []
    for event_id, args in events:
        attribution = Attribution(event_id)
        for role, ref in args:
            if ref not in spans:
                continue
            label, pieces = spans[ref]
            key = {"Source": "source", "Cue": "cue", "Content": "content"}.get(label)
            if key:
                getattr(attribution, key).extend(pieces)
        if attribution.content or attribution.cue:
            for key in ("source", "cue", "content"):
                getattr(attribution, key).sort()
            out.append(attribution)
    return out


def load(split: str = "dev", limit: int | None = None, root: Path = POLNEAR) -> list[Document]:
    """The documents of a split, in name order (the first ``limit`` of them when given)."""
    folder = root / split
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        match = _ANN.match(path.name)
        stem = match["stem"] if match else path.stem
        chosen.setdefault(stem, path)
    docs = []
    for stem, ann in sorted(chosen.items()):
        text_path = folder / "text" / f"{stem}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        docs.append(Document(stem, text, parse_ann(ann.read_text(encoding="utf-8"))))
        if limit is not None and len(docs) >= limit:
            break
    return docs

"""The mixed-news dev set: whole real articles (and 32 written ones) with every event labelled by hand.

Half are US political news (PolNeAR train, ``../shared/data/polnear/train/text``), half business and
technology news (MEANTIME airbus and apple, ``../shared/data/meantime/intra-doc_annotation``), where
few political events should be found. The documents are drawn once with a fixed seed and split in
halves of the same make-up:

- ``dev``: looked at while tuning rules, thresholds and the model's decision policy;
- ``test``: never looked at while tuning; only its figures are printed;
- ``holdout``: a second unseen half of the same make-up (15 PolNeAR dev-split articles, 15 further
  MEANTIME articles), labelled later, once the test half's figures had been read several times;
- ``holdout2``: a third, drawn and labelled in the fifth session once the holdout's figures had been
  read six times (15 more PolNeAR dev-split articles and the last 15 MEANTIME articles);
- ``dev2``: a second dev half, drawn in the sixth session because ``dev`` had been tuned on for five
  sessions: the last 10 PolNeAR dev-split articles of the length range and 10 PolNeAR train articles
  that no split and no training file (``training/data/``) uses. Political news only (MEANTIME is used
  up); looked at while tuning, like ``dev``. It was labelled twice, independently: the second
  labelling (``bench/devset/second/``) is never gold, only the other side of bench/agreement.py.
- ``dev3``: a third dev half, drawn in the ninth session once dev and dev2 had been tuned on: 20
  PolNeAR train articles that no split and no label file used then. Its first figures, read before
  any change was tuned on it, are in docs/benchmarks.md; looked at while tuning since.
- ``holdout3``: a fourth unseen split, drawn in the tenth session once test, holdout and holdout2
  had each been read more than a dozen times: 20 PolNeAR train articles that no split and no label
  file used then (PolNeAR's dev split and MEANTIME were used up, so it is political news only).
- ``holdout4``: a fifth, drawn at the end of the eleventh session for a first read of that
  session's coder: 20 of the last 32 PolNeAR train articles of the length range that no split and
  no label file used.
- ``holdout5``: a sixth, drawn in the fourteenth session: the last 12 PolNeAR train articles of the
  length range that no split and no label file used, labelled by two labellers who never saw what
  Tidings codes, for a first read of that session's coder.
- ``holdout6``: a seventh, drawn in the sixteenth session: the 18 PolNeAR dev-split articles of 4,500
  to 7,000 characters (longer than the dev set's range; no split or label file had used any
  PolNeAR dev-split article outside it), labelled by labellers who never saw what Tidings codes,
  for a first read of that session's coder.
- ``holdout7``: an eighth, drawn in the twenty-sixth session: the 18 PolNeAR dev-split articles of
  more than 7,000 characters (up to 22,100; none used before), 512 events labelled by six labellers
  from the texts alone, for a first read of that session's coder.

- ``dev4``: a fourth dev split, drawn in the thirty-fourth session: the 22 PolNeAR train articles no
  split and no label file used, all outside the length range (18 short pieces and four of 5,000 to
  8,000 characters), 58 events labelled by three labellers from the texts alone; first read before
  any change was tuned on it, looked at since.
- ``dev_written`` and ``holdout_written``: 32 news articles of every section (sport, business,
  culture, science, crime, local, international, conflict, protest, politics) written for the dev
  set in the thirty-fourth session by four writers who never saw what Tidings codes
  (``bench/devset/written/``: invented events and people, real states and bodies), labelled by four
  more from the texts alone, and split in halves section by section. ``dev_written`` is looked at
  while tuning; ``holdout_written`` never is, and its figures are reported beside the real unseen
  splits, not pooled with them: written news is cleaner than the real thing.

The labels (``bench/devset/labels/*.jsonl``, one event a line) follow ``bench/devset/RUBRIC.md`` and give
character offsets into :func:`text` of the document, which is what the benchmark feeds Tidings.
The texts themselves stay in ``../shared``.
"""

from __future__ import annotations

import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
POLNEAR = SHARED / "polnear" / "train" / "text"
POLNEAR_DEV = SHARED / "polnear" / "dev" / "text"
MEANTIME = SHARED / "meantime" / "intra-doc_annotation"
LABELS = Path(__file__).resolve().parent / "devset" / "labels"
WRITTEN = Path(__file__).resolve().parent / "devset" / "written"  # articles written for the dev set
SEED = 20261202
PER_SOURCE = 30
DEV_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev_written")  # looked at while tuning
# never looked at: only their figures are read
UNSEEN_SPLITS = ("test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7")
# never looked at either, but written for the dev set rather than real news: reported beside the real splits
WRITTEN_UNSEEN = ("holdout_written",)
NO_SPACE_BEFORE = re.compile(r"^([.,;:!?%)\]}]|'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.I)
NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "‘"}


def available() -> bool:
    """Whether the shared data the dev set is drawn from is here."""
    return POLNEAR.is_dir() and MEANTIME.is_dir()


# the label files under training/data when dev2 was drawn (sixth session); its ten PolNeAR train
# articles are drawn from those none of them uses, so files labelled later never move it
DRAWN_BEFORE_DEV2 = {"polnear_candidates.jsonl", "polnear_candidates_2.jsonl", "polnear_statements.jsonl",
                     "written.jsonl", "polnear_candidates_3.jsonl", "polnear_relations.jsonl", "written_protests.jsonl"}


@cache
def documents() -> dict[str, list[str]]:
    """The document ids by split ({"dev": [...], "test": [...], "holdout": [...], "holdout2": [...], "dev2": [...]});
    ids are 'polnear/NAME', 'polnear-dev/NAME' or 'meantime/TOPIC/NAME'."""
    rng = random.Random(SEED)
    polnear = sorted(p.name for p in POLNEAR.glob("*.txt") if 1500 <= len(p.read_text(encoding="utf-8")) <= 4500)
    chosen_p = rng.sample(polnear, PER_SOURCE)
    meantime = sorted(f"{p.parent.name}/{p.name}" for p in MEANTIME.glob("*/*.xml"))
    chosen_m = rng.sample(meantime, PER_SOURCE)
    half = PER_SOURCE // 2
    # a second unseen half, drawn later from articles no split had used: PolNeAR's dev split and
    # the remaining MEANTIME articles (the first test half had been read several times by then)
    rng = random.Random(SEED + 1)
    fresh_p = sorted(p.name for p in POLNEAR_DEV.glob("*.txt") if 1500 <= len(p.read_text(encoding="utf-8")) <= 4500)
    fresh_m = sorted(set(meantime) - set(chosen_m))
    # a third unseen half, drawn in the fifth session once the holdout had been read six times:
    # further PolNeAR dev-split articles and the last fifteen MEANTIME articles
    rng2 = random.Random(SEED + 2)
    holdout_p = rng.sample(fresh_p, min(half, len(fresh_p)))
    holdout_m = rng.sample(fresh_m, min(half, len(fresh_m)))
    rest_p = sorted(set(fresh_p) - set(holdout_p))
    rest_m = sorted(set(fresh_m) - set(holdout_m))
    used_in_training = set()
    for path in (ROOT / "training" / "data").rglob("*.jsonl"):
        if path.name not in DRAWN_BEFORE_DEV2:
            continue  # labelled after dev2 was drawn (from articles outside it): dev2 must not move
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                used_in_training.add(json.loads(line).get("doc"))
    rng3 = random.Random(SEED + 3)
    holdout2_p = rng2.sample(rest_p, min(half, len(rest_p)))
    unused_p = sorted(set(polnear) - set(chosen_p) - used_in_training)
    dev2_p = rng3.sample(unused_p, 10)
    # dev3 (ninth session, once dev and dev2 had been tuned on) and holdout3 (tenth: PolNeAR's dev
    # split and MEANTIME were used up, the older unseen splits read over a dozen times each)
    dev3 = _draw(sorted(set(unused_p) - set(dev2_p)), DRAWN_BEFORE_DEV3, SEED + 4)
    holdout3 = _draw(sorted(set(unused_p) - set(dev2_p) - set(dev3)), DRAWN_BEFORE_HOLDOUT3, SEED + 5)
    holdout4 = _draw(sorted(set(unused_p) - set(dev2_p) - set(dev3) - set(holdout3)), DRAWN_BEFORE_HOLDOUT4,
                     SEED + 6)
    # holdout5 (fourteenth session): every PolNeAR train article of the length range still unused
    holdout5 = _unused(sorted(set(unused_p) - set(dev2_p) - set(dev3) - set(holdout3) - set(holdout4)),
                       DRAWN_BEFORE_HOLDOUT5)
    taken = set(chosen_p) | set(dev2_p) | set(dev3) | set(holdout3) | set(holdout4) | set(holdout5)
    # dev4 (thirty-fourth session): every PolNeAR train article that no split and no label file used,
    # all outside the length range (short pieces and four long ones)
    dev4 = _unused(sorted(p.name for p in POLNEAR.glob("*.txt") if p.name not in taken), DRAWN_BEFORE_DEV4)
    return {
        "dev": [f"polnear/{n}" for n in chosen_p[:half]] + [f"meantime/{n}" for n in chosen_m[:half]],
        "test": [f"polnear/{n}" for n in chosen_p[half:]] + [f"meantime/{n}" for n in chosen_m[half:]],
        "holdout": [f"polnear-dev/{n}" for n in holdout_p] + [f"meantime/{n}" for n in holdout_m],
        "holdout2": [f"polnear-dev/{n}" for n in holdout2_p]
        + [f"meantime/{n}" for n in rng2.sample(rest_m, min(half, len(rest_m)))],
        "dev2": [f"polnear-dev/{n}" for n in sorted(set(rest_p) - set(holdout2_p))][:10]
        + [f"polnear/{n}" for n in dev2_p],
        "dev3": [f"polnear/{n}" for n in dev3],
        "dev4": [f"polnear/{n}" for n in dev4],
        **_written_halves(),
        "holdout3": [f"polnear/{n}" for n in holdout3],
        "holdout4": [f"polnear/{n}" for n in holdout4],
        "holdout5": [f"polnear/{n}" for n in holdout5],
        # holdout6 (sixteenth session): PolNeAR's dev split beyond the length range, up to 7,000 characters
        "holdout6": [f"polnear-dev/{n}" for n in sorted(p.name for p in POLNEAR_DEV.glob("*.txt")
                                                         if 4500 < len(p.read_text(encoding="utf-8")) <= 7000)],
        # holdout7 (twenty-sixth session): the rest of PolNeAR's dev split but its shortest pieces, the
        # longest articles (7,000 to 22,100 characters)
        "holdout7": [f"polnear-dev/{n}" for n in sorted(p.name for p in POLNEAR_DEV.glob("*.txt")
                                                         if len(p.read_text(encoding="utf-8")) > 7000)],
    }


# the label files under training/data when dev3 (ninth session), holdout3 (tenth) and holdout4
# (eleventh) were drawn
DRAWN_BEFORE_DEV3 = DRAWN_BEFORE_DEV2 | {"polnear_coded.jsonl"}
DRAWN_BEFORE_HOLDOUT3 = DRAWN_BEFORE_DEV3 | {"polnear_coded_2.jsonl"}
DRAWN_BEFORE_HOLDOUT4 = DRAWN_BEFORE_HOLDOUT3 | {"polnear_coded_3.jsonl"}
DRAWN_BEFORE_HOLDOUT5 = DRAWN_BEFORE_HOLDOUT4 | {"polnear_coded_4.jsonl"}
DRAWN_BEFORE_DEV4 = DRAWN_BEFORE_HOLDOUT5 | {"polnear_recoded.jsonl", "polnear_statements.jsonl",
                                            "written_weapons.jsonl"}


def _written_halves() -> dict[str, list[str]]:
    """The 32 articles written for the dev set in the thirty-fourth session (four writers, eight
    sections each), split in halves section by section, so that each half holds sport, business,
    conflict and the rest: a seeded shuffle of each section's articles, dealt alternately."""
    halves: tuple[list[str], list[str]] = ([], [])
    rng, turn = random.Random(SEED + 7), 0
    sections: dict[str, list[str]] = {}
    for p in sorted(WRITTEN.glob("*.txt")):
        sections.setdefault(p.name.split("-")[0], []).append(p.name)
    for section in sorted(sections):
        names = sections[section]
        rng.shuffle(names)
        for name in names:
            halves[turn % 2].append(f"written/{name}")
            turn += 1
    return {"dev_written": sorted(halves[0]), "holdout_written": sorted(halves[1])}


def _draw(candidates: list[str], files: set[str], seed: int) -> list[str]:
    """20 PolNeAR train articles among ``candidates`` that none of the label files ``files`` (those
    under training/data when the split was drawn) uses: files labelled later never move a split."""
    return random.Random(seed).sample(_unused(candidates, files), 20)


def _unused(candidates: list[str], files: set[str]) -> list[str]:
    """The articles among ``candidates`` that none of the label files ``files`` uses."""
    used = set()
    for path in (ROOT / "training" / "data").rglob("*.jsonl"):
        if path.name in files:
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    used.add(json.loads(line).get("doc"))
    return [n for n in candidates if n not in used]


def _detokenize(root: ET.Element) -> str:
    """A MEANTIME document's text from its tokens: the title sentence on its own line, then the
    body, with the spacing of ordinary prose (no space before punctuation)."""
    lines: list[list[str]] = []
    current: list[str] = []
    sentence = None
    for tok in root.iter("token"):
        s = tok.get("sentence")
        if sentence is not None and s != sentence and sentence == "0":
            lines.append(current)
            current = []
        sentence = s
        current.append(tok.text or "")
    lines.append(current)
    out = []
    for words in lines:
        buf = ""
        for w in words:
            if buf and not NO_SPACE_BEFORE.match(w) and buf[-1] not in NO_SPACE_AFTER:
                buf += " "
            buf += w
        out.append(buf)
    return "\n\n".join(out) + "\n"


@cache
def text(doc: str) -> str:
    """The full text of a dev-set document, exactly as the benchmark feeds it to Tidings."""
    kind, _, name = doc.partition("/")
    if kind == "polnear":
        return (POLNEAR / name).read_text(encoding="utf-8")
    if kind == "polnear-dev":
        return (POLNEAR_DEV / name).read_text(encoding="utf-8")
    if kind == "meantime":
        return _detokenize(ET.parse(MEANTIME / name).getroot())
    if kind == "written":
        return (WRITTEN / name).read_text(encoding="utf-8")
    raise ValueError(f"unknown dev-set document {doc!r}: ids start with 'polnear/', 'polnear-dev/', "
                     "'meantime/' or 'written/'")


def labels(folder: Path = LABELS) -> list[dict]:
    """Every labelled event, each a dict with doc, trigger [start, end], type, mode, source, target
    (and one ``{"doc": ..., "none": true}`` line for an article read and found to hold no event)."""
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows


def problems(rows: list[dict]) -> list[str]:
    """What is wrong with labelled lines (RUBRIC.md's format): unknown documents, types (the 16 of
    the trigger lexicon) or modes, and spans whose offsets do not hold the text they name."""
    from tidings.events.lexicon import TYPES
    from tidings.events.modality import ASSERTED, HYPOTHETICAL, NEGATED

    modes = (ASSERTED, NEGATED, HYPOTHETICAL)
    known = {d for docs in documents().values() for d in docs}
    out = []
    for n, r in enumerate(rows, start=1):
        doc = r.get("doc")
        if doc not in known:
            out.append(f"line {n}: unknown doc {doc!r}")
            continue
        if r.get("none"):
            continue
        raw = text(doc)
        if r.get("type") not in TYPES:
            out.append(f"line {n}: type {r.get('type')!r} is none of {', '.join(sorted(TYPES))}")
        if r.get("mode") not in modes:
            out.append(f"line {n}: mode {r.get('mode')!r} is none of {', '.join(modes)}")
        spans = [("trigger", r.get("trigger"), r.get("trigger_text"))]
        spans += [(role, [a["start"], a["end"]], a.get("text")) for role in ("source", "target")
                  if (a := r.get(role)) and a.get("start") is not None]
        for role, span, words in spans:
            if not span or len(span) != 2:
                out.append(f"line {n}: {role} has no [start, end] offsets")
            elif raw[span[0]:span[1]] != words:
                out.append(f"line {n}: {role} {span} holds {raw[span[0]:span[1]]!r}, not {words!r}")
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        found = 0
        for path in sys.argv[2:]:
            rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
            for problem in problems(rows):
                print(f"{path}: {problem}")
                found += 1
        sys.exit(1 if found else 0)
    for split, docs in documents().items():
        print(split, len(docs))
        for d in docs:
            print("  ", d, len(text(d)))

"""Reading the PLOVER gold-standard records (../shared/data/plover_gsr) for the benchmarks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GSR = ROOT.parent / "shared" / "data" / "plover_gsr" / "PLOVER_GSR_CAMEO.txt"
# The records use a few CAMEO country codes that differ from ISO 3166 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA"}
NON_STATE = {"IGO", "NGO", "IMG", "MNC"}
# PLOVER 0.5 labels of the records, mapped as the manual's CAMEO table does.
EVENT_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass
class GoldActor:
    role: str  # source or target
    text: str
    code: str  # ISO alpha-3, or IGO/NGO/IMG
    sector: str | None  # three-letter sector, or None
    start: int  # offsets into the record's text; -1 when the text does not contain it


@dataclass
class Record:
    id: str
    text: str
    event: str
    mode: str | None
    context: str | None
    actors: list[GoldActor]


def load(path: Path = GSR) -> list[Record]:
    """The records that carry a sentence, with their actor spans located in it."""
    records = []
    for raw in json.loads(path.read_text(encoding="utf-8")):
        if raw.get("event") == "DOCUMENT" or not raw.get("text"):
            continue
        actors = []
        for role in ("source", "target"):
            value = raw.get(role)
            if not isinstance(value, list):
                continue
            for a in value:
                if not isinstance(a, dict) or not a.get("actorText"):
                    continue
                code = CAMEO_TO_ISO.get(a["code"], a["code"])
                sector = (a.get("sector") or "")[:3].upper() or None
                if sector == "***":
                    sector = None
                actors.append(GoldActor(role, a["actorText"], code, sector, raw["text"].find(a["actorText"])))
        records.append(Record(raw["id"], raw["text"], EVENT_RENAMES.get(raw["event"], raw["event"]),
                              raw.get("mode") or None, raw.get("context") or None, actors))
    return records

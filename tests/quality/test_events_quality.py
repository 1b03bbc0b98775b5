"""Quality gate for event coding: type, role countries (PLOVER GSR) and modality (MEANTIME).

The GSR figures are the rules' alone (``event_model=False``) on every record, as when the floors were
pinned; the learned model's figures have their own gate (test_event_model_quality.py).
The floors are the "events" key of floors.json; the test skips until they are pinned there.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())
GSR_MEASURES = ("type_accuracy", "source_country", "target_country")
MEANTIME_MEASURES = ("modality_macro_f1",)


@pytest.fixture(scope="module")
def events(bench_module) -> ModuleType:
    return bench_module("events")


@pytest.fixture(scope="module")
def gsr_scores(events: ModuleType) -> dict[str, float]:
    if not events.gsr.GSR.exists():
        pytest.skip(f"PLOVER gold-standard records not found at {events.gsr.GSR}")
    return events.gsr_scores(events.make_pipeline(False))  # the rules alone on every record, as pinned


@pytest.fixture(scope="module")
def meantime_scores(events: ModuleType) -> dict[str, float]:
    if not events.meantime.MEANTIME.is_dir():
        pytest.skip(f"MEANTIME corpus not found at {events.meantime.MEANTIME}")
    from tidings.nlp.model import load_nlp

    return events.meantime_scores(load_nlp())


@pytest.mark.parametrize("measure", sorted({*GSR_MEASURES, *MEANTIME_MEASURES, *FLOORS.get("events", {})}))
def test_event_measures_stay_above_their_floor(request: pytest.FixtureRequest, measure: str) -> None:
    floors = FLOORS.get("events")
    if not floors:
        pytest.skip("no events floors pinned yet")
    if measure not in floors:
        pytest.skip(f"no floor pinned for {measure}")
    scores = request.getfixturevalue("meantime_scores" if measure.startswith("modality") else "gsr_scores")
    assert scores[measure] >= floors[measure], (measure, scores[measure])

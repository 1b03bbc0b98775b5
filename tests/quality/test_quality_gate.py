"""Quality gate: accuracy on the shared gold data must stay above the floors in floors.json."""

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())


@pytest.fixture(scope="module")
def actor_scores(pipeline, bench_module):
    actors = bench_module("actors")
    if not actors.gsr.GSR.exists():
        pytest.skip(f"PLOVER gold-standard records not found at {actors.gsr.GSR}")
    tally, _ = actors.score(pipeline, actors.gsr.load())
    return {name: correct / total for name, (correct, total) in tally.items() if total}


@pytest.mark.parametrize("measure", sorted(FLOORS["actors"]))
def test_actor_codes_stay_above_their_floor(actor_scores, measure):
    assert actor_scores[measure] >= FLOORS["actors"][measure], (measure, actor_scores[measure])

"""Quality gate for quotes and claims: source, cue and content F1 on PolNeAR (bench/attribution.py).

The scoring runs on the first SUBSET articles of the dev split by name, small enough for CI (a few
seconds); the floors in the "attribution" key of floors.json are that subset's figures, rounded
down. The whole dev split is `python bench/attribution.py`. Skips when PolNeAR is absent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text()).get("attribution", {})
SUBSET = 20


@pytest.fixture(scope="module")
def attribution_scores(bench_module) -> dict[str, float]:
    bench = bench_module("attribution")
    if not (bench.polnear.POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR not found at {bench.polnear.POLNEAR}")
    return bench.attribution_scores(bench.make_pipeline(), bench.polnear.load("dev", SUBSET))


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_attribution_measures_stay_above_their_floor(attribution_scores: dict[str, float], measure: str) -> None:
    assert attribution_scores[measure] >= FLOORS[measure], (measure, attribution_scores[measure])

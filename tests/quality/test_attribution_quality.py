"""Quality gate for quotes and claims: source, cue and content F1 on PolNeAR (bench/attribution.py).

The scoring runs on the first SUBSET articles of the dev split by name, small enough for CI (a few
seconds); the floors in the "attribution" key of floors.json are that subset's figures, rounded
down. The whole dev split is `python bench/attribution.py`. Skips when PolNeAR is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text()).get("attribution", {})
SUBSET = 20


def bench_module(name: str) -> ModuleType:
    sys.path.insert(0, str(ROOT / "bench"))  # attribution.py imports its reader, polnear.py
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def attribution_scores() -> dict[str, float]:
    bench = bench_module("attribution")
    if not (bench.polnear.POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR not found at {bench.polnear.POLNEAR}")
    return bench.attribution_scores(bench.make_pipeline(), bench.polnear.load("dev", SUBSET))


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_attribution_measures_stay_above_their_floor(attribution_scores: dict[str, float], measure: str) -> None:
    assert attribution_scores[measure] >= FLOORS[measure], (measure, attribution_scores[measure])

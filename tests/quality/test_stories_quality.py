"""Quality gates for near-duplicates, event coreference and stories (floors in floors.json)."""

import json
from pathlib import Path

import pytest

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())["stories"]
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"


def needs(folder: str) -> None:
    if not (SHARED / folder).is_dir():
        pytest.skip(f"{SHARED / folder} not found")


@pytest.mark.slow
def test_near_duplicates_stay_above_their_floors(bench_module):
    needs("polnear")
    needs("meantime")
    bench = bench_module("near_duplicates")
    precision, recall, _, _, _ = bench.evaluate(0.5)
    assert precision >= FLOORS["near_duplicate_precision"], precision
    assert recall >= FLOORS["near_duplicate_recall"], recall


@pytest.mark.slow
def test_event_coreference_across_documents_stays_above_its_floor(bench_module):
    needs("meantime")
    counts, scores = bench_module("coref").evaluate()
    assert counts["matched"] >= FLOORS["coref_matched_mentions"], counts
    assert scores[("Tidings", "across")]["CoNLL"] >= FLOORS["coref_conll_across"], scores


@pytest.mark.slow
def test_story_clustering_stays_above_its_floor(bench_module):
    needs("polnear")
    needs("meantime")
    precision, recall, f1 = bench_module("stories").evaluate()
    assert f1 >= FLOORS["story_b3_f1"], (precision, recall, f1)
    assert precision >= FLOORS["story_b3_precision"], (precision, recall, f1)

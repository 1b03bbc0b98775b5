"""Quality gate for the learned event model (issue 10): the figures measured on data it was not trained on.

- ``mixed_test_strict_precision``, ``mixed_test_recall``, ``mixed_test_strict_recall``: bench/mixed_news.py on the dev set's
  **test** split (30 articles, never looked at while tuning), with the model; its misses are never printed;
- ``mixed_holdout_*``: the same on the dev set's holdout half (30 more articles, labelled after the
  test half had been read several times, never tuned on);
- ``mixed_holdout2_*``: the same on a third half (30 more articles, labelled in the fifth session
  after the holdout had been read six times, never tuned on);
- ``mixed_holdout3_*``: the same on a fourth unseen split (20 PolNeAR articles, drawn and labelled in
  the tenth session once the others had been read more than a dozen times each, never tuned on);
- ``mixed_holdout4_*``: a fifth (20 more PolNeAR articles, drawn and labelled at the end of the
  eleventh session and read once before its floors were pinned);
- ``mixed_holdout5_*``: a sixth (the last 12 unused PolNeAR train articles of the length range,
  drawn and labelled in the fourteenth session and read once before its floors were pinned);
- ``mixed_holdout6_*``: a seventh (18 longer PolNeAR dev-split articles, drawn and labelled in the
  sixteenth session and read once before its floors were pinned);
- ``mixed_holdout7_*``: an eighth (the 18 longest PolNeAR dev-split articles, 7,000 to 22,100
  characters, drawn and labelled in the twenty-sixth session and read twice before its floors were
  pinned);
- ``mixed_holdout_written_*``: 16 news articles of every section written for the dev set (thirty-fourth
  session), never tuned on, read twice before their floors were pinned; gated on their own, never
  pooled with the real splits;
- ``plv_type_accuracy``, ``plv_quad_accuracy``: PLV's held-out rows, as the training run reported them
  in ``src/tidings/events/model/report.json`` (whichever model ships);
- ``plv_end_to_end_type_accuracy``, ``plv_end_to_end_quad_accuracy``: bench/plv.py, the same held-out
  rows through the whole pipeline unmarked (no event is a miss), as a user's text goes;
- ``gsr_untrained_type_accuracy``: bench/events.py's GSR type accuracy with the model, on the records
  whose sentence is not in the classifier's training data;
- ``mixed_*_precise_*``: strict precision and strict recall of the events at least as confident as the
  verifier's high-precision setting (``precise_from`` in model/verifier.json: the lowest confidence at
  which out-of-fold strict precision on the dev splits reached 0.80), as
  ``tidings events --min-confidence`` lists them;
- ``mixed_unseen_strict_setting_*``: the eight splits pooled, of the events at least as confident as
  the strict setting (``strict_from``: the highest confidence at which out-of-fold strict recall on
  the dev splits stays at the filed coder's).

The floors are the "event_model" key of floors.json; the figures that need ../shared/data skip without it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
REPORT = ROOT / "src" / "tidings" / "events" / "model" / "report.json"
VERIFIER = ROOT / "src" / "tidings" / "events" / "model" / "verifier.json"
FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text()).get("event_model", {})
UNSEEN = ("test", "holdout", "holdout2", "holdout3", "holdout4", "holdout5", "holdout6", "holdout7")  # bench/devset.py UNSEEN_SPLITS (checked below)
WRITTEN = ("holdout_written",)  # bench/devset.py WRITTEN_UNSEEN: gated split by split, never pooled with the real ones
GATED = UNSEEN + WRITTEN
MIXED_KEYS = {"strict_precision": "strict_precision", "recall": "recall", "strict_recall": "strict_recall"}
MIXED = {f"mixed_{split}_{name}": (split, key) for split in GATED for name, key in MIXED_KEYS.items()}
PRECISE = {f"mixed_{split}_precise_{key}": (split, key) for split in GATED
           for key in ("strict_precision", "strict_recall")}
PLV = {"plv_type_accuracy": "plv_type_accuracy", "plv_quad_accuracy": "plv_quad_accuracy"}
PLV_END_TO_END = {"plv_end_to_end_type_accuracy": "type", "plv_end_to_end_quad_accuracy": "quad"}
GSR = {"gsr_untrained_type_accuracy": "type_accuracy"}
# the eight splits pooled at the strict setting (strict_from): the goal read at a recall held
# to the filed coder's
STRICT = {"mixed_unseen_strict_setting_strict_precision": "strict_precision",
          "mixed_unseen_strict_setting_strict_recall": "strict_recall"}
MEASURES = {**MIXED, **PLV, **PLV_END_TO_END, **GSR, **PRECISE, **STRICT}


@pytest.fixture(scope="module")
def mixed_news(bench_module):
    mixed = bench_module("mixed_news")
    if not mixed.devset.available() or not mixed.devset.labels():
        pytest.skip("the mixed-news dev set needs ../shared/data (PolNeAR, MEANTIME) and bench/devset/labels/")
    return mixed


@pytest.fixture(scope="module")
def unseen_coded(mixed_news, event_model_pipeline) -> dict[str, dict[str, list]]:
    """Each unseen split's documents coded once by the model (bench/mixed_news.py's Coded events),
    scored below for all events and for the high-confidence ones alike; misses are never shown."""
    return {split: {doc: mixed_news.coded_events(event_model_pipeline, doc)
                    for doc in mixed_news.devset.documents()[split]} for split in GATED}


def _mixed_scores(mixed_news, coded: dict[str, list], split: str, min_confidence: float = 0.0) -> dict[str, Any]:
    """bench/mixed_news.py's figures on one split of the dev set; with ``min_confidence``, of the
    events at least that confident."""
    return mixed_news.score(None, mixed_news.devset.documents()[split], mixed_news.devset.labels(),
                            coded_of=coded[split].__getitem__, min_confidence=min_confidence).scores()


@pytest.fixture(scope="module")
def mixed_scores(mixed_news, unseen_coded) -> dict[str, dict[str, Any]]:
    return {split: _mixed_scores(mixed_news, unseen_coded, split) for split in GATED}


@pytest.fixture(scope="module")
def mixed_precise_scores(mixed_news, unseen_coded) -> dict[str, dict[str, Any]]:
    cut = json.loads(VERIFIER.read_text(encoding="utf-8"))["precise_from"]
    return {split: _mixed_scores(mixed_news, unseen_coded, split, cut) for split in GATED}


@pytest.fixture(scope="module")
def mixed_strict_pooled(mixed_news, unseen_coded) -> dict[str, float]:
    """The eight unseen splits pooled, of the events at least as confident as the strict setting."""
    cut = json.loads(VERIFIER.read_text(encoding="utf-8"))["strict_from"]
    return mixed_news.pooled(
        mixed_news.score(None, mixed_news.devset.documents()[split], mixed_news.devset.labels(),
                         coded_of=unseen_coded[split].__getitem__, min_confidence=cut) for split in UNSEEN).scores()


@pytest.fixture(scope="module")
def plv_scores() -> dict[str, Any]:
    assert REPORT.exists(), f"{REPORT}: the shipped event model has no training report"
    return json.loads(REPORT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def plv_end_to_end_scores(bench_module) -> dict[str, float]:
    plv = bench_module("plv")
    if not (plv.dataset.SHARED / "plv").is_dir():
        pytest.skip(f"PLV not found under {plv.dataset.SHARED}")
    result = plv.score(True, plv.held_out_rows())
    return {"type": result.type / result.n, "quad": result.quad / result.n}


@pytest.fixture(scope="module")
def gsr_untrained_scores(bench_module, event_model_pipeline) -> dict[str, float]:
    events = bench_module("events")
    if not events.gsr.GSR.exists() or not SHARED.is_dir():
        pytest.skip(f"PLOVER gold-standard records or the training data not found under {SHARED}")
    return events.gsr_scores(event_model_pipeline, untrained=True)


def test_every_measure_has_a_floor() -> None:
    assert set(MEASURES) <= set(FLOORS), f"floors.json 'event_model' lacks {sorted(set(MEASURES) - set(FLOORS))}"


def test_the_gate_reads_every_unseen_split(bench_module) -> None:
    devset = bench_module("mixed_news").devset
    assert UNSEEN == tuple(devset.UNSEEN_SPLITS) and WRITTEN == tuple(devset.WRITTEN_UNSEEN)


@pytest.mark.parametrize("measure", sorted(set(MEASURES) - set(MIXED) - set(PRECISE) - set(STRICT)))
def test_event_model_measures_stay_above_their_floor(request: pytest.FixtureRequest, measure: str) -> None:
    if measure not in FLOORS:
        pytest.skip(f"no floor pinned for {measure}")
    fixture = "plv_scores" if measure in PLV else "plv_end_to_end_scores" if measure in PLV_END_TO_END \
        else "gsr_untrained_scores"
    scores = request.getfixturevalue(fixture)
    assert MEASURES[measure] in scores, f"{fixture} has no {MEASURES[measure]!r}"
    value = scores[MEASURES[measure]]
    assert value >= FLOORS[measure], (measure, value, FLOORS[measure])


@pytest.mark.parametrize("split", GATED)
def test_mixed_news_stays_above_its_floors(mixed_scores, split: str) -> None:
    low = {m: (mixed_scores[split][key], FLOORS[m]) for m, (s, key) in MIXED.items()
           if s == split and mixed_scores[split][key] < FLOORS[m]}
    assert not low, low


@pytest.mark.parametrize("split", GATED)
def test_the_high_confidence_events_stay_above_their_floors(mixed_precise_scores, split: str) -> None:
    low = {m: (mixed_precise_scores[split][key], FLOORS[m]) for m, (s, key) in PRECISE.items()
           if s == split and mixed_precise_scores[split][key] < FLOORS[m]}
    assert not low, low


def test_the_strict_setting_stays_above_its_floors(mixed_strict_pooled) -> None:
    low = {m: (mixed_strict_pooled[key], FLOORS[m]) for m, key in STRICT.items() if mixed_strict_pooled[key] < FLOORS[m]}
    assert not low, low

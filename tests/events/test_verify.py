"""The verify step: each model-coded event's confidence is the learned probability that it is right."""

from __future__ import annotations

import json
import pytest

from tidings import Options, Pipeline
from tidings.events import learned, stage, verify
from tidings.events.classifier import MODEL_DIR

STAGES = ["sentences", "entities", "actors", "quotes", "events"]
TEXT = ("Japan lodged a protest with North Korea last week. "
        "Analysts say North Korea might also conduct a nuclear test before the election.")


def features_of(pipeline, text: str) -> list:
    """Every finished draft of ``text`` (before the verify step) with its features."""
    seen = []

    def record(drafts, scene, threshold):
        seen.extend((d, verify.features(d, scene, drafts)) for d in drafts)
        return verify.verify(drafts, scene, threshold)

    original, stage.verify = stage.verify, record
    try:
        pipeline.article(text)
    finally:
        stage.verify = original
    return seen


@pytest.fixture(scope="module")
def drafted(pipeline):
    return features_of(pipeline, TEXT)


def test_model_coded_events_carry_the_verifiers_probability_as_confidence(pipeline, drafted):
    events = pipeline.article(TEXT).events
    assert events
    verifier = verify.load_verifier()
    expected = {d.token.idx: round(verifier.probability(f), 3) for d, f in drafted}
    assert all(0.0 < e.confidence < 1.0 and e.confidence == expected[e.start] for e in events)


def test_rule_coded_events_keep_the_rules_own_score(rules_pipeline):
    (event,) = [e for e in rules_pipeline.article("China criticized the United States on Monday.").events]
    assert event.confidence == 0.9


def test_the_shipped_weights_know_every_numeric_feature_the_code_makes(drafted):
    weights = json.loads((MODEL_DIR / "verifier.json").read_text(encoding="utf-8"))["weights"]
    numeric = {k for _, f in drafted for k in f if "=" not in k and not k.startswith("tr_")}
    assert numeric and numeric <= set(weights), sorted(numeric - set(weights))


def test_a_source_found_lowers_no_event_below_the_same_event_without_one(drafted):
    draft, feats = next((d, f) for d, f in drafted if d.token.text == "lodged")
    verifier = verify.load_verifier()
    sourceless = {**{k: v for k, v in feats.items() if not k.startswith("src_")}, "has_source": 0.0,
                  "src_actor": 0.0, "src_found=none": 1.0, "n_src": 0.0}
    assert verifier.probability(feats) > verifier.probability(sourceless)


def test_a_forecast_the_classify_slot_leaves_unread_is_read_for_the_verifier(pipeline):
    from tidings.events.classifier import load_classifier

    seen = features_of(pipeline, "Obama's veto is expected to come before the deadline at midnight Friday.")
    draft, feats = next((d, f) for d, f in seen if d.token.text == "veto")
    assert draft.modality == "hypothetical" and draft.reading is None and feats["read"] == 0.0
    reading = load_classifier().predict([learned.marked_text(draft)])[0]
    assert feats["p_event"] == reading.p_event < 1.0 and feats["p_type"] == reading.p(draft.type)


def test_an_act_the_article_tells_again_by_the_same_actor_counts_as_retold(pipeline):
    seen = features_of(pipeline, "China criticized the United States on Monday. Beijing also condemned Japan's "
                                 "defence budget. Russia criticized NATO on Tuesday.")
    told = {(d.sources[0].text if d.sources else None, d.token.text): f["retold"] for d, f in seen}
    assert told[("China", "criticized")] == told[("Beijing", "condemned")] == 1 / verify.RETOLD_CAP, told
    assert told[("Russia", "criticized")] == 0.0, "the same act by another actor is another act"


def test_a_minimum_confidence_drops_what_happened_but_keeps_forecasts():
    strict = Pipeline(Options(progress=False, min_event_confidence=0.99), stages=STAGES)
    events = strict.article(TEXT).events
    assert not [e for e in events if e.modality == "asserted"]
    assert [e for e in events if e.modality == "hypothetical"], "a forecast is kept whatever its confidence"


def test_the_shipped_policy_threshold_drops_nothing_at_zero(pipeline, drafted):
    assert learned.default_policy().verify_below == 0.0, "this test pins the shipped default"
    assert len(pipeline.article(TEXT).events) == len(
        Pipeline(Options(progress=False, min_event_confidence=0.0), stages=STAGES).article(TEXT).events)


def test_without_a_shipped_verifier_every_draft_is_kept_as_it_was(drafted, monkeypatch):
    monkeypatch.setattr(verify, "load_verifier", lambda: None)
    drafts = [d for d, _ in drafted]
    assert verify.verify(drafts, None, 0.99) == drafts



def test_the_documented_high_precision_and_strict_settings_are_the_shipped_ones():
    from click.testing import CliRunner

    from tidings.cli.app import main

    shipped = json.loads((MODEL_DIR / "verifier.json").read_text(encoding="utf-8"))
    shown = " ".join(CliRunner().invoke(main, ["events", "--help"], terminal_width=500).output.split())
    assert f"{shipped['precise_from']:g} is the high-precision setting" in shown
    assert f"{shipped['strict_from']:g} is the strict setting" in shown


def test_the_help_of_the_confidence_filter_gives_the_shipped_setting():
    from tidings.events.verify import confidence_help, precise_from

    assert precise_from() is not None and f"{precise_from():g} is the high-precision setting" in confidence_help()

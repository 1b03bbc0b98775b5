"""The shipped event classifier: loads offline, marks candidates, and reads clear cases right."""

from __future__ import annotations

import pytest

import numpy as np

from tidings.events.classifier import (MARKS, MODEL_DIR, EventClassifier, clip, load_classifier, mark, penta_of_type,
                                       trigger_index)
from tidings.events.learned import default_policy


def test_each_mark_is_one_token_of_the_shipped_tokenizer():
    tokenizer = load_classifier().tokenizer
    for m in MARKS:
        assert len(tokenizer.encode(m, add_special_tokens=False).ids) == 1, m
    enc = tokenizer.encode("<s>Police</s> <e>arrested</e> <t>a man</t>.")
    at = trigger_index(np.array([enc.ids]), load_classifier().trigger_mark)[0]
    assert enc.tokens[at] == "arrested"


def test_the_trigger_index_finds_a_mark_of_several_pieces_and_falls_back_to_cls():
    ids = np.array([[101, 7, 1026, 1041, 1028, 55, 102], [101, 7, 8, 9, 10, 11, 102]])
    assert trigger_index(ids, (1026, 1041, 1028)).tolist() == [5, 0]


MARK_IDS = frozenset({900, 901, 902, 903})  # in the clip tests: <s>, </s>, <e>, </e>
CLS, SEP = 101, 102


def test_clip_keeps_a_short_candidate_and_any_candidate_without_a_budget():
    ids = [CLS, *range(1, 40), SEP]
    assert clip(ids, 64, MARK_IDS, 902) == ids
    assert clip(ids, None, MARK_IDS, 902) == ids


def test_clip_centres_the_marked_span_and_keeps_the_special_pieces():
    ids = [CLS, *range(1, 31), 900, 31, 901, 32, 902, 33, 903, *range(34, 80), SEP]
    out = clip(ids, 16, MARK_IDS, 902)
    assert len(out) == 16 and out[0] == CLS and out[-1] == SEP
    assert out[1:-1] == [28, 29, 30, 900, 31, 901, 32, 902, 33, 903, 34, 35, 36, 37]


def test_clip_stays_inside_the_text_at_its_edges():
    ids = [CLS, 902, 1, 903, *range(2, 60), SEP]
    assert clip(ids, 10, MARK_IDS, 902) == [CLS, 902, 1, 903, 2, 3, 4, 5, 6, SEP]
    ids = [CLS, *range(1, 60), 902, 60, 903, SEP]
    assert clip(ids, 8, MARK_IDS, 902) == [CLS, 57, 58, 59, 902, 60, 903, SEP]


def test_clip_centres_the_trigger_when_the_marks_lie_further_apart_than_the_budget():
    ids = [CLS, 900, *range(1, 40), 901, *range(40, 60), 902, 60, 903, *range(61, 99), SEP]
    out = clip(ids, 12, MARK_IDS, 902)
    assert out == [CLS, 56, 57, 58, 59, 902, 60, 903, 61, 62, 63, SEP]


def test_mark_wraps_source_and_target_spans():
    sentence = "Police arrested the protesters."
    assert mark(sentence, 100, (100, 106), (116, 130)) == "<s>Police</s> arrested <t>the protesters</t>."


def test_mark_leaves_spans_outside_the_sentence_unmarked():
    assert mark("He said so.", 50, (10, 12), None) == "He said so."


def test_mark_keeps_only_the_source_when_spans_overlap():
    assert mark("Kim Jong Un met Trump.", 0, (0, 11), (4, 11)) == "<s>Kim Jong Un</s> met Trump."


def test_mark_wraps_the_trigger():
    assert mark("Police arrested them.", 0, (0, 6), None, (7, 15)) == "<s>Police</s> <e>arrested</e> them."


def test_penta_of_type_puts_appeals_with_statements():
    assert penta_of_type("REQUEST") == 0 and penta_of_type("ASSAULT") == 4 and penta_of_type("NONE") is None


def test_a_missing_model_says_how_to_rebuild_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="make model"):
        EventClassifier(tmp_path)


@pytest.mark.parametrize("text, expected", [
    ("<s>Police</s> <e>arrested</e> <t>dozens of protesters</t> outside parliament on Tuesday.", "COERCE"),
    ("<s>Russian forces</s> <e>shelled</e> <t>Kharkiv</t> overnight, killing four civilians.", "ASSAULT"),
    ("<s>The foreign minister</s> held <e>talks</e> with <t>his Chinese counterpart</t> in Beijing.", "CONSULT"),
    ("<s>Thousands of protesters</s> <e>marched</e> on parliament, demanding that the government resign.", "PROTEST"),
    # the first shipped model read labour marches as no event (campaign rallies are none); fixed by
    # the trigger-pooled model trained on more labelled candidates (the 21st session's model, reading
    # 32 word pieces, is less sure of it: 0.55 an event, still kept as a PROTEST)
    ("<s>Thousands of teachers</s> <e>marched</e> through the capital demanding higher pay.", "PROTEST"),
])
def test_clear_events_get_their_type(text, expected):
    """What the stage uses: the best type, and an event probability the policy keeps."""
    reading = load_classifier().predict([text])[0]
    assert reading.best_type == expected and reading.p_event >= default_policy().drop_below


@pytest.mark.parametrize("text", [
    "<s>The Nifty</s> has been <e>rallying</e> for five sessions as banks gained.",
    "<s>City</s> <e>attacked</e> from the first whistle and scored twice before half-time.",
])
def test_markets_and_sport_are_no_events(text):
    assert load_classifier().predict([text])[0].label == "NONE"


def test_a_candidate_gets_the_same_probabilities_whatever_else_is_classified_with_it():
    clf = load_classifier()
    texts = ["<s>Police</s> <e>arrested</e> <t>a man</t>.", "<s>The Nifty</s> <e>rallied</e> on Monday as banks gained.",
             "<s>Japan</s> <e>protested</e> to <t>China</t> over the incursion, officials in Tokyo said on Tuesday."] * 4
    alone = [clf.predict([t])[0] for t in texts[:3]]
    together = clf.predict(texts)
    assert [p.label for p in together] == [p.label for p in alone] * 4
    assert [p.probs for p in together] == [p.probs for p in alone] * 4


def test_the_model_folder_ships_its_tokenizer_labels_and_policy():
    names = {p.name for p in MODEL_DIR.iterdir()}
    assert {"event-classifier.onnx", "tokenizer.json", "labels.json", "policy.json", "report.json"} <= names


def test_a_text_read_before_is_answered_from_memory():
    clf = load_classifier()
    text = "<s>Reuters</s> reported that <s>Chile</s> <e>expelled</e> <t>two diplomats</t> on a Sunday in May."
    first = clf.predict([text])[0]
    assert clf.predict([text])[0] is first

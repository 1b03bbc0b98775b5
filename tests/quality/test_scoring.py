"""How bench/mixed_news.py matches a coded event to a labelled one (RUBRIC.md, "Intentions")."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def mixed(bench_module):
    return bench_module("mixed_news")


def coded(mixed, type_, cameo, trigger=(10, 16)):
    return mixed.Coded("doc", (0, 80), trigger, "word", type_, "asserted", [], cameo=cameo)


def label(type_, mode, trigger=(10, 16)):
    return {"type": type_, "mode": mode, "trigger": list(trigger)}


def test_a_promise_coded_as_plover_codes_it_matches_the_deed_labelled_hypothetical(mixed):
    assert mixed.same_type(coded(mixed, "AGREE", "033"), label("AID", "hypothetical")) == "intention"
    assert mixed.same_type(coded(mixed, "THREATEN", "133"), label("PROTEST", "hypothetical")) == "intention"
    assert mixed.same_type(coded(mixed, "REJECT", "125"), label("CONSULT", "negated")) == "intention"


def test_the_intended_deed_must_be_the_one_its_cameo_code_names_on_the_same_word(mixed):
    assert mixed.same_type(coded(mixed, "AGREE", "036"), label("AID", "hypothetical")) is None
    assert mixed.same_type(coded(mixed, "AGREE", "033"), label("AID", "asserted")) is None  # a deed done
    assert mixed.same_type(coded(mixed, "AGREE", "033"), label("AID", "hypothetical", (30, 36))) is None
    assert mixed.same_type(coded(mixed, "AGREE", "033"), label("AGREE", "asserted", (30, 36))) == "type"


def test_pooled_articles_add_up_and_their_interval_brackets_the_pooled_figure(mixed):
    right, wrong = mixed.Tally(coded=4, strict=4, gold=5, recalled_strict=4), mixed.Tally(coded=4, strict=1, gold=8,
                                                                                           recalled_strict=1)
    whole = mixed.pooled([right, wrong, right])
    assert (whole.coded, whole.strict, whole.gold, whole.recalled_strict) == (12, 9, 18, 9)
    ci = mixed.interval([right, wrong, right], draws=500)
    assert ci["strict_precision"][0] < 0.75 < ci["strict_precision"][1]
    assert ci["strict_recall"][0] < 0.5 < ci["strict_recall"][1]
    assert mixed.interval([right] * 5, draws=50)["strict_precision"] == (1.0, 1.0)  # no spread, no width


def test_plv_type_accuracy_is_printed_with_an_interval_that_holds_it(bench_module):
    plv = bench_module("plv")
    low, high = plv.wilson(159, 205)
    assert 0.70 < low < 159 / 205 < high < 0.84
    assert plv.wilson(205, 205)[1] == pytest.approx(1.0) and plv.wilson(205, 205)[0] < 1.0
    assert "95% 0.714 to 0.827" in plv.Result(n=205, type=159, quad=176, source_type=144, none=15).row("model")

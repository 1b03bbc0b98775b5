"""CAMEO codes of requests: asking, urging, calling on and appealing are CAMEO 02x (Appeal), only
demanding, insisting and "must" are 10x (Demand); PLOVER codes both as REQUEST."""

import pytest


def event_on(rules_pipeline, text, trigger):
    return next(e for e in rules_pipeline.article(text).events if e.trigger == trigger)


@pytest.mark.parametrize("text, trigger, cameo", [
    ("China urged Japan to release the fishermen.", "urged", "020"),
    ("The UN called on Israel to halt the offensive.", "called", "020"),
    ("Pakistan asked China for economic aid.", "asked", "023"),
    ("Germany called for talks between Russia and Ukraine.", "called", "026"),
    ("Ukraine pleaded with Germany to send tanks.", "pleaded", "020"),
    ("Britain said Russia should return the helicopter.", "return", "025"),
    ("Russia demanded that Ukraine withdraw its troops.", "demanded", "100"),
    ("Japan demanded the release of its citizens from North Korea.", "demanded", "1053"),
    ("Serbia insisted on talks with Kosovo.", "insisted", "100"),
    ("Britain said Russia must return the helicopter.", "return", "105"),
])
def test_appeals_are_cameo_02_and_demands_cameo_10(rules_pipeline, text, trigger, cameo):
    event = event_on(rules_pipeline, text, trigger)
    assert (event.type, event.cameo) == ("REQUEST", cameo)


@pytest.mark.parametrize("text, trigger", [
    ("Germany called for talks between Russia and Ukraine.", "talks"),
    ("The United States sought the extradition of the suspect from Mexico.", "extradition"),
    ("Ukraine pleaded with Germany to send tanks.", "send"),
    ("The UN called on Israel to halt the offensive.", "halt"),
])
def test_what_is_asked_for_is_never_asserted(rules_pipeline, text, trigger):
    assert event_on(rules_pipeline, text, trigger).modality == "hypothetical"


def test_a_date_after_the_verb_is_no_particle_of_it(rules_pipeline):
    # "call on" is a request; "called on Tuesday" is not, and a "for" after the date still is
    dated = rules_pipeline.article("The French president called on Tuesday as the talks resumed in Paris.")
    assert not [e for e in dated.events if e.trigger == "called"]
    asked = event_on(rules_pipeline, "Iran called on Friday for the United States to lift sanctions.", "called")
    assert (asked.type, asked.cameo) == ("REQUEST", "020")

"""Attributed claims: reported speech and cognition with speaker, cue, content and kind."""

import pytest

from tidings.quotes import claim_at


def claims_of(pipeline, text):
    return pipeline.article(text).claims


def only(pipeline, text):
    (claim,) = claims_of(pipeline, text)
    return claim


@pytest.mark.parametrize("text, kind, cue", [
    ("Joe Biden said that the talks were productive.", "statement", "said"),
    ("Antony Blinken told reporters the ceasefire was holding.", "statement", "told"),
    ("Emmanuel Macron believes that the alliance is stronger than ever.", "assessment", "believes"),
    ("Olaf Scholz argues the budget rules are too strict.", "assessment", "argues"),
    ("Joe Biden said that Russia will test the alliance.", "prediction", "said"),
    ("Emmanuel Macron suggests that the talks might fail.", "prediction", "suggests"),
    ("Kim Jong Un warned that North Korea would respond.", "prediction", "warned"),
    ("Olaf Scholz fears that prices are rising.", "prediction", "fears"),
    ("The ministry denied that troops had crossed the border.", "denial", "denied"),
])
def test_each_kind_of_claim(pipeline, text, kind, cue):
    claim = only(pipeline, text)
    assert (claim.kind, claim.cue) == (kind, cue)


def test_claim_spans_slice_speaker_cue_and_content(pipeline):
    article = pipeline.article("After the vote, Joe Biden said that the bill will pass the Senate.")
    (c,) = article.claims
    text = article.text
    assert text[c.content_start:c.content_end] == c.content == "that the bill will pass the Senate"
    assert text[c.cue_start:c.cue_end] == c.cue == "said"
    assert text[c.speaker["start"]:c.speaker["end"]] == c.speaker["text"] == "Joe Biden"
    assert c.speaker["name"] == "Joe Biden" and c.speaker["country"] == "USA"
    assert c.start == c.speaker["start"] and c.end == c.content_end


def test_according_to_x_is_a_claim_of_the_rest_of_the_sentence(pipeline):
    c = only(pipeline, "According to Antony Blinken, the envoys will meet in Geneva next month.")
    assert c.cue == "According to" and c.speaker["name"] == "Antony Blinken"
    assert c.content == "the envoys will meet in Geneva next month" and c.kind == "prediction"


def test_according_to_x_at_the_end_of_a_sentence(pipeline):
    c = only(pipeline, "Turnout fell by four points, according to the electoral commission.")
    assert c.content == "Turnout fell by four points" and c.speaker["text"] == "the electoral commission"


def test_group_speakers_have_their_words_and_no_actor(pipeline):
    c = only(pipeline, "However, analysts say the central bank may cut rates again.")
    assert c.speaker["text"] == "analysts" and c.speaker["actor_id"] is None and c.kind == "prediction"


def test_some_fear_that_is_a_prediction_by_some(pipeline):
    c = only(pipeline, "Some fear that the strike will spread to the ports.")
    assert c.speaker["text"] == "Some" and c.kind == "prediction" and c.content.startswith("that the strike")


def test_an_outline_of_expected_steps_is_a_prediction(pipeline):
    c = only(pipeline, "Emmanuel Macron outlined the expected reforms.")
    assert c.content == "the expected reforms" and c.kind == "prediction"


def test_a_speaker_inherited_by_a_second_verb(pipeline):
    c = only(pipeline, "Emmanuel Macron, speaking in Paris, stressed that Europe must act together.")
    assert c.speaker["name"] == "Emmanuel Macron" and c.kind == "statement"


def test_a_negated_cue_makes_no_claim(pipeline):
    assert claims_of(pipeline, "Joe Biden did not say that the talks had failed.") == []


def test_a_claim_inside_another_claim_is_part_of_it(pipeline):
    (c,) = claims_of(pipeline, "Joe Biden said that aides believe the deal is close.")
    assert c.cue == "said" and "believe" in c.content


def test_a_quotation_of_several_sentences_is_the_whole_content(pipeline):
    c = only(pipeline, "“The port is closed. Nobody gets through,” the harbour master said.")
    assert c.content == "“The port is closed. Nobody gets through,”"


def test_a_first_person_claim_inside_a_quote_is_the_quote_speaker(pipeline):
    text = "Emmanuel Macron spoke in Lyon on Tuesday.\n“We have done a lot. I think the worst is over.”"
    (c,) = [c for c in claims_of(pipeline, text) if c.cue == "think"]
    assert c.speaker["text"] == "I" and c.speaker["name"] == "Emmanuel Macron"


def test_a_name_and_a_colon_in_a_headline(pipeline):
    c = only(pipeline, "Joe Biden: the coalition will survive the winter")
    assert c.cue == ":" and c.speaker["name"] == "Joe Biden" and c.kind == "prediction"


def test_claim_at_finds_the_claim_holding_an_offset(pipeline):
    article = pipeline.article("Prices rose in March. Joe Biden said that Russia will attack Ukraine.")
    at = article.text.index("attack")
    assert claim_at(article, at, at + len("attack")).speaker["name"] == "Joe Biden"
    assert claim_at(article, article.text.index("rose")) is None

"""Sentence starts from the layout: new lines and wire datelines, set before parsing (nlp/layout.py)."""

import pytest

from tidings.nlp.layout import dateline_ends, wrapped


@pytest.mark.parametrize("text, lead", [
    ("ISTANBUL -- President Erdogan met the envoy.", "President"),
    ("KHARTOUM, March 16 (Xinhua) -- Sudan's president received an invitation.", "Sudan"),
    ("MOSCOW (Sputnik) - A court in Ecuador revoked the decision.", "A court"),
    ("UNITED NATIONS — The Security Council adopted a resolution.", "The Security"),
    ("Reuters KHARTOUM (Reuters) -- Qatar's emir called Bashir.", "Qatar"),
    ("A headline\n\nWASHINGTON (AP) — The Senate voted.", "The Senate"),
    ("KABUL (Pajhwok): President Ashraf Ghani has held a meeting.", "President"),
    ("GOMA, Democratic Republic of Congo, Jan 27 (Reuters) - M23 rebels seized the town.", "M23"),
    ("WASHINGTON, D.C., Jan 5 (AP) - The president said.", "The president"),
    # two words or more in capitals before a short dash: a place, not a lone word's heading
    ("WHITE HOUSE - Democratic lawmakers left a meeting with Trump.", "Democratic"),
    # a lone word in capitals that names a big city
    ("NAIROBI - Sudan's paramilitary Rapid Support Forces killed at least 40 people.", "Sudan"),
    ("BRUSSELS - European Union foreign ministers agreed new sanctions on Iran.", "European"),
    # two cities, as wires write a story filed from both
    ("JERUSALEM/CAIRO, Jan 9 (Reuters) - Israel and Hamas are close to a deal.", "Israel"),
    ("SRINAGAR/ISLAMABAD - India's defence minister warned Pakistan.", "India"),
])
def test_a_dateline_ends_where_the_lead_begins(text, lead):
    assert [text[end:end + len(lead)] for end in dateline_ends(text)] == [lead]


@pytest.mark.parametrize("text", [
    "US - China talks resumed on Monday.",
    "NATO - Russia council met in Brussels.",
    "The NATO - Russia council met in Brussels.",
    "BREAKING - Trump wins the primary.",
    "President Erdogan -- who spoke first -- met the envoy.",
    "UPDATE: The Senate voted.",
])
def test_headings_and_asides_are_no_datelines(text):
    assert dateline_ends(text) == []


def test_the_lead_sentence_keeps_its_subject_after_a_dateline(pipeline):
    article = pipeline.article("ISTANBUL -- Turkish President Recep Tayyip Erdogan accused Greece of "
                               "violating its airspace on Thursday.")
    assert article.sentences[-1].text.startswith("Turkish President")
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    assert accusations and "Erdogan" in accusations[0].sources[0]["text"]  # not "ISTANBUL"
    assert article.text.startswith("ISTANBUL -- ")  # the text and its offsets are untouched


def test_a_headline_without_a_full_stop_is_a_sentence_of_its_own(pipeline):
    article = pipeline.article("Trump Slams Clinton Over Emails In Ohio Speech\n\n"
                               "Donald Trump accused Hillary Clinton of lying on Tuesday.")
    assert [s.text for s in article.sentences][:2] == [
        "Trump Slams Clinton Over Emails In Ohio Speech", "Donald Trump accused Hillary Clinton of lying on Tuesday."]
    accusations = [e for e in article.events if e.trigger == "accused"]
    assert accusations and accusations[0].sources[0]["text"] == "Donald Trump"


def test_a_line_that_opens_in_lower_case_continues_the_sentence(pipeline):
    article = pipeline.article("The minister said on Tuesday that the talks\nwould resume in Geneva next week.")
    assert len(article.sentences) == 1


def test_text_wrapped_at_a_fixed_width_breaks_sentences_at_blank_lines_only():
    from tidings.nlp.model import load_nlp

    text = ("The foreign minister said on Tuesday that the talks with the government of\n"
            "President Emmanuel Macron would resume in Geneva next week, according to a\n"
            "statement released by the ministry in Ankara late on Monday evening after a\n"
            "meeting of the National Security Council chaired by the president himself.\n"
            "Officials in Paris declined to comment on the statement when reached by phone.\n\n"
            "Turkey Recalls Envoy\n\nAnkara recalled its ambassador from Paris on Friday.\n")
    assert wrapped(text)
    sents = [s.text.strip() for s in load_nlp()(text).sents if s.text.strip()]
    assert sents[0].startswith("The foreign minister") and sents[0].endswith("himself.")
    assert "Ankara recalled its ambassador from Paris on Friday." in sents  # the headline stays apart


def test_prose_with_a_paragraph_a_line_is_not_wrapped():
    assert not wrapped("A headline\nThe first paragraph is one long line of prose that runs on for well over a hundred "
                       "characters, as extracted web text does.\nShort one.\nAnother paragraph.\nAnd a last one.\n")


def test_the_lead_after_a_dateline_runs_to_its_full_stop():
    from tidings.nlp.model import load_nlp

    # left free, the parser took the preset start for a sentence of one word ("South")
    doc = load_nlp()("SEOUL - South Korea summoned a senior Japanese diplomat on Tuesday. Tokyo rejected the protest.")
    assert [s.text for s in doc.sents] == ["SEOUL -", "South Korea summoned a senior Japanese diplomat on Tuesday.",
                                           "Tokyo rejected the protest."]

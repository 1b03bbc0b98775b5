"""Headlines whose verb the small parser read as a noun are parsed again as clauses."""

from __future__ import annotations

import pytest

from tidings.nlp.model import load_nlp

BODY = "\n\nThe story itself starts on this line."


def _headline(text: str):
    return next(iter(load_nlp()(text + BODY).sents))


@pytest.mark.parametrize("headline, verb, subject, obj", [
    ("Niger junta expels French ambassador", "expels", "junta", "ambassador"),
    ("Pakistan arrests militant leader", "arrests", "Pakistan", "leader"),
    ("Protesters storm parliament in Baghdad", "storm", "Protesters", "parliament"),
    ("Trump Slams Clinton Over Emails", "Slams", "Trump", "Clinton"),
    # the parser reads these as verbs already, their doer hung on them as a modifier, not a subject
    ("Beijing sanctions U.S. defence firms over Taiwan arms sale", "sanctions", "Beijing", "firms"),
    ("Mali junta expels French ambassador", "expels", "junta", "ambassador"),
    # the verb read as the subject of an infinitive, and a base form after two joined names
    ("Niger junta orders French ambassador to leave", "orders", "junta", "ambassador"),
    ("Pakistan, Afghanistan trade fire at border crossing", "trade", "Afghanistan", "fire"),
])
def test_a_headline_verb_read_as_a_noun_becomes_the_root_with_its_subject_and_object(headline, verb, subject, obj):
    sent = _headline(headline)
    root = sent.root
    assert (root.text, root.pos_) == (verb, "VERB")
    assert root.lemma_ == verb.lower().removesuffix("s")
    assert [c.text for c in root.children if c.dep_ == "nsubj"] == [subject]
    assert [c.text for c in root.children if c.dep_ == "dobj"] == [obj]


def test_a_headline_that_is_a_noun_phrase_stays_one():
    root = _headline("Iran nuclear talks").root
    assert (root.text, root.pos_) == ("talks", "NOUN")


def test_a_function_word_is_never_taken_for_a_verb():
    sent = _headline("Oil prices in Europe")
    assert [t.pos_ for t in sent if t.text == "in"] == ["ADP"]


def test_a_sentence_with_a_full_stop_is_no_headline_and_keeps_its_parse():
    text = "Niger junta expels French ambassador."
    doc = load_nlp()(text)
    with load_nlp().select_pipes(disable=["tidings_headlines"]):
        plain = load_nlp()(text)
    assert [(t.dep_, t.head.i) for t in doc] == [(t.dep_, t.head.i) for t in plain]


def test_the_text_and_the_other_sentences_are_untouched():
    text = "North Korea fires ballistic missile into sea" + BODY
    doc = load_nlp()(text)
    assert doc.text == text
    sents = list(doc.sents)
    assert len(sents) == 2 and sents[1].text.startswith("The story")
    assert sents[0].root.text == "fires"


def test_a_headline_event_has_its_source_and_target(pipeline):
    article = pipeline.article("Niger junta expels French ambassador" + BODY)
    event = next(e for e in article.events if e.trigger == "expels")
    assert [s["text"] for s in event.sources] == ["Niger junta"]
    assert [t["text"] for t in event.targets] == ["French ambassador"]


def test_an_infinitive_root_with_a_plural_subject_of_its_own_keeps_its_parse():
    root = _headline("Colombia, ELN rebels extend ceasefire but talks stall over kidnappings").root
    assert root.text == "extend"

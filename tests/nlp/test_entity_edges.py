"""Entities end on the name, not on its possessive marker nor a word short of it (nlp/entity_edges.py)."""

import pytest
from spacy.tokens import Span

from tidings.nlp.entity_edges import entity_edges
from tidings.nlp.model import load_nlp


@pytest.mark.parametrize("text, name", [
    ("Paul Manafort's firm denied it.", "Paul Manafort"),
    ("Trey Gowdy’s office slammed a lawsuit.", "Trey Gowdy"),
])
def test_a_persons_possessive_is_not_part_of_the_name(text, name):
    doc = load_nlp()(text)
    assert name in [e.text for e in doc.ents]
    assert not any(e.text.endswith(("'s", "’s")) for e in doc.ents)


def test_a_trailing_marker_is_cut_and_a_lone_token_kept():
    nlp = load_nlp()
    doc = nlp.make_doc("Senator Jones' bill passed and ' was odd.")
    doc.ents = [Span(doc, 1, 3, label="PERSON"), Span(doc, 6, 7, label="PERSON")]
    entity_edges(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Jones", "PERSON"), ("'", "PERSON")]


def test_the_component_runs_after_the_tagger():
    names = load_nlp().pipe_names
    assert names.index("tidings_entity_edges") == names.index("ner") + 1


def test_a_persons_name_the_tagger_cut_short_takes_its_last_word():
    doc = load_nlp()("Opposition leader Maria Corina Machado told reporters that her coalition had won.")
    assert "Maria Corina Machado" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_a_name_the_parser_hung_apart_takes_its_last_word_too():
    # "Corina" an apposition of "leader", "Machado" a modifier of the verb: no compound to follow
    doc = load_nlp()("Venezuelan security forces detained opposition leader Maria Corina Machado after she "
                     "addressed a rally in Caracas on Thursday, her party said.")
    assert "Maria Corina Machado" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_a_name_is_not_extended_over_a_common_noun_or_another_entity():
    doc = load_nlp()("The Hillary Clinton campaign said Donald Trump Jr. had met Russian lawyers.")
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert not any("campaign" in p for p in people)


def test_a_surname_met_later_is_the_person_not_a_place(pipeline):
    text = ("Opposition leader Maria Corina Machado said her coalition had won. "
            "Maduro said prosecutors would investigate Machado.")
    mentions = {m.text: m.actor_id for m in pipeline.article(text).actor_mentions}
    assert mentions["Machado"] == mentions["Maria Corina Machado"]

"""Entities end on the name, not on its possessive marker (nlp/entity_edges.py)."""

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

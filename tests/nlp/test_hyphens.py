"""Hyphenated verbs kept whole, so that the parser reads them as verbs."""

from __future__ import annotations

import pytest

from tidings.nlp.hyphens import forms, verbs
from tidings.nlp.model import load_nlp


def test_forms_inflect_the_base():
    assert list(forms("test-fire")) == ["test-fire", "test-fires", "test-fired", "test-firing"]
    assert list(forms("test-launch")) == ["test-launch", "test-launches", "test-launched", "test-launching"]


@pytest.mark.parametrize("text, verb, lemma", [
    ("North Korea test-fired two short-range ballistic missiles into the sea.", "test-fired", "test-fire"),
    ("Iran test-launched a new rocket on Monday.", "test-launched", "test-launch"),
    ("North Korea test-fires new missile", "test-fires", "test-fire"),
    # split, the prefix was taken for the verb: "re" the root, "opened" hung on it
    ("Israel re-opened the Rafah crossing on Sunday.", "re-opened", "reopen"),
    ("Qatar co-hosted the talks with Egypt.", "co-hosted", "co-host"),
])
def test_a_hyphenated_verb_is_one_token_and_the_root_of_its_clause(text, verb, lemma):
    doc = load_nlp()(text)
    token = next(t for t in doc if t.text == verb)
    assert token.pos_ == "VERB" and token.dep_ == "ROOT" and token.lemma_ == lemma


def test_a_title_case_form_is_one_token_with_the_base_as_lemma():
    token = next(t for t in load_nlp()("North Korea Test-Fires New Missile") if t.text == "Test-Fires")
    assert token.lemma_ == "test-fire"


def test_each_listed_verb_has_one_hyphen_and_a_lemma_of_its_own_letters():
    for verb, lemma in verbs().items():
        assert verb.count("-") == 1 and lemma in (verb, verb.replace("-", ""))

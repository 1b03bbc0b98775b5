"""Hyphenated verbs kept whole by the tokenizer: "test-fired", "test-launches", "co-operated".

spaCy splits a word at its hyphens ("test", "-", "fired"), and the small model then reads the verb
as an adjective of its object: "North Korea test-fired two missiles into the sea" was parsed as one
noun phrase headed by "missiles", with no verb at all. Kept as one token, each form is tagged a verb
and parsed as the clause's root, with its base form as lemma (the lemmatizer would give
"test-launche" for "test-launched").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.symbols import ORTH

VERBS = ("test-fire", "test-launch", "co-operate", "self-immolate")


def forms(verb: str) -> Iterator[str]:
    """The verb's inflected forms: base, third person, past, present participle."""
    stem = verb[:-1] if verb.endswith("e") else verb
    yield verb
    yield verb + ("es" if verb.endswith(("ch", "sh", "s", "x")) else "s")
    yield verb + ("d" if verb.endswith("e") else "ed")
    yield stem + "ing"


def keep_whole(nlp: Language, verbs: tuple[str, ...] = VERBS) -> None:
    """Make the tokenizer keep each form of ``verbs`` (lower case, capitalised and title case) as one
    token, and the attribute ruler give it the verb's base form as lemma."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for verb in verbs:
        for form in forms(verb):
            for cased in {form, form.capitalize(), form.title()}:
                nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])
            if ruler is not None:
                ruler.add([[{"LOWER": form}]], {"LEMMA": verb})

"""Hyphenated verbs kept whole by the tokenizer: "test-fired", "re-opened", "co-hosted".

spaCy splits a word at its hyphens ("test", "-", "fired"), and the small model then reads the verb
as an adjective of its object, or its prefix as the verb: "North Korea test-fired two missiles into
the sea" was parsed as one noun phrase headed by "missiles", with no verb at all, and "Israel
re-opened the crossing" with "re" as its root. Kept as one token, each form is tagged a verb and
parsed as the clause's root, with the lemma ``data/hyphenated_verbs.tsv`` gives (the lemmatizer
would give "test-launche" for "test-launched").
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from spacy.language import Language
from spacy.symbols import ORTH

from ..datafiles import package_rows


@cache
def verbs() -> dict[str, str]:
    """Each hyphenated verb of ``data/hyphenated_verbs.tsv`` (its base form) and its lemma."""
    return {row["verb"]: row["lemma"] for row in package_rows("tidings.nlp", "hyphenated_verbs.tsv")}


def forms(verb: str) -> Iterator[str]:
    """The verb's inflected forms: base, third person, past, present participle."""
    stem = verb[:-1] if verb.endswith("e") else verb
    yield verb
    yield verb + ("es" if verb.endswith(("ch", "sh", "s", "x")) else "s")
    yield verb + ("d" if verb.endswith("e") else "ed")
    yield stem + "ing"


def keep_whole(nlp: Language, lemmas: dict[str, str] | None = None) -> None:
    """Make the tokenizer keep each form of the verbs (``lemmas``: base form to lemma; default the
    data file's) in lower case, capitalised and title case as one token, and the attribute ruler give
    it the verb's lemma."""
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    for verb, lemma in (verbs() if lemmas is None else lemmas).items():
        for form in forms(verb):
            for cased in {form, form.capitalize(), form.title()}:
                nlp.tokenizer.add_special_case(cased, [{ORTH: cased}])
            if ruler is not None:
                ruler.add([[{"LOWER": form}]], {"LEMMA": lemma})

"""Statements as candidates: a verb of saying whose statement the classifier may find to be an act.

"Clinton tweeted that Sanders had sided with the gun lobby" is Clinton's criticism of Sanders
(ACCUSE), though no word of it is in the trigger lexicon. With the event model on, each verb of
saying (``data/statements.tsv``) that the lexicon does not already code becomes a draft of type
``STATEMENT``; the rules read its roles and modality like any other, and the ``classify`` slot
(learned.py) either gives it one of the verbal types the classifier was trained to find in
statements, or drops it. Without the model, no statement is a candidate.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from spacy.tokens import Token

from .lexicon import Trigger

STATEMENT = "STATEMENT"
# the types a statement can be an act of: criticising, praising, refusing or denying, asking,
# threatening, promising or agreeing
STATEMENT_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "REQUEST", "THREATEN", "AGREE"})


@cache
def statement_verbs() -> frozenset[str]:
    """The lemmas of ``data/statements.tsv``."""
    text = resources.files("tidings.events").joinpath("data", "statements.tsv").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines()[1:]]
    return frozenset(line for line in lines if line and not line.startswith("#"))


def statement_trigger(tok: Token) -> Trigger | None:
    """The pseudo-entry of a verb of saying, or None for any other word."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in statement_verbs():
        return None
    return Trigger((tok.lemma_.lower(),), "VERB", frozenset(), STATEMENT, None, None, "01", False)

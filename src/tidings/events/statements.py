"""Statements as candidates: a verb of saying whose statement the classifier may find to be an act.

"Clinton tweeted that Sanders had sided with the gun lobby" is Clinton's criticism of Sanders
(ACCUSE), though no word of it is in the trigger lexicon. With the event model on, each verb of
saying or characterising ("called him a liar"; ``data/statements.tsv``) that the lexicon does not
already code becomes a draft of type ``STATEMENT``; the rules read its roles and modality like any
other, and the ``classify`` slot (learned.py) either gives it one of the verbal types the
classifier was trained to find in statements, or drops it. Without the model, no statement is a candidate.
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


HEARERS = ("to", "object", "none")  # where a verb of ``data/statements.tsv`` names whom it was told to
KINDS = ("says", "characterises")  # a verb that only reports saying, or one that characterises someone


@cache
def _statement_rows() -> dict[str, tuple[str, str]]:
    """The lemmas of ``data/statements.tsv``, each with its hearer (``HEARERS``) and kind (``KINDS``)."""
    text = resources.files("tidings.events").joinpath("data", "statements.tsv").read_text(encoding="utf-8")
    verbs = {}
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        verb, hearer, kind = line.split("\t")
        if hearer not in HEARERS:
            raise ValueError(f"statements.tsv line {number}: hearer {hearer!r} is not one of {', '.join(HEARERS)}")
        if kind not in KINDS:
            raise ValueError(f"statements.tsv line {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        verbs[verb] = (hearer, kind)
    return verbs


@cache
def statement_verbs() -> dict[str, str]:
    """The lemmas of ``data/statements.tsv``, each with where it names its hearer (``HEARERS``)."""
    return {verb: hearer for verb, (hearer, _) in _statement_rows().items()}


def hearer_of(verb: Token) -> str:
    """Where a statement's verb names whom it was told to: "to", "object" or "none"."""
    return statement_verbs().get(verb.lemma_.lower(), "none")


def only_says(verb: Token) -> bool:
    """Whether a verb of ``data/statements.tsv`` only reports saying ("said", "tweeted"), not
    characterising ("called him a liar")."""
    row = _statement_rows().get(verb.lemma_.lower())
    return row is not None and row[1] == "says"


def statement_trigger(tok: Token) -> Trigger | None:
    """The pseudo-entry of a verb of saying, or None for any other word."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in statement_verbs():
        return None
    if _refers_to_what_is_said(tok):
        return None
    return Trigger((tok.lemma_.lower(),), "VERB", frozenset(), STATEMENT, None, None, "01", False)


def _refers_to_what_is_said(verb: Token) -> bool:
    """"What Trump said about Mexico was a lie", "the claims he made": the verb only names something said, in a
    clause that describes it, and reports no statement of its own."""
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return False
    return verb.dep_ == "relcl" or any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.children)

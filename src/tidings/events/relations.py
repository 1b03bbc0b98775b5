"""Relations as candidates: a verb by which one actor acts on another, though the lexicon lacks it.

"The United States returned the sculpture to Algeria" and "Germany is willing to provide support
to Palestinian refugees" report events in words the trigger lexicon does not list with those
objects. With the event model on, a verb whose subject and object (or the object of one of its
prepositions: "to", "against", "with" ...) could name actors becomes a draft of type ``RELATION``;
the rules read its roles and modality like any other, and the ``classify`` slot (learned.py) reads
it only when the rules found a known source and a known target, then gives it the type the
classifier reads in the sentence or drops it. The classifier reads such a sentence with its
source and target marked and no trigger, as it was trained on PLV sentences whose relation the
lexicon does not name. ``data/relations.tsv`` lists verbs that never make one (be, have, win ...).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from .datafiles import rows
from .lexicon import Trigger, TriggerLexicon

RELATION = "RELATION"
SUBJECTS = {"nsubj", "nsubjpass"}
OBJECTS = {"dobj", "dative"}
# prepositions whose object is the other party of an act: "sent to", "against", "with", "on" ...
PARTY_PREPOSITIONS = {"to", "against", "with", "on", "for", "into", "from", "toward", "towards", "over", "at"}


@cache
def never_relations() -> frozenset[str]:
    """The lemmas of ``data/relations.tsv``."""
    return frozenset(r["verb"] for r in rows("relations.tsv"))


def parties(verb: Token) -> list[Token]:
    """The heads of whom the verb acts on: its objects and its party prepositions' objects (and the
    subject of a passive with a "by" phrase: "was attacked by police")."""
    heads = [c for c in verb.children if c.dep_ in OBJECTS]
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS
              for g in c.children if g.dep_ == "pobj"]
    if any(c.dep_ == "agent" for c in verb.children):
        heads += [c for c in verb.children if c.dep_ == "nsubjpass"]
    return heads


def acted_on(verb: Token, words: Iterable[Token]) -> bool:
    """Whether one of the words heads a party the verb acts on: one of ``parties``, or the object of
    a party preposition that the parser hung lower in the object's phrase ("returned a sculpture of
    the emperor to Algeria's ambassador"), with no other verb between ("felt the need to obtain
    documents from the foundation" does not act on the foundation). A word compounded into a noun
    ("a White House council") is no party; an owner is ("China's exports")."""
    heads = parties(verb)
    return any(_heads_party(verb, tok, heads) for tok in words)


def _heads_party(verb: Token, tok: Token, heads: list[Token]) -> bool:
    if tok in heads or (tok.dep_ == "poss" and tok.head in heads):  # "reduced tariffs on China's exports"
        return True
    if not (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in PARTY_PREPOSITIONS):
        return False
    for up in tok.ancestors:
        if up.i == verb.i:
            return True
        if up.pos_ in ("VERB", "AUX"):
            return False
    return False


def relation_trigger(tok: Token, lexicon: TriggerLexicon) -> Trigger | None:
    """The pseudo-entry of a verb with a subject and another party, or None: for any other word,
    for a verb of ``data/relations.tsv``, and for one the lexicon says is no event ("met its fate")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() in never_relations():
        return None
    if not any(c.dep_ in SUBJECTS for c in tok.children) or not parties(tok) or lexicon.refuses(tok):
        return None
    return Trigger((tok.lemma_.lower(),), "VERB", frozenset(), RELATION, None, None, "", False)

"""Participle clauses hung on a verb (", accusing the opposition of ..."): what such a clause is to
the verb it hangs on. The parser gives them all one edge (``advcl`` with a ``VBG`` participle); the
rules of roles and modality read them four ways, each a predicate here. Beside them, whether a word
heads an infinitive (``has_to``), which the rules ask of verbs and of words the tagger took for
nouns, and the deed a verb of preventing keeps its object from (``kept_from``)."""

from __future__ import annotations

from spacy.tokens import Token

from .datafiles import words

PREVENTING = words("preventing")
WARNING_AGAINST = words("warning_against")


def kept_from(tok: Token) -> Token | None:
    """The verb of preventing that keeps its object from the deed ``tok`` ("police would prevent
    protesters from blocking roads": "prevent" for "blocking"), else None."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in PREVENTING:
        return tok.head.head
    return None


def warned_against(tok: Token) -> Token | None:
    """The verb of warning whose object is warned against the deed ``tok`` ("cautioned Washington
    against selling arms", "warned Israel against an invasion": "cautioned", "warned"; "warned
    Hezbollah about attacking", a gerund with no subject of its own), else None."""
    prep = tok.head
    warned = prep.dep_ == "prep" and prep.head.lemma_.lower() in WARNING_AGAINST
    if warned and tok.dep_ in ("pcomp", "pobj") and prep.lower_ == "against":
        return prep.head
    if warned and tok.dep_ == "pcomp" and prep.lower_ == "about" and not any(c.dep_ == "nsubj" for c in tok.children):
        return prep.head
    return None


def is_participle_clause(tok: Token) -> bool:
    """A present participle hung on a verb as a clause ("..., killing seven civilians")."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG"


def consequence(tok: Token) -> bool:
    """A participle with no subject of its own ("shelled villages, killing seven civilians"): what
    the verb's act led to, done by the verb's subject."""
    return is_participle_clause(tok) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def act_of_its_own(tok: Token) -> bool:
    """A participle with an object of its own ("declared martial law, accusing the opposition of
    anti-state activities"): whom it acts on is its own event's party, not the verb's."""
    return is_participle_clause(tok) and any(c.dep_ == "dobj" for c in tok.children)


def circumstance(tok: Token, verb: Token) -> bool:
    """A participle between the subject and the verb ("West African leaders, meeting in Abuja,
    warned ..."): where or how the subject was, not whom the verb acts on."""
    return is_participle_clause(tok) and tok.i < verb.i


def about_the_subject_above(verb: Token) -> bool:
    """A participle after a comma whose object is a pronoun that agrees with the subject of the
    clause it hangs on ("to order Israel to halt its operations, accusing it of genocide"): a
    pronoun never stands for its own clause's subject, so the participle is not that subject's
    act but the sentence's (South Africa accuses, and does so as a fact)."""
    if not is_participle_clause(verb) or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return False
    head = verb.head
    if head.i == verb.sent.root.i:
        return False
    pronoun = next((c for c in verb.children if c.dep_ == "dobj" and c.tag_ == "PRP"), None)
    subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if pronoun is None or subject is None:
        return False
    return (pronoun.lower_ == "it" and subject.tag_ in ("NNP", "NN")) or \
        (pronoun.lower_ == "them" and subject.tag_ in ("NNPS", "NNS"))


def has_to(tok: Token) -> bool:
    """Whether an infinitive's "to" hangs on the word ("to bar Muslims", "offered to host talks" with
    "host" tagged as a noun)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


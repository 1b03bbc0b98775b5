"""What kind of claim: statement, assessment, prediction or denial.

A denial cue ("denied that ...") gives a denial. Otherwise content about the future or
hypothetical is a prediction: its main verb (or a verb coordinated with it) has a future or
modal auxiliary ("will", "may", "might", "could", "would"), a hedging adverb ("probably"), a
conditional subordinator ("if"), or depends on a word of expectation ("is expected to",
"is likely to", "is going to", "plans to"); a nominal content is a prediction when such a word
modifies it ("North Korea's expected tactics"). So is the content of a prediction cue ("some
fear that ..."). Anything else keeps the cue's kind: a statement or an assessment. The cues
are in data/hedges.tsv.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import load_lexicon

PREDICATE_CONJ = ("conj",)


def _word(token: Token) -> tuple[str, str]:
    return token.lower_, token.lemma_.lower()


def _hedged(predicate: Token, hedges: dict[str, frozenset[str]]) -> bool:
    aux, heads = hedges.get("aux", frozenset()), hedges.get("head", frozenset())
    adverbs, marks = hedges.get("adverb", frozenset()), hedges.get("mark", frozenset())
    for child in predicate.children:
        word, lemma = _word(child)
        if child.dep_ in ("aux", "auxpass") and (word in aux or lemma in aux):
            return True
        if child.dep_ in ("advmod", "amod") and (word in adverbs or lemma in adverbs):
            return True
        if child.dep_ == "amod" and lemma in heads:  # "expected tactics"
            return True
        if child.dep_ == "mark" and word in marks:
            return True
        if child.dep_ in ("acomp", "xcomp") and (word in heads or lemma in heads) and any(
                c.dep_ == "xcomp" for c in child.children):  # "is likely to", "are set to"
            return True
    word, lemma = _word(predicate)
    has_infinitive = any(c.dep_ == "xcomp" for c in predicate.children)
    return (word in heads or lemma in heads) and has_infinitive  # "is expected to", "plans to"


def is_prediction(root: Token) -> bool:
    """Whether content headed by ``root`` is about the future or hypothetical."""
    hedges = load_lexicon().hedges
    predicates = [root] + [c for c in root.children if c.dep_ in PREDICATE_CONJ and c.pos_ in ("VERB", "AUX")]
    for predicate in predicates:
        if _hedged(predicate, hedges):
            return True
        for child in predicate.children:  # "is expected to ...": the verb under the head word
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX") and _hedged(child, hedges):
                return True
    return False


def kind_of(cue_kind: str, root: Token | None) -> str:
    """The kind of a claim from its cue's kind and the head of its content."""
    if cue_kind == "denial":
        return "denial"
    if root is not None and is_prediction(root):
        return "prediction"
    return cue_kind

"""Who did what to whom: the source and target actors of a trigger, from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..model import ActorMention

# from a role word down to the words that make up the same actor phrase ("X and Y", "X's Y")
PHRASE_DEPS = {"conj", "compound", "amod", "nmod", "poss", "appos", "nummod", "det", "cc", "punct", "case"}
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"to", "against", "with", "on", "into", "toward", "towards", "at", "from", "over", "for", "upon", "of"}
NOMINAL_SOURCE_PREPS = {"by"}
LIGHT_VERB_DEPS = {"dobj", "attr", "nsubjpass"}
# verbs that carry a nominal event without adding one: "held talks", "launched an attack"
LIGHT_VERBS = {"hold", "have", "conduct", "launch", "stage", "carry", "make", "give", "issue", "lodge",
               "file", "sign", "begin", "start", "resume", "restart", "continue", "open", "mount", "wage",
               "announce", "impose", "reach", "strike", "seal", "pay", "deliver", "offer", "extend", "hold"}


@dataclass
class Roles:
    sources: list[ActorMention]
    targets: list[ActorMention]


class MentionIndex:
    """Actor mentions of a doc, found by the tokens they cover."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], names: dict[str, str] | None = None) -> None:
        self.names = names or {}  # actor id -> canonical name
        self.by_token: dict[int, ActorMention] = {}
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, m)

    def phrase(self, head: Token) -> list[ActorMention]:
        """The resolved actor mentions in the noun phrase headed by ``head``, conjuncts included,
        not looking into its prepositional phrases or clauses."""
        found: list[ActorMention] = []
        stack, seen = [head], set()
        while stack:
            tok = stack.pop()
            if tok.i in seen:
                continue
            seen.add(tok.i)
            m = self.by_token.get(tok.i)
            if m is not None and m.actor_id is not None and m not in found:
                found.append(m)
            stack.extend(c for c in tok.children if c.dep_ in PHRASE_DEPS)
        return sorted(found, key=lambda m: m.start)


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether the clause is passive; inherited through xcomp and conj."""
    t = verb
    for _ in range(4):
        for child in t.children:
            if child.dep_ in SUBJECT_DEPS:
                return child, False
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                return child, True
        if t.dep_ in ("xcomp", "conj", "advcl") and t.head is not t:
            t = t.head  # "North Korea agreed to release ..." / "... and sent troops"
            continue
        if t.dep_ == "relcl":  # "troops that crossed the border": the noun it modifies
            return t.head, False
        break
    return None, False


def _agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def verb_roles(verb: Token, index: MentionIndex) -> Roles:
    subject, passive = _subject_of(verb)
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    if passive:
        agent = _agent_of(verb)
        if agent is not None:
            sources = index.phrase(agent)
        if subject is not None:
            targets = index.phrase(subject)
    elif subject is not None:
        sources = index.phrase(subject)
    if not targets:
        for child in verb.children:
            if child.dep_ in OBJECT_DEPS:
                targets = index.phrase(child)
                if not targets:  # "sent troops to Russia": the object is a thing, look past it
                    for obj in _prep_objects(child, TARGET_PREPS - {"of"}):
                        targets = targets or index.phrase(obj)
                if targets:
                    break
    if not targets:
        for obj in _prep_objects(verb, TARGET_PREPS - {"of", "from"}):
            targets = index.phrase(obj)
            if targets:
                break
    if not targets and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ == "VERB":
        # "formed an alliance with Russia, sending troops": the participle shares the target
        targets = [t for t in verb_roles(verb.head, index).targets if t not in sources]
    return Roles(sources, [t for t in targets if t not in sources])


def noun_roles(noun: Token, index: MentionIndex) -> Roles:
    """Roles of a nominal event: "North Korea's attack on X", "the defection of a soldier to Y",
    or, for "held talks", the subject of the light verb."""
    sources: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
            sources = sources or index.phrase(child)
    for obj in _prep_objects(noun, NOMINAL_SOURCE_PREPS | {"between", "among"}):
        sources = sources or index.phrase(obj)
    targets: list[ActorMention] = []
    for obj in _prep_objects(noun, TARGET_PREPS - {"of"}):
        targets = targets or index.phrase(obj)
    of_objects = _prep_objects(noun, {"of"})
    if of_objects and not sources:
        sources = index.phrase(of_objects[0])  # "the defection of a North Korean soldier"
    if not sources and noun.dep_ in LIGHT_VERB_DEPS and noun.head.lemma_.lower() in LIGHT_VERBS:
        verb_side = verb_roles(noun.head, index)
        sources = verb_side.sources
        targets = targets or [t for t in verb_side.targets if t.start > noun.idx]
    return Roles(sources, [t for t in targets if t not in sources])

"""Who did what to whom when a noun names the event: "the attack on Kyiv", "Russia's invasion of
Ukraine", "held talks with", "sanctions imposed by the US". The roles of the verb that carries such a
noun (a light verb: "launched an attack") or of its participle ("carried out by"), its possessive
and its "by", "of" and "from" phrases; verbs' own roles are roles.py's.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.gender import PRONOUNS as PRONOUN_GENDER
from ..actors.mentions import head_of
from ..model import ActorMention
from .datafiles import words
from .modality import RESPONSIBLE
from .roles import (TIME_PREPS, MentionIndex, Roles, _agent_of, _prep_objects, _subject_of, nearest_actors,
                    verb_roles)

OWNER_PRONOUNS = {"his", "her", "its", "their"}
NOMINAL_SOURCE_PREPS = {"by"}
# verbs whose object noun comes "from" its source: "drew criticism from", "received aid from"
BACKING_NOUNS = words("backing_nouns")
RECEIVING = words("receiving")
LIGHT_VERB_DEPS = {"dobj", "attr", "nsubjpass", "pobj"}
# verbs that carry a nominal event without adding one: "held talks", "launched an attack"
LIGHT_VERBS = words("light_verbs")
# light verbs whose passive participle names, with "by", who carried the event out ("sanctions
# imposed by the US"); not those whose agent only takes part in it ("talks hosted by Qatar")
CARRYING_VERBS = words("carrying_verbs")
# nouns that count a nominal event without being one: "began a new round of joint exercises"
COUNTING_NOUNS = words("counting_nouns")
# nouns of one who gives what their "of" phrase names: "the largest donor of humanitarian assistance"
GIVER_NOUNS = words("giver_nouns")


def _pronoun_owner(pronoun: Token, noun: Token, index: MentionIndex) -> list[ActorMention]:
    """"Kirk rescinded his endorsement of Trump", "the FBI is expanding its probe": a possessive
    pronoun the actor stage left open stands for the subject of the clause holding its noun, where
    they agree (his and her: a person of that gender; its: no person). Not of a harm or legal action
    the owner suffers ("visited the protesters before their arrest": they are arrested, by no one
    the clause names)."""
    if noun.lemma_.lower() in SUFFERED:
        return []
    if (acted_on := _cause_owner(pronoun, noun, index)) is not None:
        return acted_on
    t = noun
    for _ in range(6):
        if t.head.i == t.i:
            return []
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            subject, passive = _subject_of(t)
            if subject is None or passive:
                return []
            word = pronoun.lower_
            if word == "their" and _plural_between(subject, pronoun):
                return []  # "The AP surveyed these delegates and noted their endorsements": whose is open
            return [m for m in index.group(subject) if _agrees(word, m, index)]
    return []


CAUSE_PREPS = {"for", "over"}
ACTED_ON_PREPS = {"on", "against", "to"}


def _agrees(word: str, mention: ActorMention, index: MentionIndex) -> bool:
    """Whether a possessive pronoun may stand for the actor: his and her for a person known to be of
    that gender (not merely not known otherwise), its for no person, their for any."""
    if word in PRONOUN_GENDER:
        return mention.actor_id in index.people and index.gender(mention.actor_id) == PRONOUN_GENDER[word]
    return mention.actor_id is not None and (word == "their" or mention.actor_id not in index.people)


def _cause_owner(pronoun: Token, noun: Token, index: MentionIndex) -> list[ActorMention] | None:
    """"The United States condemned Russia for its invasion of Ukraine", "sanctions on Belarus over its
    crackdown": a possessive in a "for" or "over" phrase stands for whom the clause acts on, where
    they agree; None where the clause acts on no one it could stand for."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in CAUSE_PREPS:
        return None
    verb = noun.head.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for o in [verb, *objects] for c in o.children if c.dep_ == "prep" and c.lower_ in ACTED_ON_PREPS
                for g in c.children if g.dep_ == "pobj" and g.i < noun.i]
    found = [m for o in objects for m in index.group(o) if _agrees(pronoun.lower_, m, index)]
    return found or None


def _plural_between(subject: Token, pronoun: Token) -> bool:
    """Whether a plural noun outside the subject's phrase stands between the subject and "their":
    a second group the pronoun may stand for."""
    own = {t.i for t in subject.subtree}
    return any(t.tag_ in ("NNS", "NNPS") and t.i not in own for t in pronoun.doc[subject.i + 1:pronoun.i])


SUFFERED = words("suffered_by_owner")  # nouns whose owner suffers them: "their arrest", "his killing"
# not "about": "documents made public by the FBI about its investigation"; "into": "opened a probe into
# brake complaints", the parser hanging "into" on the verb
TOPIC_PREPS = {"over", "into"}


def is_light(verb: Token) -> bool:
    """Whether a verb is a light verb, also when the small model mislemmatises it ("staged" -> "stag")."""
    word = verb.lower_
    return verb.lemma_.lower() in LIGHT_VERBS or (word.endswith("ed") and (word[:-1] in LIGHT_VERBS or word[:-2] in LIGHT_VERBS))


def counted_by(noun: Token) -> Token:
    """The noun that counts a nominal event ("round" in "a new round of talks", "wave" in "a wave of
    attacks"), which stands where the event would; else the noun itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in COUNTING_NOUNS:
        return prep.head
    return noun


def light_verb(noun: Token) -> Token | None:
    """The light verb carrying a nominal trigger: "held talks", "launched a mediation effort",
    "engaged in ethnic cleansing"."""
    base = noun
    while base.dep_ == "compound" and base.head.i != base.i:
        base = base.head
    prep = base.head
    base = counted_by(base)  # "a new round of talks" is carried as the talks would be
    if base.dep_ == "pobj" and prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children):
        base = prep.head  # "conduct significant events, such as a nuclear test": the test is conducted
    if base.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in RESPONSIBLE \
            and prep.head.dep_ in ("acomp", "dobj") and prep.head.head.i != prep.head.i:
        return prep.head.head  # "the cartel has been responsible for mass killings": whoever is
    if base.dep_ not in LIGHT_VERB_DEPS:
        return None
    if base.dep_ == "pobj" and base.head.lower_ in TIME_PREPS | TOPIC_PREPS:
        # "after the attacks, Trump issued a statement": a time, not what the verb carries; "lodged a
        # protest over the detention of a businessman": what it is about, someone else's deed
        return None
    verb = base.head.head if base.dep_ == "pobj" else base.head
    return verb if is_light(verb) else None


def _carrying_participle(noun: Token) -> tuple[Token, Token] | None:
    """The participle that carries a nominal event and its agent: "sanctions imposed by the US",
    "the attack carried out by Hamas", "the protest filed by Tolentino"."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in CARRYING_VERBS:
            agent = _agent_of(c)
            if agent is not None:
                return c, agent
    return None


def _giver_described(noun: Token) -> Token | None:
    """The subject a giver noun describes, for the gift its "of" phrase names: "the United States
    remains the largest donor of humanitarian assistance in Iraq"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in GIVER_NOUNS \
            or prep.head.dep_ != "attr":
        return None
    return next((c for c in prep.head.head.children if c.dep_ == "nsubj"), None)


def _in_from_phrase(mention: ActorMention, doc) -> bool:
    """Whether a mention is the object of "from" ("... of the suspect from Mexico")."""
    head = head_of(doc, mention)
    return head is not None and head.dep_ == "pobj" and head.head.lower_ == "from"


def _owns_object(obj: Token, actors: list[ActorMention]) -> bool:
    """Whether the actors found in an "of" object are only the owners of a thing that is none of
    them ("Crutcher's death", "Trump's tax returns")."""
    owners = [c for c in obj.children if c.dep_ == "poss"]
    return bool(owners) and all(any(o.idx <= m.start < o.idx + len(o.text) or m.start <= o.idx < m.end for o in owners)
                                and not m.start <= obj.idx < m.end for m in actors)


def noun_roles(noun: Token, index: MentionIndex, hostile: bool = False, sent_from: bool = False) -> Roles:
    """Roles of a nominal event: "North Korea's attack on X", "the defection of a soldier to Y",
    "Russia's invasion of Ukraine", or, for "held talks", the subject of the light verb. For a
    ``hostile`` noun (an attack, a blockade, an arrest) "of X" names whom it is done to; for a noun
    ``sent_from`` its source ("criticism from Republicans", "aid from Japan"), "from X" names it."""
    sources: list[ActorMention] = []
    # "the Ukraine invasion", "the Gaza genocide": a state's name compounded into a hostile noun is
    # whom it is done to; its doer would be named by an adjective ("the Russian invasion"), or by
    # an abbreviation, which has none ("last month's U.S. invasion")
    suffering: list[ActorMention] = []
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ == "led" and child.i < noun.i:
            # "a Saudi-led strike": the leader, which the parser hangs on "led", acts
            sources = sources or [m for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod")
                                  for m in index.phrase(c)]
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i:
            # "the Tulsa protest", "the Paris attacks": a city or capital compounded into the noun
            # says where, not who (a capital possessing it, "Pyongyang's threats", still acts)
            found = [m for m in index.phrase(child) if not (m.method in ("place", "metonym") and child.dep_ == "compound")]
            if hostile and child.dep_ == "compound" and child.pos_ == "PROPN" and found \
                    and all(m.actor_id == m.country for m in found) and not child.text.replace(".", "").isupper():
                # (not a demonym on a weapon compounded into it: "Russian missile strikes")
                suffering = suffering or found
                continue
            sources = sources or found
    for obj in _prep_objects(noun, NOMINAL_SOURCE_PREPS | {"between", "among"} | ({"from"} if sent_from else set())):
        sources = sources or index.group(obj)
    if sent_from and not sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING:
        # "drew sharp criticism from China", with "from" hung on the verb
        for obj in (o for o in _prep_objects(noun.head, {"from"}) if o.i > noun.i):
            sources = sources or index.group(obj)
    of_objects = _prep_objects(noun, {"of"})
    of_actors = index.group(of_objects[0]) if of_objects else []
    # "a protest of Crutcher's death": the owner of what the noun is of is no agent of it
    owners_only = bool(of_actors) and _owns_object(of_objects[0], of_actors)
    targets = nearest_actors(noun, index, sources) or suffering
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children)
    # "received the endorsement of Gov. Mike Pence": what is received comes from its "of" actor
    received = noun.dep_ == "dobj" and noun.head.lemma_.lower() in RECEIVING
    if of_actors and not sources and (owned or hostile) and not received:
        targets = of_actors  # "Israel mounted its invasion of South Lebanon": the owner acts
        givers = [m for m in of_actors if _in_from_phrase(m, noun.doc)]
        if givers:  # "the extradition of the suspect from Mexico": Mexico hands the suspect over
            sources, targets = givers, [m for m in of_actors if m not in givers]
    elif of_actors and not sources and not owners_only:
        sources = of_actors  # "the defection of a North Korean soldier"
    elif of_actors and not targets:
        targets = of_actors  # "Russia's invasion of Ukraine"
    carried = _carrying_participle(noun) if not sources else None
    if carried is not None:  # "sanctions imposed by the US on Iran": the agent acts on the participle's target
        participle, agent = carried
        sources = index.group(agent)
        targets = [t for t in targets if t not in sources] or nearest_actors(participle, index, sources)
    if not sources and (giver := _giver_described(noun)) is not None:
        sources = index.group(giver)
    verb = light_verb(noun) if not sources else None
    if verb is not None and verb.lemma_.lower() == "have" and noun.lemma_.lower() in BACKING_NOUNS \
            and noun.dep_ == "dobj":
        # "Clinton has 31 endorsements in the Senate": who has backing receives it
        givers = [m for obj in _prep_objects(noun, {"from", "in", "among"}) for m in index.group(obj)]
        return Roles(givers, [m for m in verb_roles(verb, index).sources if m not in givers])
    if verb is not None:
        verb_side = verb_roles(verb, index)
        sources = verb_side.sources
        targets = targets or [t for t in verb_side.targets if t.start > noun.idx]
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS), None)
    if not sources and owner is not None:
        sources = _pronoun_owner(owner, noun, index)
    if not targets:  # "its demands that Burundi's government grant ...": who is to act
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and
                       any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        subject = next((g for g in clause.children if g.dep_ == "nsubj"), None) if clause is not None else None
        targets = index.group(subject) if subject is not None else []
    return Roles(sources, [t for t in targets if t not in sources])

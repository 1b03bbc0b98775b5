"""Who did what to whom: the source and target actors of a trigger, from the dependency parse."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ..actors.evidence import describes_person
from ..actors.gender import PRONOUNS as PRONOUN_GENDER, fits
from ..actors.mentions import MentionIndex as ActorMentionIndex, head_of
from ..model import ActorMention, Article
from ..nlp.layout import dateline_matches, sure_dateline
from ..quotes.lexicon import load_lexicon as quote_cues
from .datafiles import rows, word_kinds, words
from .lexicon import for_clause, load_lexicon
from .participles import (about_the_subject_above, act_of_its_own, circumstance, has_to, is_participle_clause,
                          kept_from)
from .statements import statement_verbs

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
RELATIVE_TAGS = {"WP", "WDT"}  # who, which, that (as a relative pronoun)
FINITE_TAGS = {"VBD", "VBZ", "VBP"}
# verbs of asking, whose object is asked to do what their complement says: "urged Japan to release",
# "asked the UN to send", "wants the UK to extradite"; what is asked has not happened
ASKING = words("asking")
COMMANDING = words("commanding")  # asking verbs by which a state moves its own forces
# and other verbs whose object does what their complement says ("allowed the refugees to return");
# verbs like "promise" keep their subject as the doer and are not listed
OBJECT_CONTROL = ASKING | {"allow", "permit", "force", "compel", "help", "enable", "authorize", "authorise",
                           "oblige", "prompt"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
TARGET_PREPS = {"to", "against", "with", "on", "into", "toward", "towards", "at", "from", "over", "for", "upon", "of"}
# edges followed, nearest first, when looking below a trigger for its target
TARGET_EDGES = {"dobj", "dative", "attr", "oprd", "prep", "pobj", "pcomp", "xcomp", "ccomp", "acomp", "conj"}
# what an act went through, never whom it was done to: "through its embassy in Beijing". Not "near":
# "killed in a bombing near Samarra, Iraq" is coded by where it happened (located_source)
ROUTE_PREPS = {"through", "via"}
SKIPPED_PREPS = {"according", "by", "of", "as", "since", "after", "before", "during", "despite", "because",
                 "like", "than", "amid", "including", "besides"} | ROUTE_PREPS
# "leaders of X", "thousands of X", "doctors from X", "a spokesman for X": a group noun whose members' affiliation names the actor
MEMBER_PREPS = {"of", "from", "for"}
TIME_PREPS = {"after", "before", "since", "during", "following", "amid", "until", "despite", "because"}
# conjunctions the parser may take for prepositions before a clause of their own ("after X warned")
CLAUSE_PREPS = {"after", "before", "since", "until", "till", "once"}
PLACE_PREPS = {"in", "throughout", "across", "inside"}
# passives that describe the subject's own stance, not something done to it: "Israel is opposed to ..."
STATIVE_PASSIVES = words("stative_passives")
SUM_PARTICIPLES = words("sum_participles")
PARTICIPLE_OPENERS = {"if", "once", "when", "unless", "until"}  # "if convicted", "once elected"
PERCEPTION_VERBS = words("perception")  # "We heard shooting": the perceiver is no party to the act
PRONOUNS = {"he", "she", "they", "it", "we", "i"}
BOUND_OBJECTS = {"him", "her", "them"}  # object pronouns that cannot stand for their own clause's subject


@dataclass
class Roles:
    sources: list[ActorMention]
    targets: list[ActorMention]


class MentionIndex(ActorMentionIndex):
    """The shared actor-mention index, with the group-noun lookups that roles need. A dateline's
    place is where the reporter files from, never a party ("NAIROBI - Sudan's paramilitary Rapid
    Support Forces killed ...", where the parser hangs NAIROBI on the subject); nor is a speaker the
    parser hung on a noun as its apposition (``_speaker_hung_as_appos``)."""

    @classmethod
    def of(cls, article: Article, mentions: list[ActorMention] | None = None) -> MentionIndex:
        found = article.actor_mentions if mentions is None else mentions
        return super().of(article, _outside_hung_speakers(_outside_datelines(found, article.doc.text), article.doc))

    def group(self, head: Token) -> list[ActorMention]:
        """The actors of a phrase, looking through a group noun without one: "leaders of the
        opposition", "thousands of Iraqi Kurds", "doctors from two American aid groups"."""
        found = self.phrase(head)
        t = head
        for _ in range(3):
            if found or t.pos_ not in ("NOUN", "NUM", "PRON", "PROPN"):
                break
            inner = _prep_objects(t, MEMBER_PREPS)
            if not inner:
                break
            t = inner[0]
            found = self.phrase(t)
        if not found and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ != "ORG" and not _event_subject(head):
            # "students throughout Indonesia", "settlers in the West Bank": people placed in a state;
            # not an event placed there ("Truck attack in France kills at least 80": France is where),
            # nor a body named for where it works ("the United Nations Verification Mission in Colombia")
            for place in _prep_objects(head, PLACE_PREPS):
                found = [m for m in self.phrase(place) if m.country and m.actor_id == m.country]
                if found:
                    break
        return found


def _outside_datelines(mentions: list[ActorMention], text: str) -> list[ActorMention]:
    """The mentions that are not a dateline's place. A line opening that may be a dateline
    ("NAIROBI -") is one where a city stands in it; a name there may also open a heading ("NATO -
    Russia talks"), and stays."""
    matches = dateline_matches(text)
    return [m for m in mentions if m.start is None or not any(
        d.start() <= m.start and m.end <= d.start("dash") and (sure_dateline(d) or m.method in ("metonym", "place"))
        for d in matches)]


def _outside_hung_speakers(mentions: list[ActorMention], doc: Doc) -> list[ActorMention]:
    """The mentions that are not inside a speaker hung as an apposition (``_speaker_hung_as_appos``)."""
    hung = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in doc if _speaker_hung_as_appos(t)]
    return [m for m in mentions if m.start is None or not any(a <= m.start < b for a, b in hung)] if hung else mentions


def _event_subject(noun: Token) -> bool:
    """A common noun the lexicon reads as an event, as a subject ("Truck attack in France kills at
    least 80"): where it happened is not who did it. A name stays a name ("The UN Support Mission in
    Libya condemned ...")."""
    return noun.pos_ == "NOUN" and noun.dep_ in SUBJECT_DEPS and bool(load_lexicon().types_of(noun))


def _subject_after_preposition(verb: Token) -> Token | None:
    """"The launches came a day after Kim Yo Jong, the sister of Kim Jong Un, warned that ...": a
    finite clause whose conjunction the small model took for a preposition, and its subject for that
    preposition's object, hanging the verb on the main clause; the object is the verb's subject when
    nothing but punctuation stands between its phrase and the verb."""
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ not in CLAUSE_PREPS or not prep.i < verb.i:
            continue
        subject = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if subject is not None and all(t.is_punct for t in verb.doc[prep.right_edge.i + 1:verb.i]):
            return subject
    return None


def _name_hung_as_adverb(verb: Token) -> Token | None:
    """"Republican Mark Tolliver accused his rival ...": a name just before a finite verb with no
    subject, whose words the small model hung on the verb as adverbs ("Mark" npadvmod, "Tolliver"
    advmod), is the verb's subject. None otherwise."""
    if verb.i == 0 or verb.tag_ not in FINITE_TAGS:
        return None
    last = verb.doc[verb.i - 1]
    if last.head.i == verb.i and last.dep_ in ("npadvmod", "advmod") and last.pos_ == "PROPN" \
            and last.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return last
    return None


def _subject_hung_as_conjunct(verb: Token) -> Token | None:
    """"McCain supported it and Cruz, as he has in the past, opposed the measure": the small model joined
    a second clause's subject to the first verb as its conjunct (a name cannot be one) and hung the
    second verb, left with no subject, on the first; the name between them is that verb's subject."""
    if verb.dep_ != "advcl" or verb.tag_ not in FINITE_TAGS:
        return None
    first = verb.head
    return next((c for c in first.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
                 and first.i < c.i < verb.i and any(s.dep_ == "cc" and s.i < c.i for s in first.children)), None)


def _owner_of_gerund(verb: Token) -> Token | None:
    """"Asked about Trump's calling Clinton a bigot, Christie ...": a gerund's possessor is who does it
    (the small model may hang the possessor elsewhere, its "'s" just before the gerund)."""
    if verb.tag_ != "VBG":
        return None
    owner = next((c for c in verb.children if c.dep_ == "poss"), None)
    before = verb.doc[verb.i - 1] if verb.i > 1 else None
    if owner is None and before is not None and before.tag_ == "POS" and before.head.i == verb.i - 2 \
            and before.head.pos_ in ("PROPN", "NOUN"):
        owner = before.head
    return owner


def _is_passive(verb: Token) -> bool:
    """A passive clause, except the stative ones whose subject holds the stance ("is opposed to")."""
    return verb.lemma_.lower() not in STATIVE_PASSIVES or any(c.dep_ == "agent" for c in verb.children)


def _has_object(verb: Token) -> bool:
    """A direct object under a verb parsed as passive, which a passive cannot have."""
    return any(c.dep_ == "dobj" for c in verb.children) and any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s")
                                                                 for c in verb.children)


def _split_subject(subject: Token) -> Token:
    """The head of a noun phrase the parser split into two subjects ("Sudan's paramilitary Rapid
    Support Forces killed ...", with "paramilitary" and "Forces" both subjects): the last of them,
    where the first ends in its own word and runs on into the next ("a group dressed in T-shirts
    marched" keeps its group)."""
    if subject.right_edge.i != subject.i:
        return subject
    for other in subject.head.children:
        if other.i > subject.i and other.dep_ == subject.dep_ and other.left_edge.i == subject.i + 1:
            return _split_subject(other)
    return subject


def _nearest_subject(verb: Token, first: Token) -> Token:
    """Of two subjects the parser hung on one verb with a subordinating word between them, the one
    after that word: "The convoy crossed from Chad after the army-backed government granted
    permission" (the convoy and the government both subjects of "granted", "after" its mark). Without
    one the first stays ("Members of the Association, a body linked to the OAU, investigated")."""
    before = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    marks = [c.i for c in verb.children if c.dep_ == "mark"]
    after = [c for c in before if any(first.i < m < c.i for m in marks)]
    return after[-1] if after else first


def according_to(verb: Token) -> tuple[Token, Token] | None:
    """The source an "according to" phrase on the verb names, and its "according"; None without one."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return obj, child
    return None


def _subject_after_source(verb: Token) -> Token | None:
    """"According to Reuters, Saudi Arabia and Iran agreed ...": the small model joined the subject to
    the source's name as one list ("Reuters, Saudi Arabia and Iran"), leaving the verb with none; the
    first name after the comma is the verb's subject."""
    found = according_to(verb) if verb.tag_ in FINITE_TAGS else None
    if found is None or found[1].i > verb.i:
        return None
    source = found[0]
    joined = next((c for c in source.children if c.dep_ == "conj"), None)
    if joined is not None and any(t.text == "," for t in verb.doc[source.i + 1:joined.left_edge.i]):
        return joined
    return None


def _subject_on_auxiliary(verb: Token) -> Token | None:
    """"Egypt and Qatar are mediating between Israel and Hamas": the small model hung the subject on
    the auxiliary instead of the verb; it is the verb's."""
    return next((g for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
                 for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject and whether the clause is passive; inherited through xcomp and conj."""
    passive_form = any(c.dep_ == "auxpass" for c in verb.children) or _bare_passive_clause(verb)  # "being shot"
    t = verb
    for _ in range(4):
        for child in t.children:
            if child.tag_ in RELATIVE_TAGS and t.dep_ == "relcl" and \
                    (t.head.pos_ == "PROPN" or (t.head.pos_ == "NOUN" and (
                        child.lower_ == "which" or not any(c.dep_ == "poss" for c in t.head.children)))) and \
                    child.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and t.head.i != t.i:
                # "Sen. Claire McCaskill, who has endorsed Clinton": the relative pronoun's antecedent,
                # when it is a name, a body that "which" stands for ("the Saudi government, which has
                # denied any involvement"), or people of no owner ("protesters who stormed parliament";
                # "Trump's campaign manager, who ..." is not Trump); an apposition's is the one it
                # describes ("Bob Corker, a Tennessee Republican who has met Trump")
                head = t.head.head if describes_person(t.head) else t.head
                # "Giffords, who survived being shot": an inherited subject of a passive is its target
                return head, (child.dep_ in PASSIVE_SUBJECT_DEPS and _is_passive(t)) or (t is not verb and passive_form)
            if child.dep_ in SUBJECT_DEPS:
                # "ISIS has to be destroyed": a passive verb's inherited subject is what it is done to
                return _split_subject(_nearest_subject(t, child)), t is not verb and passive_form
            if child.dep_ in PASSIVE_SUBJECT_DEPS and _has_object(t):
                return child, False  # "He's always denied it": "'s" is "has", which the parser took for "is"
            if child.dep_ in PASSIVE_SUBJECT_DEPS:
                if t is not verb and verb.dep_ == "advcl" and any(
                        c.dep_ == "dobj" and c.lower_ in ("it", "him", "her", "them") for c in verb.children):
                    # "Apple was hit with a lawsuit accusing it of ...": whom the participle acts on is
                    # the one the passive acted on, never its doer
                    return None, False
                if t is not verb and not passive_form and not _bare_participle(verb):
                    return child, False  # "was indicted ... and will resign": the subject acts in the active verb
                return child, _is_passive(t)
        if (name := _name_hung_as_adverb(t)) is not None:
            return name, False
        if (joined := _subject_after_source(t)) is not None:
            return joined, False
        if (held := _subject_on_auxiliary(t)) is not None:
            return held, held.dep_ == "nsubjpass"
        if (joined := _subject_hung_as_conjunct(t)) is not None:
            return joined, False
        if (owner := _owner_of_gerund(t)) is not None:
            return owner, False
        if t.dep_ == "advcl" and t.tag_ in FINITE_TAGS and (after := _subject_after_preposition(t)) is not None:
            return after, False
        if t.dep_ == "advcl" and t.tag_ in FINITE_TAGS and any(c.dep_ == "mark" for c in t.children):
            # "Russia pounds Kharkiv as Ukraine strikes oil depot": a clause of its own, with a
            # subject of its own, which a headline's parse may hang on its "as" as an object
            return next((g for c in t.children if c.dep_ == "mark" for g in c.children if g.dep_ == "pobj"),
                        None), False
        if t.dep_ == "conj" and (singular := _singular_subject_said(t)) is not None:
            return singular, False
        if t.dep_ == "conj" and t.tag_ == "VBD" and t.head.tag_ == "VB" and \
                (finite := next((a for a in t.head.ancestors if a.tag_ in FINITE_TAGS | {"VBN"}), None)) is not None:
            # "launched an operation to track down the attackers and killed several of them": a past
            # tense cannot share a bare infinitive; it joins the tensed verb above, whose subject acts
            t = finite
            continue
        if t.dep_ == "advcl" and t.tag_ == "VBD" and t.head.lemma_.lower() in statement_verbs():
            # "..., the ministry said, a day after an attack on a defence company killed five people":
            # a past tense hung on the verb of saying lost its own subject; the speaker did not do it
            return None, False
        if t is verb and about_the_subject_above(t):
            t = t.sent.root  # "asked the court to order Israel to halt its operations, accusing it of genocide"
            continue
        if t.dep_ == "xcomp" and t.head.lemma_.lower() in PERCEPTION_VERBS and not has_to(t):
            return None, False  # "We heard shooting for two hours": who perceives it did not do it
        if t.dep_ in ("xcomp", "conj", "advcl", "acomp") and t.head.i != t.i:
            t = t.head  # "North Korea agreed to release ...", "is willing to send", "... and sent troops"
            continue
        if (preventer := kept_from(t)) is not None and load_lexicon().match(t) is not None and \
                (kept := next((c for c in preventer.children if c.dep_ == "dobj"), None)) is not None:
            # "police would prevent protesters from blocking roads": the protesters block (a deed the
            # lexicon knows; "kept their kids from taking exams in protest": the parents protest)
            return kept, False
        if t.dep_ == "pcomp" and t.head.dep_ == "prep":
            t = t.head.head  # "youths resorted to throwing stones"
            continue
        if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in ("NOUN", "PROPN") and _agent_of(t) is not None:
            # "people evacuated from Haiti by the U.S.": what it is done to, its agent acting (without an
            # agent the participle may name rather than act: "a newspaper called Tishreen")
            return t.head, True
        if t.dep_ == "acl" and (t.head.dep_ == "ROOT" or (t.tag_ == "VBD" and t.head.dep_ in SUBJECT_DEPS)) and (
                t.tag_ == "VBD" or (
                t.tag_ == "VBN" and t.head.pos_ == "PROPN" and _agent_of(t) is None and
                any(c.dep_ in ("dobj", "dative", "oprd", "ccomp") for c in t.children))):
            # "Khodorkovsky, a former oil tycoon, called for sanctions": a finite past tense cannot
            # modify a noun, so the small model took the sentence's subject for its root (or hung
            # it on the subject of a second verb: "The union, ..., called for a strike and warned");
            # nor can a participle with an object and no agent modify a name that is the whole
            # sentence's root ("Trump called Clinton a liar", parsed as "Trump [who was] called ...")
            return t.head, False
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "attr") and t.head.head.i != t.head.i:
            if t.head.head.lemma_.lower() in OPPOSING:
                break  # "vetoed a draft resolution calling for a pause": the vetoer does not call
            t = t.head.head  # "X issued a statement demanding ...": the issuer demands
            continue
        if t.dep_ == "acl" and has_to(t):
            owner = next((c for c in t.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, False  # "Trump's proposal to bar Muslims": whose proposal, plan or decision
        if t.dep_ == "relcl" and t.head.dep_ == "dobj" and t.head.head.lemma_.lower() in SUMMONING and \
                has_to(t):
            t = t.head.head  # "summoned a Pakistani diplomat to protest": the summoner protests
            continue
        if t.dep_ == "relcl":  # "troops that crossed the border": the noun it modifies
            return t.head, False
        break
    return None, False


def _singular_subject_said(verb: Token) -> Token | None:
    """"People close to Sharpton say he likes Clinton, and is probably inclined to endorse her": a
    verb of the third person singular cannot share the plural subject of the verb the parser joined
    it to; it continues the clause said, whose singular subject it takes. None otherwise."""
    head = verb.head
    if verb.tag_ != "VBZ" or head.i >= verb.i:
        return None
    subject = next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not _plural_word(subject):
        return None
    said = [c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBZ"]
    return next((g for c in said for g in c.children if g.dep_ in SUBJECT_DEPS), None)


def _plural_word(tok: Token) -> bool:
    """Whether a subject is plural: a plural noun, "they" or "we"."""
    return tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we")


def _speaker_above(verb: Token) -> Token | None:
    """"Peskov said the claims were false and accused Kyiv of lying": the parser hangs a verb
    joined to "said" on the clause said instead, whose subject (no actor) it then seems to share;
    a tensed verb with no subject of its own, joined inside what a speaker said (or denied, warned,
    confirmed: any reporting cue of the quotes stage that takes a clause), is the speaker's."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ", "VBN") or \
            any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    lexicon = load_lexicon()
    if any(_event_subject(c) for c in verb.head.children) and lexicon.types_of(verb) & lexicon.types_of(verb.head):
        # "an attack on a military base killed two soldiers and wounded 27, Petro said": an act of the
        # same kind as the attack's verb is the attack's (not "the strikes killed ... and vowed to")
        return None
    t = verb.head
    for _ in range(4):
        if t.dep_ == "ccomp" and _reports_clause(t.head):
            return next((c for c in t.head.children if c.dep_ in SUBJECT_DEPS), None)
        if t.head.i == t.i or t.dep_ not in ("xcomp", "advcl", "conj", "ccomp"):
            return None
        t = t.head
    return None


def _carrier(verb: Token) -> Token:
    """The verb an infinitive or participle chain hangs from ("vowed" of "vowed to keep attacking"),
    whose subject the chain shares; the verb itself outside one."""
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _speaker_across_tense(verb: Token) -> Token | None:
    """"Putin said the army would not negotiate, and called on the armed forces to ...": a past or
    present tense cannot share the modal or "to" of the base form the parser joined it to, so it is
    joined to the verb of saying above it, and is the speaker's (``_speaker_above``)."""
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB":
        return _speaker_above(verb)
    return None


# CAMEO codes of acts done in words, which a speaker goes on to do after reporting: appeals (02x),
# criticism and accusations (111, 112)
SPEAKERS_ACTS = ("02", "111", "112")


def _speaker_acting_in_words(verb: Token) -> Token | None:
    """"Sen. Ridgeway said Vance had a troubling record and urged her colleagues to reject him": an
    appeal or accusation in words (``SPEAKERS_ACTS``) with no subject of its own, which the parser
    joined to a verb inside what a speaker said, is the speaker's, even where that verb's subject is
    an actor: news reports what a speaker said and then what the speaker urged or charged. The
    speaker, or None."""
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBZ") or \
            any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children):
        return None
    trigger = load_lexicon().match(verb)
    if trigger is None or not trigger.cameo.startswith(SPEAKERS_ACTS) or \
            any(c.dep_ == "dobj" and c.lower_ in BOUND_OBJECTS for c in verb.children):
        return None  # "... and criticized her": whom a pronoun may stand for is _speaker_on_subject's to weigh
    t, inside = verb.head, False
    for _ in range(8):
        if inside and t.pos_ in ("VERB", "AUX") and _reports_clause(t):
            # the speaker reports first: a verb of saying after the clause is the parser's misreading
            # ("The embassy called the warnings hysteria and accused NATO ..., a charge officials rejected")
            return next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None) if t.i < verb.head.i else None
        if t.head.i == t.i or t.dep_ not in ("ccomp", "pcomp", "conj", "xcomp", "prep", "pobj", "attr", "oprd",
                                             "dobj", "acl", "relcl"):
            return None
        inside = inside or t.dep_ in ("ccomp", "pcomp")
        t = t.head
    return None


def _speaker_on_subject(verb: Token, subject: Token | None, index: MentionIndex) -> Token | None:
    """"Ms. Khan said Mr. Trump was ignorant of Islam and criticized him": a verb joined inside what
    a speaker said, with no subject of its own, whose object is a plain pronoun that could stand
    for the said clause's subject, is the speaker's act on that subject: a pronoun never stands for
    its own clause's subject ("criticized himself" would). The speaker, or None."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or obj is None or obj.lower_ not in BOUND_OBJECTS:
        return None
    if obj.lower_ == "them" and not _plural_word(subject):
        return None
    mentions = index.group(subject)
    if not mentions or not all(agrees(obj, m, index) for m in mentions):
        return None
    return _speaker_above(verb)


def _reports_clause(verb: Token) -> bool:
    """Whether a verb reports what its clause says ("said", "denied that ...")."""
    lemma = verb.lemma_.lower()
    cue = quote_cues().cue(lemma)
    return lemma in statement_verbs() or (cue is not None and "clause" in cue.takes)


def _bare_passive_clause(verb: Token) -> bool:
    """"If convicted on all counts, Lansing could face 25 years": a past participle opening a clause
    of its own with "if", "once", "when" or "unless" and nothing else is passive; the main clause's
    subject is the one it is done to."""
    opened = any(c.dep_ in ("mark", "advmod") and c.lower_ in PARTICIPLE_OPENERS for c in verb.children)
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and opened and \
        not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children)


def _bare_participle(verb: Token) -> bool:
    """"was charged in 2014 and extradited": a participle joined to a verb with no auxiliary of its
    own shares that verb's voice; not one with an object or one who is asked to act, which no
    passive has ("said the election had been stolen and called on Georgians to rally": a past
    tense the tagger took for a participle)."""
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not _active_participle(verb)


def _active_participle(verb: Token) -> bool:
    """An object (not a sum some participles keep), or an asked party right after the verb and an
    infinitive ("called on Georgians to rally"; "was arrested and ordered to pay" has no party)."""
    asked = any(c.dep_ == "prep" and c.i <= verb.i + 2 and any(g.dep_ == "pobj" for g in c.children)
                for c in verb.children)
    # a sum is the one object these participles keep in the passive ("was banned and fined £210,000")
    return any(c.dep_ == "dobj" and not (c.ent_type_ == "MONEY" and verb.lower_ in SUM_PARTICIPLES)
               for c in verb.children) or \
        (asked and any(c.dep_ == "xcomp" for c in verb.children))


def _hyphen_agent(verb: Token) -> Token | None:
    """"an Oman-brokered prisoner swap", "the Qatar-mediated talks": a name a hyphen joins to a past
    participle is who did it."""
    if verb.tag_ != "VBN" or verb.i < 2 or verb.doc[verb.i - 1].text != "-":
        return None
    return next((c for c in verb.children if c.i == verb.i - 2 and c.dep_ in ("npadvmod", "compound", "nmod")
                 and c.pos_ == "PROPN"), None)


def _fired_by(weapon: Token) -> Token | None:
    """Who fired a weapon from afar that a passive names as its agent ("US bases were targeted by
    rockets fired by Iran-backed militias": the militias); None for anything else."""
    if weapon.lemma_.lower() not in word_kinds("attacks.tsv")["standoff"]:
        return None
    return next((a for c in weapon.children if c.dep_ == "acl" and c.tag_ == "VBN"
                 for a in [_agent_of(c)] if a is not None), None)


def _agent_of(verb: Token) -> Token | None:
    """The "by" agent of a passive verb, or of a participle joined to it ("was shot and killed by an
    officer": the officer shot him too)."""
    partners = [c for c in verb.children if _bare_participle(c)]
    if _bare_participle(verb):
        partners.append(verb.head)
    for v in (verb, *partners):
        for child in v.children:
            if child.dep_ == "agent":
                # "by Russian shelling": a gerund the parser took for a verb stands for its doer as a noun would
                agent = next((g for g in child.children if g.dep_ == "pobj"), None) or \
                    next((g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                return (_fired_by(agent) or agent) if agent is not None else None
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        # "Google was fined 2.4 billion euros by the European Commission", "was indicted on 34 counts
        # by a grand jury": the parser hangs the agent on the passive verb's object, or on the object
        # of its preposition
        nouns = [c for c in verb.children if c.dep_ == "dobj"] + \
            [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for obj in nouns:
            for prep in obj.children:
                if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
                    found = next((g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)
                    if found is not None:
                        return found
    return None


@cache
def documents() -> dict[str, frozenset[str]]:
    """``data/documents.tsv``: documents that act for their authors, and the verbs of writing them."""
    return word_kinds("documents.tsv")


def _drafters(subject: Token, index: MentionIndex) -> list[ActorMention]:
    """"The resolution, drafted by the United States, calls on Hamas and Israel to agree to a truce",
    "a joint statement by the G7 leaders", "a letter from the EU": who wrote, signed or issued a
    document that acts, when the text says so."""
    if subject.lemma_.lower() not in documents()["document"]:
        return []
    for child in subject.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            by = [m for g in child.children if g.dep_ == "pobj" for m in index.group(g)]
        elif child.dep_ == "acl" and child.lemma_.lower() in documents()["drafting"]:
            agent = _agent_of(child)
            by = index.group(agent) if agent is not None else []
        else:
            continue
        if by:
            return by
    if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in subject.children):
        return _issuers_before(subject, index)
    return []


def _issuers_before(document: Token, index: MentionIndex, sentences: int = 3) -> list[ActorMention]:
    """"The G7 leaders issued a joint statement on Sunday. The statement urged Russia to withdraw":
    "the statement" is the one issued, signed or released a few sentences before, and acts for
    whoever issued it there (or whom that mention names as its drafters)."""
    doc, sent = document.doc, document.sent
    for _ in range(sentences):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    for tok in reversed(doc[sent.start:document.i]):
        if tok.lemma_.lower() != document.lemma_.lower():
            continue
        drafted = _drafters(tok, index)  # "a joint statement by the G7 leaders was released"
        if not drafted and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in documents()["drafting"]:
            verb = tok.head
            issuer = _agent_of(verb) if tok.dep_ == "nsubjpass" else next(
                (c for c in verb.children if c.dep_ == "nsubj"), None)
            drafted = index.group(issuer) if issuer is not None else []
        if drafted:
            return drafted
    return []


def _prep_objects(token: Token, preps: set[str]) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _quoted(tok: Token) -> bool:
    """Whether a token stands inside quotation marks opened earlier in its paragraph: a quote may
    run over several sentences ('"People say they hate us. They attack us because ...," Clarke
    said'), and a quote left open at a paragraph's end is opened again in the next."""
    paragraph = tok.doc.text.rfind("\n", 0, tok.idx) + 1
    opened, i = 0, tok.i - 1
    while i >= 0 and tok.doc[i].idx >= paragraph:
        opened += tok.doc[i].is_quote
        i -= 1
    return opened % 2 == 1


def _reported_subject(verb: Token, index: MentionIndex) -> list[ActorMention]:
    """For a pronoun subject the actor stage left open, in reported speech ("the rebels said they
    would release ..."): the actors of the reporting clause's subject."""
    t, crossed = verb, False
    for _ in range(6):
        if t.head.i == t.i or t.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "acomp", "parataxis"):
            break
        crossed = crossed or t.dep_ in ("ccomp", "parataxis")
        t = t.head
        subject = next((c for c in t.children if c.dep_ in SUBJECT_DEPS), None)
        if crossed and subject is not None:
            return index.group(subject)
    return []


def agrees(pronoun: Token, mention: ActorMention, index: MentionIndex) -> bool:
    """Whether he or she can stand for the mention's person, whose gender is read as the actors stage
    reads it (MentionIndex.gender): "asking Sanders why he has criticized ..." is not about Andrea
    Mitchell, who asks; nor for a plural noun's group. Other pronouns, actors that are no person and
    unknown genders agree."""
    if pronoun.lower_ in PRONOUN_GENDER and _plural(mention, pronoun.doc):
        return False  # "People close to Sharpton say he likes Clinton": he is no group of people
    return pronoun.lower_ not in PRONOUN_GENDER or mention.actor_id not in index.people or \
        fits(pronoun.lower_, index.gender(mention.actor_id))


def _plural(mention: ActorMention, doc: Doc) -> bool:
    """Whether a mention is headed by a plural common noun ("People", "officials")."""
    head = head_of(doc, mention)
    return head is not None and head.tag_ == "NNS"


CLAIMING = words("claiming")  # ... responsibility for


def responsibility_claimed(tok: Token) -> Token | None:
    """The verb by which someone claims (takes, accepts, admits) responsibility for the deed ``tok``
    names ("Hezbollah claimed responsibility for firing two mortar rounds"), else None."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ != "for":
        return None
    noun = tok.head.head
    return noun.head if noun.lemma_.lower() == "responsibility" and noun.head.lemma_.lower() in CLAIMING else None


def _speaker_hung_as_appos(tok: Token) -> bool:
    """"Russian forces captured the village of Novomykhailivka, the defence ministry in Moscow said":
    the small model took the speaker, just before a verb of saying with no subject, for an apposition
    of the place; it is the speaker, no party to the act."""
    if tok.dep_ != "appos" or tok.right_edge.i + 1 >= len(tok.doc):
        return False
    verb = tok.doc[tok.right_edge.i + 1]
    return verb.lemma_.lower() in statement_verbs() and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _follow(tok: Token) -> bool:
    if tok.dep_ == "prep":
        return tok.lower_ not in SKIPPED_PREPS
    if tok.dep_ == "conj":  # a conjoined clause has roles of its own
        return tok.pos_ not in ("VERB", "AUX") and not _hung_subject(tok)
    return tok.dep_ in TARGET_EDGES


def _hung_subject(tok: Token) -> bool:
    """Whether a conjunct is the subject of a later clause hung on its head (``_subject_hung_as_conjunct``)."""
    return tok.dep_ == "conj" and any(c.dep_ == "advcl" and _subject_hung_as_conjunct(c) == tok
                                      for c in tok.head.children)


def nearest_actors(start: Token, index: MentionIndex, exclude: list[ActorMention]) -> list[ActorMention]:
    """The actors nearest below ``start`` along object, preposition and complement edges,
    breadth first: "sent troops to Russia", "agreed to lift embargoes on sales to Iran",
    "demanded that the US cancel ..." (a complement clause's subject), "arrived in Amman". Whom the
    verb or its object is "against" comes first: "filed a genocide case against Israel at the
    International Court of Justice" is against Israel, not the court where it is filed."""
    for aimed in (g for o in (start, *(c for c in start.children if c.dep_ == "dobj"))
                  for g in _prep_objects(o, {"against"})):
        found = [m for m in index.phrase(aimed) if m not in exclude]
        if found:
            return found
    queue = deque(c for c in start.children if _follow(c) and not _charged_deed(c, start))
    seen = {start.i}
    while queue:
        tok = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        if tok.dep_ not in ("prep", "xcomp", "ccomp", "acomp", "pcomp") and not _border(tok):
            # "broke up thousands of demonstrators outside parliament": a count is its members
            found = [m for m in (index.group(tok) if _count(tok) else index.phrase(tok)) if m not in exclude]
            if found:
                return found
        queue.extend(c for c in tok.children if (_follow(c) and not _purpose(c)) or (
            tok.dep_ == "ccomp" and c.dep_ in ("nsubj", "nsubjpass")))
    return []


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose under a complement that has its object: "threatened to use force to
    restore ousted President Bazoum" threatens whoever the force is used on, not Bazoum, whom it is
    to restore. (Under the trigger itself, "sent troops to help Ukraine", the purpose names the party.)"""
    head = tok.head
    return tok.dep_ == "xcomp" and head.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in head.children)


BORDER_NOUNS = words("border_nouns")


def _border(tok: Token) -> bool:
    """A border places an act and names the state beyond it, no party to the act ("captured the
    town of Bunagana near the Ugandan border")."""
    return tok.lemma_.lower() in BORDER_NOUNS


# verbs whose object's words are not their subject's ("rejected a proposal demanding ...")
OPPOSING = words("opposing")

COUNT_NOUNS = words("count_nouns")


def _count(tok: Token) -> bool:
    """A number or a count of people, whose members are the actors ("thousands of demonstrators")."""
    return tok.pos_ == "NUM" or tok.lemma_.lower() in COUNT_NOUNS


LOOSE_SKIPPED = SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"punct", "cc", "mark", "aux", "auxpass", "neg", "agent",
                                                      "parataxis", "conj"}


def subordinate(tok: Token) -> bool:
    """A clause of its own: "as Americans went to the polls", "after talks failed" (purpose
    clauses, "to protest against X", stay part of the event)."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB")
                                       for c in tok.children)


def dominated_actors(start: Token, index: MentionIndex, exclude: list[ActorMention]) -> list[ActorMention]:
    """The nearest actors anywhere below ``start`` but in its subject, its coordinated and subordinate
    clauses, relative clauses with a subject of their own, purposes below a complement (``_purpose``)
    and "according to": the fallback when no object or preposition names one ("demanded an immediate
    admission by Moscow", "rejected the ultimatum of Belarus's rulers")."""
    queue = deque(c for c in start.children if c.dep_ not in LOOSE_SKIPPED and c.lower_ != "according"
                  and not subordinate(c) and not _route(c) and not act_of_its_own(c) and not circumstance(c, start)
                  and not _claim_of_its_own(c, start)
                  and not _characterisation(c, start) and not _occasion(c) and not _charged_deed(c, start)
                  and not _hung_subject(c))
    while queue:
        tok = queue.popleft()
        if _border(tok):
            continue  # nor its modifiers
        found = [m for m in index.phrase(tok) if m not in exclude]
        if found:
            return found
        queue.extend(c for c in tok.children if c.dep_ not in ("punct", "cc") and c.lower_ != "according"
                     and not _route(c) and not _clause_of_its_own(c) and not _said_of(c) and not _purpose(c))
    return []


def _claim_of_its_own(tok: Token, verb: Token) -> bool:
    """A participle that reports what the subject claims ("have rejected the election results,
    claiming the agency rigged the vote to ensure a win for Mnangagwa"): whoever the claim names is a
    party to what is claimed, not to the act the participle hangs on. Under a statement it goes on
    with what is said ("Giuliani said ..., adding that Clinton showed ... guilt")."""
    return is_participle_clause(tok) and any(c.dep_ == "ccomp" for c in tok.children) and _reports_clause(tok) \
        and verb.lemma_.lower() not in statement_verbs()


def _occasion(tok: Token) -> bool:
    """"Ahead of" or "prior to" on the verb ("Ahead of a visit by Blinken, China released a
    journalist"): whoever the phrase names is a party to the event to come, not whom the verb acts
    on. (What came before or goes on around it often names the party: "called off the strike hours
    after reaching agreement with the government", and "before" as often as not: "denying security
    requests before the attack on the consulate".)"""
    return tok.dep_ == "advmod" and tok.lower_ in ("ahead", "prior")


def _characterisation(tok: Token, verb: Token) -> bool:
    """What the verb's object is called ("condemned the strike as a violation of Syria's
    sovereignty"): whoever it names is no party to the act on the object."""
    return tok.dep_ == "prep" and tok.lower_ == "as" and any(c.dep_ == "dobj" for c in verb.children)


def _charged_deed(tok: Token, verb: Token) -> bool:
    """The deed a verb of charging says its object did ("accused several of them of plotting against
    the government"): whom the deed is done to is that deed's party (``accused_party_acts``), not
    the one accused."""
    return tok.dep_ == "prep" and tok.lower_ in charging().get(verb.lemma_.lower(), ()) and \
        any(c.dep_ == "dobj" for c in verb.children)


def _said_of(tok: Token) -> bool:
    """A relative clause with a subject of its own ("the drills, which Pyongyang calls a rehearsal"):
    what someone else says or does of the noun, whose actors are no party to the act above it (unlike
    "a strike that shut down Kathmandu", whose subject is the relative pronoun)."""
    if tok.dep_ != "relcl":
        return False
    # nor is anyone in what the noun's people say ("met refugees who said they had fled attacks by the RSF")
    return any(c.dep_ in SUBJECT_DEPS and c.tag_ not in RELATIVE_TAGS for c in tok.children) or (
        any(c.dep_ == "ccomp" for c in tok.children) and _reports_clause(tok))


def _clause_of_its_own(tok: Token) -> bool:
    """A finite verb conjoined below the start ("called on both sides to show restraint and offered
    to host talks in Brussels"): its actors are its own event's, not the start's. An infinitive
    shares the start's content ("called on Arabs to unite and mobilize against Sharon")."""
    return tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and (
        tok.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def _route(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in ROUTE_PREPS


ENVOYS = words("envoys")
SUMMONING = words("summoning")  # verbs whose object's infinitive ("to protest") is the subject's purpose


def _own_forces_or_envoys(found: list[ActorMention], sources: list[ActorMention], doc: Doc) -> bool:
    """Whether the actors found are all of the sources' own state and either its armed forces
    ("withdraw American troops from South Korea") or its envoys ("Armenia recalled its ambassador to
    Belarus"): the state moves them, and acts on the state they are in or posted to. Forces first
    of all: a head of government, also commander in chief, is no force moved ("Israelis demanded
    that Netanyahu reach a deal with Hamas"). Forces asked to act are asked, not moved ("Republican
    lawmakers urged the Pentagon to send more weapons to Israel", unlike "ordered American troops to
    withdraw from Syria": the caller checks the verb)."""
    countries = {s.country for s in sources if s.country}
    if not countries or not all(m.country in countries for m in found):
        return False
    if all(m.sectors[:1] == ["MIL"] for m in found):
        return True
    heads = [head_of(doc, m) for m in found]
    return all(h is not None and h.lemma_.lower() in ENVOYS for h in heads)


def _own_state_owning(found: list[ActorMention], sources: list[ActorMention], verb: Token) -> bool:
    """Whether the actors found are all the sources' own state, named as what owns or qualifies the
    verb's object: "Trump described the US alliance with South Korea as a bad bargain", "Erdogan
    reiterated Turkey's support for the GNA"; the owner is the side acting, not the one acted on."""
    # only a state, or someone acting for it, speaks for what its state owns: a party boycotting
    # "Algeria's elections" acts on Algeria
    countries = {s.country for s in sources if s.country and (s.actor_id == s.country or {"GOV", "MIL"} & set(s.sectors))}
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    owners = {t.idx for o in objects for c in o.children if c.dep_ in ("poss", "compound", "amod", "nmod")
              for t in c.subtree}
    return bool(countries and owners) and all(m.actor_id == m.country and m.country in countries
                                              and m.start in owners for m in found)


def _for_to_subject(verb: Token) -> Token | None:
    """"Trump called for Obama to resign": the subject of a "for ... to" clause right after the verb."""
    clause = for_clause(verb)
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None


@cache
def charging() -> dict[str, frozenset[str]]:
    """``data/charging.tsv``: verbs that say someone did something, each with the prepositions that put
    the deed after it ("accused Iran of attacking", "blamed Russia for shelling")."""
    table: dict[str, set[str]] = {}
    for row in rows("charging.tsv"):
        table.setdefault(row["verb"], set()).add(row["preposition"])
    return {verb: frozenset(preps) for verb, preps in table.items()}


def charging_verb(deed: Token) -> Token | None:
    """The verb of charging whose preposition puts the deed after it ("accused Iran of attacking":
    "accused", for "attacking"), or None."""
    prep = deed.head
    if deed.dep_ != "pcomp" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.dep_ == "pobj" and verb.head.dep_ == "agent":
        verb = verb.head.head  # "accused by rights groups of killing": the parser hangs "of" on the accusers
    elif verb.dep_ == "dobj" and prep.lower_ in charging().get(verb.head.lemma_.lower(), ()):
        verb = verb.head  # "accused Ethiopian forces of killing civilians": and on the accused
    return verb if prep.lower_ in charging().get(verb.lemma_.lower(), ()) else None


def _asks_unknown(verb: Token, index: MentionIndex) -> bool:
    """"Zelensky urged Western allies to deliver more air defence systems and to lift restrictions
    on ... targets in Russia": the one asked (or made, or let) to act is the object before the
    infinitive, and the one accused the object before the deed ("accused the administration of
    encouraging hostage-taking by trading a convicted criminal"); where it names no known actor, no
    actor further down is taken for it."""
    lemma = verb.lemma_.lower()
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON") or index.group(obj):
        return False
    if lemma in OBJECT_CONTROL:
        return any(c.dep_ == "xcomp" and has_to(c)
                   for c in verb.children)
    return any(c.dep_ == "prep" and c.lower_ in charging().get(lemma, ()) for c in (*verb.children, *obj.children))


ATTACKED = ("against", "on", "upon", "at")
OUTSIDE_NAMES = ("ORG", "PRODUCT", "PERSON", "FAC", "WORK_OF_ART")  # the small model's labels for firms vary


def _acts_on_outsider(verb: Token, index: MentionIndex) -> bool:
    """Whether the verb's object is a name no actor stands for, a firm ("China sanctioned Lockheed
    Martin over arms sales to Taiwan", "Regulators banned Lumora from selling the app in Brazil"):
    the party acted on is that firm, and an actor further down is not it (better no target). An
    object the verb acts with, beside the party it names ("launched Operation X against Hamas"), is
    not the party; nor is whom a speaker tells ("told Reuters that Russia was lying")."""
    if _reports_clause(verb) or any(c.dep_ == "prep" and c.lower_ in ATTACKED for c in verb.children):
        return False
    return any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" and c.ent_type_ in OUTSIDE_NAMES
               and not index.phrase(c) for c in verb.children)


def verb_roles(verb: Token, index: MentionIndex) -> Roles:
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.dep_ in ("dobj", "dative", "pobj") and \
            _agent_of(verb) is None and (index.group(verb.head) or verb.head.lower_ in ("those", "people")):
        # "Russia released an American teacher jailed on drug charges": a participle after an actor
        # acted on, with no "by", says what was done to that actor, by someone the text does not name
        # here (not by the main clause's subject, who released him; nor "release those detained").
        # After a subject it may be a verb the parser took for a participle ("An official Syrian
        # newspaper called on Arabs to unite")
        return Roles([], index.group(verb.head))
    subject, passive = _subject_of(verb)
    across = _speaker_across_tense(verb)
    bound = None if passive or across is not None else _speaker_on_subject(verb, subject, index)
    if bound is not None:
        return Roles(index.group(bound), index.group(subject))
    across = across or _speaker_acting_in_words(verb)
    sources: list[ActorMention] = []
    targets: list[ActorMention] = []
    if passive:
        agent = _agent_of(verb)
        if agent is not None:
            sources = index.group(agent)
        if subject is not None:
            targets = index.group(subject)
    elif subject is not None:
        sources = index.group(across or subject) or (_drafters(subject, index) if across is None else [])
        if not sources and subject.lower_ in PRONOUNS:
            sources = [m for m in _reported_subject(subject.head, index) if agrees(subject, m, index)]
            if subject.lower_ == "they" and len(sources) == 1 and sources[0].actor_id in index.people and \
                    _quoted(subject):
                sources = []  # '"They had a chance to vote," Ashby said': in one's own words, others
        if not sources and (speaker := _speaker_above(_carrier(verb))) is not None:
            sources = index.group(speaker)
    elif (agent := _hyphen_agent(verb)) is not None:
        sources = index.group(agent)
    if not targets and about_the_subject_above(verb):
        # "to order Israel to halt its operations, accusing it of genocide": "it" is Israel
        targets = index.group(next(c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")))
    if not targets:
        asked = _for_to_subject(verb)
        targets = index.group(asked) if asked is not None else []
    if not targets and (_asks_unknown(verb, index) or _acts_on_outsider(verb, index)):
        return Roles(sources, [])
    owners: list[ActorMention] = []  # the sources' own state owning the object: never the target
    if not targets:
        targets = nearest_actors(verb, index, sources)
        if targets and verb.lemma_.lower() not in ASKING - COMMANDING and \
                _own_forces_or_envoys(targets, sources, verb.doc):
            # "withdraw American troops from South Korea", "recalled its ambassador to Belarus": the
            # source's own forces or envoys are what it moves, not whom it acts on; a further actor,
            # if any, is the target
            targets = nearest_actors(verb, index, sources + targets) or targets
        elif targets and _own_state_owning(targets, sources, verb):
            owners = targets
            targets = nearest_actors(verb, index, sources + owners)
    if not targets and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ == "VERB" and not subordinate(verb) \
            and not (verb.dep_ == "advcl" and verb.tag_ in FINITE_TAGS) \
            and not (verb.dep_ == "conj" and any(c.dep_ in SUBJECT_DEPS for c in verb.children)) and across is None:
        # "formed an alliance with Russia, sending troops": the participle shares the target (a tensed
        # verb hung there is a misparse: "Hackers linked to the Chinese government broke into ..."); a
        # joined clause with a subject of its own does not ("agreed to attend talks in Jeddah, but
        # the army has refused to send a delegation"), nor one joined to the verb of saying above
        targets = [t for t in verb_roles(verb.head, index).targets if t not in sources]
    if not targets and (sources or not passive):  # "X would be met with a response": no guessing
        targets = dominated_actors(verb, index, sources + owners)
    return Roles(sources, [t for t in targets if t not in sources and t not in owners])

"""Which actor a pronoun stands for: the resolver's part that reads "he", "she", "his", "it" and "the
country" back to an actor named before them (``Pronouns``, mixed into ``resolve.Resolver``).

The antecedent is the latest subject within two sentences that can be meant: a person for he or
she, of the same gender where the article or the first name tells (gender.py); a state for "it";
the one leader the article named for a "he" after a state. No guess is made past the latest
subject, except when every subject before is of the other gender. "The two sides" and "both
countries" stand for the last two actors named side by side; "they" and "them" after a subject of
several actors named side by side, for all of them.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..model import Actor
from .gender import fits, person_gender

if TYPE_CHECKING:
    from .kb import KnowledgeBase

PERSON_PRONOUNS = {"he", "she"}
POSSESSIVE_PRONOUNS = {"his", "her"}  # "His campaign said": read as "he" when it owns a subject
PLURAL_TAGS = {"NNS", "NNPS"}
# what "it" may stand for as the subject before it: a state and its bodies, and an armed group ("The RSF
# said it was ready to sign"); not firms, parties or international bodies, lest "Apple said it would
# appeal", Apple being no actor, be read as the Commission's appeal
IT_TYPES = frozenset({"country", "government", "military", "police", "intelligence", "judiciary", "legislature",
                      "armed_group"})
MAX_PRONOUN_DISTANCE = 2  # sentences back to look for a pronoun's antecedent
# conjunctions of a clause put before its main clause, whose pronoun may stand for the main clause's
# subject named after it: "While he does support Clinton, Groberg admits ..."
FORWARD_MARKS = {"while", "although", "though", "as", "when", "after", "before", "because", "since", "if", "once",
                 "whereas", "unless"}
# plural nouns that "the two ..." or "both ..." make a reference to a pair named before: "Armenia and
# Azerbaijan ... The two sides agreed"
PAIR_NOUNS = {"sides", "countries", "nations", "states", "governments", "leaders", "neighbours", "neighbors",
              "rivals", "delegations", "armies", "presidents", "ministers", "embassies", "allies"}


class Pronouns:
    """Pronoun and pair resolution over the resolver's state: ``found`` (mentions so far, in text order),
    ``doc``, ``kb``, ``day``, ``counts``, ``sentence_starts`` and ``_add``."""

    doc: Doc
    kb: KnowledgeBase
    day: date | None
    found: list
    counts: Counter[str]
    sentence_starts: list[int]
    _genders: dict[str, str]
    _cataphora: list[tuple[int, int]]
    # (a pair's, group's or role pronoun's mention, the mention it stands for), settled with it (``_settle_pairs``)
    _pairs: list[tuple]

    def _one_person(self, noun: Token) -> bool:
        """A singular noun naming one human being by role ("a senior official", "the spokesman")."""
        role = self.kb.roles.get(noun.lemma_.lower())
        return noun.tag_ == "NN" and role is not None and role.person

    def _named_before(self, tok: Token, sentences: int) -> Iterator:
        """The mentions before ``tok`` in its sentence and the ``sentences`` before it, nearest first."""
        for f in reversed(self.found):
            if f.start >= tok.i:
                continue
            if sentences_between(self.sentence_starts, f.start, tok.i) > sentences:
                return
            yield f

    def _pronoun(self, tok: Token) -> None:
        start = tok.i - 1 if tok.lower_ == "country" else tok.i
        named_after = _forward_name(tok)
        if named_after is not None:  # settled once the name after it is read (_settle_cataphora)
            self._add(start, tok.i + 1, None, "unresolved", 0.0, tok)
            self._cataphora.append((len(self.found) - 1, named_after.i))
            return
        # '"Neither the president nor Congress should ...," she said': the speaker of a statement is
        # not one of the people it talks about
        said = {t.i for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree} \
            if tok.dep_ == "nsubj" else set()
        if tok.lower_ == "it" and self._unknown_teller(tok):
            self._add(start, tok.i + 1, None, "unresolved", 0.0, tok)
            return
        joined = self._joined_subject(tok)
        if joined is not None:
            self._add(start, tok.i + 1, joined, "pronoun", 0.6, tok)
            return
        mismatched = False
        for f in reversed(self.found):
            if not f.subject or f.actor is None or f.start >= start or f.root in said:
                continue
            if sentences_between(self.sentence_starts, f.start, tok.i) > MAX_PRONOUN_DISTANCE:
                break
            if tok.lower_ in PERSON_PRONOUNS or tok.lower_ in POSSESSIVE_PRONOUNS:
                # '"We will not negotiate," a senior Hamas official said. He accused Israel': one person
                # described by role stands for whom the description resolved to
                ok = f.actor.type == "person" or self._one_person(tok.doc[f.root])
                if ok and not fits(tok.lower_, self._gender(f.actor)):
                    mismatched = True
                    continue  # "Clinton suggested ... she charged": not Sanders, named last
                if not ok and f.actor.type == "country":
                    # "North Korea has expanded its arsenal ... He also formed": the state's
                    # leader, when the article has named exactly one
                    leader = self._leader_named(f.actor.id)
                    if leader is not None:
                        self._add(start, tok.i + 1, leader, "pronoun", 0.5, tok)
                        return
            else:
                ok = f.actor.type in IT_TYPES
            if ok:
                self._add(start, tok.i + 1, f.actor, "pronoun", 0.6, tok)
                if (f.actor.type != "person" and tok.lower_ in PERSON_PRONOUNS | POSSESSIVE_PRONOUNS) or f.country is None:
                    # the role's home may come later (homes.py): "The foreign ministry said it ...",
                    # in a story from Seoul, is South Korea's
                    self._pairs.append((self.found[-1], f))
                return
            if tok.doc[f.root].tag_ in PLURAL_TAGS:
                continue  # "people from China love me, he said": a plural subject is never "he" or "it"
            if tok.lower_ in PERSON_PRONOUNS | POSSESSIVE_PRONOUNS and _embedded(tok.doc[f.root]):
                # "Burhan told troops that the army would not negotiate. Hours later, he accepted":
                # a subject inside what someone said is passed over, as seldom the one meant next
                continue
            break  # otherwise only the most recent subject counts: no guess past it
        agreeing = self._agreeing_person(tok, start, said) if mismatched else None
        if agreeing is not None:
            self._add(start, tok.i + 1, agreeing, "pronoun", 0.5, tok)
        elif tok.lower_ in PERSON_PRONOUNS:
            self._add(start, tok.i + 1, None, "unresolved", 0.0, tok)

    def _unknown_teller(self, tok: Token) -> bool:
        """"The group that organized the protest, Youth Climate Now, said it would hold more sit-ins":
        "it", the subject of a clause that another clause's subject tells or thinks, stands for that
        subject; where that subject is named but Tidings could not resolve it, "it" is no one known,
        not an earlier actor ("the senator" of the sentence before)."""
        clause = tok.head
        if tok.dep_ != "nsubj" or clause.dep_ != "ccomp" or clause.head.i == clause.i:
            return False
        teller = next((c for c in clause.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if teller is None or teller.pos_ not in ("NOUN", "PROPN") or teller.tag_ in PLURAL_TAGS:
            return False
        phrase = range(teller.left_edge.i, teller.right_edge.i + 1)
        # named ("Youth Climate Now"), not a description that may stand for a body named before ("the agency")
        named = any(tok.doc[i].ent_type_ or tok.doc[i].pos_ == "PROPN" for i in phrase)
        return named and not any(f.actor is not None and f.start in phrase for f in self.found)

    def _group(self, tok: Token) -> bool:
        """"Argentina, Chile and Peru said they would not recognise the result. The minister accused
        them of meddling": "they" or "them" after a subject of several actors named side by side
        (the latest subject within two sentences, not the pronoun's own clause's) stands for all of
        them, each a mention of it."""
        if tok.lower_ not in ("they", "them"):
            return False
        latest = next((f for f in self._named_before(tok, MAX_PRONOUN_DISTANCE) if f.subject and f.actor is not None
                       and self.doc[f.root].head.i != tok.head.i), None)
        if latest is None:
            return False
        # a "they" read so before stands for its whole group again
        group = [f for f in self.found if (f.start, f.end) == (latest.start, latest.end) and f.actor is not None] \
            if latest.method == "pronoun" else self._conjoined(latest)
        if len({f.actor.id for f in group}) < 2:
            return False
        for named in sorted(group, key=lambda f: f.start):
            self._add(tok.i, tok.i + 1, named.actor, "pronoun", 0.5, tok)
            self._pairs.append((self.found[-1], named))
        return True

    def _conjoined(self, first) -> list:
        """A mention and those joined to it, directly or through one another ("X, Y and Z")."""
        group = [first]
        grown = True
        while grown:
            grown = False
            for g in self.found:
                if g.actor is not None and g not in group and any(self._joined(h, g) or self._joined(g, h) for h in group):
                    group.append(g)
                    grown = True
        return group

    def _pair(self, tok: Token) -> bool:
        """"Israel and Hamas ... Both sides accused each other": "the two sides", "both countries" and
        their kin stand for the two actors last named side by side ("X and Y") within two sentences;
        each is a mention of the phrase."""
        if not _pair_reference(tok):
            return False
        # a pair that was a subject first: "Pakistan and Afghanistan agreed to a ceasefire after talks
        # mediated by Qatar and Turkey. ... the two sides would meet again" are not the mediators
        for subjects_only in (True, False):
            for f in self._named_before(tok, MAX_PRONOUN_DISTANCE):
                if subjects_only and not f.subject:
                    continue
                other = next((g for g in self.found if g.actor is not None and f.actor is not None
                              and g.actor.id != f.actor.id and self._joined(f, g)), None)
                if other is not None and other.start < tok.i and not _subject_above(self.doc[f.root], tok):
                    for named in (f, other):
                        self._add(tok.left_edge.i, tok.i + 1, named.actor, "pair", 0.6, tok)
                        self._pairs.append((self.found[-1], named))
                    return True
        return False

    def _settle_pairs(self) -> None:
        """Each side of a pair, and each "he" read as a person named by role, as its mention was finally
        settled ("the army", "the senator", given the article's state after the pronoun was read)."""
        for mine, named in self._pairs:
            mine.actor, mine.country, mine.sectors = named.actor, named.country, list(named.sectors)

    def _joined(self, first, second) -> bool:
        """Whether a word of the second mention is a conjunct of a word of the first ("X and Y")."""
        return any(self.doc[i].dep_ == "conj" and first.start <= self.doc[i].head.i < first.end
                   for i in range(second.start, second.end))

    def _settle_cataphora(self) -> None:
        """A he or she in a clause before its main clause stands for that clause's subject when it is
        a person of a fitting gender ("While he does support Clinton, Groberg admits ...")."""
        for at, root in self._cataphora:
            f = self.found[at]
            named = next((g for g in self.found if g.start <= root < g.end and g.actor is not None), None)
            if named is not None and named.actor.type == "person" and \
                    fits(self.doc[f.root].lower_, self._gender(named.actor)):
                self.regroup(f, named.actor, 0.6)
                f.method = "pronoun"

    def _joined_subject(self, tok: Token) -> Actor | None:
        """"Mr. Khan said that Mr. Trump had shown disrespect, and he accused Mr. Trump ...": a he or she
        subject of a clause joined to the one before is that clause's subject, a person of the same
        gender, not whoever was the subject of what that clause reported."""
        verb = tok.head
        if tok.dep_ != "nsubj" or tok.lower_ not in PERSON_PRONOUNS or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in PERSON_PRONOUNS:
            return None  # a pronoun there is resolved as this one would be
        f = next((f for f in reversed(self.found) if f.root == subject.i), None)
        if f is None or f.actor is None or f.actor.type != "person" or not fits(tok.lower_, self._gender(f.actor)):
            return None
        return f.actor

    def _agreeing_person(self, tok: Token, start: int, said: set[int]) -> Actor | None:
        """When the subjects before a he/she are all of the other gender ("Rachel Maddow interviewed
        Donald Trump. He said ..."), the latest person named in any role whose gender does not disagree."""
        for f in reversed(self.found):
            if f.start >= start or f.root in said or f.method == "pronoun":
                continue
            if sentences_between(self.sentence_starts, f.start, tok.i) > MAX_PRONOUN_DISTANCE:
                break
            if f.actor is None:
                if self.doc[f.root].ent_type_ == "PERSON":
                    return None  # a person nobody could name stands between: no guess
                continue
            if f.actor.type == "person" and fits(tok.lower_, self._gender(f.actor)):
                return f.actor
        return None

    def _gender(self, actor: Actor) -> str:
        """"m", "f" or "" (unknown) for a person: what the article's words say (one answer only),
        else the first name's; read once per person."""
        known = self._genders.get(actor.id)
        if known is None:
            spans = ((f.start, f.end) for f in self.found
                     if f.actor is not None and f.actor.id == actor.id and f.method != "pronoun")
            known = self._genders[actor.id] = person_gender(self.doc, spans, actor.name)
        return known

    def _leader_named(self, country: str) -> Actor | None:
        leaders = [self.kb.by_id[i].actor for i in self.counts if i in self.kb.by_id
                   and self.kb.by_id[i].kind == "person" and self.kb.by_id[i].actor.country == country
                   and self.kb.by_id[i].holds(("head_of_state", "head_of_government"), self.day)]
        return leaders[0] if len(leaders) == 1 else None


def _embedded(subject: Token) -> bool:
    """Whether a subject's verb lies inside another clause (what was said, a condition), not in its
    sentence's main clause (or one joined to it: "X said ... and the army agreed")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ != "ROOT" and verb.i != subject.i


def _subject_above(named: Token, tok: Token) -> bool:
    """Whether a name is the subject of a verb above the word ("The United States and Britain
    condemned the killings and called on both sides to return to talks"): who calls on both sides
    is not one of them."""
    return tok.dep_ not in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.left_edge.i <= named.i <= c.right_edge.i
        for verb in tok.ancestors for c in verb.children)


def _pair_reference(tok: Token) -> bool:
    """Whether a noun is "the two sides", "both countries" or their kin."""
    if tok.lower_ not in PAIR_NOUNS:
        return False
    words = {c.lower_ for c in tok.children if c.dep_ in ("det", "predet", "nummod")}
    return {"the", "two"} <= words or "both" in words


def _forward_name(tok: Token) -> Token | None:
    """For a he or she subject of a clause that opens its sentence before the main clause ("While he
    does support Clinton, Groberg admits"), the main clause's subject when it is a name."""
    clause = tok.head
    if tok.lower_ not in PERSON_PRONOUNS or tok.dep_ != "nsubj" or clause.dep_ != "advcl" or clause.i > clause.head.i:
        return None
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in FORWARD_MARKS for c in clause.children):
        return None
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ == "PROPN" and subject.i > tok.i else None


def sentences_between(starts: list[int], a: int, b: int) -> int:
    """How many sentences start after token ``a`` and at or before token ``b`` (``starts`` sorted)."""
    return max(0, bisect_right(starts, b) - bisect_right(starts, a))

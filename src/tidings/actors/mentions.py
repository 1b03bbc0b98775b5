"""An article's actor mentions, found by the tokens they cover: shared by the stages that read
who does or says what off the parse (events, quotes)."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from typing import Protocol, TypeVar

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from ..model import ActorMention, Article
from .gender import person_gender
from .kb import data_rows, specific

# from a phrase's head down to the words that make up the same actor phrase ("X and Y", "X's Y")
PHRASE_DEPS = {"conj", "compound", "amod", "nmod", "poss", "appos", "nummod", "det", "cc", "punct", "case"}
MEMBER_PREPS = {"including"}  # "governments, including Argentina and Chile": the group's named members
# "a US-led strike", "French-led forces": the leader, which the parser hangs on "led", is of the phrase
# (not a patron: "Russian-backed separatists" are not Russia)
LEADER_DEPS = {"npadvmod", "compound", "nmod"}


class Located(Protocol):
    """Anything that covers characters of an article: an actor mention, an event's actor reference."""

    @property
    def start(self) -> int | None: ...

    @property
    def end(self) -> int | None: ...


def span_of(doc: Doc, found: Located) -> Span | None:
    """The tokens that cover what a mention (or an actor reference) covers; None where it covers
    nothing in the doc (a reference with no offsets: a place standing in for a source)."""
    if found.start is None or found.end is None:
        return None
    return doc.char_span(found.start, found.end, alignment_mode="expand")


def head_of(doc: Doc, found: Located) -> Token | None:
    """The head word of what a mention (or an actor reference) covers ("Hispanic voters": voters),
    or None where it covers nothing."""
    span = span_of(doc, found)
    return span.root if span is not None and len(span) else None


class MentionIndex:
    """Actor mentions of a doc by token; ``names`` maps actor ids to canonical names, ``people`` holds
    the ids of the actors that are persons."""

    def __init__(self, doc: Doc, mentions: list[ActorMention], names: dict[str, str] | None = None,
                 people: frozenset[str] = frozenset()) -> None:
        self.names = names or {}
        self.people = people
        self._doc, self._mentions = doc, mentions
        self._genders: dict[str, str] = {}
        self.by_token: dict[int, ActorMention] = {}
        # the second of two mentions of one phrase ("the two sides": each side is a mention of it)
        self.also: dict[int, list[ActorMention]] = {}
        starts = doc.to_array(IDX).tolist()
        for m in mentions:
            i = max(bisect_right(starts, m.start) - 1, 0)  # the token holding the mention's first character
            while i < len(starts) and starts[i] < m.end:
                first = self.by_token.setdefault(i, m)
                if first is not m and (first.start, first.end) == (m.start, m.end):
                    self.also.setdefault(i, []).append(m)
                i += 1

    def at(self, i: int) -> list[ActorMention]:
        """Every mention of the phrase holding token ``i``."""
        first = self.by_token.get(i)
        return [] if first is None else [first, *self.also.get(i, ())]

    @classmethod
    def of(cls, article: Article, mentions: list[ActorMention] | None = None) -> MentionIndex:
        """The index of an annotated article's mentions (or of ``mentions``, some of them), with its
        actors' names and persons."""
        return cls(article.doc, article.actor_mentions if mentions is None else mentions,
                   {a.id: a.name for a in article.actors}, frozenset(a.id for a in article.actors if a.type == "person"))

    def gender(self, actor_id: str) -> str:
        """A person's gender as the actors stage reads it (gender.person_gender): "m", "f" or ""."""
        known = self._genders.get(actor_id)
        if known is None:
            spans = (span_of(self._doc, m) for m in self._mentions if m.actor_id == actor_id and m.method != "pronoun")
            known = self._genders[actor_id] = person_gender(
                self._doc, ((s.start, s.end) for s in spans if s is not None), self.names.get(actor_id))
        return known

    def phrase(self, head: Token) -> list[ActorMention]:
        """The actor mentions (with an actor or a country) in the noun phrase headed by ``head``,
        conjuncts, compounds, possessives and appositions included, not its clauses."""
        found: list[ActorMention] = []
        owners: list[ActorMention] = []  # reached through a possessive: "Kim Jong Un's sister Kim Yo Jong"
        stack, seen = [(head, False)], set()
        while stack:
            tok, owned = stack.pop()
            if tok.i in seen:
                continue
            seen.add(tok.i)
            for m in self.at(tok.i):
                if (m.actor_id is not None or m.country is not None) and m not in found + owners:
                    (owners if owned else found).append(m)
            leads = tok.lower_ == "led" and tok.dep_ == "amod"
            stack.extend((c, owned or c.dep_ == "poss" or self._owner_compound(c)) for c in tok.children
                         if c.dep_ in PHRASE_DEPS or (leads and c.dep_ in LEADER_DEPS))
        # whose sister, lawyer or spokesman someone is says who they are, not that the owner acts too;
        # an owner alone is the actor ("Russia's invasion", "Putin's decision")
        found = [m for m in found if m not in owners] or (
            [] if acts_for_owner(head) or any(self._owner_compound(c) for c in head.children) else owners)
        found = self._members(head, found) or found
        return once_each(sorted(_without_home_places(found, head.doc, self.people), key=lambda m: m.start))

    def _owner_compound(self, tok: Token) -> bool:
        """A person compounded into a noun of acting_for.tsv: "Sanders backers", "Clinton allies" are
        his or her people, not the person."""
        return tok.dep_ == "compound" and tok.head.lemma_.lower() in _acting_for() and \
            any(m.actor_id in self.people for m in self.at(tok.i))

    def _members(self, head: Token, found: list[ActorMention]) -> list[ActorMention]:
        """The named members of a group of no one state ("Several Latin American governments,
        including Argentina, Chile and Peru"): they are the actors; none where the group is one."""
        if any(specific(m.actor_id) for m in found):
            return []
        holders = [head]
        verb = head.head
        if head.dep_ == "nsubj" and head.tag_ in ("NNS", "NNPS") and not any(
                c.dep_ == "dobj" and c.tag_ in ("NNS", "NNPS") for c in verb.children):
            # "Several world leaders congratulated Trump, including Benjamin Netanyahu and Viktor
            # Orban": the list hung on the verb names the subject's members, where the object is
            # no group of its own ("attacked several cities, including Kyiv" lists the cities)
            holders.append(verb)
        listed = [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPS
                  for p in c.children if p.dep_ == "pobj" for g in p.subtree]
        return [m for t in listed for m in self.at(t.i) if specific(m.actor_id)]


@cache
def _acting_for() -> frozenset[str]:
    return frozenset(r["word"] for r in data_rows("acting_for.tsv"))


def acts_for_owner(head: Token) -> bool:
    """Whether the phrase's head is someone who acts for its owner ("Trump's campaign manager",
    "Biden's aide"; data/acting_for.tsv): the owner is then no actor of the phrase."""
    return head.lemma_.lower() in _acting_for() and any(c.dep_ == "poss" for c in head.children)


class Naming(Protocol):
    """Anything that names an actor in the text: a mention, or an event's source or target."""

    @property
    def actor_id(self) -> str | None: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int | None: ...


N = TypeVar("N", bound=Naming)


def once_each(found: Iterable[N]) -> list[N]:
    """Each actor once, the first naming of it kept: "the Economic Community of West African States
    (ECOWAS)" names one actor twice, which is one party to an event, not two; an unresolved naming is
    one by its words and place."""
    seen: set[object] = set()
    out = []
    for m in found:
        key = m.actor_id or (m.text, m.start)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _without_home_places(found: list[ActorMention], doc: Doc, people_ids: frozenset[str]) -> list[ActorMention]:
    """Leave out a place that only says where a named person is from: "Florida" in "Florida Gov.
    Rick Scott", "Alabama" in "Alabama Sen. Jeff Sessions". The person is the actor (and carries the
    state as country); "Trump and Mexico" keeps both."""
    if len(found) < 2:
        return found
    people = [m for m in found if m.actor_id in people_ids]
    if not people:
        return found
    out = []
    for m in found:
        if m.actor_id is not None and m.actor_id == m.country:
            root = head_of(doc, m)
            if root is not None and _modifies_person(root, people):
                continue
        out.append(m)
    return out


def _modifies_person(tok: Token, people: list[ActorMention]) -> bool:
    """Whether a word modifies a person's name, through titles between ("Florida Gov. Rick Scott")."""
    for _ in range(3):
        if tok.dep_ not in ("compound", "amod", "nmod"):
            return False
        tok = tok.head
        if any(p.start <= tok.idx < p.end for p in people):
            return True
    return False

"""The typed draft of an event that the rules (rules.py) read and change, one rule at a time.

A draft is frozen: a rule returns the same draft (nothing to do), a changed copy
(``dataclasses.replace``) or None (no event). The runner records, in ``draft.trace``, the name of
every rule that changed the draft, so that one can always say why an event came out as it did.
Sources and targets are ``ActorRef``s; they become the stored dicts only in ``ActorRef.as_dict``,
when the stage turns the finished draft into an ``Event``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..actors.kb import KnowledgeBase
from ..actors.mentions import head_of
from ..model import ActorMention, Article
from .attribution import Speaker
from .lexicon import Trigger, TriggerLexicon
from .modality import ASSERTED
from .roles import MentionIndex
from .where import Place

if TYPE_CHECKING:
    from .classifier import Prediction


def starts_inside(start: int | None, heads: Iterable[Token]) -> bool:
    """Whether a character offset (an actor reference's, or a stored event side's) lies inside the
    phrase of one of these heads; never for no offset."""
    return start is not None and any(h.left_edge.idx <= start < h.right_edge.idx + len(h.right_edge.text)
                                     for h in heads)


@dataclass(frozen=True)
class ActorRef:
    """One source or target: the actor (or None where unresolved), its country and sectors for this
    mention, the words of the article naming it, and ``found``, how the rules came to it: ``parse``
    (subject, object, "by" phrase, ...), ``agent`` (a named but unresolved actor: "by police"),
    ``speaker`` (whoever asks it of another), ``wanter`` ("the US wants ..."), ``place`` (where an
    unnamed perpetrator acted). ``found`` is not part of equality: the same words are the same actor."""

    actor_id: str | None
    name: str | None
    country: str | None
    sectors: tuple[str, ...]
    text: str
    start: int | None
    end: int | None
    found: str = field(default="parse", compare=False)

    @classmethod
    def of(cls, mention: ActorMention, names: dict[str, str], found: str = "parse") -> ActorRef:
        return cls(mention.actor_id, names.get(mention.actor_id) if mention.actor_id else None, mention.country,
                   tuple(mention.sectors), mention.text, mention.start, mention.end, found)

    @classmethod
    def at(cls, place: Place) -> ActorRef:
        """An unnamed actor of the place where the event happened: its country, no actor id."""
        return cls(None, None, place.country, (), place.text or place.name, place.start, place.end, "place")

    @property
    def known(self) -> bool:
        """Whether the reference names an actor or at least a state."""
        return self.actor_id is not None or self.country is not None

    def inside(self, heads: Iterable[Token]) -> bool:
        """Whether the reference starts inside the phrase of one of these heads (never, with no place
        in the text)."""
        return starts_inside(self.start, heads)

    def as_dict(self) -> dict:
        """The stored shape (``Event.sources``/``targets``)."""
        return {"actor_id": self.actor_id, "name": self.name, "country": self.country, "sectors": list(self.sectors),
                "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True, eq=False)
class EventDraft:
    """An event being coded: the trigger word and its lexicon entry, what the rules have said so far
    about it, and ``trace``, the names of the rules that changed it, in order."""

    token: Token
    sentence: Span
    trigger: Trigger
    type: str
    mode: str | None
    context: str | None
    cameo: str
    sources: tuple[ActorRef, ...] = ()
    targets: tuple[ActorRef, ...] = ()
    modality: str = ASSERTED
    cue: Token | None = None
    speaker: Speaker = field(default_factory=Speaker)
    intent: str | None = None  # the kind of stated intention it was recoded from (commit, demand, ...)
    place: Place | None = None
    date: tuple[str, str] | None = None  # (YYYY-MM-DD, precision)
    confidence: float = 0.0
    trace: tuple[str, ...] = ()
    reading: Prediction | None = None  # the classifier's reading of it, where it was read (learned.py)

    @property
    def meeting(self) -> bool:
        """A meeting, whose place is no party to it (a visit's destination is: "arrived in Seoul")."""
        return self.trigger.type == "CONSULT" and self.trigger.mode != "visit"

    @property
    def nominal(self) -> bool:
        return self.token.pos_ in ("NOUN", "PROPN")

    @property
    def source_sides(self) -> set[str]:
        """The actor ids and states of its sources: whoever shares one is on the source's side."""
        return {r.actor_id for r in self.sources if r.actor_id} | {r.country for r in self.sources if r.country}

    def recoded(self, type_: str, mode: str | None, cameo: str, **changes) -> EventDraft:
        return replace(self, type=type_, mode=mode, cameo=cameo, **changes)


class HiddenIndex(MentionIndex):
    """The article's mention index with the mentions inside one span of text left out: the meeting
    place, so that the roles cannot take it for a participant."""

    def __init__(self, base: MentionIndex, start: int, end: int) -> None:  # noqa: D107  shares base's tables
        self.names, self.people, self.by_token, self.also = base.names, base.people, base.by_token, base.also
        self.hidden = (start, end)

    def phrase(self, head: Token) -> list[ActorMention]:
        start, end = self.hidden
        return [m for m in super().phrase(head) if not (m.start < end and start < m.end)]


@dataclass
class Scene:
    """What every rule may read about the article: its mention index, the knowledge base, actor
    names, and the trigger lexicon the drafts were found with."""

    article: Article
    index: MentionIndex
    kb: KnowledgeBase
    names: dict[str, str]
    lexicon: TriggerLexicon

    @cached_property
    def actor_types(self) -> dict[str, str]:
        """Each actor of the article by id: its type ("person", "country", "organisation", ...)."""
        return {a.id: a.type for a in self.article.actors}

    def private_person(self, ref: ActorRef) -> bool:
        """Whether a source or target is a person the knowledge base does not know, with no office or
        role the text gives them: often a private person (a columnist, an actor, a coach)."""
        return ref.actor_id is not None and ref.actor_id not in self.kb.by_id and not ref.sectors \
            and self.actor_types.get(ref.actor_id) == "person"

    @cached_property
    def descriptions(self) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
        """Each person of the article by id: the lemmas of the nouns that describe them by an
        apposition or a title ("Frank Luntz, a pollster", "pollster Frank Luntz"), and the words of
        the bodies they are "of" or "at" ("of the Brookings Institution"), gathered once over every
        mention whose head is a name (a description such as "two leaders of the Center" is none)."""
        doc, found = self.article.doc, {}
        for m in self.article.actor_mentions:
            if not m.actor_id or self.actor_types.get(m.actor_id) != "person":
                continue
            root = head_of(doc, m)
            if root is None or root.pos_ != "PROPN":
                continue
            described = [c for c in root.children if c.dep_ == "appos"] + \
                [c for c in root.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + \
                ([root.head] if root.dep_ == "appos" else [])
            if any(c.dep_ == "poss" for d in [*described, *([root.head] if root.dep_ == "conj" else [])]
                   for c in d.children):
                described = []  # "Clinton's chief strategist Joel Benenson": someone's staff, speaking for them
            bodies = [t.lower_ for c in [root, *described] for p in c.children if p.dep_ == "prep" and p.lower_ in ("of", "at")
                      for g in p.children if g.dep_ == "pobj" for t in g.subtree]
            roles, words = found.get(m.actor_id, (frozenset(), frozenset()))
            found[m.actor_id] = (roles | {d.lemma_.lower() for d in described}, words | set(bodies))
        return found

    def refs(self, mentions: Iterable[ActorMention], found: str = "parse") -> tuple[ActorRef, ...]:
        return tuple(ActorRef.of(m, self.names, found) for m in mentions)

    def index_for(self, draft: EventDraft) -> MentionIndex:
        """The index the roles of this draft are read with: the meeting place hidden."""
        place = draft.place
        if draft.meeting and place is not None and place.start is not None:
            return HiddenIndex(self.index, place.start, place.end)
        return self.index


Rule = Callable[[EventDraft, Scene], "EventDraft | None"]


def run(draft: EventDraft, scene: Scene, rules: Iterable[Rule], dropped: list | None = None) -> EventDraft | None:
    """Apply the rules in order. A rule that returns a new draft is added to its trace; one that
    returns None ends it (and, when ``dropped`` is given, ``(draft, rule name)`` is appended to it)."""
    for rule in rules:
        new = rule(draft, scene)
        if new is None:
            if dropped is not None:
                dropped.append((draft, rule.__name__))
            return None
        if new is not draft:
            draft = replace(new, trace=draft.trace + (rule.__name__,))
    return draft

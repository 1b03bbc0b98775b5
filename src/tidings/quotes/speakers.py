"""Who is speaking: the subject of a reporting word, resolved to an actor with the article's
actor mentions.

The speaker of "X said ..." is X: the cue's subject, inherited from the verb it hangs off where
it has none ("..., adding that ...", "Holmes, writing ..., outlined ..."), the noun a relative
clause describes ("Holmes, who believes ..."), the agent of a passive ("was told by X"), or the
object of "according to". The words of the speaker phrase are kept with their offsets; its
actor is the actor mention of the phrase (the head's own first).

A pronoun may have been resolved by the actors stage to someone the clause itself names: in
"when he mentioned Jong-un, he spoke as if ..." the speaker is not Kim Jong Un, since a
pronoun cannot stand for a name in its own clause, and a speaker quoted as "I ... Kim Jong-un"
is not Kim either. Such a pronoun takes instead the latest person mentioned before it who is
not excluded.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

from ..actors.mentions import MentionIndex
from ..model import ActorMention, Article
from .lexicon import load_lexicon

SUBJECT_DEPS = ("nsubj", "csubj")
INHERIT_DEPS = ("conj", "xcomp", "advcl", "acomp", "pcomp")
RELATIVE = {"who", "that", "which", "whom", "whose"}
NOT_SPEAKERS = {"this", "that", "these", "those", "which", "what", "there", "here", "something", "nothing",
                "anything", "everything"}
PERSONAL = {"he", "she", "they", "him", "her", "them", "i", "we", "me", "us", "you"}
EDGE_PUNCT = set(",;:-\u2014\u2013()[]'\"\u201c\u201d\u2018\u2019 \n\t")


def subject_of(cue: Token) -> Token | None:
    """The head of the phrase that names who speaks or thinks through ``cue``."""
    groups = load_lexicon().groups
    t = cue
    for _ in range(5):
        subjects = [c for c in t.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # a garbled sentence may give two: the one nearest the verb
            return _antecedent(min(subjects, key=lambda c: abs(c.i - t.i)), t)
        passive = any(c.dep_ in ("nsubjpass", "csubjpass") for c in t.children)
        quantifier = next((c for c in t.children if c.i < t.i and c.dep_ in ("det", "amod", "advmod", "npadvmod", "dep")
                           and groups.get(c.lower_) == "quantifier"), None)
        if quantifier is not None:  # "Some fear that ...", parsed with "Some" as a determiner
            return quantifier
        if passive:
            for child in t.children:
                if child.dep_ == "agent":
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
            return None  # "it is said that ...": no one named
        if t.dep_ == "relcl" and t.head.i != t.i:
            return t.head
        if t.dep_ in INHERIT_DEPS and t.head.i != t.i and t.head.pos_ in ("VERB", "AUX"):
            t = t.head
            continue
        break
    return None


def _antecedent(subject: Token, verb: Token) -> Token:
    """A relative pronoun subject ("who said") stands for the noun its clause describes."""
    if subject.lower_ in RELATIVE and verb.dep_ == "relcl" and verb.head.i != verb.i:
        return verb.head
    return subject


def phrase_span(head: Token, cue: Token | None = None) -> Span:
    """The words of the speaker phrase: the head's subtree without relative clauses, cut before
    a clause holding the cue, without punctuation at its edges."""
    doc = head.doc
    clauses = {t.i for c in head.children if c.dep_ in ("relcl", "acl") for t in c.subtree}
    tokens = [t.i for t in head.subtree if t.i not in clauses]  # "Sanders, who endorsed Clinton,": Sanders
    if cue is not None and cue.i in tokens:
        tokens = [i for i in tokens if i < min(cue.i, *(c.left_edge.i for c in head.children if cue.i in
                                                         {x.i for x in c.subtree}))]
        tokens = tokens or [head.i]
    kept = set(tokens)
    start = end = head.i
    while start - 1 in kept:  # the unbroken run of words around the head
        start -= 1
    while end + 1 in kept:
        end += 1
    end += 1
    while start < end - 1 and doc[start].text in EDGE_PUNCT | {"\u201c", "\u201d"}:
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


class Speakers:
    """Speaker resolution over one article: its doc, actor mentions and actors."""

    def __init__(self, article: Article, index: MentionIndex | None = None) -> None:
        self.article = article
        self.doc: Doc = article.doc
        self.names = {a.id: a.name for a in article.actors}
        self.types = {a.id: a.type for a in article.actors}
        self._index = index
        self.mentions = sorted(article.actor_mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.groups = load_lexicon().groups

    @property
    def index(self) -> MentionIndex:
        """Built on first use: many articles have no claim or quote."""
        if self._index is None:
            self._index = MentionIndex.of(self.article)
        return self._index

    def acceptable(self, head: Token) -> bool:
        """Whether a subject can be a speaker at all ("this", "there", "which" cannot)."""
        word = head.lower_
        if head.pos_ == "PRON" or head.tag_ in ("WDT", "WP", "EX"):
            return word not in NOT_SPEAKERS
        return head.pos_ in ("NOUN", "PROPN", "NUM", "DET", "ADJ") and word not in NOT_SPEAKERS

    def mention_of(self, head: Token) -> ActorMention | None:
        """The actor mention of the phrase headed by ``head``: the head's own, else the first."""
        own = self.index.by_token.get(head.i)
        if own is not None and (own.actor_id is not None or own.country is not None):
            return own
        found = self.index.phrase(head)
        return found[0] if found else own

    def speaker(self, head: Token | None, cue: Token | None = None,
                excluded_spans: tuple[tuple[int, int], ...] = ()) -> dict | None:
        """The speaker dict for a subject head: {actor_id, name, country, text, start, end}.

        ``excluded_spans`` are character spans (a clause, the quotation) whose named actors the
        speaker, when a pronoun, cannot be."""
        if head is None or not self.acceptable(head):
            return None
        span = phrase_span(head, cue)
        mention = self.mention_of(head)
        actor_id = mention.actor_id if mention is not None else None
        country = mention.country if mention is not None else None
        if head.lower_ in PERSONAL and head.pos_ == "PRON":
            clause = cue.subtree if cue is not None else ()
            spans = excluded_spans + tuple((t.idx, t.idx + len(t.text)) for t in clause if t.i != head.i)
            excluded = self._named_in(spans, exclude=span)
            if actor_id is not None and actor_id in excluded:
                other = self._previous_person(head.idx, excluded)
                actor_id = other.actor_id if other is not None else None
                country = other.country if other is not None else None
        return {"actor_id": actor_id, "name": self.names.get(actor_id) if actor_id else None,
                "country": country, "text": span.text, "start": span.start_char, "end": span.end_char}

    def _named_in(self, spans: tuple[tuple[int, int], ...], exclude: Span) -> set[str]:
        """Actors named (not by a pronoun) inside any of the character spans."""
        found = set()
        for start, end in _merge(spans):
            i = bisect_left(self.starts, start)
            while i < len(self.mentions) and self.mentions[i].start < end:
                m = self.mentions[i]
                if (m.actor_id and m.method != "pronoun" and m.end <= end
                        and not (exclude.start_char <= m.start < exclude.end_char)):
                    found.add(m.actor_id)
                i += 1
        return found

    def _previous_person(self, before: int, excluded: set[str]) -> ActorMention | None:
        """The latest resolved person mentioned before ``before`` who is not excluded."""
        i = bisect_left(self.starts, before) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.actor_id and m.actor_id not in excluded and self.types.get(m.actor_id) == "person":
                return m
            i -= 1
        return None


def _merge(spans: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(s, e) for s, e in out]
